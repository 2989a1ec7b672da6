import { createRequire } from 'node:module';
import type { Geometry, Position } from 'geojson';
import { type Text, txt } from '../core/text.js';
import { type BBox, bbox, endpoints, lineParts } from './geometry.js';

/**
 * Derived attributes of a road in lon/lat (formats.md §3.6): geodesic length on the CGCS2000 ellipsoid (GRS80,
 * geographiclib — not spherical), start and end, bounding box, and orientation from the principal axis.
 */

/** GRS80 / CGCS2000: a = 6 378 137 m, 1/f = 298.257222101. */
export const GRS80_A = 6378137;
export const GRS80_F = 1 / 298.257222101;

interface GeodesicLike {
  Inverse(lat1: number, lon1: number, lat2: number, lon2: number, outmask?: number): { s12?: number };
}

let geod: { g: GeodesicLike; DISTANCE: number } | undefined;

function geodesic(): { g: GeodesicLike; DISTANCE: number } {
  if (!geod) {
    const mod = createRequire(import.meta.url)('geographiclib-geodesic') as {
      Geodesic: { Geodesic: new (a: number, f: number) => GeodesicLike; DISTANCE: number };
    };
    geod = { g: new mod.Geodesic.Geodesic(GRS80_A, GRS80_F), DISTANCE: mod.Geodesic.DISTANCE };
  }
  return geod;
}

const E2 = GRS80_F * (2 - GRS80_F);
const D2R = Math.PI / 180;
/** Segments shorter than this (degrees in latitude and longitude) use the local-ellipsoid formula. */
const SHORT_DEG = 0.02;

/**
 * Geodesic distance in metres between two lon/lat positions on GRS80. Short segments (< 0.02°, about 2 km: every
 * vertex-to-vertex step of a village road) use the meridian and prime-vertical radii of curvature at the mid-latitude,
 * which agrees with the geodesic to ~1e-7 relative and is ~30× faster; longer ones use geographiclib's geodesic.
 */
export function distance(a: Position, b: Position): number {
  const dLat = b[1] - a[1], dLon = b[0] - a[0];
  if (Math.abs(dLat) < SHORT_DEG && Math.abs(dLon) < SHORT_DEG) {
    const phi = (a[1] + b[1]) * 0.5 * D2R;
    const s = Math.sin(phi);
    const w2 = 1 - E2 * s * s;
    const w = Math.sqrt(w2);
    const n = GRS80_A / w;
    const m = (GRS80_A * (1 - E2)) / (w2 * w);
    const dx = n * Math.cos(phi) * dLon * D2R;
    const dy = m * dLat * D2R;
    return Math.sqrt(dx * dx + dy * dy);
  }
  const { g, DISTANCE } = geodesic();
  return g.Inverse(a[1], a[0], b[1], b[0], DISTANCE).s12 ?? NaN;
}

/** Length in metres of a line (sum over parts) or of polygon rings; 0 for points. */
export function geodesicLength(geom: Geometry): number {
  const path = (ps: Position[]) => {
    let s = 0;
    for (let i = 1; i < ps.length; i++) s += distance(ps[i - 1], ps[i]);
    return s;
  };
  switch (geom.type) {
    case 'LineString':
      return path(geom.coordinates);
    case 'MultiLineString':
    case 'Polygon':
      return geom.coordinates.reduce((s, p) => s + path(p), 0);
    case 'MultiPolygon':
      return geom.coordinates.reduce((s, poly) => s + poly.reduce((t, r) => t + path(r), 0), 0);
    case 'GeometryCollection':
      return geom.geometries.reduce((s, c) => s + geodesicLength(c), 0);
    default:
      return 0;
  }
}

/** geographiclib's geodesic distance for any pair (the reference for `distance`). */
export function geodesicDistance(a: Position, b: Position): number {
  const { g, DISTANCE } = geodesic();
  return g.Inverse(a[1], a[0], b[1], b[0], DISTANCE).s12 ?? NaN;
}

export type OrientationCode = 'EW' | 'NS' | 'other';

export interface Orientation {
  /** EW within ±45° of east–west, else NS; `other` when the principal axis explains little of the shape. */
  code: OrientationCode;
  /** Axis direction in degrees clockwise from north, in [0, 180). */
  axisBearing: number;
  /** The axis in words: 东西, 东北—西南, 南北, 西北—东南. */
  axis: string;
  /** 东西走向 / 南北走向 / 东北—西南走向 … or 走向不规则 for `other`. */
  label: Text;
  /** Share of the spread along the principal axis (1 = straight). */
  linearity: number;
  /** The axis came from the first and last point only (two-point or very short lines). */
  fromEndpoints: boolean;
}

