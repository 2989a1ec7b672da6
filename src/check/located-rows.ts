import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Geometry } from 'geojson';
import type { FieldKey, RecordFields } from '../core/record.js';
import { crsFromPrj } from '../geo/crs.js';
import { type CsvRecord, csvBatches } from '../geo/csvstream.js';
import { attachTableGeometries, geoJsonGeometryProblem, geometryFromFields, to2D } from '../geo/fields.js';
import { headerColumns } from '../geo/rows.js';
import { fieldColumns, perKeySet } from '../io/columns.js';
import { cellText } from '../io/dataset.js';
import { readAnyDataset } from '../io/read-any.js';
import { XLSX_STREAM_BYTES } from './gazetteer.js';

/**
 * The records with geometry of an existing-name file (or a reference layer), a batch at a time, before any
 * transformation: CSV/TSV, GeoJSON and large XLSX streamed, a shapefile's shapes and .dbf read in step, other files
 * (KML, smaller XLSX) through the common readers. Records without a usable geometry are left out; `line` is the number the uniqueness
 * rules give the same entry (the physical line of a table, the feature number of a geometry file).
 */

export interface SourceRow {
  name: string;
  fields: RecordFields;
  line: number;
  /** In the file's CRS, or in the record's own (`crs`: a crs column or an EWKT SRID). */
  geometry: Geometry;
  crs?: string;
}

export interface RowSource {
  batches: AsyncIterable<SourceRow[]> | Iterable<SourceRow[]>;
  /** The rows left out for want of a usable geometry, as the batches are read. */
  unplaced: Unplaced;
  /** The CRS the file declares (.prj, a GeoJSON crs member), once the rows before it are read. */
  declared(): string | undefined;
  /** Hints for detection ('rfc7946': GeoJSON is lon/lat by specification). */
  hints: string[];
  close(): Promise<void>;
}

/**
 * The lines of rows without a usable geometry in a file that has geometry (built-up areas compare such names by
 * township): kept up to a cap, past which the file counts as one without geometry (a column mostly empty).
 */
export class Unplaced {
  static readonly CAP = 50_000;
  readonly lines = new Set<number>();
  /** More rows than the cap lack a geometry. */
  many = false;

  add(line: number): void {
    if (this.many) return;
    if (this.lines.size >= Unplaced.CAP) {
      this.many = true;
      this.lines.clear();
    } else this.lines.add(line);
  }
}

const TABLE = /\.(csv|tsv|txt)$/i;
const GEOJSON = /\.(geojson|geojsonl|geojsons|json)$/i;

/** The rows of `file` (encoding: for text files, after NotUtf8). `whole`: through the common readers. */
export async function geometryRows(file: string, opts: { encoding?: string; whole?: boolean; requireName: boolean; dbfEncoding?: string }): Promise<RowSource> {
  const none = async () => {};
  const unplaced = new Unplaced();
  if (!opts.whole && TABLE.test(file)) return { batches: tableRows(csvBatches(file, { encoding: opts.encoding }), unplaced), unplaced, declared: () => undefined, hints: [], close: none };
  if (!opts.whole && /\.xlsx$/i.test(file) && ((await stat(file).catch(() => undefined))?.size ?? 0) >= XLSX_STREAM_BYTES) {
    const { xlsxBatches } = await import('../io/readers/xlsx-stream.js');
    return { batches: tableRows(xlsxBatches(file), unplaced), unplaced, declared: () => undefined, hints: [], close: none };
  }
  if (!opts.whole && GEOJSON.test(file)) {
    const { geoJsonFeatureBatches } = await import('../io/readers/geojson-stream.js');
    const info: { crs?: string } = {};
    const features = geoJsonFeatureBatches(file, { encoding: opts.encoding }, info);
    return { batches: geoJsonRows(features, unplaced), unplaced, declared: () => info.crs, hints: ['rfc7946'], close: none };
  }
  const ext = extname(file).toLowerCase();
  if (!opts.whole && (ext === '.shp' || ext === '.zip')) return shapefileRows(file, opts.dbfEncoding, unplaced);
  return wholeRows(file, opts.requireName, opts.dbfEncoding, unplaced);
}

/**
 * The rows of a table (CSV/TSV, or a large .xlsx sheet) with a geometry source (WKT, GeoJSON, lon/lat or start/end
 * columns): the header among the first 10 rows. A table without one gives nothing, after those rows.
 */
