import type { Text } from '../../core/text.js';
import { txt } from '../../core/text.js';
import { readDataTable } from '../../data/files.js';
import { type OrdinalMode, Orthography, type Romanization } from '../../pinyin/orthography.js';
import { stripTones, toneOf } from '../../pinyin/syllable.js';
import type { AnalyzedRecord } from '../types.js';
import { filled } from './fields.js';

/**
 * Shared machinery of the supplied-pinyin rules (rules.md §9): the engine's own spelling of the record (computed
 * without the supplied value), the supplied strings split into words and syllables, and an alignment of the two.
 */

let ortho: Orthography | undefined;

/** One engine per process, created on first use (loading the reading dictionary is not free). */
function engine(): Orthography {
  return (ortho ??= new Orthography());
}

const expectedCache = new WeakMap<AnalyzedRecord, Map<OrdinalMode, ExpectedForm | null>>();

/** A syllable the engine expects, with the character it spells. */
export interface ExpSyl {
  /** Tone-marked, lower case ('' for a number placeholder). */
  syl: string;
  /** Toneless, lower case, ü folded to u. */
  plain: string;
  /** A digit ordinal or code: its value. */
  num?: number;
  /** Index of the (first) character in the name, when the alignment is known. */
  charIndex?: number;
  /** Starts a word. */
  wordStart: boolean;
}

export interface ExpectedForm {
  roman: Romanization;
  syllables: ExpSyl[];
  /** Toneless letters of the whole name (no spaces, apostrophes, digits). */
  stream: string;
  /** Character index → reading source, aligned with Array.from(name). */
  chars: string[];
  aligned: boolean;
}

/** The engine's spelling of the record, without the user's pinyin. */
export function expectedForm(rec: AnalyzedRecord, mode: OrdinalMode = 'digits'): ExpectedForm | undefined {
  let m = expectedCache.get(rec);
  if (!m) expectedCache.set(rec, (m = new Map()));
  let v = m.get(mode);
  if (v === undefined) {
    v = computeExpected(rec, mode) ?? null;
    m.set(mode, v);
  }
  return v ?? undefined;
}

function computeExpected(rec: AnalyzedRecord, mode: OrdinalMode): ExpectedForm | undefined {
  const f = rec.record.fields;
  let roman: Romanization;
  try {
    roman = engine().romanize(rec.full, {
      type: rec.type,
      region: rec.admin.code,
      reading: f.reading?.trim() || undefined,
      specific: f.specific?.trim() || undefined,
      generic: f.generic?.trim() || undefined,
      segmentation: f.segmentation?.trim() || undefined,
      ordinals: mode,
    });
  } catch {
    return undefined;
  }
  const chars = Array.from(rec.full);
  const syllables: ExpSyl[] = [];
  let offset = 0;
  let aligned = true;
  for (const w of roman.words) {
    const han = Array.from(w.han);
    let first = true;
    const push = (s: ExpSyl) => {
      s.wordStart = first;
      first = false;
      syllables.push(s);
    };
    if (w.syllables.length === 0) {
      // A digit token: 12, Dì-9 (1984 rule 7).
      const m = /^(Dì-)?(\d+)$/i.exec(w.text);
      if (!m) continue;
      let at = offset;
      if (m[1]) push({ syl: 'dì', plain: 'di', charIndex: at++, wordStart: true });
      push({ syl: '', plain: '', num: Number(m[2]), charIndex: at, wordStart: !m[1] });
    } else {
      let consumed = 0;
      for (const s of w.syllables) {
        const plain = fold(stripTones(s).toLowerCase());
        push({ syl: s.toLowerCase(), plain, charIndex: offset + consumed, wordStart: true });
        consumed += plain.endsWith('r') && plain !== 'er' && han[consumed + 1] === '儿' ? 2 : 1;
      }
    }
    offset += han.length;
  }
  if (offset !== chars.length) {
    aligned = false;
    for (const s of syllables) s.charIndex = undefined;
  }
  const stream = syllables.map((s) => s.plain).join('');
  return { roman, syllables, stream, chars, aligned };
}

/** ü → u (signs and keyboards often drop the diaeresis; the comparison must not depend on it). */
export function fold(s: string): string {
  return s.replace(/ü/g, 'u').replace(/v/g, 'u');
}

/** A pinyin string the user supplied. */
export interface Supplied {
  column: 'pinyin' | 'pinyin_sign';
  /** As given. */
  raw: string;
  /** NFC, apostrophes as ', one space between words. */
  text: string;
  /** All capitals: the sign form. */
  isSign: boolean;
  words: string[];
  /** Any tone mark. */
  toned: boolean;
}

const LABEL: Record<Supplied['column'], Text> = {
  pinyin: txt('拼音', 'pinyin'),
  pinyin_sign: txt('标志拼音', 'sign pinyin'),
};

