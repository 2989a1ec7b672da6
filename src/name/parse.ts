import { type Text, txt } from '../core/text.js';
import { type GenericClass, type GenericEntry, lexicon } from './lexicon.js';
import { normalizeName } from './normalize.js';
import { isNumeralChar, numeralValue } from './numerals.js';
import type { EntityType } from './types.js';
import { commemorativeNumbers, surnameRanks } from './wordlists.js';

/** A Chinese (or Arabic) ordinal modifier before the generic: 一巷, 第九弄, 3号. */
export interface Ordinal {
  text: string;
  value: number;
  /** Preceded by 第 (spelled Dì-N). */
  di: boolean;
  /** Followed by 号. */
  hao: boolean;
}

export type SpecificKind =
  | 'plain' | 'village' | 'person' | 'commemorative' | 'number' | 'direction' | 'embedded' | 'empty';

/**
 * The name model (rules.md §0.2): 专名 + modifiers (方位, ordinal) + 通名.
 * Modifiers belong to the generic word in pinyin but are reported separately.
 */
export interface ParsedName {
  /** As written. */
  original: string;
  /** Normalised (NFKC, no spaces). */
  full: string;
  specific: string;
  /** Direction word (东 西 南 北 中 左 右) directly before the ordinal or the generic. */
  direction?: string;
  ordinal?: Ordinal;
  generic: string;
  genericClass: GenericClass | null;
  genericEntry?: GenericEntry;
  specificKind: SpecificKind;
  /** Rule 4 names (解放路南小街, 大通湖街青铜巷): the name inside the 专名, parsed again. */
  embedded?: EmbeddedName;
  /** The split came from explicit 专名/通名 columns. */
  explicit: boolean;
  /** The 专名's words as a record's 分词 column divides them (for this name only; set by the orthography engine). */
  specificWords?: string[];
  /** Why the split may be wrong (shown to the user; the explicit 专名 column settles it). */
  ambiguity?: Text;
}

/** A name that stands inside a 专名 (1984 rule 4: 解放路 in 解放路南小街, 包头胡同 in 包头胡同东巷). */
export interface EmbeddedName {
  /** The inner name (解放路, 太丰一街, 冯屋市场). */
  name: string;
  /** Its own parse (专名, modifiers, generic). */
  parsed: ParsedName;
  /** What follows it inside the 专名 (青铜 in 大通湖街青铜巷); '' when it ends the 专名. */
  rest: string;
}

export interface ParseOptions {
  type?: EntityType;
  /** Explicit 专名 / 通名 from the input (override the parse). */
  specific?: string;
  generic?: string;
  /** Is this a known name (batch, existing names or the reading dictionary)? Used to settle ambiguous splits. */
  isKnown?: (name: string) => boolean;
  /** Classify the 专名 (specificKind, embedded); default true. The pinyin engine skips it on its hot path. */
  classify?: boolean;
  /** The profile's surname and commemorative-number lists (profile `lists` changes); default: the bundled lists. */
  words?: NameWords;
}

/** Word lists the parser reads (a profile's Lists has both). */
export interface NameWords {
  /** Surname → frequency rank (0: compound surname). */
  readonly surnames: ReadonlyMap<string, number>;
  readonly commemorativeNumbers: ReadonlySet<string>;
}

const DIRECTIONS = '东西南北中左右';
const DIRECTION_CODES = new Set(Array.from(DIRECTIONS, (c) => c.charCodeAt(0)));
const NUMERAL_CODES = new Set(Array.from('〇零一二三四五六七八九十百0123456789', (c) => c.charCodeAt(0)));
const HAO = '号'.charCodeAt(0);

/** Can the part of `s` before index `end` end in an ordinal (a numeral, or 号)? A cheap test before parseName. */
export function mayEndInOrdinal(s: string, end: number): boolean {
  return isOrdinalEndUnit(s.charCodeAt(end - 1));
}

/** Can an ordinal end with this UTF-16 unit (a numeral or 号)? mayEndInOrdinal for one unit. */
/** Is this UTF-16 unit a direction word (东西南北中左右)? For the existing-name fingerprints (check/namekeys.ts). */
export function isDirectionUnit(c: number): boolean {
  return DIRECTION_CODES.has(c);
}

