import type { Feature, Geometry, Position } from 'geojson';
import { type Text, txt } from '../core/text.js';
import type { SignArrow } from './layout.js';
import { signPinyin } from './pinyin.js';
import { DEFAULT_SIGN_STYLE, type SignStyle, styleSize } from './style.js';

/**
 * The sign schedule: where each sign goes. Signs stand at both ends of every named road and at every junction with
 * another named road, found from the geometry: shared vertices, crossings between segments without a shared vertex,
 * and road ends that stop within `snapM` of another road (T-junctions digitised short). Junction points of one road
 * closer than `mergeM` are one sign; a junction at a road end is folded into the end sign.
 *
 * Coordinates are lon/lat (RFC 7946). Distances use a local equirectangular projection (a linear map of lon/lat, so
 * intersections are exact; lengths are good to well under a percent over a county); bearings are spherical initial
 * bearings. A grid index over the segments keeps 10,000 roads fast. One bad road never stops the schedule: it is
 * skipped with a reason.
 */

export type Placement = 'start' | 'end' | 'junction';

export interface ScheduledSign {
  /** Stable id: road id + sequence along the road ("R12-03"). */
  id: string;
  /** 1-based position of the sign along its road. */
  seq: number;
  roadId: string;
  roadName: string;
  /** The Chinese text on the sign. */
  text: string;
  /** Sign-form pinyin (with the style's ü option). */
  pinyin: string;
  lon: number;
  lat: number;
  placement: Placement;
  /** Names (and ids) of the other named roads meeting here. */
  withNames: string[];
  withIds: string[];
  /** Bearing (degrees clockwise from north, 0–359) of the way the road continues from the sign; the only way at an end. */
  bearing: number | null;
  /** At a junction inside the road: the bearing of the other way. */
  bearingBack: number | null;
  /** Compass direction(s) of the road from here: "E", or "W/E" at a junction inside the road. */
  direction: string;
  /** The same as map arrows: "→", or "←→". */
  arrow: string;
  /** The arrow on the sign face: a sign mounted along the road, read facing north (east–west roads) or west (north–south roads): right = towards north or east. */
  face: SignArrow;
  widthMm: number;
  heightMm: number;
  /** "1000×600 mm". */
  size: string;
  notes: Text[];
  /** 0-based index of the road's feature in the input. */
  feature: number;
}

export interface ScheduleProblem {
  /** 0-based feature index. */
  feature: number;
  id?: string;
  name?: string;
  reason: Text;
}

export interface Schedule {
  signs: ScheduledSign[];
  /** Roads left out, with the reason. */
  skipped: ScheduleProblem[];
  /** Roads scheduled with a remark (missing pinyin, dropped parts, duplicate ids …). */
  warnings: ScheduleProblem[];
  /** Roads scheduled. */
  roads: number;
  counts: { start: number; end: number; junction: number };
}

export interface ScheduleOptions {
  /** Property names tried in order for the road id, name and sign pinyin. */
  idProperty?: string | readonly string[];
  nameProperty?: string | readonly string[];
  pinyinProperty?: string | readonly string[];
  /** Pinyin for a road without a pinyin property (e.g. the orthography engine's `sign` form). */
  pinyinOf?: (name: string, properties: Record<string, unknown>) => string | undefined;
  /** A road end this close (metres) to another road is a junction. Default 3. */
  snapM?: number;
  /** Junction points of one road closer than this (metres) are one sign. Default 5. */
  mergeM?: number;
  /** Distance along the road (metres) used for the bearing. Default 20. */
  bearingM?: number;
  /** Treat two features with the same name as a junction (default false: they are one road in pieces). */
  sameNameJunctions?: boolean;
  /** Decimal places of lon/lat (≤ 7, RFC 7946 practice; default 7). */
  precision?: number;
  /** Size and ü option come from the style. */
  style?: Pick<SignStyle, 'widthMm' | 'heightMm' | 'umlaut'>;
}

