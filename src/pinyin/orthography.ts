import { inputError } from '../core/errors.js';
import { type Text, txt } from '../core/text.js';
import { readDataTable } from '../data/files.js';
import { divisions } from '../divisions/divisions.js';
import { type GenericEntry, lexicon } from '../name/lexicon.js';
import { isHan, normalizeName } from '../name/normalize.js';
import { isNumeralChar, numeralValue, spellNumber } from '../name/numerals.js';
import { type EmbeddedName, embeddedRoad, type ParsedName, type ParseOptions, parseName } from '../name/parse.js';
import { type EntityType, isOneWordType } from '../name/types.js';
import { commemorativeNumbers } from '../name/wordlists.js';
import { type ReadingDictionary, type ReadingSource, defaultDictionary } from './readings.js';
import { type Resolved, type ReviewNote, resolveReadings } from './resolve.js';
import { capitalize, joinWord, normalizeSyllable, stripTones } from './syllable.js';

export type OrdinalMode = 'digits' | 'spelled';

export interface RomanizeOptions {
  type?: EntityType;
  /** Admin-code prefix of the place (2–12 digits) for regional readings. */
  region?: string;
  /** 1984 rule 7 (digits, default) or the local practice of spelling ordinals out. */
  ordinals?: OrdinalMode;
  /** Confirmed reading (审定读音): one tone-marked syllable per character. */
  reading?: string;
  /** User-supplied pinyin (拼音 column): it wins over the engine. */
  supplied?: string;
  /** Explicit 专名 / 通名 split. */
  specific?: string;
  generic?: string;
  /** Word breaks marked with / (广安门/北滨河/路); the last part is the modifiers and generic (pinyin.md §5). */
  segmentation?: string;
}

export type WordRole = 'specific' | 'generic' | 'ordinal' | 'ethnic' | 'code' | 'name';

export interface Word {
  /** The characters the word spells ('' for a digit token). */
  han: string;
  /** Tone-marked syllables (lower case; 儿化 merged). */
  syllables: string[];
  /** The word in the `pinyin` form (capitalised, apostrophes). */
  text: string;
  /** The word without tone marks (the `plain` form). */
  plain: string;
  role: WordRole;
}

export interface Romanization {
  name: string;
  type: EntityType;
  /** Tone-marked, words capitalised (announcements). */
  pinyin: string;
  /** As `pinyin` without tone marks (ü kept). */
  plain: string;
  /** Upper case, no tones, apostrophes kept (signs). */
  sign: string;
  words: Word[];
  /** A human must confirm a reading (pinyin.md §8.1). */
  review: boolean;
  reasons: Text[];
  /** Other spellings the review should consider (pinyin form). */
  alternatives: string[];
  /** Where the spelling came from. */
  source: 'engine' | 'input';
  /** Per character: where its reading came from. */
  readingSources: ReadingSource[];
  /** Per character: its tone-marked reading (儿 not merged; digits as written). Used for sound comparisons. */
  charSyllables: string[];
  /** The toneless readings of all characters, lower case, separated by spaces (homophone comparisons). */
  readonly soundKey: string;
  parsed: ParsedName;
}

const DIRECTION_SYLLABLE: Record<string, string> = {
  东: 'dōng', 西: 'xī', 南: 'nán', 北: 'běi', 中: 'zhōng', 左: 'zuǒ', 右: 'yòu', 横: 'héng',
};
const RING_RE = /^([东西南北中内外])?([一二三四五六七八九十]+)环$/;
const DIRECTION_INDEX: Record<string, number> = { 东: 1, 西: 2, 南: 3, 北: 4, 中: 5, 左: 6, 右: 7, 横: 8 };
const NUMERAL_SYLLABLE: Record<string, string> = {
  〇: 'líng', 零: 'líng', 一: 'yī', 二: 'èr', 三: 'sān', 四: 'sì', 五: 'wǔ', 六: 'liù', 七: 'qī', 八: 'bā', 九: 'jiǔ', 十: 'shí', 百: 'bǎi',
};
const CACHE_LIMIT = 200_000;
/** Names of plain CJK ideographs need no character check (the common case). */
const PURE_HAN_RE = /^[\u3400-\u4dbf\u4e00-\u9fff]+$/;
const EMPTY_RESOLVED: Resolved = { syllables: [], sources: [], reviews: [] };
/** Shared by results without reasons (read-only). */
const NO_REASONS: Text[] = Object.freeze([]) as unknown as Text[];
/** Shared by results without alternatives (results are read-only; a review assigns its own array). */
const NO_ALTERNATIVES: string[] = Object.freeze([]) as unknown as string[];

interface SpecificPart {
  words: Word[];
  syllables: string[];
  /** Toneless syllables joined by spaces. */
  sound: string;
  /** The 专名 spelled with each reviewed reading replaced by an alternative (computed on first need). */
  altSpecifics?: string[];
  reviews: ReviewNote[];
  sources: ReadingSource[];
  /** The words joined in the pinyin, plain and sign forms. */
  pinyin: string;
  plain: string;
  sign: string;
}

