import { type Text, txt } from '../core/text.js';
import { divisionPath, divisions, nameForms } from '../divisions/divisions.js';
import type { Lists } from '../lists/lists.js';
import { type GenericClass, type GenericEntry, lexicon } from '../name/lexicon.js';
import { parseName } from '../name/parse.js';
import type { AnalyzedRecord, BatchContext, BatchGroup, Related } from '../rules/types.js';
import { SCOPE_LEN, levelOfCode, scopeKey } from './admin.js';
import { type ExistingEntry, type ExistingNames, codePrefixOf } from './existing.js';
import { FNV_SEED, fnv, hasMarked, nameHash, tradMarks } from './namekeys.js';
import { firstSound, foldNearSound, quickSoundKey } from './readingkey.js';
import { oneRoad } from './segments.js';
import { SeriesIndex } from './series-index.js';
import { type ExistingSoundKeys, existingSoundKeys } from './existing-sound.js';
import { soundKeyOf } from './analyze.js';
import { type DialectTable, loadDialectTable } from './dialect.js';
import type { BuiltUpScope } from './built-up-scope.js';

/**
 * Uniqueness (rules.md §7): names compared inside a scope (township by default), within the batch and against the
 * existing names. One pass serves the three rules: records are indexed by scope length → scope code → comparison key
 * (nested maps keyed by the strings themselves, no key strings built), each existing name probes that index once,
 * and each pair is reported by the first rule that matches (duplicate → homophone → near-duplicate). A record whose
 * area is coarser than the scope, or missing, is compared at the finest level it gives (rules.md §0.3).
 */
// 'dialect': same reading in the profile's dialect table (homophone's option dialectTable), reported by homophone.
// 'specific-sound': the 专名 (with its modifiers) sounds the same and the generics are of one class (富民路, 福民街),
// reported by homophone (option specific).
// 'series-member': one member of a series under another generic (源福三路, 源福三街), reported by near-duplicate as the
// same 专名 under another generic is (option specific); found through a SeriesIndex (hashes), confirmed in exclude.
type Kind = 'duplicate' | 'homophone' | 'dialect' | 'specific-sound' | 'near-duplicate' | 'series-member';
type Key = 'exact' | 'sound' | 'dialect' | 'specSound' | 'strip' | 'specific' | 'fold';
const KIND_OF: Record<Key, Kind> = {
  exact: 'duplicate', sound: 'homophone', dialect: 'dialect', specSound: 'specific-sound', strip: 'near-duplicate', specific: 'near-duplicate', fold: 'near-duplicate',
};
const ORDER: Kind[] = ['duplicate', 'homophone', 'dialect', 'specific-sound', 'near-duplicate', 'series-member'];

export type Other = AnalyzedRecord | ExistingEntry;

interface DupOptions { scope?: string; sameTypeOnly?: boolean }
interface HomOptions { scope?: string; tones?: boolean; dialectTable?: string | null; specific?: boolean }
interface NearOptions {
  scope?: string;
  stripPrefixes?: string[];
  stripNames?: string | string[];
  /** The profile's cityName/countyName settings: own division names besides those the code gives. */
  cityName?: string | null;
  countyName?: string | null;
  specific?: boolean;
  nearSound?: boolean;
  allowDerived?: boolean;
}

/** Generics that make a derived name of a road on purpose (X支路, X横路 beside X路: rules.md near-duplicate). */
const DERIVED = new Set(['支路', '横路', '横街', '后街', '前街', '小街', '小巷', '直街', '正街']);

/**
 * The batch records of one scope by comparison key, with cheap necessary conditions so that most existing names in
 * the scope are dismissed without computing their keys: equal sound keys start with the same syllable, a name's 专名
 * starts it, and equal strings have equal hashes. A class with every field set, so that the scan's property reads
 * stay monomorphic.
 */
class KeyMaps {
  exact: Map<string, Group> | undefined = undefined;
  sound: Map<string, Group> | undefined = undefined;
  dialect: Map<string, Group> | undefined = undefined;
  /** By specSoundHash (numbers: no key string kept per record), confirmed with specSoundKey when reported. */
  specSound: Map<number, Group> | undefined = undefined;
  strip: Map<string, Group> | undefined = undefined;
  specific: Map<string, Group> | undefined = undefined;
  fold: Map<string, Group> | undefined = undefined;
  soundFirst: Set<string> | undefined = undefined;
  /** smallHash of the sound keys (with their `T:`): existing names that may read otherwise are tested against it. */
  soundHash: Set<number> | undefined = undefined;
  dialectFirst: Set<string> | undefined = undefined;
  foldFirst: Set<string> | undefined = undefined;
  specificFirst: Set<number> | undefined = undefined;
  /** smallHash of the exact and strip keys. */
  exactHash: Set<number> | undefined = undefined;
  stripHash: Set<number> | undefined = undefined;
  /** Last unit of the strip keys, and first units of what strip() may remove in this scope (own names, 新, 老). */
  stripLast: Set<number> | undefined = undefined;
  stripFirst: Set<number> | undefined = undefined;
}

/** The records with one key: one record, or several. */
type Group = AnalyzedRecord | AnalyzedRecord[];
const members = (g: Group): readonly AnalyzedRecord[] => (Array.isArray(g) ? g : [g]);

/** 30 bits of nameHash: a small integer, which number-keyed sets hold without boxing. */
const smallHash = (h: number) => h & 0x3fffffff;

/** Batch records by scope length → scope code (as a number: ExistingNames.codePrefix) → comparison keys. */
type Index = Map<number, Map<number, KeyMaps>>;
interface Coarse { rec: AnalyzedRecord; key: Key; value: string | number; scope: string }

/**
 * The scope names are compared in by area code. 'builtUpArea' (rules.md §0.3) is the built-up-area polygon a record
 * lies in (--built-up, BuiltUpScope); a record in none, or without geometry, is compared by township.
 */
export function scopeUsed(scope: string | undefined): string {
  return !scope || scope === BUILT_UP ? 'township' : scope;
}
export const BUILT_UP = 'builtUpArea';

/** The code length of a uniqueness scope (township: 9). */
export function scopeLength(given: string | undefined): number {
  return SCOPE_LEN[scopeUsed(given)] ?? 9;
}

/** The record's scope code as a number (ExistingNames.codePrefix), or -1 when its area is coarser than the scope. */
function scopeCode(rec: AnalyzedRecord, given: string | undefined, len: number): number {
  return scopeKey(rec.admin, scopeUsed(given)) === undefined ? -1 : codePrefixOf(rec.admin.code, len);
}