const DEFAULT_ID_KEYS = ['id', 'ID', 'Id', 'road_id', '编号', '序号', 'fid', 'FID'];
const DEFAULT_NAME_KEYS = ['name', 'NAME', 'Name', '名称', '标准名称', '道路名称'];
const DEFAULT_PINYIN_KEYS = ['pinyin_sign', 'sign_pinyin', 'sign', '标志拼音', 'pinyin', 'PINYIN', '拼音', '罗马字母拼写'];

/** Mean Earth radius (IUGG) in metres, and metres per degree along a meridian. */
const R = 6_371_008.8;
const M_PER_DEG = (R * Math.PI) / 180;
/** Touching tolerance for segment intersection (metres). */
const TOUCH = 0.01;

interface Part {
  lon: Float64Array;
  lat: Float64Array;
  x: Float64Array;
  y: Float64Array;
  /** Cumulative length at each vertex (metres). */
  cum: Float64Array;
}

interface Road {
  feature: number;
  id: string;
  name: string;
  pinyin: string;
  parts: Part[];
  notes: Text[];
}

interface Candidate {
  part: number;
  measure: number;
  lon: number;
  lat: number;
  x: number;
  y: number;
  others: Set<number>;
}

/** Everything the schedule needs from the input: a FeatureCollection, one Feature, or an array of Features. */
export type RoadsInput = { type: 'FeatureCollection'; features: readonly unknown[] } | { type: 'Feature' } | readonly unknown[];

