import type { Position } from 'geojson';
import { inputError } from '../core/errors.js';
import { type Text, txt } from '../core/text.js';
import type { TextEncoding } from '../io/encoding.js';
import { CGCS2000, type CrsInfo, crsInfo } from './crs.js';
import { NotUtf8 } from '../io/text-chunks.js';
import { type CsvRecord, csvBatches } from './csvstream.js';
import { type Detection, detectCrs } from './detect.js';
import { geometryFromFields } from './fields.js';
import { eachPosition } from './geometry.js';
import { type RowFinding, type RowPlan, RowConverter, headerColumns } from './rows.js';
import type { OutputFeature, WriteResult } from './writers/common.js';

export type { RowFinding } from './rows.js';

/**
 * Streaming conversion of a coordinate table (CSV/TSV with a WKT/GeoJSON/coordinate column, or lon/lat or start/end
 * columns) to GeoJSON, GeoJSONSeq, KML or Shapefile in constant memory: rows are read, transformed to CGCS2000
 * lon/lat, checked (geometry-invalid → skipped and reported; geometry-outside → reported), given derived attributes
 * and written feature by feature. The CRS comes from --crs, a row's crs column/SRID, or detection over the first
 * rows. (Worker threads were measured and dropped: on 2 cores the structured-clone traffic cost more CPU than the
 * second thread saved, and RSS rose to ~480 MB.)
 * Used by `diming geojson` on large tables and by bench/geo.mjs.
 */

export type OutputFormat = 'geojson' | 'geojsonseq' | 'kml' | 'shp';

export interface ConvertOptions {
  format: OutputFormat;
  /** Source CRS: an id, or 'auto' (default). A row's crs column or EWKT SRID takes precedence. */
  crs?: string;
  /** Output CRS (default EPSG:4490); gcj02/bd09 write labelled previews. */
  to?: string;
  precision?: number;
  encoding?: string;
  delimiter?: string;
  /** Add length_m (when the table has none), length_source and orientation (default true). */
  derive?: boolean;
  /** A row with an unusable geometry: skip it and report (default), or stop with an error. */
  onInvalid?: 'skip' | 'error';
  /** Leave out rows outside China as well (written with a geometry-outside finding by default). */
  dropOutside?: boolean;
  /**
   * Write nothing when any row has an error-severity geometry finding (unusable, outside China): the partial output
   * is removed and `RowErrors` is thrown with the findings (diming geojson's default).
   */
  refuseErrors?: boolean;
  /** Rows looked at for CRS detection (default 2000). */
  detectRows?: number;
  /** Metadata for the GeoJSON `diming` member. */
  meta?: Record<string, unknown>;
}

export interface ConvertResult extends WriteResult {
  /** Rows not written (geometry-invalid) and rows written with geometry-outside findings (first 10 000). */
  findings: RowFinding[];
  skipped: number;
  /** Rows with an error-severity finding (skipped as unusable, or outside China). */
  errorRows: number;
  /** CRS decision over the first rows, with reasons and crs-suspect findings. */
  detection?: Detection;
  sourceCrs?: string;
  encoding?: string;
}

/** Rows with error-severity geometry findings stopped a conversion with `refuseErrors`: nothing was written. */
export class RowErrors extends Error {
  constructor(
    readonly findings: RowFinding[],
    readonly rows: number,
    readonly detection: Detection | undefined,
    readonly sourceCrs: string | undefined,
  ) {
    super(`${rows} rows with geometry errors`);
    this.name = 'RowErrors';
  }
}

export async function convertTable(input: string, output: string, opts: ConvertOptions): Promise<ConvertResult> {
  try {
    return await convertOnce(input, output, opts, opts.encoding);
  } catch (e) {
    if (e instanceof NotUtf8) return convertOnce(input, output, opts, 'gb18030');
    throw e;
  }
}

