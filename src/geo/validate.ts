import { createRequire } from 'node:module';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { type Text, txt } from '../core/text.js';
import { type BBox, bbox, eachPosition, family, lineParts, ringArea } from './geometry.js';
import { distance, geodesicLength } from './measure.js';

/**
 * Geometry checks: `geometry-invalid` and `geometry-outside` (rules.md §10) on lon/lat geometries, and the RFC 7946
 * checks every written feature passes (ranges, precision, winding, plus geojson-validation).
 */

const req = createRequire(import.meta.url);

export type GeometryProblemCode =
  | 'missing'
  | 'parse'
  | 'type'
  | 'point'
  | 'empty'
  | 'non-finite'
  | 'too-few-positions'
  | 'too-short'
  | 'self-intersection'
  | 'closed-loop'
  | 'parts-cross';

export interface GeometryProblem {
  code: GeometryProblemCode;
  message: Text;
  /** The soft case: reported one severity level lower (rules.md §0.1). */
  soft?: boolean;
  /** Where, in lon/lat (self-intersections). */
  at?: Position;
}

export interface GeometryCheckOptions {
  /** Minimum total length in metres (default 1). */
  minLengthMeters?: number;
  /** The geodesic length when the caller has computed it already. */
  lengthM?: number;
}

const fmtPos = (p: Position) => `${+p[0].toFixed(6)}, ${+p[1].toFixed(6)}`;

/** Consecutive duplicates removed (the same array when there are none). */
function dedupe(ps: Position[]): Position[] {
  let dup = false;
  for (let i = 1; i < ps.length && !dup; i++) dup = ps[i][0] === ps[i - 1][0] && ps[i][1] === ps[i - 1][1];
  if (!dup) return ps;
  const out: Position[] = [];
  for (const p of ps) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out;
}

/**
 * `geometry-invalid` for a road geometry in lon/lat. `undefined` means the record has no geometry (reported as
 * `missing`; the caller decides whether the command needs one). Parse failures are the reader's `error` (use
 * `parseProblem`).
 */