/** Build the sign schedule for a road network. */
export function buildSchedule(input: RoadsInput | unknown, opts: ScheduleOptions = {}): Schedule {
  const style = opts.style ?? DEFAULT_SIGN_STYLE;
  const snapM = opts.snapM ?? 3;
  const mergeM = opts.mergeM ?? 5;
  const bearingM = opts.bearingM ?? 20;
  const precision = Math.min(7, Math.max(0, Math.round(opts.precision ?? 7)));
  const skipped: ScheduleProblem[] = [];
  const warnings: ScheduleProblem[] = [];

  // 1. Read the roads.
  const features = featuresOf(input);
  const idKeys = keys(opts.idProperty, DEFAULT_ID_KEYS);
  const nameKeys = keys(opts.nameProperty, DEFAULT_NAME_KEYS);
  const pinyinKeys = keys(opts.pinyinProperty, DEFAULT_PINYIN_KEYS);
  const raw: { feature: number; id: string; name: string; pinyin: string; lines: Position[][]; notes: Text[] }[] = [];
  const usedIds = new Map<string, number>();
  features.forEach((f, index) => {
    try {
      if (!f || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') {
        skipped.push({ feature: index, reason: txt('不是 GeoJSON 要素（Feature）', 'not a GeoJSON Feature') });
        return;
      }
      const feat = f as Feature;
      const props = (feat.properties ?? {}) as Record<string, unknown>;
      const name = firstString(props, nameKeys)?.trim() ?? '';
      let id = firstString(props, idKeys)?.trim() || (feat.id !== undefined && feat.id !== null ? String(feat.id) : '') || `#${index + 1}`;
      if (!name) {
        skipped.push({ feature: index, id, reason: txt('没有道路名称（未命名道路不设标志）', 'no road name (unnamed roads get no signs)') });
        return;
      }
      const notes: Text[] = [];
      const seen = usedIds.get(id) ?? 0;
      usedIds.set(id, seen + 1);
      if (seen) {
        const newId = `${id}~${seen + 1}`;
        warnings.push({ feature: index, id, name, reason: txt(`道路编号「${id}」重复，本条改用「${newId}」`, `duplicate road id "${id}"; this one is "${newId}"`) });
        id = newId;
      }
      const lines = linesOf(feat.geometry);
      if (typeof lines === 'object' && 'error' in lines) {
        skipped.push({ feature: index, id, name, reason: lines.error });
        return;
      }
      let pinyin = firstString(props, pinyinKeys) ?? '';
      if (!pinyin.trim() && opts.pinyinOf) pinyin = opts.pinyinOf(name, props) ?? '';
      pinyin = signPinyin(pinyin, style.umlaut);
      if (!pinyin) warnings.push({ feature: index, id, name, reason: txt('没有标志拼音', 'no sign pinyin') });
      raw.push({ feature: index, id, name, pinyin, lines, notes });
    } catch (e) {
      skipped.push({ feature: index, reason: txt(`无法读取：${String(e)}`, `unreadable: ${String(e)}`) });
    }
  });

  // 2. Project and clean the lines.
  let latSum = 0;
  let latN = 0;
  for (const r of raw) for (const l of r.lines) for (const p of l) {
    latSum += p[1];
    latN++;
  }
  const lat0 = latN ? latSum / latN : 0;
  const kx = M_PER_DEG * Math.cos((lat0 * Math.PI) / 180);
  const ky = M_PER_DEG;
  const roads: Road[] = [];
  for (const r of raw) {
    const parts: Part[] = [];
    let dropped = 0;
    for (const line of r.lines) {
      const part = makePart(line, kx, ky);
      if (part) parts.push(part);
      else dropped++;
    }
    if (!parts.length) {
      skipped.push({ feature: r.feature, id: r.id, name: r.name, reason: txt('线上不同的点少于 2 个（长度为零）', 'fewer than 2 distinct points (zero length)') });
      continue;
    }
    if (dropped) {
      warnings.push({ feature: r.feature, id: r.id, name: r.name, reason: txt(`${dropped} 段长度为零的线已忽略`, `${dropped} zero-length part(s) ignored`) });
    }
    roads.push({ feature: r.feature, id: r.id, name: r.name, pinyin: r.pinyin, parts, notes: r.notes });
  }

  // 3. Segment grid.
  const index = buildIndex(roads, snapM);
  const cands: Candidate[][] = roads.map(() => []);
  const addCandidate = (road: number, part: number, seg: number, t: number, other: number) => {
    const p = roads[road].parts[part];
    const segLen = p.cum[seg + 1] - p.cum[seg];
    cands[road].push({
      part,
      measure: p.cum[seg] + t * segLen,
      lon: p.lon[seg] + t * (p.lon[seg + 1] - p.lon[seg]),
      lat: p.lat[seg] + t * (p.lat[seg + 1] - p.lat[seg]),
      x: p.x[seg] + t * (p.x[seg + 1] - p.x[seg]),
      y: p.y[seg] + t * (p.y[seg + 1] - p.y[seg]),
      others: new Set([other]),
    });
  };
  const sameName = (a: number, b: number) => !opts.sameNameJunctions && roads[a].name === roads[b].name;

  // 3a. Crossings and shared vertices: every pair of segments of different roads in a cell; a hit counts only in the
  // cell that holds the hit point, so each is found once per segment pair.
  const { segRoad, segPart, segIdx, cells, cellOf } = index;
  const hits: [number, number][] = [];
  for (const [key, list] of cells) {
    const n = list.length;
    if (n < 2) continue;
    for (let i = 0; i < n; i++) {
      const a = list[i];
      const ra = segRoad[a];
      for (let j = i + 1; j < n; j++) {
        const b = list[j];
        const rb = segRoad[b];
        if (ra === rb || sameName(ra, rb)) continue;
        const pa = roads[ra].parts[segPart[a]];
        const pb = roads[rb].parts[segPart[b]];
        const ia = segIdx[a];
        const ib = segIdx[b];
        hits.length = 0;
        intersect(pa.x[ia], pa.y[ia], pa.x[ia + 1], pa.y[ia + 1], pb.x[ib], pb.y[ib], pb.x[ib + 1], pb.y[ib + 1], hits);
        for (const [t, u] of hits) {
          const hx = pa.x[ia] + t * (pa.x[ia + 1] - pa.x[ia]);
          const hy = pa.y[ia] + t * (pa.y[ia + 1] - pa.y[ia]);
          if (cellOf(hx, hy) !== key) continue;
          addCandidate(ra, segPart[a], ia, t, rb);
          addCandidate(rb, segPart[b], ib, u, ra);
        }
      }
    }
  }

  // 3b. Road ends: near another road (T-junction digitised short), near another part of the same road (not an end),
  // closed parts (loops), ends meeting a road of the same name.
  const ends: { road: number; part: number; atEnd: boolean; x: number; y: number; lon: number; lat: number; notes: Text[] }[][] = roads.map(() => []);
  roads.forEach((road, ri) => {
    road.parts.forEach((p, pi) => {
      const last = p.x.length - 1;
      const closed = Math.hypot(p.x[last] - p.x[0], p.y[last] - p.y[0]) <= snapM && p.cum[last] > 4 * snapM;
      for (const atEnd of [false, true]) {
        const v = atEnd ? last : 0;
        const x = p.x[v];
        const y = p.y[v];
        if (closed && atEnd) continue;
        const notes: Text[] = [];
        if (closed) notes.push(txt('环形道路：起止点相同', 'loop road: start and end coincide'));
        let interior = false;
        const nearest = new Map<number, { seg: number; t: number; d: number }>();
        index.near(x, y, snapM, (s) => {
          const rs = segRoad[s];
          const ps = roads[rs].parts[segPart[s]];
          const is = segIdx[s];
          const [t, d] = closestOnSegment(x, y, ps.x[is], ps.y[is], ps.x[is + 1], ps.y[is + 1]);
          if (d > snapM) return;
          if (rs === ri) {
            if (segPart[s] !== pi) interior = true;
            return;
          }
          const prev = nearest.get(rs);
          if (!prev || d < prev.d) nearest.set(rs, { seg: s, t, d });
        });
        if (interior) continue;
        for (const [rs, hit] of nearest) {
          if (sameName(ri, rs)) {
            notes.push(txt(`与同名道路（${roads[rs].id}）相接`, `meets a road of the same name (${roads[rs].id})`));
            continue;
          }
          addCandidate(ri, pi, atEnd ? last - 1 : 0, atEnd ? 1 : 0, rs);
          addCandidate(rs, segPart[hit.seg], segIdx[hit.seg], hit.t, ri);
        }
        ends[ri].push({ road: ri, part: pi, atEnd, x, y, lon: p.lon[v], lat: p.lat[v], notes });
      }
    });
  });

  // 4. Merge and emit, road by road.
  const signs: ScheduledSign[] = [];
  const counts = { start: 0, end: 0, junction: 0 };
  const round = (v: number) => Math.round(v * 10 ** precision) / 10 ** precision;
  roads.forEach((road, ri) => {
    const clusters = cluster(cands[ri], mergeM);
    type Item = { part: number; measure: number; lon: number; lat: number; placement: Placement; others: Set<number>; notes: Text[] };
    const items: Item[] = [];
    const used = new Set<number>();
    for (const e of ends[ri]) {
      const p = road.parts[e.part];
      const measure = e.atEnd ? p.cum[p.cum.length - 1] : 0;
      const others = new Set<number>();
      clusters.forEach((c, ci) => {
        if (c.part === e.part && Math.hypot(c.x - e.x, c.y - e.y) <= mergeM) {
          used.add(ci);
          for (const o of c.others) others.add(o);
        }
      });
      items.push({ part: e.part, measure, lon: e.lon, lat: e.lat, placement: e.atEnd ? 'end' : 'start', others, notes: e.notes });
    }
    clusters.forEach((c, ci) => {
      if (!used.has(ci)) items.push({ part: c.part, measure: c.measure, lon: c.lon, lat: c.lat, placement: 'junction', others: c.others, notes: [] });
    });
    const rank: Record<Placement, number> = { start: 0, junction: 1, end: 2 };
    items.sort((a, b) => a.part - b.part || a.measure - b.measure || rank[a.placement] - rank[b.placement]);
    const width = Math.max(2, String(items.length).length);
    items.forEach((it, k) => {
      const p = road.parts[it.part];
      const total = p.cum[p.cum.length - 1];
      const fwd = it.placement === 'end' ? null : bearingAlong(p, it.measure, Math.min(total, it.measure + bearingM));
      const back = it.placement === 'start' ? null : bearingAlong(p, it.measure, Math.max(0, it.measure - bearingM));
      let bearing: number | null;
      let bearingBack: number | null = null;
      let face: SignArrow;
      let direction: string;
      let arrow: string;
      if (it.placement === 'junction' && fwd !== null && back !== null) {
        bearing = fwd;
        bearingBack = back;
        face = 'both';
        direction = `${compass(back)}/${compass(fwd)}`;
        arrow = ARROWS[compassIndex(back)] + ARROWS[compassIndex(fwd)];
      } else {
        bearing = fwd ?? back;
        face = bearing === null ? 'none' : faceFor(bearing);
        direction = bearing === null ? '' : compass(bearing);
        arrow = bearing === null ? '' : ARROWS[compassIndex(bearing)];
      }
      const others = [...it.others].sort((a, b) => roads[a].name.localeCompare(roads[b].name, 'zh') || roads[a].id.localeCompare(roads[b].id));
      counts[it.placement]++;
      signs.push({
        id: `${road.id}-${String(k + 1).padStart(width, '0')}`,
        seq: k + 1,
        roadId: road.id,
        roadName: road.name,
        text: road.name,
        pinyin: road.pinyin,
        lon: round(it.lon),
        lat: round(it.lat),
        placement: it.placement,
        withNames: others.map((o) => roads[o].name),
        withIds: others.map((o) => roads[o].id),
        bearing,
        bearingBack,
        direction,
        arrow,
        face,
        widthMm: style.widthMm,
        heightMm: style.heightMm,
        size: styleSize(style),
        notes: [...road.notes, ...it.notes],
        feature: road.feature,
      });
    });
  });
  skipped.sort((a, b) => a.feature - b.feature);
  warnings.sort((a, b) => a.feature - b.feature);
  return { signs, skipped, warnings, roads: roads.length, counts };
}