async function convertOnce(input: string, output: string, opts: ConvertOptions, encoding: string | undefined): Promise<ConvertResult> {
  const info: { encoding?: TextEncoding } = {};
  const batchIt = csvBatches(input, { encoding, delimiter: opts.delimiter }, info)[Symbol.asyncIterator]();
  // Record-at-a-time view for the header and detection rows; the bulk is processed per batch.
  let pendingRecs: CsvRecord[] = [];
  let pi = 0;
  const it = {
    async next(): Promise<IteratorResult<CsvRecord, undefined>> {
      while (pi >= pendingRecs.length) {
        const b = await batchIt.next();
        if (b.done) return { done: true, value: undefined };
        pendingRecs = b.value;
        pi = 0;
      }
      return { done: false, value: pendingRecs[pi++] };
    },
    return: () => batchIt.return(undefined),
  };

  // Header: the first of the first 10 rows that names a geometry source.
  let cols: ReturnType<typeof headerColumns>;
  let headerLine = 0;
  for (let i = 0; !cols && i < 10; i++) {
    const r = await it.next();
    if (r.done) break;
    cols = headerColumns(r.value.cells);
    headerLine = r.value.line;
  }
  if (!cols) {
    await it.return();
    throw inputError(
      txt('前 10 行中找不到几何列（WKT/坐标、经度纬度或起止点坐标）', 'no geometry columns (WKT/coordinates, lon/lat or start/end coordinates) in the first 10 rows'),
      { file: input },
      txt('请把几何列的表头写成「wkt」「几何」「坐标」，或「经度」「纬度」，或「起点经度」「起点纬度」「止点经度」「止点纬度」。', 'Name the geometry column wkt/geometry, or use lon/lat, or start_lon/start_lat/end_lon/end_lat columns.'),
    );
  }
  const explicit = opts.crs && opts.crs.trim().toLowerCase() !== 'auto' ? crsInfo(opts.crs) : undefined;
  const target = crsInfo(opts.to ?? CGCS2000);
  const plan: RowPlan = {
    file: input,
    headers: cols.headers,
    keys: cols.keys,
    headerLine,
    swapped: false,
    target: target.id,
    derive: opts.derive !== false,
    onInvalid: opts.onInvalid ?? 'skip',
    dropOutside: opts.dropOutside,
  };

  // CRS: buffer the first rows for detection (also with an explicit CRS, for crs-suspect).
  const probe = new RowConverter(plan);
  const early: CsvRecord[] = [];
  const sample: Position[] = [];
  const detectRows = opts.detectRows ?? 2000;
  while (early.length < detectRows) {
    const r = await it.next();
    if (r.done) break;
    early.push(r.value);
    const row = probe.toRow(r.value);
    const g = row && geometryFromFields(row.fields).geometry;
    if (g?.geojson && !g.crs && sample.length < 5000) eachPosition(g.geojson, (p) => void sample.push(p));
  }
  let detection: Detection | undefined;
  let sourceCrs: CrsInfo | undefined = explicit;
  if (sample.length) {
    detection = detectCrs(sample, { declared: explicit, names: [input, ...cols.headers] });
    plan.swapped = detection.swapped;
    if (!explicit) {
      if (!detection.crs) {
        await it.return();
        throw inputError(
          txt(`无法判断坐标系：${detection.reasons.map((r) => r.zh).join('；')}`, `cannot tell the coordinate system: ${detection.reasons.map((r) => r.en).join('; ')}`),
          { file: input },
          txt('请用 --crs 指定，例如 --crs EPSG:4528（CGCS2000 3 度带第 40 带）或 --crs EPSG:4490。', 'Give it with --crs, e.g. --crs EPSG:4528 (CGCS2000 3° zone 40) or --crs EPSG:4490.'),
        );
      }
      sourceCrs = crsInfo(detection.crs);
    }
  }
  plan.sourceCrs = sourceCrs?.id;

  const writeOpts = { precision: opts.precision, crs: target, meta: { ...opts.meta, sourceCrs: sourceCrs?.id } };
  const conv = new RowConverter(plan);
  const convertAll = (recs: CsvRecord[], from: number, out: OutputFeature[]): Promise<void> | undefined => {
    for (let i = from; i < recs.length; i++) {
      const row = conv.toRow(recs[i]);
      if (!row) continue;
      const f = conv.feature(row);
      if (f instanceof Promise) {
        return f.then((v) => {
          if (v) out.push(v);
          return convertAll(recs, i + 1, out);
        });
      }
      if (f) out.push(f);
    }
    return undefined;
  };
  // One batch of features per read chunk: one await per batch, and short-lived objects (cheap garbage collection).
  const features = async function* (): AsyncGenerator<OutputFeature[]> {
    const run = async (recs: CsvRecord[], from: number) => {
      const out: OutputFeature[] = [];
      await convertAll(recs, from, out);
      return out;
    };
    try {
      yield await run(early, 0);
      early.length = 0;
      yield await run(pendingRecs, pi);
      pendingRecs = [];
      for (;;) {
        const b = await batchIt.next();
        if (b.done) break;
        yield await run(b.value, 0);
      }
      // Thrown into the writer, which removes what it wrote.
      if (opts.refuseErrors && conv.errorRows) throw new RowErrors(conv.findings, conv.errorRows, detection, sourceCrs?.id);
    } finally {
      await batchIt.return(undefined); // closes the input when the writer stops early
    }
  };
  const result = await writeFormat(opts.format, output, features(), writeOpts);
  const notes: Text[] = [...result.notes];
  if (conv.skipped) {
    notes.push(opts.dropOutside
      ? txt(`${conv.skipped} 行的几何不可用或在中国范围之外，未写出（见 geometry-invalid、geometry-outside）`, `${conv.skipped} rows with unusable geometry or outside China were not written (see geometry-invalid, geometry-outside)`)
      : txt(`${conv.skipped} 行的几何不可用，未写出（见 geometry-invalid）`, `${conv.skipped} rows with unusable geometry were not written (see geometry-invalid)`));
  }
  return { ...result, notes, findings: conv.findings, skipped: conv.skipped, errorRows: conv.errorRows, detection, sourceCrs: sourceCrs?.id, encoding: info.encoding };
}

async function writeFormat(format: OutputFormat, output: string, features: AsyncIterable<OutputFeature[]>, writeOpts: { precision?: number; crs: CrsInfo; meta: Record<string, unknown> }): Promise<WriteResult> {
  switch (format) {
    case 'geojson':
      return (await import('./writers/geojson.js')).writeGeoJson(output, features, writeOpts);
    case 'geojsonseq':
      return (await import('./writers/geojson.js')).writeGeoJsonSeq(output, features, writeOpts);
    case 'kml':
      return (await import('./writers/kml.js')).writeKml(output, features, writeOpts);
    case 'shp':
      return (await import('./writers/shapefile.js')).writeShapefile(output, features, writeOpts);
  }
}
