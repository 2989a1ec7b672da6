import { readFileSync } from 'node:fs';
import { configError } from '../core/errors.js';
import { txt } from '../core/text.js';
import { parseTable, readDataTable } from '../data/files.js';
import { ZONE_WORDS, divisions } from '../divisions/divisions.js';
import { WordSet } from './wordset.js';

/** List ids as in profiles.md §3. */
export const LIST_IDS = [
  'chars8105', 'tradMap', 'roadGenerics', 'regionalRoadGenerics', 'otherGenerics', 'exaggeration', 'feudal',
  'historicAllow', 'unhealthy', 'loanwords', 'foreignPlaces', 'foreignPersons', 'translitChars', 'leaders',
  'surnames', 'notablePersons', 'divisions', 'commemorativeNumbers', 'regionalRareChars', 'brands', 'placeReadings',
  'famousFeatures',
] as const;
export type ListId = (typeof LIST_IDS)[number];

/** Lists that a profile may not weaken (profiles.md §3). */
export const PROTECTED_LISTS: ReadonlySet<ListId> = new Set(['chars8105', 'tradMap', 'divisions', 'leaders']);

/** A profile's change to a list: entries to add and remove, and files of entries to add (one per line). */
export interface ListChange {
  add?: string[];
  remove?: string[];
  files?: string[];
}

export interface UnhealthyEntry {
  level: 'hard' | 'soft' | 'pun';
}

/** All word lists the rules read (rules.md §12), with a profile's changes applied. */
export class Lists {
  /** 《通用规范汉字表》: character → level 1, 2 or 3. */
  readonly chars8105 = new Map<string, 1 | 2 | 3>();
  /** Traditional or variant character → standard character. */
  readonly tradMap = new Map<string, string>();
  /** soft: beyond the national criteria (provincial additions, rank and slogan words): reported one level lower. */
  readonly exaggeration = new WordSet<{ soft: boolean }>();
  /** soft: a lone 皇/帝/御, only at the start of a word; rank: an old official post, reported one level lower. */
  readonly feudal = new WordSet<{ soft: boolean; rank?: boolean }>();
  readonly feudalAllow = new WordSet();
  readonly historicAllow = new WordSet();
  readonly unhealthy = new WordSet<UnhealthyEntry>();
  /** Toneless pinyin sequences of vulgar words (pun check). */
  readonly unhealthyPuns = new Map<string, string>();
  readonly loanwords = new WordSet();
  /** `ambiguous`: also an ordinary word or a Chinese place element (古巴, 东京): a soft finding. */
  readonly foreignPlaces = new WordSet<{ kind: string; ambiguous: boolean }>();
  readonly foreignPersons = new WordSet();
  readonly friendshipAllow = new WordSet();
  readonly translitChars = new Set<string>();
  /** Leaders' full names; `distinctive`: the given name alone also matches; `ordinaryWord`: the full name is also an ordinary word or place (汪洋, 万里). */
  readonly leaders = new WordSet<{ distinctive: boolean; ordinaryWord: boolean }>();
  readonly surnames = new Map<string, number>();
  readonly notablePersons = new WordSet();
  readonly commemorativeNumbers = new Set<string>();
  /** Character → province codes where it is normal in place names. */
  readonly regionalRareChars = new Map<string, string[]>();
  readonly brands = new WordSet();
  /** Famous natural feature → province codes. */
  /** `localUse`: how many township/village names contain the word (high = common local element: soft). */
  readonly famousFeatures = new WordSet<{ provinces: string[]; localUse: number }>();

  /** Apply a profile's list changes (profiles.md §1.2 rule 5: in order, adds then removes). */
  apply(id: ListId, change: ListChange, baseDir = process.cwd()): void {
    const adds = [...(change.add ?? [])];
    for (const f of change.files ?? []) adds.push(...readListFile(f, baseDir));
    if (change.remove?.length && PROTECTED_LISTS.has(id)) {
      throw configError(txt(`名录「${id}」不能通过配置删减`, `list "${id}" cannot be reduced by a profile`));
    }
    for (const w of adds) addTo(this, id, w);
    for (const w of change.remove ?? []) removeFrom(this, id, w);
  }
}