// ---------------------------------------------------------------------------------------------------------------

function keys(v: string | readonly string[] | undefined, dflt: readonly string[]): readonly string[] {
  return v === undefined ? dflt : typeof v === 'string' ? [v] : v;
}

function firstString(props: Record<string, unknown>, ks: readonly string[]): string | undefined {
  for (const k of ks) {
    const v = props[k];
    if (typeof v === 'string' && v.trim()) return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return undefined;
}

function featuresOf(input: unknown): unknown[] {
  if (Array.isArray(input)) return input;
  if (input && typeof input === 'object') {
    const o = input as { type?: unknown; features?: unknown };
    if (o.type === 'FeatureCollection' && Array.isArray(o.features)) return o.features;
    if (o.type === 'Feature') return [o];
  }
  return [];
}

/** The line strings of a geometry, or why it cannot carry signs. */
function linesOf(g: Geometry | null | undefined): Position[][] | { error: Text } {
  if (!g || typeof g !== 'object') return { error: txt('没有几何图形', 'no geometry') };
  let lines: unknown[];
  if (g.type === 'LineString') lines = [g.coordinates];
  else if (g.type === 'MultiLineString') lines = Array.isArray(g.coordinates) ? g.coordinates : [];
  else if (g.type === 'GeometryCollection') {
    const out: Position[][] = [];
    for (const sub of Array.isArray(g.geometries) ? g.geometries : []) {
      const l = linesOf(sub);
      if ('error' in l) return l;
      out.push(...l);
    }
    if (!out.length) return { error: txt('几何集合中没有线', 'the geometry collection holds no lines') };
    return out;
  } else return { error: txt(`几何类型是 ${String((g as { type?: unknown }).type)}，不是线（LineString/MultiLineString）`, `geometry is ${String((g as { type?: unknown }).type)}, not a LineString/MultiLineString`) };
  if (!Array.isArray(lines) || !lines.length) return { error: txt('线没有坐标', 'the line has no coordinates') };
  for (const l of lines) {
    if (!Array.isArray(l)) return { error: txt('坐标格式不对', 'malformed coordinates') };
    for (const p of l) {
      if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
        return { error: txt(`坐标 ${short(p)} 不是数值对`, `coordinate ${short(p)} is not a pair of numbers`) };
      }
      if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
        return {
          error: txt(
            `坐标 ${short(p)} 不是经纬度（可能是投影坐标，请先转换为经纬度）`,
            `coordinate ${short(p)} is not longitude/latitude (projected? convert to lon/lat first)`,
          ),
        };
      }
    }
  }
  return lines as Position[][];
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? s.slice(0, 37) + '…' : s;
}