/** `ctx.shared` key: the pairs (pairKey) reported by duplicate/homophone/near-duplicate; nearby-duplicate skips them. */
export const REPORTED_PAIRS = 'uniqueness:reported-pairs';

export const uniquenessGroup: BatchGroup = {
  id: 'uniqueness',
  run(ctxs) {
    const dup = ctxs.get('duplicate') as BatchContext<DupOptions> | undefined;
    const hom = ctxs.get('homophone') as BatchContext<HomOptions> | undefined;
    const near = ctxs.get('near-duplicate') as BatchContext<NearOptions> | undefined;
    const any = (dup ?? hom ?? near) as BatchContext | undefined;
    if (!any) return;
    const lists = any.lists;
    const existing = any.existing;
    const pairs: Record<Kind, [AnalyzedRecord, Other][]> = { 'duplicate': [], 'homophone': [], 'dialect': [], 'specific-sound': [], 'near-duplicate': [], 'series-member': [] };
    // The dialect table of the first homophone record's profile (the scan compares every existing name one way).
    const dialectFile = hom?.records.length ? hom.optionsFor(hom.records[0]).dialectTable : undefined;
    const dialect = typeof dialectFile === 'string' ? loadDialectTable(dialectFile) : undefined;

    // 1. Index the batch records of each rule.
    const index: Index = new Map();
    const coarse: Coarse[] = [];
    // Built-up areas (--built-up): the records whose scope is builtUpArea and whose geometry lies in an area are also
    // indexed by area; each pair is then kept or dropped by where both lie (step 4).
    const bu = any.builtUp;
    const areaIndex = new Map<number, KeyMaps>();
    const areaOf = (o: { scope?: string }, rec: AnalyzedRecord) => (bu && o.scope === BUILT_UP ? bu.areaOf(rec) : undefined);
    const put = (rec: AnalyzedRecord, given: string | undefined, key: Key, value: string | number | undefined, area?: number) => {
      if (value === undefined || value === '' || value === -1) return;
      if (area !== undefined) {
        let maps = areaIndex.get(area);
        if (!maps) areaIndex.set(area, (maps = new KeyMaps()));
        putIn(maps, rec, key, value, AREA_LEN, area);
      }
      const want = scopeLength(given);
      const sk = scopeCode(rec, given, want);
      if (sk < 0) {
        coarse.push({ rec, key, value, scope: rec.admin.code ?? '' });
        return;
      }
      let byScope = index.get(want);
      if (!byScope) index.set(want, (byScope = new Map()));
      let maps = byScope.get(sk);
      if (!maps) byScope.set(sk, (maps = new KeyMaps()));
      putIn(maps, rec, key, value, want, sk);
    };
    const putIn = (maps: KeyMaps, rec: AnalyzedRecord, key: Key, value: string | number, want: number, sk: number) => {
      const m = (maps[key] ??= new Map()) as Map<string | number, Group>;
      const g = m.get(value);
      // A single record is stored as itself (most keys have one): a million one-element arrays are 300 MB.
      if (!g) m.set(value, rec);
      else if (!Array.isArray(g)) {
        if (g !== rec) m.set(value, [g, rec]);
      } else if (g[g.length - 1] !== rec) g.push(rec);
      if (typeof value === 'number') return; // specSound: its first syllables are the sound key's (the same records)
      if (key === 'exact') (maps.exactHash ??= new Set()).add(smallHash(nameHash(value)));
      else if (key === 'sound') {
        (maps.soundFirst ??= new Set()).add(firstSyllable(value.startsWith('T:') ? value.slice(2) : value));
        (maps.soundHash ??= new Set()).add(smallHash(nameHash(value)));
      }
      else if (key === 'dialect') (maps.dialectFirst ??= new Set()).add(firstSyllable(value));
      else if (key === 'fold') (maps.foldFirst ??= new Set()).add(firstSyllable(value));
      else if (key === 'specific') (maps.specificFirst ??= new Set()).add(value.charCodeAt(0));
      else if (key === 'strip') {
        (maps.stripHash ??= new Set()).add(smallHash(nameHash(value)));
        (maps.stripLast ??= new Set()).add(value.charCodeAt(value.length - 1));
        if (!maps.stripFirst) {
          // What strip() may remove from an existing name of this scope (the scan uses the first record's options).
          const o = near!.optionsFor(near!.records[0]);
          const first = new Set<number>();
          for (const p of o.stripPrefixes ?? DEFAULT_PREFIXES) first.add(p.charCodeAt(0));
          if (want >= 9 && want !== AREA_LEN) for (const n of stripNamesFor(o, Math.floor(sk / 10 ** (want - 9)), undefined)) first.add(n.charCodeAt(0));
          else first.add(-1); // coarser scopes and built-up areas hold several townships, each with its own names: no filter
          maps.stripFirst = first;
        }
      }
    };
    for (const rec of byTownship(dup?.records)) {
      const o = dup!.optionsFor(rec);
      put(rec, o.scope, 'exact', exactKey(rec.full, lists), areaOf(o, rec));
    }
    for (const rec of byTownship(hom?.records)) {
      const o = hom!.optionsFor(rec);
      const area = areaOf(o, rec);
      const k = soundKey(rec, Boolean(o.tones));
      put(rec, o.scope, 'sound', k && (o.tones ? `T:${k}` : k), area);
      if (k && o.specific !== false) put(rec, o.scope, 'specSound', specSoundHash(rec.full, rec.parsed.generic, rec.parsed.genericClass, k, Boolean(o.tones)), area);
      if (dialect) put(rec, o.scope, 'dialect', dialect.key(exactKey(rec.full, lists)), area);
    }
    const nearRecords = byTownship(near?.records);
    const series = new SeriesIndex(nearRecords, (rec, len) => (len === AREA_LEN ? (bu?.areaOf(rec) ?? -1) : codePrefixOf(rec.admin.code, len)));
    for (let ri = 0; ri < nearRecords.length; ri++) {
      const rec = nearRecords[ri];
      const o = near!.optionsFor(rec);
      const area = areaOf(o, rec);
      const full = exactKey(rec.full, lists);
      put(rec, o.scope, 'strip', strip(full, o, stripNamesFor(o, codePrefixOf(rec.admin.code, 9), rec.admin.code)), area);
      if (o.specific && !isDerived(rec.parsed, o)) put(rec, o.scope, 'specific', rec.parsed.specific, area);
      else if (o.specific && isSeriesMember(rec.parsed, o)) {
        // Records placed coarser than the scope are left out (as rare as they are; the other keys serve them).
        const h = seriesHash(rec.full, rec.parsed.generic);
        const want = scopeLength(o.scope);
        const sk = h < 0 ? -1 : scopeCode(rec, o.scope, want);
        if (sk >= 0) series.add(want, sk, h, rec.full.charCodeAt(0), ri);
        if (h >= 0 && area !== undefined) series.add(AREA_LEN, area, h, rec.full.charCodeAt(0), ri);
      }
      if (o.nearSound) {
        const k = soundKey(rec, false);
        put(rec, o.scope, 'fold', k && foldNearSound(k), area);
      }
    }

    series.seal();
    // 2. Pairs inside the batch.
    for (const byScope of index.values()) for (const maps of byScope.values()) batchPairsIn(maps, pairs);
    for (const maps of areaIndex.values()) batchPairsIn(maps, pairs);
    series.forEachPair((a, b) => pairs['series-member'].push([a, b]));
    if (coarse.length) coarsePairs(coarse, index, pairs);

    // 3. Existing names: each probes the index once; keys are computed only where its scope holds batch records.
    const tones = hom ? Boolean(hom.optionsFor(hom.records[0]).tones) : false;
    const nearOptions = near ? near.optionsFor(near.records[0]) : undefined;
    if (existing?.size) {
      scanExisting(existing, index, series, coarse, pairs, lists, tones, nearOptions, dialect, existingSoundKeys(any.orthography));
    }
    // Existing names whose geometry lies in a built-up area: compared with the batch records of that area.
    const areaEntries = new Set<ExistingEntry>();
    if (bu && areaIndex.size && bu.existing.size) {
      scanAreaExisting(bu, areaIndex, series, pairs, areaEntries, { lists, tones, near: nearOptions ?? {}, dialect, sounds: existingSoundKeys(any.orthography) });
    }

    // 4. Report, catalog order first. Rows of one name that adjoin are segments of one road, not duplicates.
    const sameRoad = oneRoad(batchPairs(pairs.duplicate));
    const segments = new Map<AnalyzedRecord, AnalyzedRecord[]>();
    const done = new Set<string>();
    const seen = new Set<string>();
    const reported = new Set<string>();
    any.shared.set(REPORTED_PAIRS, reported);
    for (const kind of ORDER) {
      const ctx = kind === 'duplicate' ? dup : kind === 'near-duplicate' || kind === 'series-member' ? near : hom;
      if (!ctx) continue;
      for (const [rec, other] of pairs[kind]) {
        // In a built-up area: only the names that lie in the same area count (an existing name of a file without
        // geometry cannot be placed: compared by township, one level lower).
        const area = bu ? areaOf(ctx.optionsFor(rec) as { scope?: string }, rec) : undefined;
        let unplaced = false;
        if (area !== undefined) {
          if ('row' in other) {
            if (bu!.areaOf(other) !== area) continue;
          } else if (!areaEntries.has(other)) {
            if (bu!.placed(other.file, other.line)) continue;
            unplaced = true;
          }
        }
        if (exclude(kind, rec, other, ctx as unknown as BatchContext, lists)) continue;
        const pk = pairKey(rec, other);
        if (ORDER.slice(0, ORDER.indexOf(kind)).some((k) => done.has(`${k}|${pk}`))) continue;
        const dir = `${kind}|${rec.row}>${'row' in other ? other.row : `${other.file}:${other.line}`}`;
        if (seen.has(dir)) continue;
        seen.add(dir);
        done.add(`${kind}|${pk}`);
        reported.add(pk);
        if (kind === 'duplicate' && 'row' in other && sameRoad(rec, other)) {
          let l = segments.get(rec);
          if (!l) segments.set(rec, (l = []));
          l.push(other);
          continue;
        }
        const heard = kind === 'dialect' ? dialect?.key(exactKey(rec.full, lists)) : undefined;
        const scope = scopeUsed((ctx.optionsFor(rec) as { scope?: string }).scope);
        // An existing name placed only in a larger area may lie elsewhere in it: one level lower, and said so.
        const unsure = unplaced
          ? txt('该已有地名没有几何，无法判断是否在建成区内，按同一乡镇（街道）比较', 'the existing name has no geometry, so whether it lies in the built-up area is unknown; compared by township')
          : area !== undefined ? undefined : coarseOther(other, scope);
        // Rows of the batch placed coarser than the scope meet at the finest level both give (rules.md §0.3).
        const level = area === undefined && !unsure ? batchLevel(rec, other, scope) : undefined;
        const label = area !== undefined && !unplaced ? txt(`同一建成区「${bu!.names[area]}」`, `the same built-up area "${bu!.names[area]}"`) : level?.label ?? scopeLabel(scope);
        const soft = Boolean(unsure) || Boolean(level?.unsure);
        let text = message(kind, rec, other, label, heard, soft);
        if (unsure) text = txt(`${text.zh}；${unsure.zh}，请核实`, `${text.en}; ${unsure.en}: please check`);
        else if (level) text = txt(`${text.zh}；${level.why.zh}${soft ? '，请核实' : ''}`, `${text.en}; ${level.why.en}${soft ? ': please check' : ''}`);
        ctx.report(rec, text, { related: [relatedOf(other)], soft });
      }
    }
    for (const [rec, others] of segments) {
      const rows = others.map((o) => o.row).sort((x, y) => x - y);
      dup!.report(rec, txt(
        `与本表第 ${rows.join('、')} 行同名，起止点相接，按同一道路的分段处理`,
        `same name as row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}; they meet end to end and are taken as segments of one road`,
      ), { related: others.map(relatedOf), severity: 'info' });
    }
  },
};

