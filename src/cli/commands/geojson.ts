import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { toText } from '../../check/output/text.js';
import { inputError, usageError } from '../../core/errors.js';
import type { Dataset, FieldKey } from '../../core/record.js';
import { type Text, tr, txt } from '../../core/text.js';
import { DIVISION_CODE_YEAR } from '../../divisions/divisions.js';
import { layerFileList, loadLayers } from '../../check/layers.js';
import type { OutputFormat, RowFinding } from '../../geo/convert.js';
import { CGCS2000, type CrsInfo, OFFSET_NOTICE, crsInfo, parseCrsOption, parseTargetCrs } from '../../geo/crs.js';
import { findingsByRow, publishFeature } from '../../geo/publish.js';
import type { OutputFeature, WriteResult } from '../../geo/writers/common.js';
import { readAnyDataset } from '../../io/read-any.js';
import { assertNotInput } from '../../io/writers/atomic.js';
import type { EntityType } from '../../name/types.js';
import { RULES } from '../../rules/registry.js';
import { EXIT, VERSION } from '../main.js';
import { checkWithProgress, ruleFlags } from '../check-step.js';
import { numberOption } from '../options.js';
import { printNote } from '../report.js';

export interface GeoJsonCliOptions {
  output?: string;
  format?: OutputFormat;
  crs?: string;
  to?: string;
  precision?: string;
  boundaries?: string;
  /** --built-up: built-up-area polygons (scope builtUpArea). */
  builtUp?: string;
  profile: string[];
  rule: string[];
  gazetteer: string[];
  type?: EntityType;
  sheet?: string;
  encoding?: string;
  dbfEncoding?: string;
  /** --column: the column of names, when its header is not one the aliases know. */
  column?: string;
  /** false with --no-check. */
  check: boolean;
  skipErrors?: boolean;
  force?: boolean;
  verbose?: boolean;
  quiet?: boolean;
}

/** Findings listed on the terminal at most (a 20 000-row table with one error per row would flood it). */
const SHOWN_FINDINGS = 200;
const GEOMETRY_RULES = new Set(['geometry-invalid', 'geometry-outside', 'crs-suspect']);
const GEOMETRY_KEYS = new Set<FieldKey>(['geometry', 'lon', 'lat', 'start_lon', 'start_lat', 'end_lon', 'end_lat']);
const TABLE = /\.(csv|tsv|txt)$/i;

/** The output format named by a file extension. */
export function formatFromExtension(file: string | undefined): OutputFormat | undefined {
  if (!file || file === '-') return undefined;
  const ext = extname(file).toLowerCase();
  if (ext === '.geojson' || ext === '.json') return 'geojson';
  if (['.geojsons', '.geojsonl', '.geojsonseq', '.ndjson', '.jsonl'].includes(ext)) return 'geojsonseq';
  if (ext === '.shp') return 'shp';
  if (ext === '.kml') return 'kml';
  return undefined;
}

/** Local time with its UTC offset (2024-03-01T10:00:00+08:00); SOURCE_DATE_EPOCH pins it for reproducible builds. */
export function generatedAt(now = new Date()): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const d = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  const off = -d.getTimezoneOffset();
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const local = new Date(d.getTime() + off * 60000).toISOString().slice(0, 19);
  return `${local}${off >= 0 ? '+' : '-'}${pad(off / 60)}:${pad(off % 60)}`;
}