interface GenericPart {
  words: Word[];
  syllables: string[];
  sound: string;
  pinyin: string;
  plain: string;
  sign: string;
  /** Reading sources of the direction, ordinal and generic characters. */
  sources: ReadingSource[];
}
const ADMIN_TYPES: ReadonlySet<EntityType> = new Set(['township', 'county', 'district', 'city', 'province']);

/**
 * The place-name orthography engine (pinyin.md §5). One instance holds the reading dictionary and the caches;
 * readings are resolved once per 专名 (road names repeat their morphemes heavily).
 */
export class Orthography {
  readonly dict: ReadingDictionary;
  private readonly cache = new Map<string, Resolved>();
  private readonly specifics = new Map<EntityType, Map<string, Map<string, SpecificPart>>>();
  private readonly generics = new Map<GenericEntry | string, Map<number, GenericPart>>();
  private erWords: Set<string> | undefined;
  private ethnic: string[] | undefined;

  constructor(dict: ReadingDictionary = defaultDictionary()) {
    this.dict = dict;
    this.loadSegmentations();
  }

  /**
   * Convert one name. Throws an input DimingError for names that cannot be spelled (empty, Latin letters …).
   * Results share parts with the engine's caches: treat them as read-only.
   */
  romanize(name: string, opts: RomanizeOptions = {}): Romanization {
    // Only the part of the admin code that some reading names matters, and only for names with a character that some
    // regional reading names (the caches then serve every place alike).
    const region = opts.region && this.dict.regionMatters(name) ? this.dict.effectiveRegion(opts.region) : undefined;
    return this.convert(name, opts.type ?? 'road', opts.ordinals ?? 'digits', region === opts.region ? opts : { ...opts, region });
  }

  private convert(name: string, type: EntityType, mode: OrdinalMode, opts: RomanizeOptions): Romanization {
    const full = normalizeName(name.trim());
    const pureHan = PURE_HAN_RE.test(full);
    if (!pureHan) checkConvertible(name, full);
    // Most names need no reason: the array is allocated only when one is added.
    let reasons: Text[] = NO_REASONS;
    const addReason = (t: Text) => {
      if (reasons === NO_REASONS) reasons = [];
      reasons.push(t);
    };
    const seg = this.fullSegments.size || opts.segmentation ? this.segmentation(full, opts.segmentation, addReason) : undefined;
    const specific = seg?.specific ?? opts.specific;
    const explicit = specific !== undefined || opts.generic !== undefined;
    let parsed = explicit
      ? parseName(full, { ...this.optionsFor(type), specific, generic: opts.generic })
      : parseName(full, this.optionsFor(type));
    if (parsed.explicit && spans(parsed) !== full) {
      addReason(txt('「专名」「通名」列与名称对不上，已按名称自动切分', 'the 专名/通名 columns do not match the name; split automatically'));
      parsed = parseName(full, this.optionsFor(type));
    }
    if (seg?.words && parsed.specific === seg.specific) parsed = { ...parsed, specificWords: seg.words };
    if (parsed.ambiguity) addReason(parsed.ambiguity);
    if (!pureHan && /[0-9]/.test(full)) {
      addReason(txt('名称含阿拉伯数字；标准地名的汉字形式应使用汉字数字', 'the name contains Arabic digits; a standard name is written with Chinese numerals'));
    }
    if (opts.supplied && opts.supplied.trim()) return fromSupplied(name, type, opts.supplied, parsed, reasons === NO_REASONS ? [] : reasons);

    // Fast path: road-like names whose 专名 and modifiers+generic are each converted once and cached.
    if (!opts.reading && this.isSplit(parsed, type) && !parsed.explicit && !this.inDictionary(full)) {
      const spec = this.specificPart(parsed, type, opts.region, mode);
      const gen = this.genericPart(parsed, mode);
      const out = new PartsResult(name, type, parsed, spec, gen, reasons);
      if (spec.reviews.length) {
        spec.altSpecifics ??= this.specificAlternatives(parsed, type, opts.region, mode);
        out.alternatives = spec.altSpecifics.map((a) => `${a} ${gen.pinyin}`);
      }
      return out;
    }
    const resolved = opts.reading ? this.fromReading(full, opts.reading) : this.resolveFull(parsed, type, opts.region);
    const words = this.divide(parsed, type, resolved.syllables, mode);
    const out = finish(name, type, words, parsed, resolved.reviews, resolved.sources, reasons === NO_REASONS ? [] : reasons, resolved.syllables);
    if (resolved.reviews.length) out.alternatives = this.alternatives(parsed, type, resolved, mode, out.pinyin);
    return out;
  }

  private readonly isKnown = (n: string): boolean => this.dict.has(n);