/** The scope length that SeriesIndex and putIn are given for a built-up area (not an area-code length). */
const AREA_LEN = 15;

/** The pairs of batch records that share a key of one scope's maps. */
function batchPairsIn(maps: KeyMaps, pairs: Record<Kind, [AnalyzedRecord, Other][]>): void {
  for (const key of KEYS) {
    if (!maps[key]) continue;
    for (const g of maps[key].values()) {
      if (!Array.isArray(g)) continue;
      for (const a of g) for (const b of g) if (a !== b) pairs[KIND_OF[key]].push([a, b]);
    }
  }
}

/**
 * The existing names with geometry in a built-up area (few: they are read within the areas' box) against the batch
 * records of that area: every key of each name is computed. `entries` collects the entries these pairs name.
 */
function scanAreaExisting(
  bu: BuiltUpScope,
  areaIndex: ReadonlyMap<number, KeyMaps>,
  series: SeriesIndex<AnalyzedRecord>,
  pairs: Record<Kind, [AnalyzedRecord, Other][]>,
  entries: Set<ExistingEntry>,
  settings: KeySettings,
): void {
  const ex = bu.existing;
  for (let i = 0; i < ex.size; i++) {
    const area = bu.existingArea[i];
    const maps = areaIndex.get(area);
    if (!maps) continue;
    let entry: ExistingEntry | undefined;
    const take = () => {
      if (!entry) entries.add((entry = ex.entry(i)));
      return entry;
    };
    probeKeys(maps, allKeysOf(ex, i, settings), pairs, take);
    const full = ex.full(i);
    const generic = genericSuffix(full);
    const h = generic && !DERIVED.has(generic.text) ? seriesHash(full, generic.text) : -1;
    if (h >= 0) series.forEach(AREA_LEN, area, h, (r) => pairs['series-member'].push([r, take()]));
  }
}

