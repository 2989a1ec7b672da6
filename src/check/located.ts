import type { Geometry, Position } from 'geojson';
import { inputError, isDimingError } from '../core/errors.js';
import type { RecordFields } from '../core/record.js';
import { type Text, txt } from '../core/text.js';
import { normalizeAdminCode } from '../divisions/region.js';
import { CGCS2000 } from '../geo/crs.js';
import { NotUtf8 } from '../io/text-chunks.js';
import { type Detection, detectCrs } from '../geo/detect.js';
import { type BBox, bbox, eachPosition, lineParts } from '../geo/geometry.js';
import { bboxesIntersect } from '../geo/nearby.js';
import { type Transformer, createTransformer } from '../geo/transform.js';
import { normalizeName } from '../name/normalize.js';
import { AdminResolver } from './admin.js';
import type { RowSource, SourceRow, Unplaced } from './located-rows.js';

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
  /**
   * The files whose rows carry geometry (kept or not), with the lines of their rows that have none (a file where more
   * than Unplaced.CAP rows have none counts as a file without geometry).
   */
  placedFiles: Map<string, ReadonlySet<number>>;
}

interface LonLatRecord {
  name: string;
  fields: RecordFields;
  line: number;
  geometry: Geometry;
  bbox: BBox;
}

/** Positions looked at to tell the CRS of a file's geometry (before the first record is transformed). */
const SAMPLE_POSITIONS = 5000;

/**
 * The records of a file with geometry that `keep` wants (by their bounding box), transformed to CGCS2000 lon/lat (CRS
 * declared by the file, else detected from the first records' positions): read a batch at a time, so that memory grows
 * with what is kept, not with the file. Undefined when the CRS cannot be told. A text file that is not UTF-8 is read
 * again as GB18030; a GeoJSON file that is not a FeatureCollection is read whole.
 */
async function readLonLat(file: string, requireName: boolean, keep: (b: BBox) => boolean, dbfEncoding: string | undefined): Promise<LonLatRead | undefined> {
  const { geometryRows } = await import('./located-rows.js');
  const { NotACollection } = await import('../io/readers/geojson-stream.js');
  let encoding: string | undefined;
  let whole = false;
  for (;;) {
    const src = await geometryRows(file, { encoding, whole, requireName, dbfEncoding });
    try {
      return await lonLatOf(src, keep);
    } catch (e) {
      if (e instanceof NotUtf8 && !encoding) encoding = 'gb18030';
      else if (e instanceof NotACollection && !whole) whole = true;
      else throw e;
    } finally {
      await src.close();
    }
  }
}

/** The rows kept, the rows with geometry, and those without a usable one. */
interface LonLatRead {
  records: LonLatRecord[];
  total: number;
  unplaced: Unplaced;
}

async function lonLatOf(src: RowSource, keep: (b: BBox) => boolean): Promise<LonLatRead | undefined> {
  const transformers = new Map<string, Transformer>();
  const records: LonLatRecord[] = [];
  let det: Detection | undefined;
  const pending: SourceRow[] = [];
  const sample: Position[] = [];
  let total = 0;
  const place = async (r: SourceRow) => {
    const crs = r.crs ?? det!.crs!;
    const swap = r.crs ? false : det!.swapped;
    const key = `${crs}|${swap}`;
    let t = transformers.get(key);
    if (!t) transformers.set(key, (t = await createTransformer(crs, CGCS2000, { swapXY: swap })));
    const g = t.geometry(r.geometry);
    const b = bbox(g);
    if (!b || !b.every(Number.isFinite)) src.unplaced.add(r.line);
    else if (keep(b)) records.push({ name: r.name, fields: r.fields, line: r.line, geometry: g, bbox: b });
  };
  // Decide the CRS once enough positions are seen: false when it cannot be told (and some record needs it).
  const decide = async (): Promise<boolean> => {
    det = detectCrs(sample, { declared: src.declared(), hints: src.hints });
    if (!det.crs && sample.length) return false;
    for (const r of pending) await place(r);
    pending.length = 0;
    return true;
  };
  for await (const batch of src.batches) {
    for (const r of batch) {
      total++;
      if (det) {
        await place(r);
        continue;
      }
      pending.push(r);
      if (!r.crs && sample.length < SAMPLE_POSITIONS) eachPosition(r.geometry, (p) => void sample.push(p));
      if (sample.length >= SAMPLE_POSITIONS && !(await decide())) return undefined;
    }
  }
  if (!det && !(await decide())) return undefined;
  return { records, total, unplaced: src.unplaced };
}

