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
  /** For rule 4 names (解放路南小街): the road name that acts as the 专名, split again. */
  embedded?: { specific: string; direction?: string; generic: GenericEntry };
  /** The split came from explicit 专名/通名 columns. */
  explicit: boolean;
  /** Why the split may be wrong (shown to the user; the explicit 专名 column settles it). */
  ambiguity?: Text;
}

export interface ParseOptions {
  type?: EntityType;
  /** Explicit 专名 / 通名 from the input (override the parse). */
  specific?: string;
  generic?: string;
  /** Is this a known name (batch, existing names or the reading dictionary)? Used to settle ambiguous splits. */
  isKnown?: (name: string) => boolean;
}

const DIRECTIONS = '东西南北中左右';
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
const ROAD_CLASSES: ReadonlySet<GenericClass> = PREFERRED.road;

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

  // 东环路 → 东环 + 路: a bare direction before 环路 names the ring (a common convention), not 东 + 环路.
  if (generic === '环路' && rest.length === 1 && DIRECTIONS.includes(rest)) {
    rest += '环';
    generic = '路';
    genericEntry = lx.byText.get('路');
  }

  const result: ParsedName = {
    original,
    full,
    specific: rest,
    generic,
    genericClass: genericEntry?.cls ?? null,
    genericEntry,
    specificKind: 'plain',
    explicit: false,
  };
  if (generic) splitModifiers(result, rest, opts);
  classifySpecific(result);
  return result;
}

/** Longest generic that is a suffix of the name, leaving at least one character in front when possible. */
function findGeneric(full: string, classes: ReadonlySet<GenericClass> | undefined): GenericEntry | undefined {
  const lx = lexicon();
  const n = full.length;
  let whole: GenericEntry | undefined;
  for (let len = Math.min(lx.maxLen, n); len >= 1; len--) {
    const e = lx.byText.get(full.slice(n - len));
    if (!e || (classes && !classes.has(e.cls))) continue;
    if (len < n) return e;
    whole ??= e; // the name is only a generic: back off (横街 → 横 + 街, 大马路 → 大 + 马路)
  }
  return whole;
}

function splitModifiers(p: ParsedName, rest: string, opts: ParseOptions): void {
  let prefix = rest;
  // Ordinal: a numeral run (optionally 第…, …号) directly before the generic.
  const ord = findOrdinal(prefix, p.generic, opts);
  if (ord) {
    p.ordinal = ord.ordinal;
    prefix = ord.prefix;
    if (ord.ambiguity) p.ambiguity = ord.ambiguity;
  }
  // Direction: directly before the ordinal or the generic; a modifier only when ≥ 2 characters of 专名 remain
  // (城南路 keeps 城南), or when the same name without it is known.
  const last = prefix.slice(-1);
  if (last && DIRECTIONS.includes(last) && !(p.ordinal?.di && prefix.endsWith('第'))) {
    const before = prefix.slice(0, -1);
    const without = before + (p.ordinal?.text ?? '') + p.generic;
    if ([...before].length >= 2 || (before.length > 0 && opts.isKnown?.(without))) {
      p.direction = last;
      prefix = before;
    }
  }
  p.specific = prefix;
}

function findOrdinal(
  rest: string,
  generic: string,
  opts: ParseOptions,
): { ordinal: Ordinal; prefix: string; ambiguity?: Text } | undefined {
  let s = rest;
  let hao = false;
  if (s.endsWith('号')) {
    hao = true;
    s = s.slice(0, -1);
  }
  let i = s.length;
  while (i > 0 && isNumeralChar(s[i - 1])) i--;
  if (i === s.length) return undefined;
  let prefix = s.slice(0, i);
  let run = s.slice(i);
  const di = prefix.endsWith('第');
  const core = di ? prefix.slice(0, -1) : prefix;
  if (commemorativeNumbers().has(run) && !di) return undefined;
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
  let value = numeralValue(run);
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

function classifySpecific(p: ParsedName): void {
  const s = p.specific;
  if (!s) {
    p.specificKind = 'empty';
    return;
  }
  if (commemorativeNumbers().has(s)) {
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
  if (looksLikePersonName(s)) p.specificKind = 'person';
}

/** Rule 4: a 专名 that is itself a road name (解放路 in 解放路南小街, 包头胡同 in 包头胡同东巷). */
function embeddedRoad(s: string): ParsedName['embedded'] {
  const e = findGeneric(s, ROAD_CLASSES);
  if (!e || e.text.length >= s.length) return undefined;
  let spec = s.slice(0, s.length - e.text.length);
  let direction: string | undefined;
  const last = spec.slice(-1);
  if (DIRECTIONS.includes(last) && spec.length - 1 >= 2) {
    direction = last;
    spec = spec.slice(0, -1);
  }
  // Only lexicalised road generics embed; 里/坊/条/道 are common place morphemes (rules.md generic-stacked).
  if (['里', '坊', '条', '道', '段'].includes(e.text) && !direction) return undefined;
  return { specific: spec, direction, generic: e };
}

/** Surname + one or two characters that are not a settlement suffix or another surname (王大明; not 王家, 李刘). */
export function looksLikePersonName(s: string): boolean {
  const ranks = surnameRanks();
  let sur = '';
  if (s.length >= 3 && ranks.has(s.slice(0, 2))) sur = s.slice(0, 2);
  else if (ranks.has(s[0])) sur = s[0];
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
  classifySpecific(p);
  return p;
}