  /** 专名 → its words, and full name → 专名, from data/lexicon/segmentations.tsv and user segmentations. */
  private readonly segments = new Map<string, string[]>();
  private readonly fullSegments = new Map<string, string>();

  private loadSegmentations(): void {
    for (const [line] of readDataTable('lexicon/segmentations.tsv')) this.addSegmentation(line);
  }

  /** Register a division such as 广安门/北滨河/路 (the last part is modifiers + generic) for every name. */
  addSegmentation(marked: string): string | undefined {
    const words = specificWordsOf(marked);
    if (!words) return undefined;
    const specific = words.join('');
    this.segments.set(specific, words);
    this.fullSegments.set(normalizeName(marked.replace(/[/／|｜]/g, '')), specific);
    return specific;
  }

  /**
   * The 专名 (and its words) fixed by a segmentation for this name: the record's own 分词 column, which applies to this
   * name only (it must not change how other records are spelled), else a registered one.
   */
  private segmentation(full: string, given: string | undefined, addReason: (t: Text) => void): { specific: string; words?: string[] } | undefined {
    if (given && given.trim()) {
      const marked = normalizeName(given);
      const words = marked.replace(/[/／|｜]/g, '') === full ? specificWordsOf(marked) : undefined;
      if (words) return { specific: words.join(''), words };
      addReason(txt(`「分词」${given} 与名称不一致，未采用`, `the segmentation ${given} does not match the name; ignored`));
    }
    const specific = this.fullSegments.get(full);
    return specific === undefined ? undefined : { specific };
  }

  private inDictionary(full: string): boolean {
    return full.length <= this.dict.maxLen && this.dict.firstChars.has(firstChar(full)) && this.dict.has(full);
  }

  /** Parse options per type, built once (no per-name option objects on the hot path). */
  private readonly parseOptions = new Map<EntityType, ParseOptions>();

  private optionsFor(type: EntityType): ParseOptions {
    let o = this.parseOptions.get(type);
    if (!o) this.parseOptions.set(type, (o = { type, isKnown: this.isKnown, classify: false }));
    return o;
  }

  /** Is the name written as 专名 + modifiers/generic words (rather than one word)? */
  private isSplit(p: ParsedName, type: EntityType): boolean {
    return !(isOneWordType(type) || !p.generic || (p.genericClass === 'settlement' && type === 'road') ||
      (ADMIN_TYPES.has(type) && p.genericClass !== 'admin'));
  }

  /** The 专名's words and reading notes, cached per 专名, type and region. */
  private specificPart(p: ParsedName, type: EntityType, region: string | undefined, mode: OrdinalMode): SpecificPart {
    const map = this.specificMap(type, mode === 'digits' ? region : `${region ?? ''}\u0001${mode}`);
    let part = map.get(p.specific);
    if (!part) {
      const r = p.specific ? this.cached(p.specific, region) : EMPTY_RESOLVED;
      const words = p.specific ? this.specificWords(p, type, Array.from(p.specific), r.syllables, mode) : [];
      part = { words, syllables: r.syllables, sound: soundOf(r.syllables), reviews: r.reviews, sources: r.sources, ...joinWords(words) };
      if (map.size >= CACHE_LIMIT) map.clear();
      map.set(p.specific, part);
    }
    return part;
  }

  /** The 专名 cache of one type and region (the last one is kept at hand: batches rarely switch). */
  private specificMap(type: EntityType, region: string | undefined): Map<string, SpecificPart> {
    const rk = region ?? '';
    if (this.lastMap && this.lastType === type && this.lastRegion === rk) return this.lastMap;
    let byRegion = this.specifics.get(type);
    if (!byRegion) this.specifics.set(type, (byRegion = new Map()));
    let map = byRegion.get(rk);
    if (!map) byRegion.set(rk, (map = new Map()));
    this.lastType = type;
    this.lastRegion = rk;
    this.lastMap = map;
    return map;
  }

  private lastType: EntityType | undefined;
  private lastRegion: string | undefined;
  private lastMap: Map<string, SpecificPart> | undefined;

  /** Direction, ordinal and generic words, cached per generic and per modifier combination (a numeric key). */
  private genericPart(p: ParsedName, mode: OrdinalMode): GenericPart {
    let byMods = this.generics.get(p.genericEntry ?? p.generic);
    if (!byMods) this.generics.set(p.genericEntry ?? p.generic, (byMods = new Map()));
    const o = p.ordinal;
    const key = (p.direction ? DIRECTION_INDEX[p.direction] ?? 15 : 0) * 2 +
      (mode === 'spelled' ? 1 : 0) +
      (o ? (o.value * 4 + (o.di ? 2 : 0) + (o.hao ? 1 : 0) + 1) * 32 : 0);
    let part = byMods.get(key);
    if (!part) {
      const mods = this.modifierSyllables(p);
      const syllables = mods.concat(this.genericSyllables(p));
      const words = this.genericWords(p, mode, syllables);
      const sources = mods.map((): ReadingSource => 'library').concat(Array.from(p.generic, (): ReadingSource => 'dictionary'));
      part = { words, syllables, sound: soundOf(syllables), sources, ...joinWords(words) };
      byMods.set(key, part);
    }
    return part;
  }