async function* tableRows(records: AsyncIterable<CsvRecord[]>, unplaced: Unplaced): AsyncGenerator<SourceRow[]> {
  let keys: (FieldKey | undefined)[] | undefined;
  let looked = 0;
  for await (const batch of records) {
    const out: SourceRow[] = [];
    for (const rec of batch) {
      if (!keys) {
        keys = headerColumns(rec.cells)?.keys;
        if (!keys && ++looked >= 10) return;
        continue;
      }
      const fields: RecordFields = {};
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        const v = k && rec.cells[i]?.trim();
        if (k && v) fields[k] = v;
      }
      const g = geometryFromFields(fields).geometry;
      if (g?.geojson) out.push({ name: fields.name ?? '', fields, line: rec.line, geometry: g.geojson, crs: g.crs });
      else unplaced.add(rec.line);
    }
    if (out.length) yield out;
  }
}

/** GeoJSON features: properties through the table header aliases (once per set of keys), geometry checked and made 2D. */
async function* geoJsonRows(features: AsyncIterable<{ feature: { geometry: unknown; properties: Record<string, unknown> | null | undefined }; row: number }[]>, unplaced: Unplaced): AsyncGenerator<SourceRow[]> {
  const columnsOf = perKeySet((own): [string, FieldKey][] => [...fieldColumns(own)].map(([k, i]) => [own[i], k]));
  for await (const batch of features) {
    const out: SourceRow[] = [];
    for (const { feature, row } of batch) {
      const g = feature.geometry;
      if (g === null || g === undefined || geoJsonGeometryProblem(g)) {
        unplaced.add(row);
        continue;
      }
      const props = feature.properties ?? {};
      const fields: RecordFields = {};
      for (const [prop, k] of columnsOf(Object.keys(props))) {
        const v = cellText(props[prop]).trim();
        if (v) fields[k] = v;
      }
      out.push({ name: fields.name ?? '', fields, line: row, geometry: to2D(g as Geometry).geometry });
    }
    if (out.length) yield out;
  }
}

/** A shapefile: its shapes (the `shapefile` package, streamed) in step with its .dbf records; the CRS from the .prj. */
async function shapefileRows(file: string, dbfEncoding: string | undefined, unplaced: Unplaced): Promise<RowSource> {
  const { damagedShape, shapefileAttributes } = await import('../io/readers/shapefile.js');
  const dbf = await shapefileAttributes(file, { dbfEncoding });
  try {
    const declared = dbf.prj ? crsFromPrj(dbf.prj.text, dbf.prj.file).id : undefined;
    const cols = [...fieldColumns(dbf.headers)];
    const shapes = await dbf.shapes();
    async function* rows(): AsyncGenerator<SourceRow[]> {
      let n = 0;
      let shapesDone = false;
      for await (const batch of dbf.batches) {
        const out: SourceRow[] = [];
        for (const rec of batch) {
          // Fewer shapes than records: the records without one have no geometry.
          let shape: { done: boolean; value: unknown } = { done: true, value: undefined };
          try {
            if (!shapesDone) shape = await shapes.read();
          } catch (e) {
            throw damagedShape(file, n + 1, e);
          }
          n++;
          shapesDone = shape.done;
          const g = shape.value;
          if (shape.done || g === null || g === undefined || geoJsonGeometryProblem(g)) {
            unplaced.add(rec.line);
            continue;
          }
          const fields: RecordFields = {};
          for (const [k, i] of cols) if (rec.cells[i]) fields[k] = rec.cells[i];
          out.push({ name: fields.name ?? '', fields, line: rec.line, geometry: to2D(g as Geometry).geometry });
        }
        if (out.length) yield out;
      }
    }
    return { batches: rows(), unplaced, declared: () => declared, hints: [], close: dbf.close };
  } catch (e) {
    await dbf.close();
    throw e;
  }
}

/** Any other file (KML, XLSX, a single GeoJSON Feature): read whole by the common readers. */
async function wholeRows(file: string, requireName: boolean, dbfEncoding: string | undefined, unplaced: Unplaced): Promise<RowSource> {
  const ds = await readAnyDataset(file, { requireName, dbfEncoding, crs: /\.(shp|zip)$/i.test(file) ? 'auto' : undefined });
  attachTableGeometries(ds);
  const rows: SourceRow[] = [];
  for (const r of ds.records) {
    const g = r.geometry;
    if (!g?.geojson) {
      unplaced.add(r.line ?? r.row + 1);
      continue;
    }
    rows.push({ name: r.name, fields: r.fields, line: r.line ?? r.row + 1, geometry: g.geojson, crs: g.crs && g.crs !== ds.crs ? g.crs : undefined });
  }
  return { batches: [rows], unplaced, declared: () => ds.crs, hints: ds.hints ?? [], close: async () => {} };
}
