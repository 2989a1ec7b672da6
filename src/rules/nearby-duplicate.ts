import type { Geometry } from 'geojson';
import { type Text, txt } from '../core/text.js';
import type { ExistingEntry } from '../check/existing.js';
import type { LocatedName } from '../check/located.js';
import { existingSoundKeys } from '../check/existing-sound.js';
import { REPORTED_PAIRS, describeOther, exactKey, pairKey, relatedOf, soundKey } from '../check/uniqueness.js';
import type { BBox } from '../geo/geometry.js';
import { BBoxGrid, bboxesIntersect, expandBBox, metresPerDegree, minDistance } from '../geo/nearby.js';
import { parseName } from '../name/parse.js';
import type { AnalyzedRecord, BatchContext, BatchGroup, Rule } from './types.js';

type Mode = 'exact' | 'homophone' | 'specific';

interface Options {
  radiusMeters: number;
  compare: string[];
}

/** One feature with usable lon/lat geometry: a batch record or an existing name. */
interface Item {
  rec?: AnalyzedRecord;
  entry?: LocatedName;
  geometry: Geometry;
  bbox: BBox;
}

const MODES: Mode[] = ['exact', 'homophone', 'specific'];
/** Identical names whose lines touch (≤ 1 m) are the segments of one road (e.g. split at a township boundary). */
const SAME_ROAD_METERS = 1;
/** Groups up to this size are compared pair by pair; larger ones through a grid. */
const BRUTE_FORCE = 32;

/** An existing located name in the shape the uniqueness helpers take (pairKey, describeOther, relatedOf). */
function asEntry(e: LocatedName): ExistingEntry {
  return { name: e.name, full: e.full, adminCode: e.adminCode, type: e.type, file: e.file, line: e.line, index: -1 };
}

function distanceText(d: number): Text {
  if (d < 1) return txt('两条线相接', 'the lines touch');
  if (d < 1000) return txt(`相距约 ${Math.max(1, Math.round(d))} 米`, `about ${Math.max(1, Math.round(d))} m apart`);
  return txt(`相距约 ${(d / 1000).toFixed(1)} 公里`, `about ${(d / 1000).toFixed(1)} km apart`);
}

const MODE_TEXT: Record<Mode, Text> = {
  exact: txt('同名', 'the same name as'),
  homophone: txt('同音', 'sounds the same as'),
  specific: txt('专名相同', 'the same specific part as'),
};

/**
 * The comparison of rules.md §7 `nearby-duplicate`: batch records and existing names with geometry, grouped by
 * comparison key (normalised name, toneless pinyin, 专名), then measured pair by pair within each key group (bounding
 * boxes first; a grid for large groups). Runs after the uniqueness group and skips the pairs it reported.
 */
export const nearbyGroup: BatchGroup = {
  id: 'nearby',
  run(ctxs) {
    const ctx = ctxs.get('nearby-duplicate') as BatchContext<Options> | undefined;
    if (!ctx) return;
    const lists = ctx.lists;
    const reported = ctx.shared.get(REPORTED_PAIRS) as Set<string> | undefined;
    const batch: Item[] = [];
    for (const rec of ctx.records) {
      const m = rec.geo?.measure;
      const g = rec.geo?.lonlat;
      if (m && g && m.bbox.every(Number.isFinite)) batch.push({ rec, geometry: g, bbox: m.bbox });
    }
    if (!batch.length) return;
    const opts = new Map<AnalyzedRecord, { radius: number; modes: Set<Mode> }>();
    const used = new Set<Mode>();
    let maxRadius = 0;
    for (const it of batch) {
      const o = ctx.optionsFor(it.rec!);
      const radius = typeof o.radiusMeters === 'number' && o.radiusMeters >= 0 ? o.radiusMeters : 3000;
      const modes = new Set((Array.isArray(o.compare) ? o.compare : ['exact', 'homophone']).filter((c): c is Mode => (MODES as string[]).includes(c)));
      opts.set(it.rec!, { radius, modes });
      for (const md of modes) used.add(md);
      maxRadius = Math.max(maxRadius, radius);
    }
    const located = ctx.existing?.located ?? [];
    const area = expandBBox(batch.map((b) => b.bbox).reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]), maxRadius);
    const existing: Item[] = located.filter((e) => bboxesIntersect(e.bbox, area)).map((e) => ({ entry: e, geometry: e.geometry, bbox: e.bbox }));

    const sounds = existingSoundKeys(ctx.orthography);
    const keyOf = (it: Item, mode: Mode): string | undefined => {
      if (it.rec) {
        if (mode === 'exact') return exactKey(it.rec.full, lists);
        if (mode === 'homophone') return soundKey(it.rec, false);
        return it.rec.parsed.specific || undefined;
      }
      const e = it.entry!;
      if (mode === 'exact') return exactKey(e.full, lists);
      if (mode === 'homophone') return sounds.key(e.full, false, e.adminCode, e.type);
      return parseName(e.full, { classify: false }).specific || undefined;
    };

    // Candidate pairs (a batch record first) within the largest radius; each pair measured once.
    const pairs = new Map<string, { a: Item; b: Item; d: number }>();
    const idOf = (it: Item) => (it.rec ? `r${it.rec.row}` : `e${it.entry!.file}:${it.entry!.line}`);
    const distances = new Map<string, number>();
    for (const mode of MODES) {
      if (!used.has(mode)) continue;
      const groups = new Map<string, Item[]>();
      for (const it of batch) {
        const k = keyOf(it, mode);
        if (!k) continue;
        const g = groups.get(k);
        if (g) g.push(it);
        else groups.set(k, [it]);
      }
      for (const it of existing) {
        const k = keyOf(it, mode);
        const g = k === undefined ? undefined : groups.get(k);
        if (g) g.push(it);
      }
      for (const g of groups.values()) {
        if (g.length < 2) continue;
        const partners = candidatesIn(g, maxRadius);
        for (const [a, b] of partners) {
          const ida = idOf(a), idb = idOf(b);
          const pk = ida < idb ? `${ida}|${idb}` : `${idb}|${ida}`;
          if (pairs.has(pk)) continue;
          let d = distances.get(pk);
          if (d === undefined) distances.set(pk, (d = minDistance(a.geometry, b.geometry)));
          if (!(d <= maxRadius)) continue;
          pairs.set(pk, a.rec ? { a, b, d } : { a: b, b: a, d });
        }
      }
    }

    for (const { a, b, d } of pairs.values()) {
      const same = exactKey(keyName(a), lists) === exactKey(keyName(b), lists);
      if (same && d <= SAME_ROAD_METERS) continue;
      for (const [x, y] of b.rec ? [[a, b], [b, a]] : [[a, b]]) {
        const rec = x.rec!;
        const o = opts.get(rec)!;
        if (!(d <= o.radius)) continue;
        // This record's own comparisons (profiles may differ per row), in catalog order.
        const m = MODES.find((md) => o.modes.has(md) && keyOf(x, md) !== undefined && keyOf(x, md) === keyOf(y, md));
        if (!m) continue;
        const other = y.rec ?? asEntry(y.entry!);
        if (reported?.has(pairKey(rec, other))) continue;
        const desc = describeOther(other);
        const codes = codesText(rec.admin.code, y.rec ? y.rec.admin.code : y.entry!.adminCode);
        const dist = distanceText(d);
        const what = MODE_TEXT[same ? 'exact' : m];
        const py = m === 'homophone' && !same && rec.romanization ? rec.romanization.plain : '';
        ctx.report(rec, txt(
          `与${desc.zh}${what.zh}${py ? `（${py}）` : ''}，${dist.zh}${codes.zh}：跨乡镇界也容易走错路、送错快递`,
          `${what.en} ${desc.en}${py ? ` (${py})` : ''}, ${dist.en}${codes.en}: confusing for drivers, navigation and deliveries even across a township boundary`,
        ), { related: [{ ...relatedOf(other), distance: Math.round(d) }] });
      }
    }
  },
};