  /** Syllables of the direction word and the ordinal characters (第, numerals, 号). */
  private modifierSyllables(p: ParsedName): string[] {
    const out: string[] = [];
    if (p.direction) out.push(DIRECTION_SYLLABLE[p.direction]);
    if (p.ordinal) for (const ch of p.ordinal.text) out.push(ch === '第' ? 'dì' : ch === '号' ? 'hào' : NUMERAL_SYLLABLE[ch] ?? ch);
    return out;
  }

  /** The generic's syllables: the generic table is authoritative (弄 lòng, 胡同 hútong: 1984 rules). */
  private genericSyllables(p: ParsedName): string[] {
    const g = p.genericEntry;
    return g && g.syllables.length === p.generic.length ? g.syllables : this.cached(p.generic, undefined).syllables;
  }

  /** Per-character syllables of the whole name: the 专名 from the cache, modifiers and generic from the tables. */
  private resolveFull(p: ParsedName, type: EntityType, region: string | undefined): Resolved {
    if (!this.isSplit(p, type) || this.inDictionary(p.full)) return this.cached(p.full, region);
    const spec = p.specific ? this.cached(p.specific, region) : EMPTY_RESOLVED;
    const tail = this.modifierSyllables(p).concat(this.genericSyllables(p));
    return {
      syllables: spec.syllables.concat(tail),
      sources: spec.sources.concat(tail.map(() => 'dictionary' as ReadingSource)),
      reviews: spec.reviews,
    };
  }