export async function runGeoJsonCommand(file: string, o: GeoJsonCliOptions): Promise<number> {
  // Usage problems first: nothing is read or written before the command line is right.
  if (o.force && o.skipErrors) {
    throw usageError(txt('--force 和 --skip-errors 只能选一个', '--force and --skip-errors cannot be combined'), txt('--skip-errors 只写出没有错误的记录；--force 全部写出。', '--skip-errors writes the records without errors; --force writes all.'));
  }
  if (!o.check && (o.profile.length || o.rule.length || o.gazetteer.length || o.builtUp)) {
    throw usageError(txt('--no-check 不审查名称，不能与 --profile、--rule、--gazetteer、--built-up 同时使用', '--no-check does not check names; it cannot be combined with --profile, --rule, --gazetteer or --built-up'));
  }
  const format: OutputFormat = o.format ?? formatFromExtension(o.output) ?? 'geojson';
  const precision = o.precision === undefined ? 7 : numberOption('--precision', o.precision, 1, 7, true);
  if (o.crs) parseCrsOption(o.crs);
  const target = o.to ? parseTargetCrs(o.to) : crsInfo(CGCS2000);
  const toStdout = !o.output || o.output === '-';
  if (toStdout && format === 'shp') {
    throw usageError(txt('Shapefile 由多个文件组成，不能输出到屏幕', 'a Shapefile is several files and cannot go to standard output'), txt('请用 -o 指定 .shp 文件名，如 -o 道路.shp。', 'Name the .shp file with -o, e.g. -o roads.shp.'));
  }
  const layers = { gazetteers: o.gazetteer, boundaries: o.boundaries, builtUp: o.builtUp, dbfEncoding: o.dbfEncoding };
  const inputs = [file, ...layerFileList(layers)];
  if (!toStdout) assertNotInput(o.output!, inputs);
  const rules = ruleFlags(o.rule);
  const preview = target.kind === 'gcj02' || target.kind === 'bd09';
  if (preview) process.stderr.write(`${tr(OFFSET_NOTICE)}\n`);

  // The streaming conversion maps the table's own headers; a --column table takes the general path.
  if (!o.check && TABLE.test(file) && !o.boundaries && !o.sheet && o.column === undefined) return fastPath(file, o, format, precision, target, toStdout);

  const ds = await readAnyDataset(file, { sheet: o.sheet, encoding: o.encoding, crs: o.crs, dbfEncoding: o.dbfEncoding, column: o.column, columnOption: true });
  for (const n of ds.notes) printNote(tr(n));
  if (!hasGeometrySource(ds)) {
    throw inputError(
      txt('输入中没有几何，无法生成上图数据', 'the input has no geometry, so no map data can be written'),
      { file },
      txt(
        '表格需要几何列（WKT，表头如「WKT」「几何」「坐标」）、「经度」「纬度」列，或「起点经度」「起点纬度」「止点经度」「止点纬度」列；也可以直接给 GeoJSON、Shapefile 或 KML。只审查名称请用 diming check。',
        'A table needs a geometry column (WKT; headers such as wkt/geometry), lon/lat columns, or start_lon/start_lat/end_lon/end_lat columns; or give a GeoJSON, Shapefile or KML. To check names only, use diming check.',
      ),
    );
  }
  const { boundaries, builtUp } = await loadLayers(layers);
  if (!o.check) for (const id of RULES.keys()) if (!GEOMETRY_RULES.has(id)) rules.set(id, 'off');
  const result = await checkWithProgress(ds, o, rules, { boundaries, builtUp, requireGeometry: true, dbfEncoding: o.dbfEncoding });
  let shown = o.check ? result : { ...result, notes: result.notes.filter((n) => !n.zh.startsWith('未提供已有地名')) };
  // The terminal gets the first findings; all of them are in the features' validation property (and diming check).
  const visible = shown.findings.filter((f) => o.verbose || f.severity !== 'info');
  if (visible.length > SHOWN_FINDINGS) {
    shown = {
      ...shown,
      findings: visible.slice(0, SHOWN_FINDINGS),
      notes: [txt(`只列出前 ${SHOWN_FINDINGS} 条（共 ${visible.length} 条）；全部审查结果见 diming check，写出的要素也带有各自的 validation 属性`, `only the first ${SHOWN_FINDINGS} of ${visible.length} findings are listed; see diming check for all (written features carry their own validation property)`), ...shown.notes],
    };
  }
  const s = result.summary;
  if (s.errors || s.warnings || (o.verbose && s.infos)) process.stderr.write(toText(shown, Boolean(o.verbose)));
  else for (const n of shown.notes) printNote(tr(n));

  const byRow = findingsByRow(result.findings);
  const errorRows = new Set(result.findings.filter((f) => f.severity === 'error').map((f) => f.row));
  const dest = toStdout ? undefined : o.output!;
  if (errorRows.size && !o.force && !o.skipErrors) {
    process.stderr.write(tr(refusal(errorRows.size, dest)));
    return EXIT.findings;
  }
  const records = o.skipErrors ? result.records.filter((r) => !errorRows.has(r.row)) : result.records;
  if (!records.length) {
    process.stderr.write(tr(txt(`\n所有记录都有“错误”级别的问题，没有可写出的要素，未生成${dest ?? '输出'}。\n`, `\nEvery record has error-severity findings: nothing to write${dest ? `; ${dest} was not written` : ''}.\n`)));
    return EXIT.findings;
  }
  const features: OutputFeature[] = records.map((r) => publishFeature(r, byRow.get(r.row) ?? [], { geometryOnly: !o.check }));
  if (preview) await toPreview(features, target);
  const profileName = result.profiles.length > 1 ? `auto (${result.profiles[0].name} …)` : result.profiles[0].name;
  const meta: Record<string, unknown> = {
    version: VERSION,
    ...(o.check ? { profile: profileName } : {}),
    sourceCrs: result.geometry?.crs ?? null,
    divisionCodeYear: DIVISION_CODE_YEAR,
    generated: generatedAt(),
    ...(o.check ? { checked: { rows: s.rows, errors: s.errors, warnings: s.warnings, infos: s.infos } } : { checked: false }),
  };
  const written = await writeOut(format, dest, features, { precision, crs: target, meta, name: basename(file, extname(file)) });
  if (!o.quiet) {
    for (const n of written.notes) printNote(tr(n));
    process.stderr.write(tr(summaryLine(written.features, format, dest, o.skipErrors ? errorRows.size : 0, o.force ? errorRows.size : 0)));
  }
  return errorRows.size ? EXIT.findings : EXIT.ok;
}