/** The pairs of two batch rows. */
function* batchPairs(pairs: readonly (readonly [AnalyzedRecord, Other])[]): Generator<readonly [AnalyzedRecord, AnalyzedRecord]> {
  for (const [a, b] of pairs) if ('row' in b) yield [a, b];
}

/**
 * Records in order of their township code (file order within one): indexing them in this order fills one scope's
 * maps after another, which a shuffled million-row batch would otherwise visit at random (cache misses).
 */
const sortedCache = new WeakMap<readonly AnalyzedRecord[], readonly AnalyzedRecord[]>();
function byTownship(records: readonly AnalyzedRecord[] | undefined): readonly AnalyzedRecord[] {
  if (!records) return [];
  let out = sortedCache.get(records);
  if (out) return out;
  const n = records.length;
  if (n > 1 << 21) return records; // the key below holds the index in 21 bits
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (codePrefixOf(records[i].admin.code, 9) + 1) * 2097152 + i;
  keys.sort();
  const sorted: AnalyzedRecord[] = new Array(n);
  for (let k = 0; k < n; k++) sorted[k] = records[keys[k] % 2097152];
  sortedCache.set(records, (out = sorted));
  return out;
}

function coarsePairs(coarse: Coarse[], index: Index, pairs: Record<Kind, [AnalyzedRecord, Other][]>): void {
  const byValue = new Map<string, typeof coarse>();
  for (const c of coarse) {
    const k = `${c.key}\u0001${c.value}`;
    const l = byValue.get(k);
    if (l) l.push(c);
    else byValue.set(k, [c]);
  }
  for (const [len, byScope] of index) {
    for (const [num, maps] of byScope) {
      const sk = String(num).padStart(len, '0');
      for (const key of KEYS) {
        if (!maps[key]) continue;
        for (const [value, g] of maps[key]) {
          const cs = byValue.get(`${key}\u0001${value}`);
          if (!cs) continue;
          for (const c of cs) {
            if (c.scope && !sk.startsWith(c.scope)) continue;
            for (const r of members(g)) {
              pairs[KIND_OF[key]].push([c.rec, r], [r, c.rec]);
            }
          }
        }
      }
    }
  }
  for (const cs of byValue.values()) {
    for (const a of cs) {
      for (const b of cs) {
        if (a.rec !== b.rec && (!a.scope || !b.scope || a.scope.startsWith(b.scope) || b.scope.startsWith(a.scope))) pairs[KIND_OF[a.key]].push([a.rec, b.rec]);
      }
    }
  }
}