/** Below this linearity the road is `other` (a full loop is 0.5, an L with equal legs 0.8, a semicircle 0.84). */
export const MIN_LINEARITY = 0.75;
/** Lines shorter than this (metres, planar approximation) use the first-to-last bearing. */
export const SHORT_ROAD_M = 50;

const AXIS_WORDS: [number, string, string][] = [
  // [upper bound of bearing sector, zh, en]
  [22.5, '南北', 'north–south'],
  [67.5, '东北—西南', 'northeast–southwest'],
  [112.5, '东西', 'east–west'],
  [157.5, '西北—东南', 'northwest–southeast'],
  [180, '南北', 'north–south'],
];

/** Orientation of a line (or the first-to-last direction of any geometry) in lon/lat. */
export function orientation(geom: Geometry): Orientation | undefined {
  const parts = lineParts(geom).filter((p) => p.length > 0);
  const ends = endpoints(geom);
  if (!ends) return undefined;
  const lat0 = (ends.start[1] + ends.end[1]) / 2;
  const lon0 = ends.start[0];
  const kx = 111320 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110574;
  const px = (p: Position) => (p[0] - lon0) * kx;
  const py = (p: Position) => (p[1] - lat0) * ky;

  // Second moments of the line as a uniform density along its segments.
  let mass = 0, mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0, nPos = 0;
  for (const part of parts) {
    nPos += part.length;
    for (let i = 1; i < part.length; i++) {
      const ax = px(part[i - 1]), ay = py(part[i - 1]), bx = px(part[i]), by = py(part[i]);
      const L = Math.sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
      if (!(L > 0)) continue;
      mass += L;
      mx += (L * (ax + bx)) / 2;
      my += (L * (ay + by)) / 2;
      sxx += L * ((ax * ax + bx * bx) / 3 + (ax * bx) / 3);
      syy += L * ((ay * ay + by * by) / 3 + (ay * by) / 3);
      sxy += L * ((ax * ay + bx * by) / 3 + (ax * by + bx * ay) / 6);
    }
  }
  let dx: number, dy: number, linearity: number, fromEndpoints: boolean;
  if (nPos <= 2 || mass < SHORT_ROAD_M) {
    dx = px(ends.end) - px(ends.start);
    dy = py(ends.end) - py(ends.start);
    if (dx === 0 && dy === 0) return undefined;
    linearity = 1;
    fromEndpoints = true;
  } else {
    mx /= mass;
    my /= mass;
    const cxx = sxx / mass - mx * mx, cyy = syy / mass - my * my, cxy = sxy / mass - mx * my;
    const theta = 0.5 * Math.atan2(2 * cxy, cxx - cyy); // from east, counter-clockwise
    const tr = cxx + cyy;
    const det = cxx * cyy - cxy * cxy;
    const l1 = tr / 2 + Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
    linearity = tr > 0 ? l1 / tr : 1;
    dx = Math.cos(theta);
    dy = Math.sin(theta);
    fromEndpoints = false;
  }
  let bearing = (Math.atan2(dx, dy) * 180) / Math.PI; // clockwise from north
  bearing = ((bearing % 180) + 180) % 180;
  const sector = AXIS_WORDS.find(([b]) => bearing < b) ?? AXIS_WORDS[4];
  const isEW = bearing >= 45 && bearing <= 135;
  const code: OrientationCode = linearity < MIN_LINEARITY ? 'other' : isEW ? 'EW' : 'NS';
  return {
    code,
    axisBearing: bearing,
    axis: sector[1],
    label: code === 'other' ? txt('走向不规则', 'irregular course') : txt(`${sector[1]}走向`, `runs ${sector[2]}`),
    linearity,
    fromEndpoints,
  };
}

export interface RoadMeasure {
  /** Geodesic length in metres on GRS80. */
  lengthM: number;
  start: Position;
  end: Position;
  bbox: BBox;
  orientation?: Orientation;
}

/** All derived attributes of a lon/lat geometry; undefined for an empty geometry. */
export function measure(geom: Geometry): RoadMeasure | undefined {
  const ends = endpoints(geom);
  const box = bbox(geom);
  if (!ends || !box) return undefined;
  return { lengthM: geodesicLength(geom), start: ends.start, end: ends.end, bbox: box, orientation: orientation(geom) };
}
