import type { MultiPolygon, Polygon } from 'geojson';
import { inputError } from '../core/errors.js';
import type { RecordFields } from '../core/record.js';
import type { Text } from '../core/text.js';
import { txt } from '../core/text.js';
import { detectCrs } from './detect.js';
import { family, samplePositions } from './geometry.js';
import type { GeoReadOptions } from './read.js';
import { createTransformer } from './transform.js';

/** A polygon of a layer given on the command line (township boundaries, built-up areas), in CGCS2000 lon/lat. */
export interface LayerPolygon {
  /** The feature's name attribute ('' when it has none). */
  name: string;
  fields: RecordFields;
  polygon: Polygon | MultiPolygon;
}

/**
 * The polygons of a GeoJSON, Shapefile or KML layer, transformed to CGCS2000 lon/lat (the CRS declared by the file or
 * --crs, else detected). `what` names the layer in the errors: a layer without polygons, or whose CRS cannot be told,
 * is an input error.
 */
export async function readPolygonLayer(file: string, opts: GeoReadOptions, what: { none: Text; give: Text }): Promise<{ crs: string; polygons: LayerPolygon[] }> {
  const { readGeometryDataset } = await import('./read.js');
  const ds = await readGeometryDataset(file, { ...opts, requireName: false, crs: opts.crs ?? 'auto' });
  const polys = ds.records.filter((r) => r.geometry?.geojson && family(r.geometry.geojson) === 'polygon');
  if (!polys.length) throw inputError(what.none, { file }, what.give);
  const explicit = opts.crs && opts.crs.toLowerCase() !== 'auto' ? opts.crs : undefined;
  const det = detectCrs(samplePositions(polys.map((r) => r.geometry!.geojson)), { declared: explicit ?? ds.crs, hints: ds.hints });
  if (!det.crs) {
    throw inputError(
      txt(`无法判断 ${file} 的坐标系：${det.reasons.map((r) => r.zh).join('；')}`, `cannot tell the coordinate system of ${file}: ${det.reasons.map((r) => r.en).join('; ')}`),
      { file },
      txt('请为该文件提供 .prj，或用 --crs 指定。', 'Give the file a .prj, or use --crs.'),
    );
  }
  const t = await createTransformer(det.crs, 'EPSG:4490', { swapXY: det.swapped });
  const polygons = polys.map((r) => ({ name: r.name, fields: r.fields, polygon: t.geometry(r.geometry!.geojson as Polygon | MultiPolygon) }));
  return { crs: det.crs, polygons };
}