/** The input names a geometry: geometry files carry one per feature; tables need a WKT/coordinate column. */
function hasGeometrySource(ds: Dataset): boolean {
  return ds.records.some((r) => r.geometry) || ds.columns.some((c) => c.key !== undefined && GEOMETRY_KEYS.has(c.key));
}

function refusal(rows: number, dest: string | undefined): Text {
  const where = dest ? `，未生成 ${dest}` : '，未输出任何数据';
  const whereEn = dest ? `; ${dest} was not written` : '; nothing was written';
  return txt(
    `\n${rows} 条记录有“错误”级别的问题（见上表）${where}。请修正后重新导出；也可以用 --skip-errors 只写出没有错误的记录，或用 --force 全部写出（审查结果写在每个要素的 validation 属性中）。\n`,
    `\n${rows} records have error-severity findings (see above)${whereEn}. Fix them and export again; or use --skip-errors to write only the records without errors, or --force to write all (findings in each feature's validation property).\n`,
  );
}

function summaryLine(n: number, format: OutputFormat, dest: string | undefined, skipped: number, forced: number): Text {
  const label = { geojson: 'GeoJSON', geojsonseq: 'GeoJSONSeq', shp: 'Shapefile', kml: 'KML' }[format];
  const to = dest ?? '标准输出';
  return txt(
    `已写出 ${n} 个要素到 ${to}（${label}）${skipped ? `；${skipped} 条有错误的记录未写出` : ''}${forced ? `；其中 ${forced} 条有错误（--force）` : ''}。\n`,
    `${n} features written to ${dest ?? 'standard output'} (${label})${skipped ? `; ${skipped} records with errors left out` : ''}${forced ? `; ${forced} of them with errors (--force)` : ''}.\n`,
  );
}

/** GCJ-02/BD-09 previews: CGCS2000 lon/lat → the offset system (the writers label the output as a preview). */
async function toPreview(features: OutputFeature[], target: CrsInfo): Promise<void> {
  const { createTransformer } = await import('../../geo/transform.js');
  const t = await createTransformer(CGCS2000, target);
  for (const f of features) if (f.geometry) f.geometry = t.geometry(f.geometry);
}

interface WriteOpts {
  precision: number;
  crs: CrsInfo;
  meta: Record<string, unknown>;
  name: string;
}

async function writeFormat(format: OutputFormat, target: string, features: OutputFeature[] | AsyncIterable<OutputFeature[]>, w: WriteOpts): Promise<WriteResult> {
  switch (format) {
    case 'geojson':
      return (await import('../../geo/writers/geojson.js')).writeGeoJson(target, features, w);
    case 'geojsonseq':
      return (await import('../../geo/writers/geojson.js')).writeGeoJsonSeq(target, features, w);
    case 'kml':
      return (await import('../../geo/writers/kml.js')).writeKml(target, features, w);
    case 'shp':
      return (await import('../../geo/writers/shapefile.js')).writeShapefile(target, features, w);
  }
}