export function isOrdinalEndUnit(c: number): boolean {
  return NUMERAL_CODES.has(c) || c === HAO;
}
const HENG = '横'.charCodeAt(0);
/** First characters of compound generics that carry their own modifier (前街, 后街, 小街, 横路, 直街, 正街, 老街, 古街). */
const COMPOUND_FIRST = '前后小横直正老古';
const SINGLE_NUMERAL: Record<string, number | undefined> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10,
  '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7, '8': 8, '9': 9,
};
/** Generics after which an ordinal needs no 专名 (1984: 二马路 2 Mǎlù, 三环路 3 Huánlù, 东四十二条). */
const BARE_ORDINAL_GENERICS = new Set(['马路', '环路', '条']);
const SETTLEMENT_SUFFIX = '家庄村湾坝店营屯寨堡集楼岗洼疃夼埠泊铺窝峪坨圩垸墩';
const PREFERRED: Record<EntityType, ReadonlySet<GenericClass>> = {
  road: new Set(['road', 'regional-road']),
  village: new Set(['settlement']),
  town: new Set(['settlement', 'admin']),
  area: new Set(['settlement', 'structure', 'open-space']),
  township: new Set(['admin']),
  county: new Set(['admin']),
  district: new Set(['admin']),
  city: new Set(['admin']),
  province: new Set(['admin']),
  natural: new Set(['natural']),
  structure: new Set(['structure', 'building', 'open-space']),
  scenic: new Set(['scenic', 'structure']),
};

/** Split a name into 专名, direction, ordinal and 通名. Never throws. */
export function parseName(original: string, opts: ParseOptions = {}): ParsedName {
  const full = normalizeName(original.trim());
  const type = opts.type ?? 'road';
  if (opts.specific !== undefined || opts.generic !== undefined) return parseExplicit(original, full, type, opts);

  const lx = lexicon();
  const entry = findGeneric(full, PREFERRED[type]) ?? findGeneric(full, undefined);
  let generic = entry?.text ?? '';
  let genericEntry = entry;
  let rest = generic ? full.slice(0, full.length - generic.length) : full;

  // 站前街 → 站前 + 街: after a single character that is not a direction or 大/小, the first character of a
  // compound generic (前街, 后街, 小巷 …) belongs to a place word; 南/小街 (1984 rule 2) keeps the compound.
  if (rest.length === 1 && generic.length === 2 && COMPOUND_FIRST.includes(generic[0]) && !DIRECTIONS.includes(rest) && !'大小'.includes(rest)) {
    const simple = lx.byText.get(generic[1]);
    if (simple) {
      rest += generic[0];
      generic = generic[1];
      genericEntry = simple;
    }
  }
  // 东环路 → 东环 + 路: a bare direction before 环路 names the ring (a common convention), not 东 + 环路.
  if (generic === '环路' && rest.length === 1 && DIRECTIONS.includes(rest)) {
    rest += '环';
    generic = '路';
    genericEntry = lx.byText.get('路');
  }

  // Every field present from the start: one object shape for all names keeps property access monomorphic.
  const result: ParsedName = {
    original,
    full,
    specific: rest,
    direction: undefined,
    ordinal: undefined,
    generic,
    genericClass: genericEntry?.cls ?? null,
    genericEntry,
    specificKind: 'plain',
    embedded: undefined,
    explicit: false,
    ambiguity: undefined,
  };
  if (generic) splitModifiers(result, rest, opts);
  if (opts.classify !== false) classifySpecific(result, opts.words);
  return result;
}

/** Longest generic that is a suffix of the name, leaving at least one character in front when possible. */
function findGeneric(full: string, classes: ReadonlySet<GenericClass> | undefined): GenericEntry | undefined {
  const cands = lexicon().byLast.get(full.charCodeAt(full.length - 1));
  if (!cands) return undefined;
  const n = full.length;
  let whole: GenericEntry | undefined;
  for (const e of cands) {
    // candidates are sorted longest first
    if (e.text.length > n || (classes && !classes.has(e.cls)) || !full.endsWith(e.text)) continue;
    if (e.text.length < n) return e;
    whole ??= e; // the name is only a generic: back off (横街 → 横 + 街, 大马路 → 大 + 马路)
  }
  return whole;
}

function splitModifiers(p: ParsedName, rest: string, opts: ParseOptions): void {
  let prefix = rest;
  // Ordinal: a numeral run (optionally 第…, …号) directly before the generic.
  const tailCode = rest.charCodeAt(rest.length - 1);
  if (NUMERAL_CODES.has(tailCode) || tailCode === HAO) {
    const ord = findOrdinal(prefix, p.generic, opts);
    if (ord) {
      p.ordinal = ord.ordinal;
      prefix = ord.prefix;
      if (ord.ambiguity) p.ambiguity = ord.ambiguity;
    }
  }
  // Direction: directly before the ordinal or the generic; a modifier only when ≥ 2 characters of 专名 remain
  // (城南路 keeps 城南), or when the same name without it is known.
  const n = prefix.length;
  const lastCode = n > 0 ? prefix.charCodeAt(n - 1) : 0;
  // 横 before an ordinal is a modifier like a direction (横一巷 = cross lane 1; 清远 2023: Héng 1 Xiàng).
  const isModifier = DIRECTION_CODES.has(lastCode) || (lastCode === HENG && p.ordinal !== undefined && !p.ordinal.di);
  if (n > 0 && isModifier && !(p.ordinal?.di && prefix.endsWith('第'))) {
    const before = prefix.slice(0, -1);
    if (countChars(before) >= 2 || (before.length > 0 && opts.isKnown?.(before + (p.ordinal?.text ?? '') + p.generic))) {
      p.direction = prefix.slice(-1);
      prefix = before;
    }
  }
  p.specific = prefix;
}