/** A part without consecutive duplicate points; undefined when fewer than 2 distinct points remain. */
function makePart(line: Position[], kx: number, ky: number): Part | undefined {
  const lon: number[] = [];
  const lat: number[] = [];
  for (const p of line) {
    const n = lon.length;
    if (n && Math.abs(p[0] - lon[n - 1]) < 1e-10 && Math.abs(p[1] - lat[n - 1]) < 1e-10) continue;
    lon.push(p[0]);
    lat.push(p[1]);
  }
  if (lon.length < 2) return undefined;
  const n = lon.length;
  const part: Part = { lon: Float64Array.from(lon), lat: Float64Array.from(lat), x: new Float64Array(n), y: new Float64Array(n), cum: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    part.x[i] = lon[i] * kx;
    part.y[i] = lat[i] * ky;
    if (i) part.cum[i] = part.cum[i - 1] + Math.hypot(part.x[i] - part.x[i - 1], part.y[i] - part.y[i - 1]);
  }
  if (part.cum[n - 1] < 1e-3) return undefined;
  return part;
}

interface SegmentIndex {
  segRoad: Int32Array;
  segPart: Int32Array;
  segIdx: Int32Array;
  cells: Map<number, number[]>;
  cellOf: (x: number, y: number) => number;
  /** Call `fn` for every segment whose indexed cells touch the square of half-size `r` around (x, y) (may repeat). */
  near: (x: number, y: number, r: number, fn: (seg: number) => void) => void;
}