export function checkGeometry(geom: Geometry | undefined, opts: GeometryCheckOptions = {}): GeometryProblem[] {
  const minLen = opts.minLengthMeters ?? 1;
  if (!geom) return [{ code: 'missing', message: txt('没有几何（道路线）', 'no geometry (road line)') }];
  const fam = family(geom);
  if (fam === 'point') {
    if (!positionsFinite(geom)) return [nonFinite()];
    if (geom.type === 'Point' && geom.coordinates.length === 0) return [empty()];
    return [{ code: 'point', soft: true, message: txt('几何是点：无法检查长度和走向', 'point geometry; length and orientation cannot be checked') }];
  }
  if (fam !== 'line') {
    return [{ code: 'type', message: txt(`道路应为线（LineString/MultiLineString），不是 ${geom.type}`, `a road must be a LineString or MultiLineString, not a ${geom.type}`) }];
  }
  const parts = lineParts(geom);
  if (parts.length === 0 || parts.every((p) => p.length === 0)) return [empty()];
  if (!positionsFinite(geom)) return [nonFinite()];
  const problems: GeometryProblem[] = [];
  const clean = parts.map(dedupe);
  clean.forEach((p, i) => {
    if (p.length < 2) {
      const where = parts.length > 1 ? txt(`第 ${i + 1} 段`, `part ${i + 1}`) : txt('', '');
      problems.push({
        code: 'too-few-positions',
        message: txt(`线${where.zh}只有 ${p.length} 个不同的点，至少需要 2 个`, `the line${where.en ? ` (${where.en})` : ''} has ${p.length} distinct position${p.length === 1 ? '' : 's'}; at least 2 are needed`),
      });
    }
  });
  if (problems.length) return problems;
  // Not lon/lat at all (projected metres under a lon/lat CRS): geometry-outside and crs-suspect say why.
  if (!eachPosition(geom, (p) => Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90)) return problems;
  const len = opts.lengthM ?? geodesicLength(geom);
  if (!(len >= minLen)) {
    problems.push({ code: 'too-short', message: txt(`线的长度只有 ${len.toFixed(2)} 米（至少 ${minLen} 米）`, `the line is only ${len.toFixed(2)} m long (minimum ${minLen} m)`) });
    return problems;
  }
  const kinks = (req('@turf/kinks') as { kinks: (g: Geometry) => { features: { geometry: { coordinates: Position } }[] } }).kinks;
  clean.forEach((p, i) => {
    const closed = p.length > 2 && p[0][0] === p[p.length - 1][0] && p[0][1] === p[p.length - 1][1];
    // A strictly x- or y-monotone polyline cannot cross itself: most roads, checked in O(n) instead of O(n²).
    const k = p.length <= 3 || monotone(p) ? { features: [] } : kinks({ type: 'LineString', coordinates: p });
    const where = parts.length > 1 ? txt(`第 ${i + 1} 段`, ` (part ${i + 1})`) : txt('', '');
    if (k.features.length) {
      const at = k.features[0].geometry.coordinates;
      problems.push({
        code: 'self-intersection',
        at,
        message: txt(`线${where.zh}自相交（在 ${fmtPos(at)} 附近${k.features.length > 1 ? `，共 ${k.features.length} 处` : ''}），多为数字化错误`, `the line${where.en} crosses itself (near ${fmtPos(at)}${k.features.length > 1 ? `, ${k.features.length} places` : ''}); usually a digitising error`),
      });
    } else if (closed) {
      problems.push({
        code: 'closed-loop',
        soft: true,
        at: p[0],
        message: txt(`线${where.zh}首尾相接成环，环形道路宜分为两段`, `the line${where.en} is a closed loop; split a loop road into two segments`),
      });
    }
  });
  for (let i = 0; i < clean.length; i++) {
    for (let j = i + 1; j < clean.length; j++) {
      const at = partsCross(clean[i], clean[j]);
      if (at) {
        problems.push({ code: 'parts-cross', at, message: txt(`第 ${i + 1} 段与第 ${j + 1} 段相交（在 ${fmtPos(at)} 附近）`, `parts ${i + 1} and ${j + 1} cross (near ${fmtPos(at)})`) });
      }
    }
  }
  return problems;
}

function monotone(p: Position[]): boolean {
  const sx = Math.sign(p[1][0] - p[0][0]), sy = Math.sign(p[1][1] - p[0][1]);
  let mx = sx !== 0, my = sy !== 0;
  for (let i = 2; i < p.length && (mx || my); i++) {
    if (mx && Math.sign(p[i][0] - p[i - 1][0]) !== sx) mx = false;
    if (my && Math.sign(p[i][1] - p[i - 1][1]) !== sy) my = false;
  }
  return mx || my;
}

/** A `parse` problem from a reader's error text. */
export function parseProblem(error: Text): GeometryProblem {
  return { code: 'parse', message: txt(`几何无法读取：${error.zh}`, `the geometry cannot be read: ${error.en}`) };
}

function empty(): GeometryProblem {
  return { code: 'empty', message: txt('几何是空的（没有坐标）', 'the geometry is empty (no coordinates)') };
}

function nonFinite(): GeometryProblem {
  return { code: 'non-finite', message: txt('坐标中有非数值（NaN、空值或无穷大）', 'some coordinates are not finite numbers (NaN, empty or infinite)') };
}

function positionsFinite(g: Geometry): boolean {
  return eachPosition(g, (p) => p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]));
}

/** A proper crossing of two polylines (interiors of two segments), not a touch at an end; returns the point. */
function partsCross(a: Position[], b: Position[]): Position | undefined {
  const ba = bbox({ type: 'LineString', coordinates: a })!;
  const bb = bbox({ type: 'LineString', coordinates: b })!;
  if (ba[2] < bb[0] || bb[2] < ba[0] || ba[3] < bb[1] || bb[3] < ba[1]) return undefined;
  for (let i = 1; i < a.length; i++) {
    for (let j = 1; j < b.length; j++) {
      const p = properIntersection(a[i - 1], a[i], b[j - 1], b[j]);
      if (p) return p;
    }
  }
  return undefined;
}