function scanExisting(
  ex: ExistingNames,
  index: Index,
  series: SeriesIndex<AnalyzedRecord>,
  coarse: Coarse[],
  pairs: Record<Kind, [AnalyzedRecord, Other][]>,
  lists: Lists,
  tones: boolean,
  near: NearOptions | undefined,
  dialect: DialectTable | undefined,
  sounds: ExistingSoundKeys,
): void {
  const prefix = tones ? 'T:' : '';
  const soundSeed = fnv(FNV_SEED, prefix);
  const lens = [...index.keys()];
  const coarseByValue = new Map<string, Coarse[]>();
  for (const c of coarse) {
    const k = `${c.key}\u0001${c.value}`;
    const l = coarseByValue.get(k);
    if (l) l.push(c);
    else coarseByValue.set(k, [c]);
  }
  const n = ex.size;
  const hasCoarse = coarse.length > 0;
  const maxLen = Math.max(...index.keys());
  const coarseEntries: number[] = [];
  const noAreaEntries: number[] = [];
  const nLens = lens.length;
  const scopeMaps = lens.map((len) => index.get(len)!);
  const nearOptions = near ?? {};
  const { hash, first: firstUnit, last: lastUnit, plain, ordinalEnd } = ex.fingerprints;
  for (let i = 0; i < n; i++) {
    // Keys are computed on first need for this entry; the fingerprints (typed arrays) dismiss most entries without
    // touching their strings (`plain[i]` = 0: a traditional character or surrogate, read the string).
    const fast = plain[i] === 1;
    const h = smallHash(hash[i]);
    const c0 = firstUnit[i];
    let full: string | undefined;
    let exact: string | undefined;
    /** The name's sound key without the `T:` of toned keys, once known. */
    let bare: string | undefined;
    let generic: GenericEntry | null | undefined;
    let dialectKey: string | undefined;
    let first: readonly string[] | undefined;
    let first0: readonly string[] | undefined;
    let toneless: string | undefined;
    let stripped: string | undefined;
    let specific: string | null | undefined;
    let seriesKey: number | undefined;
    let entry: ExistingEntry | undefined;
    for (let li = 0; li < nLens; li++) {
      const sk = ex.codePrefix(i, lens[li]);
      if (sk < 0) continue;
      const maps = scopeMaps[li].get(sk);
      if (maps === undefined) continue;
      if (maps.exact && (!fast || maps.exactHash!.has(h))) {
        exact ??= exactKey((full ??= ex.full(i)), lists);
        const g = maps.exact.get(exact);
        if (g) for (const r of members(g)) pairs.duplicate.push([r, (entry ??= ex.entry(i))]);
      }
      if (maps.sound && mayStartWith(maps.soundFirst!, (first ??= firstReadings(ex, i, fast ? c0 : -1, tones, sounds)), ex, i, tones)) {
        full ??= ex.full(i);
        // The engine's reading where a character may read otherwise (重庆 chong qing), asked only when some reading of
        // the name meets a key of this scope; else the default readings.
        if (bare === undefined) {
          if (!sounds.ambiguous(full, tones)) bare = quickSoundKey(full, tones);
          else if (sounds.mayMeet(full, tones, soundSeed, maps.soundHash!)) bare = sounds.exact(full, tones, ex.code(i), ex.type(i));
        }
        const g = bare === undefined ? undefined : maps.sound.get(prefix + bare);
        if (g) for (const r of members(g)) pairs.homophone.push([r, (entry ??= ex.entry(i))]);
      }
      // The 专名 with its modifiers sounds the same under a generic of the same class (富民路, 福民街); soundFirst holds
      // the first syllables of these keys too (the same records put both).
      if (maps.specSound && mayStartWith(maps.soundFirst!, (first ??= firstReadings(ex, i, fast ? c0 : -1, tones, sounds)), ex, i, tones)) {
        full ??= ex.full(i);
        generic ??= genericSuffix(full) ?? null;
        if (generic) {
          if (bare === undefined) {
            if (!sounds.ambiguous(full, tones)) bare = quickSoundKey(full, tones);
            else if (sounds.mayMeet(full.slice(0, full.length - generic.text.length), tones, headSeed(generic.cls, tones), maps.specSound)) {
              bare = sounds.exact(full, tones, ex.code(i), ex.type(i));
            }
          }
          const k = bare === undefined ? -1 : specSoundHash(full, generic.text, generic.cls, bare, tones);
          const g = k < 0 ? undefined : maps.specSound.get(k);
          if (g) for (const r of members(g)) pairs['specific-sound'].push([r, (entry ??= ex.entry(i))]);
        }
      }
      if (maps.dialect && dialect) {
        // The first reading filters as the first syllable does for sound keys; a marked name reads its string.
        const firstReading = fast ? dialect.unitReading(c0) : firstSyllable((dialectKey ??= dialect.key((exact ??= exactKey((full ??= ex.full(i)), lists)))));
        if (maps.dialectFirst!.has(firstReading)) {
          dialectKey ??= dialect.key((exact ??= exactKey((full ??= ex.full(i)), lists)));
          const g = maps.dialect.get(dialectKey);
          if (g) for (const r of members(g)) pairs.dialect.push([r, (entry ??= ex.entry(i))]);
        }
      }
      if (maps.strip && (!fast || maps.stripHash!.has(h) || ((maps.stripFirst!.has(c0) || maps.stripFirst!.has(-1)) && maps.stripLast!.has(lastUnit[i])))) {
        full ??= ex.full(i);
        stripped ??= strip((exact ??= exactKey(full, lists)), nearOptions, stripNamesFor(nearOptions, ex.codePrefix(i, 9), ex.codeLength(i) < 9 ? ex.code(i) : undefined));
        const g = maps.strip.get(stripped);
        if (g) for (const r of members(g)) pairs['near-duplicate'].push([r, (entry ??= ex.entry(i))]);
      }
      if (maps.specific && (!fast || maps.specificFirst!.has(c0))) {
        full ??= ex.full(i);
        if (specific === undefined) {
          const p = parseName(full, PARSE_OPTIONS);
          specific = near && isDerived(p, near) ? null : p.specific;
        }
        const g = specific === null ? undefined : maps.specific.get(specific);
        if (g) for (const r of members(g)) pairs['near-duplicate'].push([r, (entry ??= ex.entry(i))]);
      }
      // A series member (a numeral or direction before the generic) whose name less its generic is a batch member's.
      if (series.size && (!fast || (ordinalEnd[i] !== 0 && series.mayStartWith(lens[li], sk, c0)))) {
        full ??= ex.full(i);
        if (seriesKey === undefined) {
          generic ??= genericSuffix(full) ?? null;
          seriesKey = generic && !DERIVED.has(generic.text) ? seriesHash(full, generic.text) : -1;
        }
        if (seriesKey >= 0) series.forEach(lens[li], sk, seriesKey, (r) => pairs['series-member'].push([r, (entry ??= ex.entry(i))]));
      }
      if (maps.fold) {
        first0 ??= tones ? firstReadings(ex, i, fast ? c0 : -1, false, sounds) : (first ??= firstReadings(ex, i, fast ? c0 : -1, false, sounds));
        if (first0.some((r) => maps.foldFirst!.has(foldNearSound(r || firstSound(ex.full(i)))))) {
          full ??= ex.full(i);
          toneless ??= sounds.key(full, false, ex.code(i), ex.type(i));
          const g = maps.fold.get(foldNearSound(toneless));
          if (g) for (const r of members(g)) pairs['near-duplicate'].push([r, (entry ??= ex.entry(i))]);
        }
      }
    }
    if (hasCoarse) {
      const code = ex.code(i);
      const keys = allKeysOf(ex, i, { lists, tones, near: nearOptions, dialect, sounds });
      for (const key of KEYS) {
        const v = keys[key];
        const cs = v === undefined ? undefined : coarseByValue.get(`${key}\u0001${v}`);
        if (cs) for (const c of cs) if (!c.scope || (code ?? '').startsWith(c.scope)) pairs[KIND_OF[key]].push([c.rec, (entry ??= ex.entry(i))]);
      }
    }
    // Placed only in an area coarser than some scope (a county's list without townships), or in none: compared after
    // this loop.
    const cl = ex.codeLength(i);
    if (cl < maxLen && cl !== 1) (cl ? coarseEntries : noAreaEntries).push(i);
  }
  // Names without an area meet every scope: skipped when that is too much work (as runCheck decided and noted).
  let scopes = 0;
  for (const byScope of index.values()) scopes = Math.max(scopes, byScope.size);
  if (noAreaEntries.length && (ex.noAreaCompared ?? comparesNoArea(noAreaEntries.length, scopes))) coarseEntries.push(...noAreaEntries);
  if (coarseEntries.length) scanCoarseExisting(ex, coarseEntries, index, pairs, { lists, tones, near: nearOptions, dialect, sounds });
}

/** Are existing names without an area compared with every scope of the batch (a bound on the work)? */
export function comparesNoArea(names: number, scopes: number): boolean {
  return names * scopes <= 20_000_000;
}

/** What computing an existing name's keys needs besides the name (allKeysOf). */
interface KeySettings {
  lists: Lists;
  tones: boolean;
  near: NearOptions;
  dialect: DialectTable | undefined;
  sounds: ExistingSoundKeys;
}

/** The batch records of one scope's maps that share a key with `keys`, paired with the existing name `other()`. */
function probeKeys(maps: KeyMaps, keys: Partial<Record<Key, string | number>>, pairs: Record<Kind, [AnalyzedRecord, Other][]>, other: () => Other): void {
  for (const key of KEYS) {
    const m = maps[key] as Map<string | number, Group> | undefined;
    const v = keys[key];
    const g = m && v !== undefined ? m.get(v) : undefined;
    if (g) for (const r of members(g)) pairs[KIND_OF[key]].push([r, other()]);
  }
}