function readListFile(file: string, baseDir: string): string[] {
  const path = file.startsWith('/') ? file : `${baseDir}/${file}`;
  try {
    return parseTable(readFileSync(path, 'utf8')).map((r) => r[0]).filter(Boolean);
  } catch (e) {
    throw configError(txt(`无法读取名录文件「${file}」`, `cannot read the list file "${file}"`), e);
  }
}

function addTo(l: Lists, id: ListId, w: string): void {
  switch (id) {
    case 'exaggeration': return l.exaggeration.set(w, { soft: false });
    case 'feudal': return l.feudal.set(w, { soft: w.length === 1 });
    case 'historicAllow': return l.historicAllow.set(w, true);
    case 'unhealthy': return l.unhealthy.set(w, { level: 'hard' });
    case 'loanwords': return l.loanwords.set(w, true);
    case 'foreignPlaces': return l.foreignPlaces.set(w, { kind: 'local', ambiguous: false });
    case 'foreignPersons': return l.foreignPersons.set(w, true);
    case 'translitChars': for (const c of w) l.translitChars.add(c); return;
    case 'leaders': return l.leaders.set(w, { distinctive: false, ordinaryWord: false });
    // A surname the profile adds counts as common (rank 1); two characters are a compound surname (rank 0).
    case 'surnames': l.surnames.set(w, w.length === 1 ? 1 : 0); return;
    case 'notablePersons': return l.notablePersons.set(w, true);
    case 'commemorativeNumbers': l.commemorativeNumbers.add(w); return;
    case 'regionalRareChars': for (const c of w) l.regionalRareChars.set(c, ['']); return;
    case 'brands': return l.brands.set(w, true);
    case 'famousFeatures': return l.famousFeatures.set(w, { provinces: [], localUse: 0 });
    default:
      // chars8105, tradMap, generics, divisions and placeReadings have their own data files and options.
      throw configError(txt(`名录「${id}」不能在配置中逐条增加`, `list "${id}" cannot take entries in a profile`));
  }
}

function removeFrom(l: Lists, id: ListId, w: string): void {
  const target = (l as unknown as Record<string, unknown>)[id];
  if (target instanceof WordSet) target.delete(w);
  else if (target instanceof Set) target.delete(w);
  else if (target instanceof Map) target.delete(w);
}

let base: Lists | undefined;