/** Write to the file (atomically), or to a temporary file that is then copied to standard output. */
async function writeOut(format: OutputFormat, dest: string | undefined, features: OutputFeature[], w: WriteOpts): Promise<WriteResult> {
  if (dest) return writeFormat(format, dest, features, w);
  return viaTemp(format, (tmp) => writeFormat(format, tmp, features, w));
}

async function viaTemp<R>(format: OutputFormat, write: (tmp: string) => Promise<R>): Promise<R> {
  const dir = await mkdtemp(join(tmpdir(), 'diming-geojson-'));
  try {
    const tmp = join(dir, `out.${format === 'geojsonseq' ? 'geojsons' : format}`);
    const r = await write(tmp);
    for await (const chunk of createReadStream(tmp)) {
      await new Promise<void>((res, rej) => process.stdout.write(chunk as Buffer, (err) => (err ? rej(err) : res())));
    }
    return r;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// --no-check on a CSV/TSV table: the streaming conversion (constant memory, for tables of any size)

async function fastPath(file: string, o: GeoJsonCliOptions, format: OutputFormat, precision: number, target: CrsInfo, toStdout: boolean): Promise<number> {
  const { RowErrors, convertTable } = await import('../../geo/convert.js');
  const meta = { version: VERSION, divisionCodeYear: DIVISION_CODE_YEAR, generated: generatedAt(), checked: false };
  const dest = toStdout ? undefined : o.output!;
  const opts = {
    format,
    crs: o.crs,
    to: target.id,
    precision,
    encoding: o.encoding,
    onInvalid: 'skip' as const,
    dropOutside: Boolean(o.skipErrors),
    refuseErrors: !o.force && !o.skipErrors,
    meta,
  };
  try {
    const r = dest ? await convertTable(file, dest, opts) : await viaTemp(format, (tmp) => convertTable(file, tmp, opts));
    if (r.detection) reportDetection(r.detection.reasons, r.detection.suspicions.map((x) => x.message));
    if (r.sourceCrs && ['gcj02', 'bd09'].includes(crsInfo(r.sourceCrs).kind) && target.kind !== 'gcj02' && target.kind !== 'bd09') process.stderr.write(`${tr(OFFSET_NOTICE)}\n`);
    printRowFindings(r.findings, r.errorRows);
    if (!o.quiet) {
      for (const n of r.notes) printNote(tr(n));
      process.stderr.write(tr(summaryLine(r.features, format, dest, o.skipErrors ? r.errorRows : 0, o.force ? r.errorRows : 0)));
    }
    return r.errorRows ? EXIT.findings : EXIT.ok;
  } catch (e) {
    if (!(e instanceof RowErrors)) throw e;
    if (e.detection) reportDetection(e.detection.reasons, e.detection.suspicions.map((x) => x.message));
    printRowFindings(e.findings, e.rows);
    process.stderr.write(tr(refusal(e.rows, dest)));
    return EXIT.findings;
  }
}

function reportDetection(reasons: Text[], suspicions: Text[]): void {
  if (reasons.length) printNote(tr(txt(`坐标系：${reasons.map((r) => r.zh).join('；')}`, `coordinate system: ${reasons.map((r) => r.en).join('; ')}`)));
  for (const s of suspicions) process.stderr.write(`${tr(txt('警告', 'warning'))} crs-suspect：${tr(s)}\n`);
}

const SHOWN_ROWS = 50;

function printRowFindings(findings: readonly RowFinding[], errorRows: number): void {
  for (const f of findings.slice(0, SHOWN_ROWS)) {
    const hard = f.problems.some((p) => !p.soft);
    const level = tr(hard ? txt('错误', 'error') : txt('警告', 'warning'));
    process.stderr.write(`${tr(txt(`第 ${f.row} 行`, `row ${f.row}`))}  ${level}  ${f.rule}  ${f.problems.map((p) => tr(p.message)).join(tr(txt('；', '; ')))}\n`);
  }
  if (findings.length > SHOWN_ROWS) {
    process.stderr.write(tr(txt(`……另有 ${findings.length - SHOWN_ROWS} 行有问题未列出（共 ${errorRows} 行有错误）\n`, `… ${findings.length - SHOWN_ROWS} more rows with findings not shown (${errorRows} rows with errors)\n`)));
  }
}