/** Every comparison key of existing name i (for the rare names that the fingerprint filters cannot serve). */
function allKeysOf(ex: ExistingNames, i: number, { lists, tones, near, dialect, sounds }: KeySettings): Partial<Record<Key, string | number>> {
  const full = ex.full(i);
  const code = ex.code(i);
  const type = ex.type(i);
  const exact = exactKey(full, lists);
  const bare = sounds.key(full, tones, code, type);
  const generic = genericSuffix(full);
  const parsed = parseName(full, PARSE_OPTIONS);
  const spec = generic ? specSoundHash(full, generic.text, generic.cls, bare, tones) : -1;
  return {
    exact,
    sound: (tones ? 'T:' : '') + bare,
    dialect: dialect?.key(exact),
    specSound: spec < 0 ? undefined : spec,
    strip: strip(exact, near, stripNamesFor(near, ex.codePrefix(i, 9), ex.codeLength(i) < 9 ? code : undefined)),
    specific: isDerived(parsed, near) ? undefined : parsed.specific || undefined,
    fold: foldNearSound(tones ? sounds.key(full, false, code, type) : bare),
  };
}

/**
 * Existing names whose area is coarser than a scope: compared with the batch records of every scope inside that area
 * (rules.md §0.3: compare at the finest level given), and reported as possibly in the same scope (see `coarseOther`).
 * Such names are few, so their keys are all computed.
 */
function scanCoarseExisting(
  ex: ExistingNames,
  entries: readonly number[],
  index: Index,
  pairs: Record<Kind, [AnalyzedRecord, Other][]>,
  settings: KeySettings,
): void {
  // Scope length → area length → the area's code → the key maps of the scopes inside it.
  const inside = new Map<number, Map<number, Map<number, KeyMaps[]>>>();
  const mapsInside = (len: number, area: number): Map<number, KeyMaps[]> => {
    let byLen = inside.get(len);
    if (!byLen) inside.set(len, (byLen = new Map()));
    let byArea = byLen.get(area);
    if (!byArea) {
      byLen.set(area, (byArea = new Map()));
      for (const [sk, maps] of index.get(len)!) {
        const a = Math.floor(sk / 10 ** (len - area));
        const l = byArea.get(a);
        if (l) l.push(maps);
        else byArea.set(a, [maps]);
      }
    }
    return byArea;
  };
  for (const i of entries) {
    const cl = ex.codeLength(i);
    let keys: Partial<Record<Key, string | number>> | undefined;
    let entry: ExistingEntry | undefined;
    for (const len of index.keys()) {
      if (cl >= len) continue;
      const list = mapsInside(len, cl).get(cl ? ex.codePrefix(i, cl) : 0);
      if (!list) continue;
      keys ??= allKeysOf(ex, i, settings);
      for (const maps of list) probeKeys(maps, keys, pairs, () => (entry ??= ex.entry(i)));
    }
  }
}

/**
 * The readings the first character of an existing name may have (the default one first): from its first unit `c0`
 * when known (≥ 0), else from the string.
 */
function firstReadings(ex: ExistingNames, i: number, c0: number, tones: boolean, sounds: ExistingSoundKeys): readonly string[] {
  if (c0 >= 0) return sounds.unitReadings(c0, tones);
  const full = ex.full(i);
  const cp = full.codePointAt(0);
  return cp === undefined ? NO_READING : sounds.readings(String.fromCodePoint(cp), tones);
}
const NO_READING: readonly string[] = [''];

/** Does one of the readings start a key of the set? A character without a syllable: the name's first syllable. */
function mayStartWith(set: ReadonlySet<string>, readings: readonly string[], ex: ExistingNames, i: number, tones: boolean): boolean {
  for (const r of readings) if (set.has(r || firstSound(ex.full(i), tones))) return true;
  return false;
}

const KEYS: Key[] = ['exact', 'sound', 'dialect', 'specSound', 'strip', 'specific', 'fold'];

function firstSyllable(key: string): string {
  const sp = key.indexOf(' ');
  return sp < 0 ? key : key.slice(0, sp);
}

const PARSE_OPTIONS = { classify: false } as const;

function exclude(kind: Kind, a: AnalyzedRecord, b: Other, ctx: BatchContext, lists: Lists): boolean {
  const same = exactKey(a.full, lists) === exactKey(b.full, lists);
  if (kind === 'duplicate') {
    const o = ctx.optionsFor(a) as DupOptions;
    if (!o.sameTypeOnly) return false;
    const bt = 'row' in b ? b.type : b.type;
    return bt !== undefined && bt !== a.type;
  }
  if (same) return true;
  if (kind === 'specific-sound') {
    // The index holds hashes: the keys themselves must agree.
    const tones = Boolean((ctx.optionsFor(a) as HomOptions).tones);
    const gb = 'row' in b ? { text: b.parsed.generic, cls: b.parsed.genericClass } : genericSuffix(b.full);
    const sb = 'row' in b ? soundKey(b, tones) : existingSoundKeys(ctx.orthography).key(b.full, tones, b.adminCode, b.type);
    const ka = specSoundKey(a.full, a.parsed.generic, a.parsed.genericClass, soundKey(a, tones), tones);
    if (ka === undefined || !gb || ka !== specSoundKey(b.full, gb.text, gb.cls, sb, tones)) return true;
    // The same 专名 under another generic of the class (槐荫路, 槐荫街) is near-duplicate's, not a homophone.
    return exactKey(headOf(a.full, a.parsed.generic), lists) === exactKey(headOf(b.full, gb.text), lists);
  }
  if (kind === 'series-member') {
    // The index holds hashes: the names less their generics must agree (and the generics differ: not one name).
    const gb = 'row' in b ? b.parsed.generic : genericSuffix(b.full)?.text;
    return exactKey(headOf(a.full, a.parsed.generic), lists) !== exactKey(headOf(b.full, gb), lists);
  }
  if (kind === 'near-duplicate') {
    const o = ctx.optionsFor(a) as NearOptions;
    if (o.allowDerived === false) return false;
    const pb = 'row' in b ? b.parsed : parseName(b.full, PARSE_OPTIONS);
    // Members of one series differ in direction or ordinal on purpose (槐荫一路, 槐荫二路, 槐荫东路); one member with
    // ± 新 (新槐荫一路) does not.
    return (a.parsed.direction ?? '') !== (pb.direction ?? '') || a.parsed.ordinal?.value !== pb.ordinal?.value;
  }
  return false;
}

