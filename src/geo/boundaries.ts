import type { MultiPolygon, Polygon } from 'geojson';
import type { NameRecord } from '../core/record.js';
import { type Text, txt } from '../core/text.js';
import { readPolygonLayer } from './polygons.js';
import type { GeoReadOptions } from './read.js';

/**
 * Township polygons for `--boundaries FILE` (the outside-township part of geometry-outside): a GeoJSON, Shapefile or
 * KML of polygons keyed by the 9-digit township code (区划代码 / admin_code column, 12-digit codes cut to 9) and by
 * township name, transformed to CGCS2000 lon/lat.
 */

export interface Boundary {
  code?: string;
  name?: string;
  polygon: Polygon | MultiPolygon;
}

export interface TownshipBoundaries {
  byCode: Map<string, Boundary>;
  byName: Map<string, Boundary[]>;
  notes: Text[];
  /** The polygon of a record's township: by admin_code (first 9 digits), else by a unique township name. */
  find(rec: Pick<NameRecord, 'fields'>): Boundary | undefined;
}

/** The 9-digit township part of an admin code (9 or 12 digits), or undefined. */
export function townshipCode(code: string | undefined): string | undefined {
  const d = code?.replace(/\s/g, '');
  return d && /^\d{9}(\d{3})?$/.test(d) ? d.slice(0, 9) : undefined;
}

export async function loadBoundaries(file: string, opts: GeoReadOptions = {}): Promise<TownshipBoundaries> {
  const { crs, polygons } = await readPolygonLayer(file, opts, {
    none: txt('边界文件中没有面要素（乡镇界线多边形）', 'the boundary file has no polygons (township boundaries)'),
    give: txt('请提供乡镇级行政区划面图层（GeoJSON、Shapefile 或 KML）。', 'Give a layer of township polygons (GeoJSON, Shapefile or KML).'),
  });
  const byCode = new Map<string, Boundary>();
  const byName = new Map<string, Boundary[]>();
  let noKey = 0;
  for (const r of polygons) {
    const code = townshipCode(r.fields.admin_code);
    const name = r.fields.township ?? (r.name || undefined);
    if (!code && !name) {
      noKey++;
      continue;
    }
    const b: Boundary = { code, name, polygon: r.polygon };
    if (code) byCode.set(code, b);
    if (name) byName.set(name, [...(byName.get(name) ?? []), b]);
  }
  const notes: Text[] = [txt(`读取乡镇边界 ${byCode.size || byName.size} 个（坐标系 ${crs}）`, `${byCode.size || byName.size} township boundaries read (${crs})`)];
  if (noKey) notes.push(txt(`${noKey} 个面没有区划代码或名称，未使用`, `${noKey} polygons have neither a division code nor a name and are not used`));
  return {
    byCode,
    byName,
    notes,
    find(rec) {
      const code = townshipCode(rec.fields.admin_code);
      if (code && byCode.has(code)) return byCode.get(code);
      const named = rec.fields.township ? byName.get(rec.fields.township) : undefined;
      return named?.length === 1 ? named[0] : undefined;
    },
  };
}
