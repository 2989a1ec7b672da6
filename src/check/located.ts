import { extname } from 'node:path';
import type { Geometry, Position } from 'geojson';
import { inputError } from '../core/errors.js';
import type { NameRecord } from '../core/record.js';
import { type Text, txt } from '../core/text.js';
import { normalizeAdminCode } from '../divisions/region.js';
import { CGCS2000 } from '../geo/crs.js';
import { csvRecords } from '../geo/csvstream.js';
import { NotUtf8 } from '../io/text-chunks.js';
import { detectCrs } from '../geo/detect.js';
import { attachTableGeometries } from '../geo/fields.js';
import { type BBox, bbox, eachPosition, lineParts } from '../geo/geometry.js';
import { bboxesIntersect } from '../geo/nearby.js';
import { headerColumns } from '../geo/rows.js';
import { type Transformer, createTransformer } from '../geo/transform.js';
import { readAnyDataset } from '../io/read-any.js';
import { normalizeName } from '../name/normalize.js';
import { AdminResolver } from './admin.js';

/**
 * Existing names with geometry for nearby-duplicate (rules.md §7): read from the --gazetteer files that carry
 * geometry (a WKT/coordinate column, or GeoJSON/Shapefile/KML), transformed to CGCS2000 lon/lat, and kept when they
 * lie within the search area around the batch — whatever their administrative area, since the rule compares by
 * distance across boundaries. Files without geometry are skipped after a look at their header.
 */

export interface LocatedName {
  name: string;
  /** Normalised name. */
  full: string;
  adminCode?: string;
  type?: string;
  /** The file as given, and the line or feature number the uniqueness rules use for the same entry (pairKey). */
  file: string;
  line: number;
  /** CGCS2000 lon/lat. */
  geometry: Geometry;
  bbox: BBox;
}

export interface LocatedResult {
  names: LocatedName[];
  notes: Text[];
}

const TABLE = /\.(csv|tsv|txt)$/i;

/** Does this CSV/TSV name a geometry source (WKT, lon/lat or start/end columns) in its first 10 rows? */
async function tableHasGeometry(file: string): Promise<boolean> {
  for (const encoding of [undefined, 'gb18030']) {
    try {
      let n = 0;
      for await (const rec of csvRecords(file, { encoding })) {
        if (headerColumns(rec.cells)) return true;
        if (++n >= 10) return false;
      }
      return false;
    } catch (e) {
      if (e instanceof NotUtf8 && !encoding) continue;
      throw e;
    }
  }
  return false;
}

interface LonLatRecord {
  record: NameRecord;
  geometry: Geometry;
  bbox: BBox;
}

/**
 * Every record of a file with geometry, transformed to CGCS2000 lon/lat (CRS declared by the file, else detected);
 * undefined when the CRS cannot be told.
 */
async function readLonLat(file: string, requireName: boolean): Promise<{ records: LonLatRecord[]; total: number } | undefined> {
  const ds = await readAnyDataset(file, { requireName, crs: extname(file).toLowerCase() === '.shp' ? 'auto' : undefined });
  attachTableGeometries(ds);
  const withGeom = ds.records.filter((r) => r.geometry?.geojson);
  const own = (r: NameRecord) => (r.geometry!.crs && r.geometry!.crs !== ds.crs ? r.geometry!.crs : undefined);
  const sample: Position[] = [];
  for (const r of withGeom) {
    if (sample.length >= 5000) break;
    if (!own(r)) eachPosition(r.geometry!.geojson!, (p) => void sample.push(p));
  }
  const det = detectCrs(sample, { declared: ds.crs, hints: ds.hints });
  if (!det.crs && sample.length) return undefined;
  const transformers = new Map<string, Transformer>();
  const records: LonLatRecord[] = [];
  for (const r of withGeom) {
    const crs = own(r) ?? det.crs!;
    const swap = own(r) ? false : det.swapped;
    const key = `${crs}|${swap}`;
    let t = transformers.get(key);
    if (!t) transformers.set(key, (t = await createTransformer(crs, CGCS2000, { swapXY: swap })));
    const g = t.geometry(r.geometry!.geojson!);
    const b = bbox(g);
    if (b && b.every(Number.isFinite)) records.push({ record: r, geometry: g, bbox: b });
  }
  return { records, total: withGeom.length };
}

/** Read the located names of the gazetteer files that lie (by bounding box) within `area` (lon/lat). */
export async function loadLocatedNames(files: readonly string[], area: BBox): Promise<LocatedResult> {
  const names: LocatedName[] = [];
  const notes: Text[] = [];
  const resolver = new AdminResolver();
  for (const file of files) {
    if (TABLE.test(file) && !(await tableHasGeometry(file))) continue;
    const read = await readLonLat(file, true);
    if (!read) {
      notes.push(txt(
        `已有地名 ${file}：无法判断几何的坐标系，未用于附近重名（nearby-duplicate）比较`,
        `existing names ${file}: the coordinate system of the geometry cannot be told; not used by nearby-duplicate`,
      ));
      continue;
    }
    if (!read.total) continue;
    let kept = 0;
    for (const { record: r, geometry, bbox: b } of read.records) {
      if (!bboxesIntersect(b, area)) continue;
      const full = normalizeName(r.name.trim());
      if (!full) continue;
      const code = r.fields.admin_code ? normalizeAdminCode(r.fields.admin_code) : resolver.resolve(r.fields).code;
      names.push({ name: r.name, full, adminCode: code, type: r.fields.type || undefined, file, line: r.line ?? r.row + 1, geometry, bbox: b });
      kept++;
    }
    notes.push(txt(
      `已有地名 ${file}：${read.total} 条带几何，其中 ${kept} 条在本表道路附近，参与附近重名（nearby-duplicate）比较`,
      `existing names ${file}: ${read.total} with geometry, ${kept} of them near this table's roads compared by nearby-duplicate`,
    ));
  }
  return { names, notes };
}

/** The lines of a CGCS2000 reference layer (crs-suspect `referenceLayer`): roads known to be in the right place. */
export async function loadReferenceLayer(file: string): Promise<Position[][]> {
  const read = await readLonLat(file, false);
  if (!read) {
    throw inputError(txt('参考图层的坐标系无法判断', 'the coordinate system of the reference layer cannot be told'), { file }, txt('参考图层应为 CGCS2000 经纬度（EPSG:4490）的道路线，附 .prj 或按 RFC 7946 的 GeoJSON。', 'The reference layer should be CGCS2000 lon/lat road lines (EPSG:4490), with a .prj or as RFC 7946 GeoJSON.'));
  }
  return read.records.flatMap((r) => lineParts(r.geometry));
}