function properIntersection(p1: Position, p2: Position, q1: Position, q2: Position): Position | undefined {
  const d = (q2[1] - q1[1]) * (p2[0] - p1[0]) - (q2[0] - q1[0]) * (p2[1] - p1[1]);
  if (d === 0) return undefined;
  const ua = ((q2[0] - q1[0]) * (p1[1] - q1[1]) - (q2[1] - q1[1]) * (p1[0] - q1[0])) / d;
  const ub = ((p2[0] - p1[0]) * (p1[1] - q1[1]) - (p2[1] - p1[1]) * (p1[0] - q1[0])) / d;
  const eps = 1e-12;
  if (ua > eps && ua < 1 - eps && ub > eps && ub < 1 - eps) return [p1[0] + ua * (p2[0] - p1[0]), p1[1] + ua * (p2[1] - p1[1])];
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// geometry-outside

/** Coarse China extent (rules.md §10 geometry-outside). */
export const CHINA_EXTENT: BBox = [73.4, 3.8, 135.1, 53.6];

export function inChina(p: Position): boolean {
  return p[0] >= CHINA_EXTENT[0] && p[0] <= CHINA_EXTENT[2] && p[1] >= CHINA_EXTENT[1] && p[1] <= CHINA_EXTENT[3];
}

export interface OutsideProblem {
  code: 'outside-china' | 'outside-township' | 'partly-outside';
  message: Text;
  soft?: boolean;
  /** Metres of the line outside the township polygon. */
  outsideMeters?: number;
}

export interface OutsideOptions {
  /** The record's township polygon (lon/lat), when boundaries were supplied. */
  township?: Polygon | MultiPolygon;
  /** Name of the township for messages. */
  townshipName?: string;
  /** Length outside the polygon tolerated before the soft case (default 50 m). */
  toleranceMeters?: number;
}

/** `geometry-outside`: every vertex inside China; with a township polygon, the length outside it. */
export function checkOutside(geom: Geometry, opts: OutsideOptions = {}): OutsideProblem[] {
  let bad: Position | undefined;
  let n = 0;
  eachPosition(geom, (p) => {
    if (!inChina(p)) {
      bad ??= p;
      n++;
    }
  });
  if (bad) {
    return [{
      code: 'outside-china',
      message: txt(
        `${n} 个坐标点在中国范围之外（如 ${fmtPos(bad)}），多为坐标系或经纬度顺序错误`,
        `${n} position${n === 1 ? '' : 's'} outside China (e.g. ${fmtPos(bad)}); usually a wrong coordinate system or swapped lat/lon`,
      ),
    }];
  }
  if (!opts.township || family(geom) !== 'line') return [];
  const tol = opts.toleranceMeters ?? 50;
  const { outside, total } = lengthOutside(geom, opts.township);
  const name = opts.townshipName ?? '';
  if (total > 0 && outside >= total - 1e-6) {
    return [{ code: 'outside-township', outsideMeters: outside, message: txt(`道路完全在所属乡镇${name}的边界之外`, `the road lies entirely outside its township${name ? ` ${name}` : ''}`) }];
  }
  if (outside > tol) {
    return [{
      code: 'partly-outside',
      soft: true,
      outsideMeters: outside,
      message: txt(
        `道路有约 ${Math.round(outside)} 米在所属乡镇${name}的边界之外（容差 ${tol} 米）；跨界道路宜分段命名`,
        `about ${Math.round(outside)} m of the road lie outside its township${name ? ` ${name}` : ''} (tolerance ${tol} m); consider splitting a road that crosses the boundary`,
      ),
    }];
  }
  return [];
}

/** Length (metres) of a line outside a polygon, sampled every ≤ `step` metres. */
export function lengthOutside(geom: Geometry, poly: Polygon | MultiPolygon, step = 5): { outside: number; total: number } {
  const pip = (req('@turf/boolean-point-in-polygon') as { booleanPointInPolygon: (p: Position, g: Polygon | MultiPolygon) => boolean }).booleanPointInPolygon;
  const pb = bbox(poly);
  let outside = 0, total = 0;
  for (const part of lineParts(geom)) {
    for (let i = 1; i < part.length; i++) {
      const a = part[i - 1], b = part[i];
      const d = distance(a, b);
      if (!(d > 0)) continue;
      total += d;
      const n = Math.max(1, Math.ceil(d / step));
      for (let k = 0; k < n; k++) {
        const t = (k + 0.5) / n;
        const m: Position = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
        const inBox = pb && m[0] >= pb[0] && m[0] <= pb[2] && m[1] >= pb[1] && m[1] <= pb[3];
        if (!inBox || !pip(m, poly)) outside += d / n;
      }
    }
  }
  return { outside, total };
}

// ---------------------------------------------------------------------------------------------------------------
// RFC 7946 output checks

export interface Rfc7946Options {
  /** Maximum decimals (default 7). */
  precision?: number;
  /** Skip geojson-validation (our own checks still run). */
  skipLibrary?: boolean;
}

interface Gjv {
  isFeature(f: unknown, trace: true): string[];
}
let gjv: Gjv | undefined;

/** True when v has at most `precision` decimals (v is the double nearest to some k / 10^precision). */
function hasPrecision(v: number, f: number): boolean {
  return Math.round(v * f) / f === v;
}

/**
 * Problems of one output feature against RFC 7946 and our rules: lon −180…180, lat −90…90, at most `precision`
 * decimals, LineStrings with ≥ 2 positions, closed polygon rings of ≥ 4 positions wound counter-clockwise (holes
 * clockwise), no `crs` member; then geojson-validation's structural checks. Empty list = valid.
 */
export function checkRfc7946(feature: Feature<Geometry | null>, opts: Rfc7946Options = {}): string[] {
  const precision = opts.precision ?? 7;
  const f = 10 ** precision;
  const out: string[] = [];
  if ('crs' in feature) out.push('the "crs" member was removed in RFC 7946');
  const g = feature.geometry;
  if (g) {
    let badPos: Position | undefined, badRange: Position | undefined, badPrec: Position | undefined;
    eachPosition(g, (p) => {
      if (p.length < 2 || p.length > 3 || !p.every((v) => typeof v === 'number' && Number.isFinite(v))) badPos ??= p;
      else if (p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90) badRange ??= p;
      else if (!hasPrecision(p[0], f) || !hasPrecision(p[1], f)) badPrec ??= p;
    });
    if (badPos) out.push(`invalid position [${badPos.join(', ')}]`);
    if (badRange) out.push(`position [${badRange.join(', ')}] is not lon/lat (longitude −180…180, latitude −90…90)`);
    if (badPrec) out.push(`position [${badPrec.join(', ')}] has more than ${precision} decimals`);
    const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
    if (lines.some((l) => l.length < 2)) out.push('a LineString needs two or more positions (RFC 7946 §3.1.4)');
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const poly of polys) {
      poly.forEach((ring, i) => {
        const closed = ring.length >= 4 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1];
        if (!closed) out.push('a polygon ring must be closed and have four or more positions (RFC 7946 §3.1.6)');
        else if ((ringArea(ring) > 0) !== (i === 0)) out.push(`polygon ${i === 0 ? 'exterior ring must be counter-clockwise' : 'holes must be clockwise'} (RFC 7946 §3.1.6)`);
      });
    }
  }
  if (!opts.skipLibrary && !out.length) out.push(...checkRfc7946Library(feature));
  return out;
}

/** geojson-validation's structural checks of a feature (its trace; empty = valid). */
export function checkRfc7946Library(feature: Feature<Geometry | null>): string[] {
  gjv ??= req('geojson-validation') as Gjv;
  return gjv.isFeature(feature, true);
}