function keyName(it: Item): string {
  return it.rec ? it.rec.full : it.entry!.full;
}

function codesText(a: string | undefined, b: string | undefined): Text {
  if (!a && !b) return txt('', '');
  return txt(`（区划代码：本行 ${a ?? '未知'}，对方 ${b ?? '未知'}）`, ` (division codes: this row ${a ?? 'unknown'}, the other ${b ?? 'unknown'})`);
}

/** Pairs of a key group whose boxes lie within `radius` metres of each other, at least one of them a batch record. */
function candidatesIn(g: Item[], radius: number): [Item, Item][] {
  const out: [Item, Item][] = [];
  if (g.length <= BRUTE_FORCE) {
    for (let i = 0; i < g.length; i++) {
      const a = g[i];
      const box = expandBBox(a.bbox, radius);
      for (let j = i + 1; j < g.length; j++) {
        const b = g[j];
        if ((a.rec || b.rec) && bboxesIntersect(box, b.bbox)) out.push([a, b]);
      }
    }
    return out;
  }
  const k = metresPerDegree(g[0].bbox[1]);
  const grid = new BBoxGrid<number>(Math.max(radius, 500) / k.y);
  g.forEach((it, i) => grid.add(it.bbox, i));
  g.forEach((a, i) => {
    if (!a.rec) return;
    const box = expandBBox(a.bbox, radius);
    for (const j of grid.query(box)) {
      const b = g[j];
      // Batch–batch pairs once (i < j); batch–existing always from the batch side.
      if (j === i || (b.rec && j < i)) continue;
      if (bboxesIntersect(box, b.bbox)) out.push([a, b]);
    }
  });
  return out;
}

/** rules.md §7 `nearby-duplicate`: same or same-sounding name close by, across administrative boundaries. */
export const nearbyDuplicate: Rule<Options> = {
  meta: {
    id: 'nearby-duplicate',
    group: 'uniqueness',
    severity: 'warning',
    description: txt('附近（默认 3 公里内）不得有同名或同音的道路，不论是否属于同一乡镇', 'no road with the same name or sound nearby (3 km by default), whatever the administrative area'),
    basis: txt(
      '《地名管理条例》第五条（方便群众生活和工作）及第九条第（八）项的目的；安宁/昆明：全市同类实体不得重名、同音',
      'Regulations art. 5 (names serve daily life) and the purpose of art. 9(8); Anning/Kunming: no duplicate or homophone of a same-type entity anywhere in the city',
    ),
    fix: txt('另取一个读音不同的名称，避免相邻地区的道路同名、同音', 'choose a name that sounds different from the roads nearby'),
    options: { radiusMeters: 3000, compare: ['exact', 'homophone'] },
  },
  // A group of its own: groups run after the uniqueness group (catalog order), whose reported pairs it skips.
  batchGroup: nearbyGroup,
};