function isDerived(p: { direction?: string; ordinal?: unknown; generic: string }, o: NearOptions): boolean {
  return o.allowDerived !== false && Boolean(p.direction || p.ordinal || DERIVED.has(p.generic));
}

/**
 * A member of a series by ordinal or direction (源福三路, 槐荫东路) under a generic that does not itself derive a name:
 * the same member under another generic is the same name to people (源福三街), while other members are not
 * (allowDerived: derived series are exempt). Without allowDerived the 专名 key already meets every member.
 */
function isSeriesMember(p: { direction?: string; ordinal?: unknown; generic: string }, o: NearOptions): boolean {
  return o.allowDerived !== false && Boolean(p.direction || p.ordinal) && Boolean(p.generic) && !DERIVED.has(p.generic);
}

/** FNV-1a of the name less its generic, 30 bits (-1 when the name does not end in the generic or is only it). */
function seriesHash(full: string, generic: string | undefined): number {
  if (!generic || full.length <= generic.length || !full.endsWith(generic)) return -1;
  return fnv(FNV_SEED, full, full.length - generic.length) & 0x3fffffff;
}

function message(kind: Kind, rec: AnalyzedRecord, other: Other, label: Text, dialectText?: string, unsure = false): Text {
  const d = describeOther(other);
  const sc = unsure ? txt(`可能${label.zh}`, `possibly in ${label.en}`) : txt(label.zh, `in ${label.en}`);
  if (kind === 'duplicate') return txt(`与${d.zh}重名（${sc.zh}内）`, `same name as ${d.en} (${sc.en})`);
  if (kind === 'homophone') {
    const py = rec.romanization?.plain ?? '';
    return txt(`与${d.zh}同音（${py}，${sc.zh}内）`, `sounds the same as ${d.en} (${py}, ${sc.en})`);
  }
  if (kind === 'specific-sound') {
    const py = rec.romanization?.plain ?? '';
    return txt(
      `与${d.zh}专名同音、通名同类（${py}，${sc.zh}内）`,
      `its 专名 sounds the same as that of ${d.en}, under a generic of the same class (${py}, ${sc.en})`,
    );
  }
  if (kind === 'dialect') {
    return txt(`与${d.zh}方言读音相同（${dialectText ?? ''}，${sc.zh}内）`, `sounds the same as ${d.en} in the local dialect (${dialectText ?? ''}, ${sc.en})`);
  }
  return txt(`与${d.zh}实际上等同（${sc.zh}内），群众难以区分`, `effectively the same name as ${d.en} (${sc.en})`);
}

/** What an existing name placed in an area coarser than the scope, or in none, says of its area; undefined otherwise. */
function coarseOther(other: Other, scope: string | undefined): Text | undefined {
  if ('row' in other) return undefined;
  if (!other.adminCode) return txt('该已有地名没有注明所属政区', 'the existing name gives no area');
  if (other.adminCode.length >= scopeLength(scope)) return undefined;
  const area = divisionPath(other.adminCode) || other.adminCode;
  return txt(`该已有地名只注明到「${area}」`, `the existing name gives only "${area}" as its area`);
}

export function pairKey(a: AnalyzedRecord, b: Other): string {
  if ('row' in b) return a.row < b.row ? `${a.row}:${b.row}` : `${b.row}:${a.row}`;
  return `${a.row}|${b.file}:${b.line}`;
}

/** Normalised comparison text: traditional and variant characters → standard ones (only when there are any). */
export function exactKey(full: string, lists: Lists): string {
  if (!lists.tradMap.size) return full;
  if (!hasMarked(full, tradMarks(lists))) return full;
  let out: string | undefined;
  let i = 0;
  for (const ch of full) {
    const m = lists.tradMap.get(ch);
    if (m !== undefined && out === undefined) out = full.slice(0, i);
    if (out !== undefined) out += m ?? ch;
    i += ch.length;
  }
  return out ?? full;
}

/** Toneless (or toned) syllables of the whole name, one per character, from the engine. */
export function soundKey(rec: AnalyzedRecord, tones: boolean): string | undefined {
  if (rec.sound) return rec.sound(tones);
  const r = rec.romanization;
  return r ? soundKeyOf(r, tones) : undefined;
}

/** Generic classes compared as one (a regional road generic is a road generic). */
function classGroup(cls: GenericClass): string {
  return cls === 'regional-road' ? 'road' : cls;
}

/**
 * The key of 'specific-sound': the generic's class and the syllables before the generic (专名 and modifiers), from the
 * name's sound key (one syllable per character; no key otherwise). Reported pairs are confirmed with it.
 */
export function specSoundKey(full: string, generic: string | undefined, cls: GenericClass | null | undefined, sound: string | undefined, tones: boolean): string | undefined {
  const end = headEnd(full, generic, cls, sound);
  return end < 0 ? undefined : `${classGroup(cls!)}\u0001${tones ? 'T:' : ''}${sound!.slice(0, end)}`;
}

/** specSoundKey as a 30-bit number, without building the string (-1: no key): what the index holds per record. */
function specSoundHash(full: string, generic: string | undefined, cls: GenericClass | null | undefined, sound: string | undefined, tones: boolean): number {
  const end = headEnd(full, generic, cls, sound);
  return end < 0 ? -1 : headHash(cls!, tones, sound!, end);
}

/** FNV-1a over the class, the tone flag and sound[0, end). */
function headHash(cls: GenericClass, tones: boolean, sound: string, end: number): number {
  return fnv(headSeed(cls, tones), sound, end) & 0x3fffffff;
}

/** The FNV state after the class and the tone flag (ExistingSoundKeys.mayMeet continues it with the syllables). */
function headSeed(cls: GenericClass, tones: boolean): number {
  return fnv(fnv(FNV_SEED, classGroup(cls)), tones ? 'T' : 'N');
}

/** Where the syllables before the generic end in the sound key (-1 when the key has not one syllable per character). */
function headEnd(full: string, generic: string | undefined, cls: GenericClass | null | undefined, sound: string | undefined): number {
  if (!generic || !cls || sound === undefined || full.length <= generic.length || !full.endsWith(generic)) return -1;
  const n = charCount(full);
  const head = n - charCount(generic);
  let syllables = 1;
  let end = -1;
  for (let i = 0; i < sound.length; i++) {
    if (sound.charCodeAt(i) !== 32) continue;
    if (syllables === head) end = i;
    syllables++;
  }
  return syllables === n && end > 0 ? end : -1;
}

function charCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** The longest generic of the table that ends an existing name and leaves a 专名 before it. */
function genericSuffix(full: string): GenericEntry | undefined {
  const list = lexicon().byLast.get(full.charCodeAt(full.length - 1));
  if (list) for (const e of list) if (full.length > e.text.length && full.endsWith(e.text)) return e;
  return undefined;
}