export function columnLabel(s: Supplied): Text {
  return LABEL[s.column];
}

/** The supplied pinyin values of a record (拼音 and 标志拼音 columns). */
export function suppliedValues(rec: AnalyzedRecord): Supplied[] {
  const out: Supplied[] = [];
  for (const column of ['pinyin', 'pinyin_sign'] as const) {
    const raw = filled(rec, column) === undefined ? undefined : rec.record.fields[column];
    if (!raw || !raw.trim()) continue;
    const text = raw.normalize('NFC').replace(/[’‘`´ʼ′]/g, "'").replace(/u:/gi, (m) => (m[0] === 'U' ? 'Ü' : 'ü')).replace(/[\u2010\u2011]/g, '-').replace(/\s+/g, ' ').trim();
    if (!/[A-Za-zÀ-ɏḾḿ]/.test(text)) continue;
    out.push({
      column,
      raw,
      text,
      isSign: text === text.toUpperCase() && /[A-Z]/.test(text),
      words: text.split(' ').filter(Boolean),
      toned: stripTones(text) !== text,
    });
  }
  return out;
}

let syllableSet: Set<string> | undefined;

/** Toneless Hanyu Pinyin syllables (data/lexicon/syllables.txt), lower case, with ü. */
export function syllables(): Set<string> {
  return (syllableSet ??= new Set(readDataTable('lexicon/syllables.txt').map((r) => r[0].toLowerCase())));
}

function isSyllable(s: string): boolean {
  const set = syllables();
  if (set.has(s)) return true;
  // 儿化: syllable + r (huār).
  if (s.length > 1 && s.endsWith('r') && s !== 'er') return set.has(s.slice(0, -1));
  return false;
}

/**
 * Split toneless letters (lower case, ü or v) into syllables: fewest syllables, then the longest first syllable.
 * With `aoe`, no syllable after the first may start with a, o or e (1984 rule 11 puts an apostrophe there).
 */
export function splitLetters(letters: string, aoe = true): string[] | undefined {
  const s = letters.replace(/v/g, 'ü');
  const n = s.length;
  if (!n) return [];
  if (!/^[a-zü]+$/.test(s)) return undefined;
  const best = new Array<number>(n + 1).fill(Infinity);
  const next = new Array<number>(n + 1).fill(-1);
  best[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    if (aoe && i > 0 && 'aoe'.includes(s[i])) continue;
    for (let j = Math.min(n, i + 7); j > i; j--) {
      if (best[j] === Infinity || !isSyllable(s.slice(i, j))) continue;
      if (best[j] + 1 < best[i]) {
        best[i] = best[j] + 1;
        next[i] = j;
      }
    }
  }
  if (best[0] === Infinity) return undefined;
  const out: string[] = [];
  for (let i = 0; i < n; i = next[i]) out.push(letters.slice(i, next[i]));
  return out;
}

/** A syllable (or number) of the supplied string. */
export interface SupSyl {
  /** As written (case and tone marks kept). */
  text: string;
  plain: string;
  num?: number;
  wordStart: boolean;
  /** Index of the word (space-separated token) it belongs to. */
  word: number;
}

/** Toneless lower-case letters of a supplied fragment (apostrophes, hyphens, digits dropped). */
export function lettersOf(s: string): string {
  return stripTones(s).toLowerCase().replace(/[^a-zü]/g, '');
}

/**
 * The supplied string as syllables. When its letters equal the expected form's letters, the engine's syllable
 * boundaries are used (so a missing apostrophe does not change the syllables); otherwise each apostrophe chunk is
 * split on its own. Undefined when some part is not pinyin.
 */
export function suppliedSyllables(sup: Supplied, exp: ExpectedForm | undefined): SupSyl[] | undefined {
  const guided = exp && fold(lettersOf(sup.text)) === exp.stream ? exp : undefined;
  const out: SupSyl[] = [];
  let streamPos = 0;
  // Expected syllable end positions in the letter stream.
  const ends = new Set<number>();
  if (guided) {
    let p = 0;
    for (const s of guided.syllables) {
      p += s.plain.length;
      ends.add(p);
    }
  }
  for (let w = 0; w < sup.words.length; w++) {
    let first = true;
    for (const part of sup.words[w].split('-')) {
      if (!part) continue;
      // Digits (and digits glued to letters, which pinyin-numeral reports) become numbers.
      const pieces = part.match(/\d+|[^\d]+/g) ?? [];
      for (const piece of pieces) {
        if (/^\d+$/.test(piece)) {
          out.push({ text: piece, plain: '', num: Number(piece), wordStart: first, word: w });
          first = false;
          continue;
        }
        for (const chunk of piece.split("'")) {
          if (!chunk) continue;
          const letters = lettersOf(chunk);
          if (letters.length !== stripTones(chunk).replace(/[.,;:!?]+$/, '').length) return undefined;
          let parts: string[] | undefined;
          if (guided) {
            parts = [];
            let start = 0;
            for (let k = 1; k <= letters.length; k++) {
              if (ends.has(streamPos + k)) {
                parts.push(chunk.slice(start, k));
                start = k;
              }
            }
            if (start !== letters.length) return suppliedSyllables(sup, undefined);
          } else {
            const split = splitLetters(letters, true) ?? splitLetters(letters, false);
            if (!split) return undefined;
            parts = [];
            let at = 0;
            for (const s of split) {
              parts.push(chunk.slice(at, at + s.length));
              at += s.length;
            }
          }
          for (const p of parts) {
            out.push({ text: p, plain: fold(lettersOf(p)), wordStart: first, word: w });
            first = false;
          }
          streamPos += letters.length;
        }
      }
    }
  }
  return out;
}

/** One difference between the supplied and the expected syllables. */
export interface Diff {
  kind: 'mismatch' | 'tone' | 'er-split' | 'er-added' | 'number' | 'missing' | 'extra';
  exp?: ExpSyl;
  sup?: SupSyl;
  /** For er-split: the 'er' syllable. */
  er?: SupSyl;
}

/**
 * Walk the two syllable sequences in parallel. Erhua differences (a separate er; an r where no 儿 is written) are
 * their own kinds so that the reading rule can leave them to pinyin-erhua.
 */
export function alignSyllables(exp: readonly ExpSyl[], sup: readonly SupSyl[], tones: boolean): Diff[] {
  const diffs: Diff[] = [];
  let i = 0;
  let j = 0;
  while (i < exp.length && j < sup.length) {
    const e = exp[i];
    const s = sup[j];
    if (e.num !== undefined || s.num !== undefined) {
      if (e.num !== s.num) diffs.push({ kind: 'number', exp: e, sup: s });
      i++;
      j++;
      continue;
    }
    if (s.plain === e.plain) {
      if (tones && toneOf(e.syl) !== 0 && toneOf(s.text) !== 0 && toneOf(s.text) !== toneOf(e.syl)) diffs.push({ kind: 'tone', exp: e, sup: s });
      i++;
      j++;
      continue;
    }
    if (e.plain.endsWith('r') && e.plain !== 'er' && s.plain + 'r' === e.plain && sup[j + 1]?.plain === 'er') {
      diffs.push({ kind: 'er-split', exp: e, sup: s, er: sup[j + 1] });
      i++;
      j += 2;
      continue;
    }
    if (s.plain.endsWith('r') && s.plain !== 'er' && s.plain.slice(0, -1) === e.plain) {
      diffs.push({ kind: 'er-added', exp: e, sup: s });
      i++;
      j++;
      continue;
    }
    diffs.push({ kind: 'mismatch', exp: e, sup: s });
    i++;
    j++;
  }
  for (; i < exp.length; i++) diffs.push({ kind: 'missing', exp: exp[i] });
  for (; j < sup.length; j++) diffs.push({ kind: 'extra', sup: sup[j] });
  return diffs;
}

/** The expected form that fits the supplied string best: digits mode, or spelled ordinals when the user spelled them. */
export function bestExpected(rec: AnalyzedRecord, sup: Supplied): ExpectedForm | undefined {
  const digits = expectedForm(rec, 'digits');
  if (!digits || !rec.parsed.ordinal || /\d/.test(sup.text)) return digits;
  const spelled = expectedForm(rec, 'spelled');
  if (spelled && fold(lettersOf(sup.text)) === spelled.stream) return spelled;
  return digits;
}

/**
 * Each supplied pinyin value that reads as syllables, with the expected form it is compared with and its column
 * label (values that are not pinyin at all are pinyin-scheme's to report).
 */
export function suppliedReadings(rec: AnalyzedRecord): readonly SuppliedReading[] {
  const f = rec.record.fields;
  // Most batches have no pinyin columns: two rules ask for every record, so answer without allocating.
  if (f.pinyin === undefined && f.pinyin_sign === undefined) return NO_READINGS;
  const out: SuppliedReading[] = [];
  for (const sup of suppliedValues(rec)) {
    const exp = bestExpected(rec, sup);
    if (!exp) continue;
    const syl = suppliedSyllables(sup, exp);
    if (syl) out.push({ sup, exp, syl, label: columnLabel(sup) });
  }
  return out;
}

export interface SuppliedReading {
  sup: Supplied;
  exp: ExpectedForm;
  syl: SupSyl[];
  label: Text;
}
const NO_READINGS: readonly SuppliedReading[] = Object.freeze([]);

/** The expected spelling in the supplied string's form, for messages. */
export function expectedShown(exp: ExpectedForm, sup: Supplied): string {
  return sup.isSign ? exp.roman.sign : sup.toned ? exp.roman.pinyin : exp.roman.plain;
}