  private cached(text: string, region: string | undefined): Resolved {
    const key = (region ?? '') + '\u0001' + text;
    let r = this.cache.get(key);
    if (!r) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      r = resolveReadings(text, region, this.dict);
      this.cache.set(key, r);
    }
    return r;
  }

  /** A confirmed reading for the whole name (审定读音 column). */
  private fromReading(full: string, reading: string): Resolved {
    const chars = Array.from(full);
    const raw = reading.trim().split(/[\s'’-]+/).filter(Boolean);
    const tokens = raw.map((t) => normalizeSyllable(t));
    const badAt = tokens.findIndex((t) => t === undefined);
    if (badAt >= 0) {
      throw inputError(
        txt(`「读音」中的「${raw[badAt]}」不是拼音音节`, `"${raw[badAt]}" in the reading is not a pinyin syllable`),
        undefined,
        txt('每个字写一个带调音节（如 pù 或 pu4），用空格分开。', 'Write one syllable per character (pù or pu4), separated by spaces.'),
      );
    }
    if (tokens.length !== chars.length) {
      throw inputError(
        txt(`「读音」有 ${tokens.length} 个音节，名称「${full}」有 ${chars.length} 个字`, `the reading has ${tokens.length} syllables but "${full}" has ${chars.length} characters`),
        undefined,
        txt('每个字写一个带调音节，用空格分开，如「shí lǐ pù lù」。', 'Write one tone-marked syllable per character, separated by spaces, e.g. "shí lǐ pù lù".'),
      );
    }
    return { syllables: tokens as string[], sources: chars.map(() => 'override' as ReadingSource), reviews: [] };
  }

  /** Word division by entity type (pinyin.md §5.2), from one syllable per character of the name. */
  private divide(p: ParsedName, type: EntityType, syl: readonly string[], mode: OrdinalMode): Word[] {
    const chars = Array.from(p.full);
    if (!this.isSplit(p, type)) return this.splitCodes(chars, syl, 'name');
    const ls = Array.from(p.specific).length;
    const words = ls ? this.specificWords(p, type, chars.slice(0, ls), syl.slice(0, ls), mode) : [];
    return words.concat(this.genericWords(p, mode, syl.slice(ls)));
  }

  /**
   * Direction, ordinal and generic (pinyin.md §5.2–5.3) from their syllables: a direction joins the generic
   * (Dōnglù) unless an ordinal follows (Dōng 1 Xiàng); ordinals are digit tokens (1, Dì-9) or, spelled, join the
   * generic when one syllable long.
   */
  private genericWords(p: ParsedName, mode: OrdinalMode, syl: readonly string[]): Word[] {
    const words: Word[] = [];
    let k = 0;
    let prefix: string[] = [];
    let prefixHan = '';
    if (p.direction) {
      if (p.ordinal) words.push(word(p.direction, [syl[k]], 'specific'));
      else {
        prefix = [syl[k]];
        prefixHan = p.direction;
      }
      k++;
    }
    if (p.ordinal) {
      const o = p.ordinal;
      if (mode === 'digits') {
        words.push(token(`${o.di ? 'Dì-' : ''}${o.value}`, o.text.replace(/号$/, ''), 'ordinal'));
        if (o.hao) words.push(word('号', ['hào'], 'ordinal'));
      } else {
        const spelled = (o.di ? ['dì'] : []).concat(spellNumber(o.value), o.hao ? ['hào'] : []);
        if (o.di || spelled.length > 1) words.push(word(o.text, spelled, 'ordinal'));
        else {
          prefix = prefix.concat(spelled);
          prefixHan += o.text;
        }
      }
      k += o.text.length;
    }
    const chars = Array.from(p.generic);
    words.push(word(prefixHan + p.generic, prefix.concat(mergeErhua(chars, syl.slice(k), this.erSet())), 'generic'));
    return words;
  }

  /** Words of the 专名: one word, except rule 4 embedded names, a leading 第N, ethnic names and digit codes. */
  private specificWords(p: ParsedName, type: EntityType, chars: string[], syl: string[], mode: OrdinalMode = 'digits'): Word[] {
    const seg = p.specificWords ?? this.segments.get(p.specific);
    if (seg) return this.segmentWords(seg, chars, syl);
    const emb = p.explicit ? undefined : p.embedded ?? embeddedRoad(p.specific);
    if (emb) return this.embeddedWords(emb, chars, syl, mode);
    // 东二环 (南路): the number of a ring road is a digit and 环 its own word (金华 sign: DONG 2 HUAN NANLU).
    const ring = mode === 'digits' && type === 'road' ? RING_RE.exec(p.specific) : null;
    if (ring) {
      const value = numeralValue(ring[2]);
      if (value !== undefined) {
        const out: Word[] = [];
        if (ring[1]) out.push(word(ring[1], [syl[0]], 'specific'));
        out.push(token(String(value), ring[2], 'ordinal'), word('环', [syl[syl.length - 1]], 'specific'));
        return out;
      }
    }
    // 第二松花江: a leading 第N of a proper name is its own word (1984 rule 6: Dì'èr Sōnghuā Jiāng).
    if (chars[0] === '第' && chars.length >= 4 && isNumeralChar(chars[1]) && type !== 'road') {
      let j = 1;
      while (j < chars.length && isNumeralChar(chars[j])) j++;
      if (chars.length - j >= 2 && numeralValue(chars.slice(1, j).join('')) !== undefined) {
        return [word(chars.slice(0, j).join(''), syl.slice(0, j), 'specific'), ...this.splitCodes(chars.slice(j), syl.slice(j), 'specific')];
      }
    }
    if (type === 'structure' || type === 'scenic') {
      const lead = leadingNames(p.specific);
      if (lead.length) {
        const out: Word[] = [];
        let at = 0;
        for (const part of lead) {
          out.push(word(part, syl.slice(at, at + part.length), 'specific'));
          at += part.length;
        }
        if (at < chars.length) out.push(...this.splitCodes(chars.slice(at), syl.slice(at), 'specific'));
        return out;
      }
    }
    if (type !== 'road' && type !== 'natural' && type !== 'structure' && type !== 'scenic') {
      const eth = this.trailingEthnic(p.specific);
      if (eth.length) {
        const cut = chars.length - eth.reduce((n, e) => n + e.length, 0);
        const out = cut > 0 ? this.splitCodes(chars.slice(0, cut), syl.slice(0, cut), 'specific') : [];
        let at = cut;
        for (const e of eth) {
          out.push(word(e, syl.slice(at, at + e.length), 'ethnic'));
          at += e.length;
        }
        return out;
      }
    }
    return this.splitCodes(chars, syl, 'specific');
  }

  /**
   * Words of a 专名 that contains another name (1984 rule 4): the inner name is one word when its generic is one
   * syllable without modifiers (解放路 → Jiěfànglù), otherwise it keeps its own division (包头 Hútong,
   * Tàifēng 1 Jiē, Féngwū Shìchǎng); what follows it is one more word (大通湖街 / 青铜).
   */
  private embeddedWords(emb: EmbeddedName, chars: string[], syl: string[], mode: OrdinalMode): Word[] {
    const inner = emb.parsed;
    const il = Array.from(emb.name).length;
    const gl = Array.from(inner.generic).length;
    const g = inner.genericEntry;
    const innerSyl = syl.slice(0, il);
    if (g && g.syllables.length === gl) innerSyl.splice(il - gl, gl, ...g.syllables);
    let words: Word[];
    const joined = !inner.direction && !inner.ordinal && gl === 1 && (g?.cls === 'road' || g?.cls === 'regional-road');
    if (joined) {
      words = [word(emb.name, mergeErhua(chars.slice(0, il), innerSyl, this.erSet()), 'specific')];
    } else {
      const ls = Array.from(inner.specific).length;
      words = ls ? this.splitCodes(chars.slice(0, ls), innerSyl.slice(0, ls), 'specific') : [];
      words = words.concat(this.genericWords(inner, mode, innerSyl.slice(ls)).map((w) => ({ ...w, role: 'specific' as WordRole })));
    }
    if (il < chars.length) words = words.concat(this.splitCodes(chars.slice(il), syl.slice(il), 'specific'));
    return words;
  }

  /** Words by a known segmentation of the 专名 (data/lexicon/segmentations.tsv or the 分词 column). */
  private segmentWords(seg: readonly string[], chars: string[], syl: string[]): Word[] {
    const out: Word[] = [];
    let at = 0;
    for (const part of seg) {
      const n = Array.from(part).length;
      out.push(...this.splitCodes(chars.slice(at, at + n), syl.slice(at, at + n), 'specific'));
      at += n;
    }
    return out;
  }

  /** One word per run of Han characters; digit runs become their own tokens (1203高地 → 1203 Gāodì). */
  private splitCodes(chars: string[], syl: readonly string[], role: WordRole): Word[] {
    const out: Word[] = [];
    let i = 0;
    while (i < chars.length) {
      const digit = /[0-9]/.test(chars[i]);
      let j = i;
      while (j < chars.length && /[0-9]/.test(chars[j]) === digit) j++;
      if (digit) out.push(token(chars.slice(i, j).join(''), chars.slice(i, j).join(''), 'code'));
      else {
        const s = mergeErhua(chars.slice(i, j), syl.slice(i, j), this.erSet());
        if (s.some(Boolean)) out.push(word(chars.slice(i, j).join(''), s, role));
      }
      i = j;
    }
    return out;
  }

  private trailingEthnic(specific: string): string[] {
    this.ethnic ??= readDataTable('lists/ethnic-groups.txt').map((r) => r[0]).sort((a, b) => b.length - a.length);
    const found: string[] = [];
    let s = specific;
    for (;;) {
      const e = this.ethnic.find((x) => s.endsWith(x) && s.length > x.length);
      if (!e) break;
      found.unshift(e);
      s = s.slice(0, s.length - e.length);
    }
    return found;
  }

  private erSet(): Set<string> {
    return (this.erWords ??= new Set(readDataTable('lexicon/er-words.txt').map((r) => r[0])));
  }

  /** The 专名 alone with each reviewed reading replaced by its alternatives, one at a time (pinyin form). */
  private specificAlternatives(p: ParsedName, type: EntityType, region: string | undefined, mode: OrdinalMode): string[] {
    const r = this.cached(p.specific, region);
    const chars = Array.from(p.specific);
    const chosen = joinWords(this.specificWords(p, type, chars, r.syllables, mode)).pinyin;
    const out = new Set<string>();
    for (const note of r.reviews) {
      for (const alt of note.alternatives) {
        const syl = r.syllables.slice();
        syl[note.index] = alt;
        const s = joinWords(this.specificWords(p, type, chars, syl, mode)).pinyin;
        if (s !== chosen) out.add(s);
        if (out.size >= 8) return [...out];
      }
    }
    return [...out];
  }

  /** The same name with each reviewed reading replaced by its alternatives, one at a time. */
  private alternatives(p: ParsedName, type: EntityType, r: Resolved, mode: OrdinalMode, chosen: string): string[] {
    const out = new Set<string>();
    for (const note of r.reviews) {
      for (const alt of note.alternatives) {
        const syl = r.syllables.slice();
        syl[note.index] = alt;
        const s = this.divide(p, type, syl, mode).map((w) => w.text).join(' ');
        if (s !== chosen) out.add(s);
        if (out.size >= 8) return [...out];
      }
    }
    return [...out];
  }
}

/**
 * Rule 17 and rule 2 for buildings, bridges and other structures: leading division names keep their own division
 * (浙江省测绘局 → 浙江 / 省 / 测绘局; 武汉长江大桥 → 武汉 / 长江 / 大桥) and a leading commemorative number is a word
 * of its own (二七烈士纪念碑 → 二七 / 烈士 / 纪念碑). Returns the leading parts (Han strings), or [] for none.
 */
function leadingNames(specific: string): string[] {
  const parts: string[] = [];
  let rest = specific;
  for (;;) {
    const part = leadingDivision(rest) ?? leadingCommemorative(rest);
    if (!part) break;
    parts.push(...part.words);
    rest = rest.slice(part.length);
  }
  return parts;
}

function leadingDivision(rest: string): { words: string[]; length: number } | undefined {
  const idx = divisions();
  for (let len = Math.min(8, rest.length); len >= 2; len--) {
    const cand = rest.slice(0, len);
    const found = (idx.byName.get(cand) ?? []).filter((d) => d.level <= 4);
    if (!found.length) continue;
    // A full division name splits into 专名 + 通名 (浙江省 → 浙江 / 省; 费县 → 费 / 县) ...
    const full = found.find((d) => d.name === cand);
    if (full) {
      const spec = full.short !== full.name ? full.short : cand.slice(0, -1);
      const gen = cand.slice(spec.length);
      if (spec && lexicon().byText.has(gen)) return { words: [spec, gen], length: len };
    }
    // ... a short name is one word, when something is left after it.
    if (rest.length - len >= 2) return { words: [cand], length: len };
  }
  return undefined;
}

function leadingCommemorative(rest: string): { words: string[]; length: number } | undefined {
  for (const c of commemorativeNumbers()) {
    if (rest.startsWith(c) && rest.length - c.length >= 2) return { words: [c], length: c.length };
  }
  return undefined;
}

function spans(p: ParsedName): string {
  return p.specific + (p.direction ?? '') + (p.ordinal?.text ?? '') + p.generic;
}

function word(han: string, syllables: string[], role: WordRole): Word {
  const clean = syllables.filter(Boolean);
  const text = capitalize(joinWord(clean));
  return { han, syllables: clean, text, plain: stripTones(text), role };
}

function token(text: string, han: string, role: WordRole): Word {
  return { han, syllables: [], text, plain: stripTones(text), role };
}

/** 儿化 (1984 rule 12): a written 儿 after another character becomes r on that syllable, except in words like 儿童. */
function mergeErhua(chars: readonly string[], syl: readonly string[], erWords: Set<string>): string[] {
  if (!chars.includes('儿')) return syl.slice();
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '儿' && i > 0 && out.length > 0 && !erWords.has(chars[i - 1] + '儿') && !(i + 1 < chars.length && erWords.has('儿' + chars[i + 1]))) {
      out[out.length - 1] += 'r';
      continue;
    }
    out.push(syl[i]);
  }
  return out;
}

