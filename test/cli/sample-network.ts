/**
 * An independent reading of the sample network (data/samples/dawang-roads.csv) for the sign tests: the WKT column
 * parsed here with a regular expression, in the table's own Gauss-Kruger metres (EPSG:4528), and the places where
 * signs belong computed from first principles — both ends of every road, every point where two differently named
 * roads cross or touch (segment intersection), every road end within `snap` metres of another road; points of one
 * road within `merge` metres are one place, and a place within `merge` metres of an end is that end. Nothing here
 * uses diming's code (only proj4, to compare lon/lat results with these metres).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import proj4 from 'proj4';
import { ROOT } from '../helpers.js';

export const SAMPLE = join(ROOT, 'data', 'samples', 'dawang-roads.csv');

proj4.defs('EPSG:4528', '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs');
proj4.defs('EPSG:4490', '+proj=longlat +ellps=GRS80 +no_defs');

export type XY = [number, number];

export interface SampleRoad {
  id: string;
  name: string;
  row: Record<string, string>;
  line: XY[];
}

export function sampleRoads(file = SAMPLE): SampleRoad[] {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  return rows.map((row) => {
    const m = /^LINESTRING\s*\((.*)\)$/.exec(row.WKT.trim());
    if (!m) throw new Error(`not a LINESTRING: ${row.WKT}`);
    const line = m[1].split(',').map((p) => p.trim().split(/\s+/).map(Number) as XY);
    return { id: row['序号'], name: row['名称'], row, line };
  });
}

/** Lon/lat (CGCS2000) → the sample's Gauss-Kruger zone-40 metres. */
export function toGk(lon: number, lat: number): XY {
  return proj4('EPSG:4490', 'EPSG:4528', [lon, lat]) as XY;
}

export interface Place {
  point: XY;
  kind: 'start' | 'end' | 'junction';
  /** Names of the other roads meeting here. */
  with: Set<string>;
}

const dist = (a: XY, b: XY) => Math.hypot(a[0] - b[0], a[1] - b[1]);

function closest(p: XY, a: XY, b: XY): { point: XY; d: number } {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2)) : 0;
  const q: XY = [a[0] + t * dx, a[1] + t * dy];
  return { point: q, d: dist(p, q) };
}

/** Proper or touching intersection point of segments ab and cd (within 1 cm), else undefined. */
function crossing(a: XY, b: XY, c: XY, d: XY): XY | undefined {
  const r: XY = [b[0] - a[0], b[1] - a[1]];
  const s: XY = [d[0] - c[0], d[1] - c[1]];
  const den = r[0] * s[1] - r[1] * s[0];
  if (Math.abs(den) < 1e-12) return undefined;
  const t = ((c[0] - a[0]) * s[1] - (c[1] - a[1]) * s[0]) / den;
  const u = ((c[0] - a[0]) * r[1] - (c[1] - a[1]) * r[0]) / den;
  const et = 0.01 / Math.hypot(...r);
  const eu = 0.01 / Math.hypot(...s);
  if (t < -et || t > 1 + et || u < -eu || u > 1 + eu) return undefined;
  return [a[0] + t * r[0], a[1] + t * r[1]];
}

/** Where the signs of each road belong (keyed by road id), from the geometry alone. */
export function expectedPlaces(roads: readonly SampleRoad[], snap = 3, merge = 5): Map<string, Place[]> {
  const cands = new Map<string, { point: XY; other: string }[]>(roads.map((r) => [r.id, []]));
  for (const r of roads) {
    for (const s of roads) {
      if (r === s || r.name === s.name) continue;
      // Crossings and touches (each pair once, from r's side).
      if (r.id < s.id) {
        for (let i = 0; i + 1 < r.line.length; i++) {
          for (let j = 0; j + 1 < s.line.length; j++) {
            const p = crossing(r.line[i], r.line[i + 1], s.line[j], s.line[j + 1]);
            if (p) {
              cands.get(r.id)!.push({ point: p, other: s.name });
              cands.get(s.id)!.push({ point: p, other: r.name });
            }
          }
        }
      }
      // r's ends near s (T-junctions digitised short).
      for (const end of [r.line[0], r.line[r.line.length - 1]]) {
        let best: { point: XY; d: number } | undefined;
        for (let j = 0; j + 1 < s.line.length; j++) {
          const c = closest(end, s.line[j], s.line[j + 1]);
          if (!best || c.d < best.d) best = c;
        }
        if (best && best.d <= snap) {
          cands.get(r.id)!.push({ point: end, other: s.name });
          cands.get(s.id)!.push({ point: best.point, other: r.name });
        }
      }
    }
  }
  const out = new Map<string, Place[]>();
  for (const r of roads) {
    const places: Place[] = [
      { point: r.line[0], kind: 'start', with: new Set() },
      { point: r.line[r.line.length - 1], kind: 'end', with: new Set() },
    ];
    for (const c of cands.get(r.id)!) {
      const near = places.find((p) => dist(p.point, c.point) <= merge);
      if (near) near.with.add(c.other);
      else places.push({ point: c.point, kind: 'junction', with: new Set([c.other]) });
    }
    out.set(r.id, places);
  }
  return out;
}
