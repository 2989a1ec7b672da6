import type { Geometry } from 'geojson';
import { inputError } from '../core/errors.js';
import type { Dataset, NameRecord } from '../core/record.js';
import { type Text, txt } from '../core/text.js';
import type { DatasetGeometry, RecordGeometryResult } from '../geo/analyze.js';
import { readAnyDataset } from '../io/read-any.js';

/**
 * The input step shared by `diming signs` and `diming run`: read any supported file into the Dataset model, take the
 * geometry from a WKT/coordinate column (tables) or the file itself (GeoJSON, Shapefile, KML), and run the geometry
 * stage (CRS decided or detected, every line transformed to CGCS2000 lon/lat, geometry findings, length, orientation
 * and location description). The geometry library is loaded only when the input has geometry.
 */

export interface InputOptions {
  sheet?: string;
  encoding?: string;
  /** --dbf-encoding: code page of a shapefile's .dbf. */
  dbfEncoding?: string;
  /** --crs: source CRS of the coordinates (an id such as EPSG:4528, or auto). */
  crs?: string;
  /** The command cannot work without geometry (diming signs): no usable geometry at all is an input error. */
  requireGeometry?: boolean;
  /** Nor without a name column (signs show names): a file without one is refused, as diming check refuses it. */
  requireName?: boolean;
  /** --column: the column of names, when its header is not one the aliases know. */
  column?: string;
}

export interface PreparedInput {
  file: string;
  ds: Dataset;
  /** The geometry stage, when any record has a geometry (or a parse error in its geometry column). */
  geometry?: DatasetGeometry;
  /** How the geometry was read: the CRS decision and its reasons (for the user). */
  notes: Text[];
}

/**
 * Read, then run the check's geometry stage (src/check/geometry.ts: table geometry columns, CRS decision, transform
 * to CGCS2000 lon/lat, measures). Throws DimingError (exit 2) for unreadable input, or when `requireGeometry` and no
 * record has a usable line.
 */
export async function prepareInput(file: string, opts: InputOptions = {}): Promise<PreparedInput> {
  const ds = await readAnyDataset(file, { sheet: opts.sheet, encoding: opts.encoding, dbfEncoding: opts.dbfEncoding, crs: opts.crs, requireName: opts.requireName, column: opts.column, columnOption: true });
  const { runGeometryStage } = await import('../check/geometry.js');
  const stage = await runGeometryStage(ds, { crs: opts.crs });
  const input: PreparedInput = { file, ds, geometry: stage?.geometry, notes: stage?.notes ?? [] };
  if (opts.requireGeometry) requireLines(input);
  return input;
}

/** An input error when no record has a usable line (diming signs cannot work without one). */
export function requireLines(input: PreparedInput): void {
  const { ds, file } = input;
  if (ds.records.some((r) => input.geometry?.records.get(r.row)?.lonlat)) return;
  throw inputError(
    ds.records.length
      ? txt('输入中没有可用的道路几何（线）', 'the input has no usable road geometry (lines)')
      : txt('输入中没有任何记录', 'the input has no records'),
    { file },
    txt(
      '请在表格中加入 WKT 列（如 LINESTRING (118.53 37.00, 118.54 37.00)），或使用 GeoJSON、Shapefile、KML 文件；投影坐标请用 --crs 说明坐标系。',
      'Add a WKT column (e.g. LINESTRING (118.53 37.00, 118.54 37.00)) or use a GeoJSON, Shapefile or KML file; for projected coordinates give --crs.',
    ),
  );
}

/** The record's line in CGCS2000 lon/lat, also when it has geometry findings (a crossed line still gets signs). */
export function lonLatOf(input: PreparedInput, rec: NameRecord): Geometry | undefined {
  return geometryResult(input, rec)?.lonlat;
}

export function geometryResult(input: PreparedInput, rec: NameRecord): RecordGeometryResult | undefined {
  return input.geometry?.records.get(rec.row);
}

/** The id a record is known by in every output: its 序号/id column, else its row number. */
export function recordId(rec: NameRecord): string {
  return rec.fields.id?.trim() || String(rec.row);
}
