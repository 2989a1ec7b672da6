import type { Position } from 'geojson';
import type { AnalyzedRecord } from '../types.js';

/**
 * Lon/lat helpers for rules that look at where a road lies (generic-orientation, series-order, direction-word).
 * After the geometry stage (runCheck) the record's transformed lon/lat line is used. Without it (checkDataset on
 * its own), only geometries in geographic coordinates are used: EPSG:4490 (CGCS2000), EPSG:4326 (WGS84) or no CRS with values
 * inside China's lon/lat box. Projected or offset (GCJ-02/BD-09) coordinates are left to the geometry rules.
 */

const GEOGRAPHIC = /^(?:epsg:{0,2}\s*(?:4490|4326)|4490|4326|crs84|wgs\s*-?84|cgcs\s*-?2000|urn:ogc:def:crs:(?:epsg::(?:4490|4326)|ogc:1\.3:crs84))$/i;

const cache = new WeakMap<AnalyzedRecord, Position[] | null>();

function inChina(p: Position): boolean {
  return p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && p[0] >= 73 && p[0] <= 136 && p[1] >= 3 && p[1] <= 54;
}

/**
 * The record's line as lon/lat positions in drawing order (a MultiLineString's parts in order), or undefined when it
 * has no usable lon/lat line. Start/end coordinate columns (起点经度 …) make a two-point line.
 */
export function lonLatLine(rec: AnalyzedRecord): Position[] | undefined {
  let v = cache.get(rec);
  if (v === undefined) {
    v = compute(rec) ?? null;
    cache.set(rec, v);
  }
  return v ?? undefined;
}

function compute(rec: AnalyzedRecord): Position[] | undefined {
  // After the geometry stage: its CGCS2000 lon/lat line (transformed from any CRS), only when it is usable.
  if (rec.geo) {
    const ll = rec.geo.measure ? rec.geo.lonlat : undefined;
    if (ll?.type === 'LineString') return ll.coordinates.length >= 2 ? ll.coordinates : undefined;
    if (ll?.type === 'MultiLineString') {
      const flat = ll.coordinates.flat();
      return flat.length >= 2 ? flat : undefined;
    }
    return undefined;
  }
  const g = rec.record.geometry;
  const crs = (g?.crs ?? rec.record.fields.crs ?? '').trim();
  if (crs && !GEOGRAPHIC.test(crs)) return undefined;
  const geo = g?.geojson;
  let pts: Position[] | undefined;
  if (geo?.type === 'LineString') pts = geo.coordinates;
  else if (geo?.type === 'MultiLineString') pts = geo.coordinates.flat();
  if (!pts) {
    const f = rec.record.fields;
    const nums = [f.start_lon, f.start_lat, f.end_lon, f.end_lat].map((x) => (x === undefined || x.trim() === '' ? NaN : Number(x)));
    if (nums.every(Number.isFinite)) pts = [[nums[0], nums[1]], [nums[2], nums[3]]];
  }
  if (!pts || pts.length < 2 || !pts.every(inChina)) return undefined;
  return pts;
}

/** Mean of the vertices (good enough to tell which of two nearby roads lies further east). */
export function centroid(pts: readonly Position[]): Position {
  let x = 0;
  let y = 0;
  for (const p of pts) {
    x += p[0];
    y += p[1];
  }
  return [x / pts.length, y / pts.length];
}

/** Offsets in metres of b relative to a (east, north), on a local flat approximation. */
export function offsetMeters(a: Position, b: Position): { east: number; north: number } {
  const lat = ((a[1] + b[1]) / 2) * (Math.PI / 180);
  return { east: (b[0] - a[0]) * 111320 * Math.cos(lat), north: (b[1] - a[1]) * 110574 };
}

/** First-to-last bearing of a line in degrees clockwise from north, folded into [0, 180); undefined for a zero-length line. */
export function axisBearing(pts: readonly Position[]): number | undefined {
  const { east, north } = offsetMeters(pts[0], pts[pts.length - 1]);
  if (east === 0 && north === 0) return undefined;
  const b = (Math.atan2(east, north) * 180) / Math.PI;
  return ((b % 180) + 180) % 180;
}