/** A uniform grid over the segments; long segments are cut into cell-sized pieces so each touches few cells. */
function buildIndex(roads: Road[], pad: number): SegmentIndex {
  let n = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const lens: number[] = [];
  for (const r of roads) for (const p of r.parts) {
    n += p.x.length - 1;
    for (let i = 0; i < p.x.length; i++) {
      if (p.x[i] < minX) minX = p.x[i];
      if (p.x[i] > maxX) maxX = p.x[i];
      if (p.y[i] < minY) minY = p.y[i];
      if (p.y[i] > maxY) maxY = p.y[i];
      if (i && lens.length < 20_000) lens.push(p.cum[i] - p.cum[i - 1]);
    }
  }
  lens.sort((a, b) => a - b);
  const median = lens.length ? lens[lens.length >> 1] : 100;
  const cs = Math.min(5000, Math.max(20, 4 * pad, 2 * median));
  const segRoad = new Int32Array(n);
  const segPart = new Int32Array(n);
  const segIdx = new Int32Array(n);
  const ox = (Number.isFinite(minX) ? minX : 0) - cs;
  const oy = (Number.isFinite(minY) ? minY : 0) - cs;
  const rows = Math.ceil(((Number.isFinite(maxY) ? maxY : 0) - oy) / cs) + 3;
  const cellOf = (x: number, y: number) => Math.floor((x - ox) / cs) * rows + Math.floor((y - oy) / cs);
  const cells = new Map<number, number[]>();
  const put = (key: number, s: number) => {
    const list = cells.get(key);
    if (!list) cells.set(key, [s]);
    else if (list[list.length - 1] !== s) list.push(s);
  };
  let s = 0;
  roads.forEach((r, ri) => {
    r.parts.forEach((p, pi) => {
      for (let i = 0; i < p.x.length - 1; i++, s++) {
        segRoad[s] = ri;
        segPart[s] = pi;
        segIdx[s] = i;
        const x1 = p.x[i];
        const y1 = p.y[i];
        const dx = p.x[i + 1] - x1;
        const dy = p.y[i + 1] - y1;
        const pieces = Math.max(1, Math.ceil(Math.hypot(dx, dy) / cs));
        for (let k = 0; k < pieces; k++) {
          const ax = x1 + (dx * k) / pieces;
          const ay = y1 + (dy * k) / pieces;
          const bx = x1 + (dx * (k + 1)) / pieces;
          const by = y1 + (dy * (k + 1)) / pieces;
          const c0 = Math.floor((Math.min(ax, bx) - pad - ox) / cs);
          const c1 = Math.floor((Math.max(ax, bx) + pad - ox) / cs);
          const r0 = Math.floor((Math.min(ay, by) - pad - oy) / cs);
          const r1 = Math.floor((Math.max(ay, by) + pad - oy) / cs);
          for (let c = c0; c <= c1; c++) for (let q = r0; q <= r1; q++) put(c * rows + q, s);
        }
      }
    });
  });
  const near = (x: number, y: number, r: number, fn: (seg: number) => void) => {
    const c0 = Math.floor((x - r - ox) / cs);
    const c1 = Math.floor((x + r - ox) / cs);
    const r0 = Math.floor((y - r - oy) / cs);
    const r1 = Math.floor((y + r - oy) / cs);
    for (let c = c0; c <= c1; c++) for (let q = r0; q <= r1; q++) {
      const list = cells.get(c * rows + q);
      if (list) for (const seg of list) fn(seg);
    }
  };
  return { segRoad, segPart, segIdx, cells, cellOf, near };
}

