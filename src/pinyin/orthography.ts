import { inputError } from '../core/errors.js';
import { type Text, txt } from '../core/text.js';
import { readDataTable } from '../data/files.js';
import { divisions } from '../divisions/divisions.js';
import { lexicon } from '../name/lexicon.js';
import { isHan, normalizeName } from '../name/normalize.js';
import { isNumeralChar, numeralValue, spellNumber } from '../name/numerals.js';
import { type ParsedName, parseName } from '../name/parse.js';
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
}

export type WordRole = 'specific' | 'generic' | 'ordinal' | 'ethnic' | 'code' | 'name';

export interface Word {
  /** The characters the word spells ('' for a digit token). */
  han: string;
  /** Tone-marked syllables (lower case; 儿化 merged). */
  syllables: string[];
  /** The word in the `pinyin` form (capitalised, apostrophes). */
  text: string;
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
  parsed: ParsedName;
}

const DIRECTION_SYLLABLE: Record<string, string> = {
  东: 'dōng', 西: 'xī', 南: 'nán', 北: 'běi', 中: 'zhōng', 左: 'zuǒ', 右: 'yòu',
};
const NUMERAL_SYLLABLE: Record<string, string> = {
  〇: 'líng', 零: 'líng', 一: 'yī', 二: 'èr', 三: 'sān', 四: 'sì', 五: 'wǔ', 六: 'liù', 七: 'qī', 八: 'bā', 九: 'jiǔ', 十: 'shí', 百: 'bǎi',
};
const CACHE_LIMIT = 200_000;
const ADMIN_TYPES: ReadonlySet<EntityType> = new Set(['township', 'county', 'district', 'city', 'province']);

/**
 * The place-name orthography engine (pinyin.md §5). One instance holds the reading dictionary and the caches;
 * readings are resolved once per 专名 (road names repeat their morphemes heavily).
 */
export class Orthography {
  readonly dict: ReadingDictionary;
  private readonly cache = new Map<string, Resolved>();
  private erWords: Set<string> | undefined;
  private ethnic: string[] | undefined;

  constructor(dict: ReadingDictionary = defaultDictionary()) {
    this.dict = dict;
  }

  /** Convert one name. Throws an input DimingError for names that cannot be spelled (empty, Latin letters …). */
  romanize(name: string, opts: RomanizeOptions = {}): Romanization {
    const type = opts.type ?? 'road';
    const full = normalizeName(name.trim());
    checkConvertible(name, full);
    const reasons: Text[] = [];
    let parsed = parseName(full, { type, specific: opts.specific, generic: opts.generic, isKnown: (n) => this.dict.has(n) });
    if (parsed.explicit && spans(parsed) !== full) {
      reasons.push(txt('「专名」「通名」列与名称对不上，已按名称自动切分', 'the 专名/通名 columns do not match the name; split automatically'));
      parsed = parseName(full, { type, isKnown: (n) => this.dict.has(n) });
    }
    if (parsed.ambiguity) reasons.push(parsed.ambiguity);
    if (/[0-9]/.test(full)) {
      reasons.push(txt('名称含阿拉伯数字；标准地名的汉字形式应使用汉字数字', 'the name contains Arabic digits; a standard name is written with Chinese numerals'));
    }
    if (opts.supplied && opts.supplied.trim()) return fromSupplied(name, type, opts.supplied, parsed, reasons);

    const resolved = opts.reading ? this.fromReading(full, opts.reading) : this.resolveFull(parsed, type, opts.region);
    const words = this.divide(parsed, type, resolved.syllables, opts.ordinals ?? 'digits');
    const out = finish(name, type, words, parsed, resolved, reasons);
    if (resolved.reviews.length) {
      out.alternatives = this.alternatives(parsed, type, resolved, opts.ordinals ?? 'digits', out.pinyin);
    }
    return out;
  }