function headOf(full: string, generic: string | undefined): string {
  return generic && full.length > generic.length && full.endsWith(generic) ? full.slice(0, full.length - generic.length) : full;
}

/** The name without a leading 新/老 (or the profile's prefixes) and without the own division names. */
function strip(full: string, o: NearOptions, names: readonly string[]): string {
  let s = full;
  for (const name of names) {
    if (s.startsWith(name) && s.length - name.length >= 2) {
      s = s.slice(name.length);
      break;
    }
  }
  // A prefix leaves at least a two-character 专名 (the parser's: without generic, ordinal and direction): 大河路, 新华路
  // are words of their own, not ± 大, ± 新; nor are 大槐胡同 and 老槐北胡同 ± 大/老 of one 槐 name.
  let specific: string | undefined;
  for (const p of o.stripPrefixes ?? DEFAULT_PREFIXES) {
    if (!s.startsWith(p)) continue;
    specific ??= parseName(s, PARSE_OPTIONS).specific;
    if (specific.startsWith(p) && charCount(specific) - charCount(p) >= 2) {
      s = s.slice(p.length);
      break;
    }
  }
  return s;
}

const DEFAULT_PREFIXES = ['新', '大', '老', '小'];
const NONE: readonly string[] = [];
/** Own division names by township (as a number, codePrefix) and by shorter code. */
const ownByTownship = new Map<number, string[]>();
const ownByCode = new Map<string, string[]>();

/**
 * The names of the divisions a code lies in (city, county, township), longest first; `township` is the code's first
 * nine digits as a number (-1 when it has fewer, then `code` itself is used).
 */
function stripNamesFor(o: NearOptions, township: number, code: string | undefined): readonly string[] {
  if (Array.isArray(o.stripNames)) return o.stripNames;
  if ((o.stripNames ?? 'own-divisions') !== 'own-divisions') return NONE;
  let names: string[] | undefined;
  if (township >= 0) {
    names = ownByTownship.get(township);
    if (!names) ownByTownship.set(township, (names = ownDivisionNames(String(township).padStart(9, '0'))));
  } else if (code) {
    names = ownByCode.get(code);
    if (!names) ownByCode.set(code, (names = ownDivisionNames(code)));
  }
  return o.cityName || o.countyName ? withSettingNames(o, names ?? NONE) : names ?? NONE;
}

/** The own names plus the profile's cityName/countyName (full and short), longest first; one list per options object. */
const settingNames = new WeakMap<NearOptions, WeakMap<readonly string[], string[]>>();
function withSettingNames(o: NearOptions, names: readonly string[]): readonly string[] {
  let byNames = settingNames.get(o);
  if (!byNames) settingNames.set(o, (byNames = new WeakMap()));
  let out = byNames.get(names);
  if (!out) {
    const extra = [...nameForms(o.cityName, 2), ...nameForms(o.countyName, 3)];
    byNames.set(names, (out = [...new Set([...names, ...extra])].sort((a, b) => b.length - a.length)));
  }
  return out;
}

function ownDivisionNames(key: string): string[] {
  const idx = divisions();
  const found: string[] = [];
  for (const len of [4, 6, 9]) {
    const d = key.length >= len ? idx.byCode.get(key.slice(0, len)) : undefined;
    if (d) found.push(d.name, d.short);
  }
  return [...new Set(found.filter((n) => n && n !== '市辖区' && n.length >= 2))].sort((a, b) => b.length - a.length);
}

/** The other record of a pair, for the finding's `related` list and message. */
export function relatedOf(other: Other): Related {
  if ('row' in other) return { name: other.name, row: other.row, adminCode: other.admin.code, source: 'batch' };
  return { name: other.name, file: other.file, line: other.line, adminCode: other.adminCode, source: 'gazetteer' };
}

/** "本表第 12 行「槐荫路」" or "已有地名「槐荫路」（existing.csv 第 5 行，山东省…）". */
export function describeOther(other: Other): Text {
  if ('row' in other) return txt(`本表第 ${other.row} 行「${other.name}」`, `row ${other.row} of this table ("${other.name}")`);
  // Township level is enough to place it (village names would load the 620k-village list for one message).
  const where = other.adminCode ? divisionPath(other.adminCode.slice(0, 9)) : '';
  return txt(
    `已有地名「${other.name}」（${other.file} 第 ${other.line} 行${where ? `，${where}` : ''}）`,
    `the existing name "${other.name}" (${other.file}, line ${other.line}${where ? `, ${where}` : ''})`,
  );
}

/**
 * Two batch rows of which one is placed coarser than the scope: they were compared at the finest level both give. With
 * an area (a county, say), they may lie in different townships: the soft case, said so, as for an existing name placed
 * only in a larger area. A row without any area was compared in the whole table (a table without areas is taken as
 * one scope), and stays what the rule says. Undefined when both lie in the scope.
 */
function batchLevel(rec: AnalyzedRecord, other: Other, scope: string | undefined): { unsure: boolean; label: Text; why: Text } | undefined {
  const need = scopeLength(scope);
  const own = rec.admin.code?.length ?? 0;
  const theirs = 'row' in other ? (other.admin.code?.length ?? 0) : need;
  const len = Math.min(own, theirs);
  if (len >= need) return undefined;
  const coarse = own <= theirs ? rec.row : (other as AnalyzedRecord).row;
  const scopeText = scopeLabel(scope);
  const lv = levelOfCode(len);
  if (!lv) {
    return {
      unsure: false,
      label: txt('本表', 'the table'),
      why: txt(`第 ${coarse} 行没有所属政区，无法判断是否在${scopeText.zh}内`, `row ${coarse} gives no area, so whether both lie in ${scopeText.en} is unknown`),
    };
  }
  const levelText = scopeLabel(lv.scope);
  return {
    unsure: true,
    label: scopeText,
    why: txt(`第 ${coarse} 行的所属政区只到${lv.zh}一级，按${levelText.zh}比较`, `row ${coarse} gives its area only down to the ${lv.scope}, so the rows were compared in ${levelText.en}`),
  };
}

export function scopeLabel(scope: string | undefined): Text {
  switch (scope) {
    case 'village': return txt('同一村', 'the same village');
    case 'county': return txt('同一县（区）', 'the same county');
    case 'city': return txt('同一市', 'the same city');
    case 'province': return txt('同一省', 'the same province');
    default: return txt('同一乡镇（街道）', 'the same township');
  }
}