function finish(
  name: string,
  type: EntityType,
  words: Word[],
  parsed: ParsedName,
  reviews: readonly ReviewNote[],
  sources: ReadingSource[],
  reasons: Text[],
  syllables: string[],
): Romanization {
  const { pinyin, plain, sign } = joinWords(words);
  return new Result(name, type, pinyin, plain, sign, [words], parsed, reviews, [sources], reasons, [syllables]);
}

/** Toneless, lower-case syllables joined by spaces. */
function soundOf(syllables: readonly string[]): string {
  let out = '';
  for (const s of syllables) {
    if (!s) continue;
    const k = stripTones(s).toLowerCase();
    out = out ? `${out} ${k}` : k;
  }
  return out;
}

/** Words joined with single spaces, in the pinyin, plain and sign forms. */
function joinWords(words: readonly Word[]): { pinyin: string; plain: string; sign: string } {
  let pinyin = '';
  let plain = '';
  for (const w of words) {
    if (!w.text) continue;
    if (pinyin) {
      pinyin += ' ';
      plain += ' ';
    }
    pinyin += w.text;
    plain += w.plain;
  }
  return { pinyin, plain, sign: plain.toUpperCase() };
}

/**
 * The result of the fast path: the cached 专名 part and generic part, joined. The three strings are concatenated at
 * once (callers want them); words, reasons, readings and the sound key are assembled on first use.
 */