/** Characters, counting a surrogate pair once. */
function countChars(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

function findOrdinal(
  rest: string,
  generic: string,
  opts: ParseOptions,
): { ordinal: Ordinal; prefix: string; ambiguity?: Text } | undefined {
  let s = rest;
  let hao = false;
  if (s.charCodeAt(s.length - 1) === HAO) {
    hao = true;
    s = s.slice(0, -1);
  }
  let i = s.length;
  while (i > 0 && NUMERAL_CODES.has(s.charCodeAt(i - 1))) i--;
  if (i === s.length) return undefined;
  let prefix = s.slice(0, i);
  let run = s.slice(i);
  const di = prefix.endsWith('第');
  const core = di ? prefix.slice(0, -1) : prefix;
  if ((opts.words?.commemorativeNumbers ?? commemorativeNumbers()).has(run) && !di) return undefined;
  if (!core && !di && !BARE_ORDINAL_GENERICS.has(generic)) return undefined;
  if (hao && !core && !di) return undefined; // 一号路: the number is the whole 专名 (bare-number decides)

  let ambiguity: Text | undefined;
  // 东四十二条 = 东四 + 十二 + 条: prefer the split that leaves a known place name in front.
  if (run.length >= 2 && !di) {
    for (let k = 1; k < run.length; k++) {
      const p2 = prefix + run.slice(0, k);
      const r2 = run.slice(k);
      if (numeralValue(r2) !== undefined && opts.isKnown?.(p2)) {
        prefix = p2;
        run = r2;
        break;
      }
    }
  }
  let value = run.length === 1 ? SINGLE_NUMERAL[run] : numeralValue(run);
  if (value === undefined) {
    // Not a positional number as a whole (一二路): take the longest valid tail.
    for (let k = 1; k < run.length && value === undefined; k++) {
      const v = numeralValue(run.slice(k));
      if (v !== undefined) {
        prefix += run.slice(0, k);
        run = run.slice(k);
        value = v;
      }
    }
    if (value === undefined) return undefined;
  }
  const core2 = di ? prefix.slice(0, -1) : prefix;
  if (!core2 && !di && !BARE_ORDINAL_GENERICS.has(generic)) return undefined;
  if (run.length >= 2 && core2.length <= 2 && DIRECTIONS.includes(core2.slice(-1)) && !di) {
    ambiguity = txt(
      `「${core2}${run}」可能是「${core2}${run[0]}」加序数「${run.slice(1)}」，也可能是「${core2}」加序数「${run}」；已按后者处理，如不对请填写「专名」列`,
      `"${core2}${run}" may be "${core2}${run[0]}" + ordinal "${run.slice(1)}" or "${core2}" + ordinal "${run}"; read as the latter — fill in the 专名 column if that is wrong`,
    );
  }
  return {
    ordinal: { text: (di ? '第' : '') + run + (hao ? '号' : ''), value, di, hao },
    prefix: di ? prefix.slice(0, -1) : prefix,
    ambiguity,
  };
}

/** Set specificKind (and embedded) from the 专名. */
export function classifySpecific(p: ParsedName, words?: NameWords): void {
  const s = p.specific;
  if (!s) {
    p.specificKind = 'empty';
    return;
  }
  if ((words?.commemorativeNumbers ?? commemorativeNumbers()).has(s)) {
    p.specificKind = 'commemorative';
    return;
  }
  if (/^[〇零一二三四五六七八九十百两壹贰叁肆伍陆柒捌玖拾佰仟0-9]+[号支期栋]?$/.test(s)) {
    p.specificKind = 'number';
    return;
  }
  if (s.length <= 2 && DIRECTIONS.includes(s[0]) && (s.length === 1 || '面边头'.includes(s[1]))) {
    p.specificKind = 'direction';
    return;
  }
  const emb = embeddedRoad(s);
  if (emb) {
    p.embedded = emb;
    p.specificKind = 'embedded';
    return;
  }
  const last = s.slice(-1);
  if (s.length >= 2 && SETTLEMENT_SUFFIX.includes(last)) {
    p.specificKind = 'village';
    return;
  }
  if (looksLikePersonName(s, words?.surnames)) p.specificKind = 'person';
}

/** One-character road generics that may stand inside a 专名 with more material after them (大通湖街青铜巷). */
const INNER_SINGLE = new Set(['路', '街', '巷', '弄']);
/** Place morphemes that are generics only with a direction before them (天宁寺西里; rules.md generic-stacked). */
const WEAK_GENERICS = new Set(['里', '坊', '条', '道', '段']);
const NO_INNER: ReadonlySet<GenericClass> = new Set(['settlement', 'improper', 'admin']);

/**
 * Rule 4: a name inside the 专名 — a road name that ends it (解放路 in 解放路南小街) or is followed by a proper part
 * of two or more characters (大通湖街 in 大通湖街青铜巷), or a generic of two or more syllables standing inside
 * (包头胡同, 冯屋市场). The inner name needs two characters of its own before its generic.
 */
export function embeddedRoad(s: string): EmbeddedName | undefined {
  const lx = lexicon();
  const chars = Array.from(s);
  const n = chars.length;
  for (let end = n; end >= 3; end--) {
    const after = n - end;
    if (after === 1) continue;
    for (let len = Math.min(lx.maxLen, end - 2); len >= 1; len--) {
      const g = chars.slice(end - len, end).join('');
      const e = lx.byText.get(g);
      if (!e) continue;
      const road = e.cls === 'road' || e.cls === 'regional-road';
      const ok = road
        ? len >= 2 || (after === 0 ? true : INNER_SINGLE.has(g))
        : len >= 2 && !NO_INNER.has(e.cls);
      if (!ok) continue;
      const name = chars.slice(0, end).join('');
      const parsed = parseName(name, { type: road ? 'road' : 'structure', classify: false });
      if (parsed.generic !== g) continue;
      if (!parsed.specific && !parsed.ordinal) continue;
      if (WEAK_GENERICS.has(g) && !parsed.direction) continue;
      return { name, parsed, rest: chars.slice(end).join('') };
    }
  }
  return undefined;
}

/** Surname + one or two characters that are not a settlement suffix or another surname (王大明; not 王家, 李刘). */
export function looksLikePersonName(s: string, ranks: ReadonlyMap<string, number> = surnameRanks()): boolean {
  // The common surnames (top 100) and compound surnames; rarer surnames are too often ordinary characters.
  const common = (x: string) => {
    const r = ranks.get(x);
    return r !== undefined && (r === 0 ? x.length === 2 : r <= 100);
  };
  let sur = '';
  if (s.length >= 3 && common(s.slice(0, 2))) sur = s.slice(0, 2);
  else if (common(s[0])) sur = s[0];
  if (!sur) return false;
  const given = s.slice(sur.length);
  if (given.length < 1 || given.length > 2) return false;
  if (SETTLEMENT_SUFFIX.includes(given.slice(-1))) return false;
  if (given.length === 1 && ranks.has(given)) return false;
  if ([...given].every((c) => isNumeralChar(c))) return true; // 王二 placeholder names count
  return true;
}

function parseExplicit(original: string, full: string, type: EntityType, opts: ParseOptions): ParsedName {
  const lx = lexicon();
  let specific = normalizeName(opts.specific ?? '');
  let generic = normalizeName(opts.generic ?? '');
  if (!generic) {
    const tail = specific && full.startsWith(specific) ? full.slice(specific.length) : full;
    generic = specific && lx.byText.has(tail) ? tail : (findGeneric(tail, PREFERRED[type]) ?? findGeneric(tail, undefined))?.text ?? '';
  }
  const entry = lx.byText.get(generic);
  const p: ParsedName = {
    original,
    full,
    specific,
    generic,
    genericClass: entry?.cls ?? null,
    genericEntry: entry,
    specificKind: 'plain',
    explicit: true,
  };
  if (!specific) {
    splitModifiers(p, full.endsWith(generic) ? full.slice(0, full.length - generic.length) : full, opts);
  } else if (full.startsWith(specific) && full.endsWith(generic) && specific.length + generic.length <= full.length) {
    // What lies between the given 专名 and 通名 is modifiers: [direction][第][numeral][号].
    const middle = full.slice(specific.length, full.length - generic.length);
    const m = /^([东西南北中左右])?(第)?([〇零一二三四五六七八九十百0-9]+)?(号)?$/.exec(middle);
    const value = m?.[3] ? numeralValue(m[3]) : undefined;
    if (middle && m && (m[1] || value !== undefined) && !(m[3] && value === undefined) && !(m[4] && !m[3])) {
      if (m[1]) p.direction = m[1];
      if (m[3] && value !== undefined) {
        p.ordinal = { text: (m[2] ?? '') + m[3] + (m[4] ?? ''), value, di: Boolean(m[2]), hao: Boolean(m[4]) };
      }
    } else {
      specific += middle;
      p.specific = specific;
    }
  }
  classifySpecific(p, opts.words);
  return p;
}