/**
 * Intersections of segments A and B as parameter pairs [t on A, u on B], both in [0, 1]; touching within 1 cm counts.
 * Collinear overlapping segments give the ends of the overlap.
 */
export function intersect(
  ax1: number, ay1: number, ax2: number, ay2: number,
  bx1: number, by1: number, bx2: number, by2: number,
  out: [number, number][] = [],
): [number, number][] {
  const rx = ax2 - ax1;
  const ry = ay2 - ay1;
  const sx = bx2 - bx1;
  const sy = by2 - by1;
  const la = Math.hypot(rx, ry);
  const lb = Math.hypot(sx, sy);
  if (la === 0 || lb === 0) return out;
  const qx = bx1 - ax1;
  const qy = by1 - ay1;
  const den = rx * sy - ry * sx;
  const et = TOUCH / la;
  const eu = TOUCH / lb;
  if (Math.abs(den) > 1e-9 * la * lb) {
    const t = (qx * sy - qy * sx) / den;
    const u = (qx * ry - qy * rx) / den;
    if (t >= -et && t <= 1 + et && u >= -eu && u <= 1 + eu) out.push([clamp01(t), clamp01(u)]);
    return out;
  }
  // Parallel: collinear within the tolerance?
  if (Math.abs(qx * ry - qy * rx) / la > TOUCH) return out;
  const seen: [number, number][] = [];
  const add = (t: number, u: number) => {
    if (!seen.some(([a, b]) => Math.abs(a - t) < 1e-9 && Math.abs(b - u) < 1e-9)) {
      seen.push([t, u]);
      out.push([t, u]);
    }
  };
  const tOf = (x: number, y: number) => ((x - ax1) * rx + (y - ay1) * ry) / (la * la);
  const uOf = (x: number, y: number) => ((x - bx1) * sx + (y - by1) * sy) / (lb * lb);
  for (const [x, y, u] of [[bx1, by1, 0], [bx2, by2, 1]] as const) {
    const t = tOf(x, y);
    if (t >= -et && t <= 1 + et) add(clamp01(t), u);
  }
  for (const [x, y, t] of [[ax1, ay1, 0], [ax2, ay2, 1]] as const) {
    const u = uOf(x, y);
    if (u >= -eu && u <= 1 + eu) add(t, clamp01(u));
  }
  return out;
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/** Closest point of segment AB to P: [t, distance]. */
function closestOnSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): [number, number] {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 ? clamp01(((px - ax) * dx + (py - ay) * dy) / l2) : 0;
  return [t, Math.hypot(ax + t * dx - px, ay + t * dy - py)];
}

