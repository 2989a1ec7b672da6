import type { Geometry, Position } from 'geojson';
import { lineParts } from './geometry.js';

/**
 * A grid of segments (points are zero-length segments) in local metres around the first position, for
 * nearest-feature queries over a town or county: endpoint names for location descriptions, and the reference-layer
 * test of crs-suspect. Distances use an equirectangular approximation (well under 1 % error within ~50 km).
 */
export class SegmentIndex {
  private readonly cell: number;
  private readonly grid = new Map<number, number[]>();
  private readonly segs: number[] = []; // x1 y1 x2 y2 per segment
  private readonly owner: number[] = []; // item id per segment
  private origin?: Position;
  private kx = 0;
  private readonly ky = 110574;

  constructor(cellMeters = 250) {
    this.cell = cellMeters;
  }

  private xy(p: Position): [number, number] {
    if (!this.origin) {
      this.origin = [p[0], p[1]];
      this.kx = 111320 * Math.cos((p[1] * Math.PI) / 180);
    }
    return [(p[0] - this.origin[0]) * this.kx, (p[1] - this.origin[1]) * this.ky];
  }

  private key(cx: number, cy: number): number {
    return (cx + 1e6) * 2e6 + (cy + 1e6);
  }

  /** Add the segments of a geometry (lines, polygon rings, points) under an item id. */
  add(id: number, g: Geometry): void {
    const paths: Position[][] =
      g.type === 'Point' ? [[g.coordinates, g.coordinates]]
        : g.type === 'MultiPoint' ? g.coordinates.map((p) => [p, p])
          : g.type === 'Polygon' ? g.coordinates
            : g.type === 'MultiPolygon' ? g.coordinates.flat()
              : g.type === 'GeometryCollection' ? [] : lineParts(g);
    if (g.type === 'GeometryCollection') for (const c of g.geometries) this.add(id, c);
    for (const path of paths) this.addPath(id, path);
  }

  addPath(id: number, path: readonly Position[]): void {
    for (let i = 1; i < path.length; i++) {
      const [ax, ay] = this.xy(path[i - 1]);
      const [bx, by] = this.xy(path[i]);
      if (![ax, ay, bx, by].every(Number.isFinite)) continue;
      const s = this.owner.length;
      this.segs.push(ax, ay, bx, by);
      this.owner.push(id);
      const c0x = Math.floor(Math.min(ax, bx) / this.cell), c1x = Math.floor(Math.max(ax, bx) / this.cell);
      const c0y = Math.floor(Math.min(ay, by) / this.cell), c1y = Math.floor(Math.max(ay, by) / this.cell);
      if ((c1x - c0x + 1) * (c1y - c0y + 1) > 40000) continue; // absurdly long segment (> 50 km): not indexed
      for (let cx = c0x; cx <= c1x; cx++) {
        for (let cy = c0y; cy <= c1y; cy++) {
          const k = this.key(cx, cy);
          const list = this.grid.get(k);
          if (list) list.push(s);
          else this.grid.set(k, [s]);
        }
      }
    }
  }

  /** The nearest item within `maxMeters` (optionally skipping items), or undefined. */
  nearest(p: Position, maxMeters: number, skip?: (id: number) => boolean): { id: number; distance: number } | undefined {
    if (!this.origin) return undefined;
    const [x, y] = this.xy(p);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
    const cx = Math.floor(x / this.cell), cy = Math.floor(y / this.cell);
    let best = maxMeters;
    let bestId = -1;
    const maxRing = Math.ceil(maxMeters / this.cell);
    for (let r = 0; r <= maxRing; r++) {
      if ((r - 1) * this.cell > best) break;
      for (let i = -r; i <= r; i++) {
        for (let j = -r; j <= r; j++) {
          if (Math.max(Math.abs(i), Math.abs(j)) !== r) continue;
          const list = this.grid.get(this.key(cx + i, cy + j));
          if (!list) continue;
          for (const s of list) {
            const id = this.owner[s];
            if (skip && skip(id)) continue;
            const d = segDist(x, y, this.segs[s * 4], this.segs[s * 4 + 1], this.segs[s * 4 + 2], this.segs[s * 4 + 3]);
            if (d <= best) {
              best = d;
              bestId = id;
            }
          }
        }
      }
    }
    return bestId >= 0 ? { id: bestId, distance: best } : undefined;
  }
}

function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const l2 = dx * dx + dy * dy;
  let t = l2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / l2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