/** The bundled lists (data/lists/, data/chars/), loaded once. Profiles apply their changes to a copy. */
export function baseLists(): Lists {
  if (base) return base;
  const l = new Lists();
  readDataTable('chars/tgscc_8105.txt').forEach(([ch], i) => l.chars8105.set(ch, i < 3500 ? 1 : i < 6500 ? 2 : 3));
  for (const [t, s] of readDataTable('lists/trad-simp.tsv')) if (t && s) l.tradMap.set(t, s);
  for (const [w, level] of readDataTable('lists/exaggeration.tsv')) l.exaggeration.set(w, { soft: level === 'soft' });
  for (const [w, level] of readDataTable('lists/feudal.tsv')) l.feudal.set(w, level === 'rank' ? { soft: false, rank: true } : { soft: level === 'soft' });
  for (const [w] of readDataTable('lists/feudal-allow.txt')) l.feudalAllow.set(w, true);
  for (const [w] of readDataTable('lists/historic-allow.tsv')) l.historicAllow.set(w, true);
  for (const [w, level] of readDataTable('lists/unhealthy.tsv')) {
    if (/^[a-z ]+$/.test(w)) l.unhealthyPuns.set(w.replace(/\s+/g, ''), w);
    else l.unhealthy.set(w, { level: level === 'soft' ? 'soft' : level === 'pun' ? 'pun' : 'hard' });
  }
  for (const [w] of readDataTable('lists/loanwords.txt')) l.loanwords.set(w, true);
  for (const [w, , kind, ambiguous] of readDataTable('lists/foreign-places.tsv')) l.foreignPlaces.set(w, { kind: kind ?? '', ambiguous: ambiguous === 'yes' });
  for (const [w] of readDataTable('lists/foreign-persons.txt')) l.foreignPersons.set(w, true);
  for (const [w] of readDataTable('lists/friendship-allow.txt')) l.friendshipAllow.set(w, true);
  for (const [c] of readDataTable('lists/translit-chars.txt')) for (const ch of c) l.translitChars.add(ch);
  for (const [w, distinctive, , , ordinaryWord] of readDataTable('lists/leaders.tsv')) {
    l.leaders.set(w, { distinctive: distinctive === 'yes', ordinaryWord: ordinaryWord === 'yes' });
  }
  for (const [w, rank] of readDataTable('lists/surnames.txt')) l.surnames.set(w, rank ? Number(rank) : 0);
  for (const [w] of readDataTable('lists/notable-persons.txt')) l.notablePersons.set(w, true);
  for (const [w] of readDataTable('lists/commemorative-numbers.txt')) l.commemorativeNumbers.add(w);
  for (const [c, provs] of readDataTable('lists/regional-rare-chars.tsv')) l.regionalRareChars.set(c, (provs ?? '').split(',').filter(Boolean));
  for (const [w] of readDataTable('lists/brands.txt')) l.brands.set(w, true);
  for (const [w, provs, , localUse] of readDataTable('lists/famous-features.tsv')) {
    l.famousFeatures.set(w, { provinces: (provs ?? '').split(',').filter(Boolean), localUse: Number(localUse) || 0 });
  }
  base = l;
  return l;
}

/** Division names (full and short, two characters or more) for rules that match them inside names. */
export function divisionNameSet(): WordSet<string[]> {
  if (divisionNames) return divisionNames;
  const ws = new WordSet<string[]>();
  for (const [name, list] of divisions().byName) {
    if (name.length < 2 || ZONE_WORDS.has(name)) continue;
    ws.set(name, list.map((d) => d.code));
  }
  // 台湾, 香港, 澳门 and Taiwan's cities: Chinese divisions outside the statistical list (codes 71, 81, 82, 71xx).
  for (const [name, code] of readDataTable('lists/divisions-beyond-list.tsv')) ws.set(name, [...(ws.get(name) ?? []), code]);
  divisionNames = ws;
  return ws;
}
let divisionNames: WordSet<string[]> | undefined;

/**
 * The base lists with a profile's changes applied. Only the lists a profile changes are copied; the others are the
 * base objects themselves, so that profiles share them (and the indexes built on them, such as the word trie).
 */
export function listsWith(changes: Partial<Record<ListId, ListChange>>[], baseDir?: string): Lists {
  const b = baseLists();
  const changed = new Set<string>();
  for (const c of changes) for (const id of Object.keys(c)) changed.add(id);
  if (!changed.size) return b;
  const l = cloneLists(b, changed);
  for (const c of changes) for (const [id, change] of Object.entries(c) as [ListId, ListChange][]) l.apply(id, change, baseDir);
  return l;
}

function cloneLists(b: Lists, changed: ReadonlySet<string>): Lists {
  const l = new Lists();
  const fields = l as unknown as Record<string, unknown>;
  for (const key of Object.keys(b) as (keyof Lists)[]) {
    const v = b[key] as unknown;
    const target = l[key] as unknown;
    if (!changed.has(key)) fields[key] = v;
    else if (v instanceof WordSet && target instanceof WordSet) for (const k of v.keys()) target.set(k, v.get(k));
    else if (v instanceof Map && target instanceof Map) for (const [k, x] of v) target.set(k, x);
    else if (v instanceof Set && target instanceof Set) for (const x of v) target.add(x);
  }
  return l;
}
