import type { Box } from '../../src/signs/layout.js';

/** Is `inner` inside `outer` (with a tolerance in mm)? */
export function inside(inner: Box, outer: Box, eps = 1e-6): boolean {
  return inner.x >= outer.x - eps && inner.y >= outer.y - eps && inner.x + inner.w <= outer.x + outer.w + eps && inner.y + inner.h <= outer.y + outer.h + eps;
}

/** Metres east/north of (118.5 E, 37.1 N) → [lon, lat] (same local projection as the schedule, to 1e-9 degrees). */
const M = (6_371_008.8 * Math.PI) / 180;
export function ll(x: number, y: number, lat0 = 37.1, lon0 = 118.5): [number, number] {
  return [lon0 + x / (M * Math.cos((lat0 * Math.PI) / 180)), lat0 + y / M];
}

export function road(id: string, name: string, pts: [number, number][], extra: Record<string, unknown> = {}) {
  return { type: 'Feature' as const, properties: { id, name, pinyin_sign: extra.pinyin ?? 'X LU', ...extra }, geometry: { type: 'LineString' as const, coordinates: pts.map(([x, y]) => ll(x, y)) } };
}

export function multi(id: string, name: string, parts: [number, number][][]) {
  return { type: 'Feature' as const, properties: { id, name, pinyin_sign: 'X LU' }, geometry: { type: 'MultiLineString' as const, coordinates: parts.map((p) => p.map(([x, y]) => ll(x, y))) } };
}
