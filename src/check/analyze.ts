import type { NameRecord } from '../core/record.js';
import { normalizeName } from '../name/normalize.js';
import { type NameWords, parseName } from '../name/parse.js';
import { type EntityKind, type EntityType, resolveType } from '../name/types.js';
import type { OrdinalMode, Orthography, Romanization } from '../pinyin/orthography.js';
import type { RecordGeometryResult } from '../geo/analyze.js';
import type { AnalyzedRecord } from '../rules/types.js';
import type { AdminInfo, AdminResolver } from './admin.js';
import { existingSoundKeys } from './existing-sound.js';
import { quickSoundKey } from './readingkey.js';

export interface AnalyzeOptions {
  /** Entity type when the record has no 类别 column (--type). */
  type: EntityType;
  resolver: AdminResolver;
  orthography: Orthography;
  /** Is this name known (batch or existing names)? Settles ambiguous parses (东四十二条). */
  isKnown?: (name: string) => boolean;
  profileFor: (admin: AdminInfo) => string;
  /** The surname and commemorative-number lists of the profile of that name (its `lists` changes). */
  wordsFor?: (profile: string) => NameWords;
  /** How the profile of that name writes ordinals in pinyin (its `ordinals` setting; digits by default). */
  ordinalsFor?: (profile: string) => OrdinalMode;
}

/** Read → normalise → analyse: the shared view of one record that every rule reads. */
export function analyzeRecord(record: NameRecord, o: AnalyzeOptions): AnalyzedRecord {
  const f = record.fields;
  const resolved = resolveType(f.type);
  const type = resolved?.type ?? o.type;
  const kind: EntityKind = resolved?.kind ?? type;
  const full = normalizeName(record.name.trim());
  const admin = o.resolver.resolve(f);
  const profile = o.profileFor(admin);
  const parsed = parseName(full, { type, specific: f.specific, generic: f.generic, isKnown: o.isKnown, words: o.wordsFor?.(profile) });
  return new Analyzed(record, full, type, kind, parsed, admin, profile, o.orthography, o.ordinalsFor?.(profile) ?? 'digits');
}

/** Pinyin is computed on first use: most rules never need it. */
class Analyzed implements AnalyzedRecord {
  private roman: Romanization | null | undefined;
  /** sound(false) and sound(true), once asked (null: the name cannot be spelled). */
  private soundKey: string | null | undefined;
  private tonedKey: string | null | undefined;
  /** Set by the geometry stage (src/check/geometry.ts). */
  geo?: RecordGeometryResult;

  constructor(
    readonly record: NameRecord,
    readonly full: string,
    readonly type: EntityType,
    readonly kind: EntityKind,
    readonly parsed: ReturnType<typeof parseName>,
    readonly admin: AdminInfo,
    readonly profile: string,
    private readonly ortho: Orthography,
    private readonly ordinals: OrdinalMode,
  ) {}

  get row(): number {
    return this.record.row;
  }

  get name(): string {
    return this.record.name;
  }

  /** The geometry's length for generic-scale (rules/util/measures.ts); a straight start/end line is only approximate. */
  get lengthM(): number | undefined {
    const g = this.geo;
    return g?.measure && !g.approximate && g.measure.lengthM > 0 ? g.measure.lengthM : undefined;
  }

  get romanization(): Romanization | undefined {
    if (this.roman === undefined) this.roman = this.spell();
    return this.roman ?? undefined;
  }

  /**
   * The readings of the whole name for sound comparisons (toneless, or toned): the uniqueness rules need only this
   * string for every record, so the romanization is not kept for it (a million kept romanizations cost ~260 MB).
   */
  sound(tones: boolean): string | undefined {
    // Only the short key strings are kept (homophone, near-duplicate and nearby-duplicate each ask).
    const cached = tones ? this.tonedKey : this.soundKey;
    if (cached !== undefined) return cached ?? undefined;
    let key: string | null;
    if (this.roman === undefined && this.oneReadingEach(tones)) {
      // Every character has one reading, whatever the place or the words: the engine reads the name as the default
      // readings do (the existing names' keys are made the same way), so it need not run (it spells a million names in ~6 s).
      key = quickSoundKey(this.full, tones) || null;
    } else {
      const r = this.roman === undefined ? this.spell() : this.roman;
      key = r ? (soundKeyOf(r, tones) ?? null) : null;
    }
    if (tones) this.tonedKey = key;
    else this.soundKey = key;
    return key ?? undefined;
  }


  /** Han characters only, none of which the engine could read two ways, and no reading given in the table. */
  private oneReadingEach(tones: boolean): boolean {
    return existingSoundKeys(this.ortho).plainHan(this.full, tones) && !this.record.fields.reading?.trim();
  }

  private spell(): Romanization | null {
    try {
      return this.ortho.romanize(this.full, {
        type: this.type,
        region: this.admin.code,
        reading: this.record.fields.reading,
        specific: this.record.fields.specific,
        generic: this.record.fields.generic,
        segmentation: this.record.fields.segmentation,
        ordinals: this.ordinals,
      });
    } catch {
      // Names that cannot be spelled (Latin letters, punctuation) are reported by han-only.
      return null;
    }
  }
}

/** Toneless (or toned) syllables of the whole name, one per character, lower case, separated by spaces. */
export function soundKeyOf(r: Romanization, tones: boolean): string | undefined {
  if (!tones) return r.soundKey || undefined;
  let out = '';
  for (const s of r.charSyllables) out = out ? `${out} ${s.toLowerCase()}` : s.toLowerCase();
  return out;
}