class PartsResult implements Romanization {
  readonly source = 'engine' as const;
  alternatives: string[] = NO_ALTERNATIVES;

  constructor(
    readonly name: string,
    readonly type: EntityType,
    readonly parsed: ParsedName,
    private readonly spec: SpecificPart,
    private readonly gen: GenericPart,
    private readonly baseReasons: Text[],
  ) {}

  // The strings are joined on access: a check of a million names keeps the results but rarely reads them.
  get pinyin(): string {
    return this.spec.pinyin ? `${this.spec.pinyin} ${this.gen.pinyin}` : this.gen.pinyin;
  }

  get plain(): string {
    return this.spec.plain ? `${this.spec.plain} ${this.gen.plain}` : this.gen.plain;
  }

  get sign(): string {
    return this.spec.sign ? `${this.spec.sign} ${this.gen.sign}` : this.gen.sign;
  }

  get review(): boolean {
    return this.spec.reviews.length > 0;
  }

  get words(): Word[] {
    return this.spec.words.concat(this.gen.words);
  }

  get reasons(): Text[] {
    return this.spec.reviews.length ? this.baseReasons.concat(this.spec.reviews.map((x) => x.reason)) : this.baseReasons;
  }

  get readingSources(): ReadingSource[] {
    return this.spec.sources.concat(this.gen.sources);
  }

  get charSyllables(): string[] {
    return this.spec.syllables.concat(this.gen.syllables);
  }

  get soundKey(): string {
    return this.spec.sound ? (this.gen.sound ? `${this.spec.sound} ${this.gen.sound}` : this.spec.sound) : this.gen.sound;
  }
}

