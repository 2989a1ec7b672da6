import type { Geometry, Position } from 'geojson';
import { endpoints } from './geometry.js';
import { SegmentIndex } from './spatial.js';

/**
 * Endpoint names for the 位置描述 (formats.md §4.2): the nearest named road, village or other feature to a road's start
 * and end. The sentence itself is built by describeLocation in src/announce/location.ts (one implementation for the
 * announcement table and the geometry stage).
 */

/** A named feature that can name a road's endpoint: another road, a village, a bridge … (lon/lat). */
export interface NamedPlace {
  name: string;
  geometry: Geometry;
}

/** Finds the nearest named feature to a road's start and end. */
export class EndpointNamer {
  private readonly index = new SegmentIndex(100);
  private readonly names: string[] = [];

  constructor(places: Iterable<NamedPlace>) {
    for (const p of places) {
      if (!p.name.trim()) continue;
      this.index.add(this.names.length, p.geometry);
      this.names.push(p.name.trim());
    }
  }

  /** The nearest name within `maxMeters` of a position, other than `exclude` (the road's own name). */
  nameAt(p: Position, maxMeters = 200, exclude?: string): { name: string; distance: number } | undefined {
    const hit = this.index.nearest(p, maxMeters, exclude ? (id) => this.names[id] === exclude : undefined);
    return hit ? { name: this.names[hit.id], distance: hit.distance } : undefined;
  }

  /** Names for the start and end of a road geometry (lon/lat). */
  endpoints(road: Geometry, opts: { maxMeters?: number; exclude?: string } = {}): { start?: string; end?: string } {
    const e = endpoints(road);
    if (!e) return {};
    return {
      start: this.nameAt(e.start, opts.maxMeters, opts.exclude)?.name,
      end: this.nameAt(e.end, opts.maxMeters, opts.exclude)?.name,
    };
  }
}