  /** Per-character syllables of the whole name: the 专名 from the cache, modifiers and generic from the tables. */
  private resolveFull(p: ParsedName, type: EntityType, region: string | undefined): Resolved {
    const full = p.full;
    if (isOneWordType(type) || !p.generic || this.dict.has(full)) return this.cached(full, region);
    const spec = p.specific ? this.cached(p.specific, region) : { syllables: [], sources: [], reviews: [] };
    const syllables = spec.syllables.slice();
    const sources = spec.sources.slice();
    if (p.direction) {
      syllables.push(DIRECTION_SYLLABLE[p.direction]);
      sources.push('library');
    }
    if (p.ordinal) {
      for (const ch of p.ordinal.text) {
        syllables.push(ch === '第' ? 'dì' : ch === '号' ? 'hào' : NUMERAL_SYLLABLE[ch] ?? ch);
        sources.push('library');
      }
    }
    const g = p.genericEntry;
    if (g && g.syllables.length === p.generic.length) {
      // The generic table's reading is authoritative (弄 lòng, 胡同 hútong: 1984 rules).
      syllables.push(...g.syllables);
      for (let i = 0; i < g.syllables.length; i++) sources.push('dictionary');
      return { syllables, sources, reviews: spec.reviews };
    }
    const gen = this.cached(p.generic, region);
    const offset = syllables.length;
    syllables.push(...gen.syllables);
    sources.push(...gen.sources);
    return { syllables, sources, reviews: spec.reviews.concat(gen.reviews.map((r) => ({ ...r, index: r.index + offset }))) };
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
    const raw = reading.trim().split(/[\s'’\-]+/).filter(Boolean);
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

  /** Word division by entity type (pinyin.md §5.2). */
  private divide(p: ParsedName, type: EntityType, syl: readonly string[], mode: OrdinalMode): Word[] {
    const chars = Array.from(p.full);
    if (isOneWordType(type) || !p.generic || (p.genericClass === 'settlement' && type === 'road') ||
      (ADMIN_TYPES.has(type) && p.genericClass !== 'admin')) {
      return this.splitCodes(chars, syl, 'name');
    }
    const words: Word[] = [];
    const ls = Array.from(p.specific).length;
    const specChars = chars.slice(0, ls);
    const specSyl = syl.slice(0, ls);
    if (ls) words.push(...this.specificWords(p, type, specChars, specSyl));
    let k = ls;
    let genericPrefix: string[] = [];
    let genericPrefixHan = '';
    if (p.direction) {
      if (p.ordinal) words.push(word(p.direction, [syl[k]], 'specific'));
      else {
        genericPrefix = [syl[k]];
        genericPrefixHan = p.direction;
      }
      k++;
    }
    if (p.ordinal) {
      const o = p.ordinal;
      const len = o.text.length;
      if (mode === 'digits') {
        words.push(token(`${o.di ? 'Dì-' : ''}${o.value}`, o.text.replace(/号$/, ''), 'ordinal'));
        if (o.hao) words.push(word('号', ['hào'], 'ordinal'));
      } else {
        const spelled = (o.di ? ['dì'] : []).concat(spellNumber(o.value), o.hao ? ['hào'] : []);
        if (o.di || spelled.length > 1) words.push(word(o.text, spelled, 'ordinal'));
        else {
          genericPrefix = genericPrefix.concat(spelled);
          genericPrefixHan += o.text;
        }
      }
      k += len;
    }
    const genSyl = syl.slice(k);
    words.push(word(genericPrefixHan + p.generic, genericPrefix.concat(mergeErhua(chars.slice(k), genSyl, this.erSet())), 'generic'));
    return words;
  }

  /** Words of the 专名: one word, except rule 4 embedded names, a leading 第N, ethnic names and digit codes. */
  private specificWords(p: ParsedName, type: EntityType, chars: string[], syl: string[]): Word[] {
    const emb = p.embedded;
    if (emb && !p.explicit) {
      const il = Array.from(emb.specific).length;
      const gSyl = emb.generic.syllables.length === emb.generic.text.length ? emb.generic.syllables : syl.slice(il + (emb.direction ? 1 : 0));
      if (emb.generic.syllables.length === 1 && !emb.direction) {
        return [word(p.specific, mergeErhua(chars.slice(0, il), syl.slice(0, il), this.erSet()).concat(gSyl), 'specific')];
      }
      const out = this.splitCodes(chars.slice(0, il), syl.slice(0, il), 'specific');
      out.push(word((emb.direction ?? '') + emb.generic.text, (emb.direction ? [syl[il]] : []).concat(gSyl), 'specific'));
      return out;
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
  return { han, syllables: clean, text: capitalize(joinWord(clean)), role };
}

function token(text: string, han: string, role: WordRole): Word {
  return { han, syllables: [], text, role };
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

function finish(name: string, type: EntityType, words: Word[], parsed: ParsedName, r: Resolved, reasons: Text[]): Romanization {
  const pinyin = words.map((w) => w.text).filter(Boolean).join(' ');
  const plain = stripTones(pinyin);
  return {
    name,
    type,
    pinyin,
    plain,
    sign: plain.toUpperCase(),
    words,
    review: r.reviews.length > 0,
    reasons: reasons.concat(r.reviews.map((x: ReviewNote) => x.reason)),
    alternatives: [],
    source: 'engine',
    readingSources: r.sources,
    parsed,
  };
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
