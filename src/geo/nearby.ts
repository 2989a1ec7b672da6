import type { Geometry, Position } from 'geojson';
import { type BBox, lineParts } from './geometry.js';
import { GRS80_A, GRS80_F } from './measure.js';

/**
 * Distances between whole features in lon/lat (nearby-duplicate, rules.md §7): the minimum distance between two
 * geometries, bounding-box helpers and a grid for "what lies within r metres". Distances are planar in a local frame
 * scaled by the GRS80 radii of curvature at the pair's mid-latitude: within the few kilometres the rule looks at, this
 * agrees with the geodesic to far better than a metre.
 */

const D2R = Math.PI / 180;
const E2 = GRS80_F * (2 - GRS80_F);

/** Metres per degree of longitude and of latitude at a latitude (GRS80). */
export function metresPerDegree(lat: number): { x: number; y: number } {
  const phi = lat * D2R;
  const s = Math.sin(phi);
  const w2 = 1 - E2 * s * s;
  const w = Math.sqrt(w2);
  const n = GRS80_A / w;
  const m = (GRS80_A * (1 - E2)) / (w2 * w);
  return { x: n * Math.cos(phi) * D2R, y: m * D2R };
}

/** The paths of a geometry for distances: line parts, polygon rings, and points as one-position paths. */
export function pathsOf(g: Geometry): Position[][] {
  switch (g.type) {
    case 'Point':
      return [[g.coordinates]];
    case 'MultiPoint':
      return g.coordinates.map((p) => [p]);
    case 'LineString':
    case 'MultiLineString':
      return lineParts(g);
    case 'Polygon':
      return g.coordinates;
    case 'MultiPolygon':
      return g.coordinates.flat();
    case 'GeometryCollection':
      return g.geometries.flatMap(pathsOf);
  }
  return [];
}

/** A bounding box grown by `m` metres on every side. */
export function expandBBox(b: BBox, m: number): BBox {
  const k = metresPerDegree(Math.min(85, Math.max(Math.abs(b[1]), Math.abs(b[3]))));
  const dx = m / k.x, dy = m / k.y;
  return [b[0] - dx, b[1] - dy, b[2] + dx, b[3] + dy];
}

export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** The smallest box around all given boxes, or undefined for none. */
export function unionBBox(boxes: Iterable<BBox>): BBox | undefined {
  let out: BBox | undefined;
  for (const b of boxes) out = out ? [Math.min(out[0], b[0]), Math.min(out[1], b[1]), Math.max(out[2], b[2]), Math.max(out[3], b[3])] : [...b];
  return out;
}

/**
 * Minimum distance in metres between two lon/lat geometries: 0 when they touch or cross. Exact for polylines in
 * the local frame (every segment pair; village roads have few vertices, and callers prefilter by bounding box).
 */
export function minDistance(a: Geometry, b: Geometry): number {
  const pa = pathsOf(a), pb = pathsOf(b);
  let lat = NaN;
  for (const p of [...pa, ...pb]) {
    if (p.length) {
      lat = p[0][1];
      break;
    }
  }
  if (!Number.isFinite(lat)) return NaN;
  const k = metresPerDegree(lat);
  const lon0 = pa[0]?.[0]?.[0] ?? 0;
  const flat = (ps: Position[][]) => ps.map((p) => p.map((q) => [(q[0] - lon0) * k.x, (q[1] - lat) * k.y] as const));
  const A = flat(pa), B = flat(pb);
  let best = Infinity;
  for (const p of A) {
    for (const q of B) {
      const d = pathDistance(p, q, best);
      if (d < best) best = d;
      if (best === 0) return 0;
    }
  }
  return best;
}

type XY = readonly [number, number];

function pathDistance(p: readonly XY[], q: readonly XY[], bound: number): number {
  let best = bound;
  const np = Math.max(1, p.length - 1), nq = Math.max(1, q.length - 1);
  for (let i = 0; i < np; i++) {
    const a = p[i], b = p[Math.min(i + 1, p.length - 1)];
    for (let j = 0; j < nq; j++) {
      const c = q[j], d = q[Math.min(j + 1, q.length - 1)];
      const s = segSegDistance(a, b, c, d);
      if (s < best) {
        best = s;
        if (best === 0) return 0;
      }
    }
  }
  return best;
}

function pointSeg(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  let t = l2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function cross(o: XY, a: XY, b: XY): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Distance between segments ab and cd (0 when they intersect or touch). */
export function segSegDistance(a: XY, b: XY, c: XY, d: XY): number {
  const d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return 0;
  return Math.min(pointSeg(a, c, d), pointSeg(b, c, d), pointSeg(c, a, b), pointSeg(d, a, b));
}

/**
 * A uniform grid of bounding boxes (degrees): each item is filed under every cell its box touches, and a query box
 * returns the items filed under the cells it touches (a superset of the boxes that intersect it).
 */
export class BBoxGrid<T> {
  private readonly cells = new Map<string, T[]>();
  /** Items whose box spans too many cells: returned by every query. */
  private readonly big: T[] = [];

  constructor(private readonly cellDeg: number) {}

  private range(b: BBox): [number, number, number, number] {
    const c = this.cellDeg;
    return [Math.floor(b[0] / c), Math.floor(b[1] / c), Math.floor(b[2] / c), Math.floor(b[3] / c)];
  }

  add(b: BBox, item: T): void {
    const [x0, y0, x1, y1] = this.range(b);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > 10000) {
      this.big.push(item);
      return;
    }
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const k = `${x},${y}`;
        const l = this.cells.get(k);
        if (l) l.push(item);
        else this.cells.set(k, [item]);
      }
    }
  }

  query(b: BBox): Set<T> {
    const out = new Set<T>(this.big);
    const [x0, y0, x1, y1] = this.range(b);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > 10000) {
      for (const l of this.cells.values()) for (const it of l) out.add(it);
      return out;
    }
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const l = this.cells.get(`${x},${y}`);
        if (l) for (const it of l) out.add(it);
      }
    }
    return out;
  }
}