/**
 * Read the located names of the gazetteer files that lie (by bounding box) within `area` (lon/lat). `dbfEncoding`
 * (--dbf-encoding) is the code page of shapefile registers. `near`: the part of the area that nearby-duplicate searches,
 * which each file's note counts (default: all of it; null: the read is not for nearby-duplicate, no such note);
 * `builtUp`: the read also places names in built-up areas (the notes of files whose geometry cannot be used say so).
 */
export async function loadLocatedNames(files: readonly string[], area: BBox, opts: { dbfEncoding?: string; near?: BBox | null; builtUp?: boolean } = {}): Promise<LocatedResult> {
  const near = opts.near === undefined ? area : opts.near;
  const uses = [...(near ? [txt('附近重名（nearby-duplicate）', 'nearby-duplicate')] : []), ...(opts.builtUp ? [txt('建成区', 'the built-up areas')] : [])];
  const usedBy = txt(uses.map((u) => u.zh).join('和'), uses.map((u) => u.en).join(' and '));
  const names: LocatedName[] = [];
  const notes: Text[] = [];
  const placedFiles = new Map<string, ReadonlySet<number>>();
  const resolver = new AdminResolver();
  for (const file of files) {
    let read: Awaited<ReturnType<typeof readLonLat>>;
    try {
      read = await readLonLat(file, true, (b) => bboxesIntersect(b, area), opts.dbfEncoding);
    } catch (e) {
      // A .prj that diming cannot use (Xian 1980, Beijing 1954): the names are compared by the other uniqueness rules,
      // only their geometry is left out.
      if (!isDimingError(e) || !/\.prj$/i.test(e.where?.file ?? '')) throw e;
      notes.push(txt(`已有地名 ${file}：${e.text.zh}，其几何未用于${usedBy.zh}比较`, `existing names ${file}: ${e.text.en}; its geometry is not used by ${usedBy.en}`));
      continue;
    }
    if (!read) {
      notes.push(txt(
        `已有地名 ${file}：无法判断几何的坐标系，未用于${usedBy.zh}比较`,
        `existing names ${file}: the coordinate system of the geometry cannot be told; not used by ${usedBy.en}`,
      ));
      continue;
    }
    if (!read.total) continue;
    if (!read.unplaced.many) placedFiles.set(file, read.unplaced.lines);
    let kept = 0;
    for (const r of read.records) {
      const full = normalizeName(r.name.trim());
      if (!full) continue;
      const code = (r.fields.admin_code && normalizeAdminCode(r.fields.admin_code)) || resolver.resolve(r.fields).code;
      names.push({ name: r.name, full, adminCode: code, type: r.fields.type || undefined, file, line: r.line, geometry: r.geometry, bbox: r.bbox });
      if (near && bboxesIntersect(r.bbox, near)) kept++;
    }
    if (near) notes.push(txt(
      `已有地名 ${file}：${read.total} 条带几何，其中 ${kept} 条在本表道路附近，参与附近重名（nearby-duplicate）比较`,
      `existing names ${file}: ${read.total} with geometry, ${kept} of them near this table's roads compared by nearby-duplicate`,
    ));
  }
  return { names, notes, placedFiles };
}

/** The lines of a CGCS2000 reference layer (crs-suspect `referenceLayer`): roads known to be in the right place. */
export async function loadReferenceLayer(file: string, opts: { dbfEncoding?: string } = {}): Promise<Position[][]> {
  const read = await readLonLat(file, false, () => true, opts.dbfEncoding);
  if (!read) {
    throw inputError(txt('参考图层的坐标系无法判断', 'the coordinate system of the reference layer cannot be told'), { file }, txt('参考图层应为 CGCS2000 经纬度（EPSG:4490）的道路线，附 .prj 或按 RFC 7946 的 GeoJSON。', 'The reference layer should be CGCS2000 lon/lat road lines (EPSG:4490), with a .prj or as RFC 7946 GeoJSON.'));
  }
  return read.records.flatMap((r) => lineParts(r.geometry));
}