interface Cluster extends Candidate {
  members: Candidate[];
}

/** Group one road's junction candidates lying within `mergeM` of a cluster's first member; the sign goes at the member nearest the centroid. */
function cluster(cands: Candidate[], mergeM: number): Cluster[] {
  cands.sort((a, b) => a.part - b.part || a.measure - b.measure);
  const groups: Candidate[][] = [];
  for (const c of cands) {
    const g = groups.find((m) => m[0].part === c.part && Math.hypot(m[0].x - c.x, m[0].y - c.y) <= mergeM);
    if (g) g.push(c);
    else groups.push([c]);
  }
  return groups.map((m) => {
    let cx = 0;
    let cy = 0;
    for (const c of m) {
      cx += c.x;
      cy += c.y;
    }
    cx /= m.length;
    cy /= m.length;
    let best = m[0];
    let bd = Infinity;
    for (const c of m) {
      const d = Math.hypot(c.x - cx, c.y - cy);
      if (d < bd - 1e-9) {
        bd = d;
        best = c;
      }
    }
    const others = new Set<number>();
    for (const c of m) for (const o of c.others) others.add(o);
    return { ...best, others, members: m };
  });
}

/** Point of a part at a measure (linear interpolation in lon/lat). */
function pointAt(p: Part, m: number): [number, number] {
  const cum = p.cum;
  let lo = 0;
  let hi = cum.length - 1;
  if (m <= 0) return [p.lon[0], p.lat[0]];
  if (m >= cum[hi]) return [p.lon[hi], p.lat[hi]];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] <= m) lo = mid;
    else hi = mid;
  }
  const t = (m - cum[lo]) / (cum[hi] - cum[lo]);
  return [p.lon[lo] + t * (p.lon[hi] - p.lon[lo]), p.lat[lo] + t * (p.lat[hi] - p.lat[lo])];
}

/** Bearing from the point at measure `from` to the point at measure `to`, or null when they are under 0.5 m apart. */
function bearingAlong(p: Part, from: number, to: number): number | null {
  if (Math.abs(to - from) < 0.5) return null;
  const [lon1, lat1] = pointAt(p, from);
  const [lon2, lat2] = pointAt(p, to);
  return Math.round(initialBearing(lon1, lat1, lon2, lat2)) % 360;
}

/** Spherical initial bearing in degrees [0, 360). */
export function initialBearing(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const φ1 = lat1 * r;
  const φ2 = lat2 * r;
  const Δλ = (lon2 - lon1) * r;
  const y = Math.sin(Δλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ);
  return ((Math.atan2(y, x) / r) % 360 + 360) % 360;
}

const COMPASS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];
const ARROWS = ['↑', '↗', '→', '↘', '↓', '↙', '←', '↖'];

function compassIndex(bearing: number): number {
  return Math.round(bearing / 45) % 8;
}

/** Eight-point compass name of a bearing. */
export function compass(bearing: number): string {
  return COMPASS[compassIndex(bearing)];
}

/**
 * The arrow on the sign face for a bearing: signs are read facing north along east–west roads and facing west along
 * north–south roads, so the right-hand arrow points north or east (bearings from 315° through 0° to 134°).
 */
export function faceFor(bearing: number): 'left' | 'right' {
  return (bearing + 45) % 360 < 180 ? 'right' : 'left';
}
