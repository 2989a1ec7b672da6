import type { Geometry, GeometryCollection, Position } from 'geojson';

/** Small helpers over GeoJSON geometries shared by the geometry modules (no dependencies). */

export type Family = 'point' | 'line' | 'polygon' | 'collection';

/** Point/MultiPoint → point, LineString/MultiLineString → line, Polygon/MultiPolygon → polygon. */
export function family(g: Geometry): Family {
  switch (g.type) {
    case 'Point':
    case 'MultiPoint':
      return 'point';
    case 'LineString':
    case 'MultiLineString':
      return 'line';
    case 'Polygon':
    case 'MultiPolygon':
      return 'polygon';
    default:
      return 'collection';
  }
}

/** A new geometry with every position replaced by fn(position) (2D: extra ordinates are dropped). */
export function mapPositions<G extends Geometry>(g: G, fn: (x: number, y: number) => Position): G {
  const ring = (ps: Position[]) => ps.map((p) => fn(p[0], p[1]));
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: fn(g.coordinates[0], g.coordinates[1]) };
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: ring(g.coordinates) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map(ring) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map(ring)) };
    case 'GeometryCollection':
      return { ...g, geometries: (g as GeometryCollection).geometries.map((c) => mapPositions(c, fn)) };
  }
  return g;
}

/** Call fn for every position (including those of collections). Stops early when fn returns false. */
export function eachPosition(g: Geometry, fn: (p: Position) => boolean | void): boolean {
  const run = (ps: Position[]) => {
    for (const p of ps) if (fn(p) === false) return false;
    return true;
  };
  switch (g.type) {
    case 'Point':
      return fn(g.coordinates) !== false;
    case 'MultiPoint':
    case 'LineString':
      return run(g.coordinates);
    case 'MultiLineString':
    case 'Polygon':
      for (const r of g.coordinates) if (!run(r)) return false;
      return true;
    case 'MultiPolygon':
      for (const p of g.coordinates) for (const r of p) if (!run(r)) return false;
      return true;
    case 'GeometryCollection':
      for (const c of g.geometries) if (!eachPosition(c, fn)) return false;
      return true;
  }
  return true;
}

/** The parts of a line geometry (a LineString is one part); [] for other types. */
export function lineParts(g: Geometry): Position[][] {
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

/** First and last position of a geometry in drawing order (points: the point itself). */
export function endpoints(g: Geometry): { start: Position; end: Position } | undefined {
  const first: Position[] = [];
  let last: Position | undefined;
  eachPosition(g, (p) => {
    if (!first.length) first.push(p);
    last = p;
  });
  return last ? { start: first[0], end: last } : undefined;
}

export type BBox = [number, number, number, number];

/** [minX, minY, maxX, maxY] over all positions, or undefined for an empty geometry. */
export function bbox(g: Geometry): BBox | undefined {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  eachPosition(g, (p) => {
    if (p[0] < x0) x0 = p[0];
    if (p[0] > x1) x1 = p[0];
    if (p[1] < y0) y0 = p[1];
    if (p[1] > y1) y1 = p[1];
  });
  return x0 <= x1 ? [x0, y0, x1, y1] : undefined;
}

/** Up to `max` positions spread evenly over the geometries (for CRS detection on large inputs). */
export function samplePositions(geoms: Iterable<Geometry | undefined>, max = 2000): Position[] {
  const all: Position[] = [];
  for (const g of geoms) {
    if (!g) continue;
    eachPosition(g, (p) => {
      all.push(p);
    });
  }
  if (all.length <= max) return all;
  const out: Position[] = [];
  const step = all.length / max;
  for (let i = 0; i < max; i++) out.push(all[Math.floor(i * step)]);
  return out;
}

/** Signed area (shoelace) of a ring in its own units: > 0 counter-clockwise. */
export function ringArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

/**
 * A copy with polygon rings wound as RFC 7946 §3.1.6 asks (exterior counter-clockwise, holes clockwise), or the
 * opposite for Shapefiles (`exteriorClockwise`).
 */
export function rewind<G extends Geometry>(g: G, exteriorClockwise = false): G {
  const fix = (rings: Position[][]) =>
    rings.map((r, i) => {
      const ccw = ringArea(r) > 0;
      const wantCcw = (i === 0) !== exteriorClockwise;
      return ccw === wantCcw ? r : [...r].reverse();
    });
  if (g.type === 'Polygon') return { ...g, coordinates: fix(g.coordinates) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map(fix) };
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map((c) => rewind(c, exteriorClockwise)) };
  return g;
}
