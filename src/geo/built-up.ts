import { createRequire } from 'node:module';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { type Text, txt } from '../core/text.js';
import { type BBox, bbox, eachPosition } from './geometry.js';
import { unionBBox } from './nearby.js';
import { readPolygonLayer } from './polygons.js';
import type { GeoReadOptions } from './read.js';

const req = createRequire(import.meta.url);
let pip: ((p: Position, g: Polygon | MultiPolygon) => boolean) | undefined;

/**
 * Built-up areas (建成区) for `--built-up FILE`: the polygons of the uniqueness scope `builtUpArea` (rules.md §0.3;
 * 条例 art. 9(8): no two streets of one built-up area share a name), in CGCS2000 lon/lat.
 */
export interface BuiltUpArea {
  /** The polygon's name attribute, else "建成区 N" (its number in the file). */
  name: string;
  polygon: Polygon | MultiPolygon;
  bbox: BBox;
}

export interface BuiltUpAreas {
  file: string;
  areas: BuiltUpArea[];
  /** The box around every area (existing names with geometry are read within it). */
  bbox: BBox;
  notes: Text[];
  /**
   * The area a lon/lat geometry lies in: the one holding most of its positions (a road that enters the area is one of
   * its streets); undefined when no position lies in any.
   */
  areaOf(g: Geometry): number | undefined;
}

export async function loadBuiltUpAreas(file: string, opts: GeoReadOptions = {}): Promise<BuiltUpAreas> {
  const { crs, polygons } = await readPolygonLayer(file, opts, {
    none: txt('建成区文件中没有面要素（建成区范围多边形）', 'the built-up-area file has no polygons'),
    give: txt('请提供建成区范围的面图层（GeoJSON、Shapefile 或 KML），每个建成区一个面。', 'Give a layer of built-up-area polygons (GeoJSON, Shapefile or KML), one polygon per built-up area.'),
  });
  const made = builtUpAreasOf(file, polygons);
  made.notes.push(txt(`读取建成区 ${made.areas.length} 个（${file}，坐标系 ${crs}）`, `${made.areas.length} built-up area${made.areas.length === 1 ? '' : 's'} read (${file}, ${crs})`));
  return made;
}

/** Built-up areas from lon/lat polygons (named by their name attribute, else by their number). */
export function builtUpAreasOf(file: string, polygons: readonly { name?: string; polygon: Polygon | MultiPolygon }[]): BuiltUpAreas {
  const areas: BuiltUpArea[] = [];
  for (const p of polygons) {
    const b = bbox(p.polygon);
    if (b) areas.push({ name: p.name || `建成区 ${areas.length + 1}`, polygon: p.polygon, bbox: b });
  }
  const all = unionBBox(areas.map((a) => a.bbox)) ?? [Infinity, Infinity, -Infinity, -Infinity];
  return { file, areas, bbox: all, notes: [], areaOf: (g) => areaOf(areas, g) };
}

function areaOf(areas: readonly BuiltUpArea[], g: Geometry): number | undefined {
  const inside = (pip ??= (req('@turf/boolean-point-in-polygon') as { booleanPointInPolygon: NonNullable<typeof pip> }).booleanPointInPolygon);
  let best: number | undefined;
  let bestCount = 0;
  areas.forEach((a, k) => {
    const [x0, y0, x1, y1] = a.bbox;
    let count = 0;
    eachPosition(g, (p) => {
      if (p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1 && inside(p, a.polygon)) count++;
    });
    if (count > bestCount) {
      best = k;
      bestCount = count;
    }
  });
  return best;
}
