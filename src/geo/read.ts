import { extname } from 'node:path';
import type { Geometry } from 'geojson';
import { inputError } from '../core/errors.js';
import type { Dataset, RecordGeometry } from '../core/record.js';
import { type Text, txt } from '../core/text.js';
import { type ReadOptions, buildAttributeDataset } from '../io/dataset.js';
import { geoJsonGeometryProblem, to2D } from './fields.js';
import { family } from './geometry.js';
import { DROPPED_Z_NOTE } from './wkt.js';

/** Options of the geometry-file readers (GeoJSON, Shapefile, KML). */
export interface GeoReadOptions extends ReadOptions {
  /** CRS given by the user (--crs); 'auto' lets a .shp without .prj through to detection. */
  crs?: string;
  /** DBF code page override (--dbf-encoding). */
  dbfEncoding?: string;
  /** Cap on decompressed bytes of .zip/.kmz (default 512 MiB). */
  maxUnzippedBytes?: number;
}

/** A feature as read from a geometry file, before it becomes a record. */
export interface RawFeature {
  id?: string | number;
  geometry: unknown;
  properties: Record<string, unknown> | null | undefined;
}

const FAMILY_ZH: Record<string, string> = { point: '点', line: '线', polygon: '面', collection: '几何集合' };

/**
 * Features → Dataset: attributes through the table header aliases (buildAttributeDataset), geometry checked for
 * structure and made 2D, and dataset notes for dropped Z values and mixed geometry types.
 */
export function datasetFromFeatures(features: readonly RawFeature[], file: string, opts: GeoReadOptions, meta: { crs?: string; hints?: string[]; notes?: Text[]; encoding?: string }): Dataset {
  if (features.length === 0) {
    throw inputError(txt('文件中没有要素', 'the file contains no features'), { file }, txt('请检查是否选错了文件或图层。', 'Check that this is the right file or layer.'));
  }
  const headers: string[] = [];
  const seen = new Set<string>();
  const addKey = (k: string) => {
    if (!seen.has(k)) {
      seen.add(k);
      headers.push(k);
    }
  };
  const hasIdProp = features.some((f) => f.properties && ('id' in f.properties || 'ID' in f.properties));
  const useFeatureId = !hasIdProp && features.some((f) => f.id !== undefined && f.id !== null);
  if (useFeatureId) addKey('id');
  for (const f of features) if (f.properties) for (const k of Object.keys(f.properties)) addKey(k);
  const rows = features.map((f) => headers.map((h) => (useFeatureId && h === 'id' ? f.id : f.properties?.[h])));
  const ds = buildAttributeDataset(headers, rows, file, opts);
  ds.crs = meta.crs;
  if (meta.hints?.length) ds.hints = meta.hints;
  if (meta.encoding) ds.source.encoding = meta.encoding;
  ds.notes.push(...(meta.notes ?? []));

  let z = 0;
  const families = new Map<string, number>();
  ds.records.forEach((rec, i) => {
    const g = features[i].geometry;
    if (g === null || g === undefined) return;
    const problem = geoJsonGeometryProblem(g);
    let rg: RecordGeometry;
    if (problem) {
      rg = { raw: JSON.stringify(g).slice(0, 200), error: problem };
    } else {
      const flat = to2D(g as Geometry);
      if (flat.droppedZ) z++;
      rg = { geojson: flat.geometry };
      const fam = family(flat.geometry);
      families.set(fam, (families.get(fam) ?? 0) + 1);
    }
    if (meta.crs) rg.crs = meta.crs;
    rec.geometry = rg;
  });
  if (z) ds.notes.push(txt(`${z} 个要素含高程：${DROPPED_Z_NOTE.zh}`, `${z} features: ${DROPPED_Z_NOTE.en}`));
  if (families.size > 1) {
    const list = [...families].map(([f, n]) => ({ zh: `${FAMILY_ZH[f]} ${n}`, en: `${f} ${n}` }));
    ds.notes.push(txt(`几何类型混杂：${list.map((l) => l.zh).join('、')}`, `mixed geometry types: ${list.map((l) => l.en).join(', ')}`));
  }
  return ds;
}

/** Is this a geometry file diming reads (by extension)? */
export function isGeometryFile(file: string): boolean {
  return /\.(geojson|geojsonl|geojsons|json|shp|zip|kml|kmz|ovkml|ovkmz)$/i.test(file);
}

/** Read a GeoJSON, Shapefile (.shp or .zip) or KML/KMZ/奥维 file into a Dataset (readers are loaded lazily). */
export async function readGeometryDataset(file: string, opts: GeoReadOptions = {}): Promise<Dataset> {
  const ext = extname(file).toLowerCase();
  if (['.geojson', '.geojsonl', '.geojsons', '.json'].includes(ext)) return (await import('../io/readers/geojson.js')).readGeoJsonFile(file, opts);
  if (ext === '.shp' || ext === '.zip') return (await import('../io/readers/shapefile.js')).readShapefile(file, opts);
  if (['.kml', '.kmz', '.ovkml', '.ovkmz'].includes(ext)) return (await import('../io/readers/kml.js')).readKmlFile(file, opts);
  throw inputError(
    txt(`不支持的几何文件类型「${ext || file}」`, `unsupported geometry file type "${ext || file}"`),
    { file },
    txt('可读：GeoJSON（.geojson/.json）、Shapefile（.shp 或 .zip）、KML/KMZ、奥维 .ovkml/.ovkmz。', 'Readable: GeoJSON (.geojson/.json), Shapefile (.shp or .zip), KML/KMZ, 奥维 .ovkml/.ovkmz.'),
  );
}