/**
 * A conversion result. Words, reasons and reading sources are assembled on first use: most callers only want
 * the three strings, and the parts are shared with the engine's caches.
 */
class Result implements Romanization {
  readonly review: boolean;
  readonly source = 'engine' as const;
  alternatives: string[] = NO_ALTERNATIVES;
  private wordsCache?: Word[];
  private reasonsCache?: Text[];
  private sourcesCache?: ReadingSource[];
  private soundCache?: string;

  constructor(
    readonly name: string,
    readonly type: EntityType,
    readonly pinyin: string,
    readonly plain: string,
    readonly sign: string,
    private readonly wordParts: Word[][],
    readonly parsed: ParsedName,
    private readonly reviewNotes: readonly ReviewNote[],
    private readonly sourceParts: ReadingSource[][],
    private readonly baseReasons: Text[],
    private readonly syllableParts: string[][],
  ) {
    this.review = reviewNotes.length > 0;
  }

  get words(): Word[] {
    return (this.wordsCache ??= this.wordParts.length === 1 ? this.wordParts[0] : this.wordParts.flat());
  }

  get reasons(): Text[] {
    return (this.reasonsCache ??= this.reviewNotes.length ? this.baseReasons.concat(this.reviewNotes.map((x) => x.reason)) : this.baseReasons);
  }

  get soundKey(): string {
    if (this.soundCache === undefined) {
      let out = '';
      for (const part of this.syllableParts.map(soundOf)) if (part) out = out ? `${out} ${part}` : part;
      this.soundCache = out;
    }
    return this.soundCache;
  }

  get charSyllables(): string[] {
    return this.syllableParts.length === 1 ? this.syllableParts[0] : this.syllableParts.flat();
  }

  get readingSources(): ReadingSource[] {
    return (this.sourcesCache ??= this.sourceParts.length === 1 ? this.sourceParts[0] : this.sourceParts.flat());
  }
}

/** A 拼音 column in the input wins; its other forms are derived from it (pinyin.md §2). */
function fromSupplied(name: string, type: EntityType, supplied: string, parsed: ParsedName, reasons: Text[]): Romanization {
  const s = supplied.normalize('NFC').replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').trim();
  const isSign = s === s.toUpperCase() && /[A-Z]/.test(s);
  const plain = isSign
    ? s.split(' ').map((w) => capitalize(w.toLowerCase())).join(' ')
    : stripTones(s);
  const pinyin = isSign ? plain : s;
  return {
    name,
    type,
    pinyin,
    plain,
    sign: plain.toUpperCase(),
    words: [],
    review: false,
    reasons: reasons.concat(txt('拼音取自输入文件的「拼音」列', 'pinyin taken from the input 拼音 column')),
    alternatives: [],
    source: 'input',
    readingSources: [],
    charSyllables: [],
    soundKey: '',
    parsed,
  };
}

/** Only Han characters (and, with a warning, Arabic digits) can be spelled. */
function checkConvertible(original: string, full: string): void {
  if (!full) {
    throw inputError(txt('名称为空', 'the name is empty'), undefined, txt('请填写名称。', 'Fill in the name.'));
  }
  const bad: string[] = [];
  let han = 0;
  for (const ch of full) {
    if (isHan(ch)) han++;
    else if (!/[0-9]/.test(ch) && !bad.includes(ch)) bad.push(ch);
  }
  if (bad.length) {
    const shown = bad.map((c) => (c.trim() ? c : `U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`)).join('」「');
    throw inputError(
      txt(`名称「${original.trim()}」含有非汉字字符「${shown}」，地名拼音只能由汉字生成`, `"${original.trim()}" contains non-Han characters "${shown}"; place-name pinyin is made from Han characters only`),
      undefined,
      txt('标准地名只用规范汉字：请删去字母、标点和符号，数字改用汉字书写。', 'Standard names use Chinese characters only: remove letters, punctuation and symbols, and write numbers in Chinese.'),
    );
  }
  if (han === 0) {
    throw inputError(
      txt(`名称「${original.trim()}」没有汉字`, `"${original.trim()}" has no Han characters`),
      undefined,
      txt('标准地名由汉字写成，数字也应写成汉字。', 'Standard names are written in Chinese characters, numbers included.'),
    );
  }
}

/** The first character of a string (a whole code point: rare characters are two UTF-16 units). */
function firstChar(s: string): string {
  const c = s.charCodeAt(0);
  return c >= 0xd800 && c <= 0xdbff ? s.slice(0, 2) : s.slice(0, 1);
}

/** The 专名's words of a marked division (广安门/北滨河/路 → 广安门, 北滨河), or undefined with fewer than two parts. */
function specificWordsOf(marked: string): string[] | undefined {
  const parts = normalizeName(marked.replace(/[／|｜]/g, '/')).split('/').filter(Boolean);
  return parts.length < 2 ? undefined : parts.slice(0, -1);
}
