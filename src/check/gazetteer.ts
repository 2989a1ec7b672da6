import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { xlsxBatches } from '../io/readers/xlsx-stream.js';
import { inputError } from '../core/errors.js';
import type { FieldKey, RecordFields } from '../core/record.js';
import { txt } from '../core/text.js';
import { normalizeAdminCode } from '../divisions/region.js';
import { fieldColumns, matchHeader, perKeySet } from '../io/columns.js';
import { cellText, noNameColumn } from '../io/dataset.js';
import { readAnyDataset } from '../io/read-any.js';
import { type CsvRecord, csvBatches } from '../geo/csvstream.js';
import { NotUtf8 } from '../io/text-chunks.js';
import { normalizeName } from '../name/normalize.js';
import type { AdminResolver } from './admin.js';
import { ExistingNames } from './existing.js';

/**
 * The admin-code prefixes the batch needs: an existing name is kept only when its code starts with one of them,
 * so memory does not grow with gazetteer rows in other scopes.
 */
export class ScopeNeeds {
  readonly prefixes = new Set<string>();
  readonly lengths = new Set<number>();
  /** Some batch records have no area at all: they are compared with every existing name. */
  everything = false;

  add(prefix: string | undefined): void {
    if (!prefix) {
      this.everything = true;
      return;
    }
    this.prefixes.add(prefix);
    this.lengths.add(prefix.length);
    this.areas = undefined;
  }

  /** The needs as plain data (for another thread), and back. */
  toData(): ScopeNeedsData {
    return { prefixes: [...this.prefixes], everything: this.everything };
  }

  static fromData(d: ScopeNeedsData): ScopeNeeds {
    const n = new ScopeNeeds();
    for (const p of d.prefixes) n.add(p);
    n.everything = d.everything;
    return n;
  }

  covers(code: string | undefined): boolean {
    if (this.everything) return true;
    if (!code) return false;
    for (const len of this.lengths) if (code.length >= len && this.prefixes.has(code.slice(0, len))) return true;
    // A name placed only in a larger area (a county's list without townships) may lie in a scope of the batch: it is
    // compared with every scope inside its area (uniqueness.ts).
    return (this.areas ??= this.enclosingAreas()).has(code);
  }

  private areas: Set<string> | undefined;

  /** The codes of the provinces, cities, counties and townships that hold a needed scope. */
  private enclosingAreas(): Set<string> {
    const out = new Set<string>();
    for (const p of this.prefixes) for (const len of [2, 4, 6, 9]) if (len < p.length) out.add(p.slice(0, len));
    return out;
  }
}

export interface ScopeNeedsData {
  prefixes: string[];
  everything: boolean;
}

/** Existing names without an area kept per file (each is compared with every scope of the batch). */
export const NO_AREA_LIMIT = 100_000;

/** Type texts repeat (道路, 村庄 …): one string each, not millions. */
const interned = new Map<string, string>();
function intern(s: string): string {
  let v = interned.get(s);
  if (v === undefined) {
    if (interned.size > 1000) return s;
    interned.set(s, (v = s));
  }
  return v;
}

const AREA_KEYS: FieldKey[] = ['admin_code', 'admin_path', 'province', 'city', 'county', 'township', 'village'];

export interface GazetteerStats {
  file: string;
  read: number;
  kept: number;
  /** Rows without any administrative area: they cannot be placed in a scope. */
  noArea: number;
  /** Of those, the ones kept to be compared with every scope of the batch (up to NO_AREA_LIMIT per file). */
  noAreaKept: number;
  /** Rows whose area names several divisions, none of them the batch's (大王镇 of another province): not compared. */
  elsewhere: number;
}

/** One row of an existing-name file, by column position. */
interface RowReader {
  name: number;
  code: number;
  type: number;
  /** Other area columns (path, names), used only when there is no code. */
  area: { key: FieldKey; index: number }[];
}

/**
 * A workbook this large (about 150,000 rows) is streamed: loaded whole it would cost over 300 MB, a 1,048,576-row
 * sheet 2.5 GB. Smaller ones are loaded, so that merged area cells are filled down (streaming cannot see merges).
 */
export const XLSX_STREAM_BYTES = 5 * 1024 * 1024;

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // the reader reports the missing file
  }
}

/**
 * Read existing standard names (--gazetteer, repeatable): CSV/TSV, GeoJSON, Shapefile attributes and large XLSX streamed
 * in constant memory; smaller XLSX and KML through the common readers (which hold the whole file). Column aliases as for proposal tables, plus the 国家地名信息库 field names.
 */
export async function loadGazetteers(
  files: readonly string[],
  needs: ScopeNeeds,
  resolver: AdminResolver,
  into = new ExistingNames(),
  /** dbfEncoding: --dbf-encoding, the code page of shapefile registers (as for the batch's own shapefile). */
  opts: { xlsxStreamBytes?: number; dbfEncoding?: string } = {},
): Promise<{ existing: ExistingNames; stats: GazetteerStats[] }> {
  const stats: GazetteerStats[] = [];
  for (const file of files) {
    const fileIdx = into.addFile(file);
    const st: GazetteerStats = { file, read: 0, kept: 0, noArea: 0, noAreaKept: 0, elsewhere: 0 };
    const ext = extname(file).toLowerCase();
    if (CSV_EXTENSIONS.has(ext)) {
      await streamCsv(file, needs, resolver, into, fileIdx, st);
    } else if (ext === '.xlsx' && sizeOf(file) >= (opts.xlsxStreamBytes ?? XLSX_STREAM_BYTES)) {
      await streamRows(file, xlsxBatches(file), needs, resolver, into, fileIdx, st);
    } else if (GEOJSON_EXTENSIONS.has(ext)) {
      await streamGeoJson(file, needs, resolver, into, fileIdx, st);
    } else if (ext === '.shp' || ext === '.zip') {
      await streamShapefile(file, needs, resolver, into, fileIdx, st, opts.dbfEncoding);
    } else {
      await readWhole(file, needs, resolver, into, fileIdx, st, opts.dbfEncoding);
    }
    stats.push(st);
  }
  into.sortByScope();
  return { existing: into, stats };
}

/** A bracketed note that ends a register's name, after NFKC (full-width brackets are half-width by then). */
const TRAILING_NOTE_RE = /^(.+?)[([【〔][^()[\]【】〔〕]*[)\]】〕]$/u;

/**
 * Registers add notes in brackets to names (幸福路（东段）, 幸福路（原名胜利路）): the name compared is the part before
 * the note, so that 幸福路 proposed beside 幸福路（东段） is a duplicate. The message shows the name as written.
 */
export function withoutTrailingNote(full: string): string {
  if (!full.endsWith(')') && !full.endsWith(']') && !full.endsWith('】') && !full.endsWith('〕')) return full;
  const m = TRAILING_NOTE_RE.exec(full);
  return m ? m[1] : full;
}

function keepRow(
  name: string,
  rawCode: string | undefined,
  type: string | undefined,
  fields: RecordFields | undefined,
  line: number,
  needs: ScopeNeeds,
  resolver: AdminResolver,
  into: ExistingNames,
  fileIdx: number,
  st: GazetteerStats,
): void {
  st.read++;
  const full = withoutTrailingNote(normalizeName(name.trim()));
  if (!full) return;
  let code = rawCode ? normalizeAdminCode(rawCode) : undefined;
  if (!code && fields && AREA_KEYS.some((k) => fields[k])) {
    const info = resolver.resolve(fields);
    code = info.code;
    if (!code && info.issue?.codes) {
      // A township named without its county (大王镇 is in several provinces): the batch's own areas decide. None of
      // them: the name lies elsewhere and is not compared; several: it stays without an area.
      const mine = info.issue.codes.filter((c) => needs.covers(c));
      if (!mine.length) {
        st.elsewhere++;
        return;
      }
      if (mine.length === 1) code = mine[0];
    }
  }
  if (!code && !needs.everything) {
    // A list without areas (a township's own names, say) is still compared, with every scope of the batch, as long
    // as it is not a huge file that lacks the column.
    st.noArea++;
    if (st.noAreaKept >= NO_AREA_LIMIT) return;
    st.noAreaKept++;
  } else {
    if (!needs.covers(code)) return;
    st.kept++;
  }
  into.add(name, full, code, type ? intern(type) : undefined, fileIdx, line);
}

/**
 * Stream a CSV of existing names: header among the first 10 records, then one row at a time. A file that turns out not
 * to be UTF-8 is read again as GB18030; rows are kept only when the whole read succeeds, so none is counted twice.
 */
async function streamCsv(file: string, needs: ScopeNeeds, resolver: AdminResolver, into: ExistingNames, fileIdx: number, st: GazetteerStats): Promise<void> {
  await inEachEncoding(file, (encoding) => streamRows(file, csvBatches(file, { encoding }), needs, resolver, into, fileIdx, st), restarter(into, st));
}

/** Forget what a file's reading has kept so far (to read it again in another encoding, or another way). */
function restarter(into: ExistingNames, st: GazetteerStats): () => void {
  const start = into.size;
  return () => {
    into.truncate(start);
    st.read = st.kept = st.noArea = st.noAreaKept = st.elsewhere = 0;
  };
}

/** Keep the rows of a table file (streamOnce) that the batch needs. */
function streamRows(file: string, batches: AsyncIterable<CsvRecord[]>, needs: ScopeNeeds, resolver: AdminResolver, into: ExistingNames, fileIdx: number, st: GazetteerStats): Promise<void> {
  return streamOnce(file, batches, (cells, r, line) => keepCells(cells, r, line, file, needs, resolver, into, fileIdx, st));
}

/** One row of cells under a known header: kept (keepRow) when it has a name. */
function keepCells(cells: readonly string[], r: RowReader, line: number, file: string, needs: ScopeNeeds, resolver: AdminResolver, into: ExistingNames, fileIdx: number, st: GazetteerStats): void {
  const name = cells[r.name];
  if (!name) return;
  if (name.length > 32767) {
    // Excel's cell limit, as for proposal tables: a damaged file (lost quotes or line ends), not a name.
    throw inputError(
      txt(`名称单元格有 ${name.length} 个字符，超过单元格的上限 32767 个字符`, `the name cell has ${name.length} characters, more than the 32767 a cell can hold`),
      { file, line },
      txt('文件可能已损坏（如引号或换行符丢失）；请检查该行，或重新导出文件。', 'The file may be damaged (lost quotes or line ends); check that row or export the file again.'),
    );
  }
  let code = r.code >= 0 ? cells[r.code] : undefined;
  let fields: RecordFields | undefined;
  if (code && !/\d/.test(code)) {
    // A code column holding names (行政区划: 广饶县大王镇): resolved as a path, as for proposal tables.
    fields = { admin_code: code };
    code = undefined;
  }
  if (r.area.length && !code) {
    fields ??= {};
    for (const a of r.area) if (cells[a.index]) fields[a.key] = cells[a.index];
  }
  keepRow(name, code, r.type >= 0 ? cells[r.type] : undefined, fields, line, needs, resolver, into, fileIdx, st);
}

/**
 * Keep the features of a GeoJSON file that the batch needs, streamed (geoJsonFeatureBatches). Properties are matched
 * as a table's header, once for each set of keys. A root that is not a FeatureCollection is read whole.
 */
async function streamGeoJson(file: string, needs: ScopeNeeds, resolver: AdminResolver, into: ExistingNames, fileIdx: number, st: GazetteerStats): Promise<void> {
  const restart = restarter(into, st);
  const { geoJsonFeatureBatches, NotACollection } = await import('../io/readers/geojson-stream.js');
  try {
    await inEachEncoding(file, async (encoding) => {
      const keys = new Set<string>();
      let features = 0;
      let named = false;
      const readerOf = perKeySet((own) => {
        const r = rowReader(own);
        named ||= r.name >= 0;
        for (const k of own) if (keys.size <= 30) keys.add(k);
        return r;
      });
      for await (const batch of geoJsonFeatureBatches(file, { encoding })) {
        for (const { feature, row } of batch) {
          features++;
          const props = feature.properties;
          if (!props) continue;
          const own = Object.keys(props);
          const r = readerOf(own);
          if (r.name < 0) continue;
          keepCells(own.map((k) => cellText(props[k])), r, row, file, needs, resolver, into, fileIdx, st);
        }
      }
      if (!features) throw inputError(txt('文件中没有要素', 'the file contains no features'), { file }, txt('请检查 --gazetteer 是否选错了文件。', 'Check that --gazetteer names the right file.'));
      if (!named) throw noNameColumn({ file }, [...keys]);
    }, restart);
  } catch (e) {
    if (!(e instanceof NotACollection)) throw e;
    restart();
    await readWhole(file, needs, resolver, into, fileIdx, st);
  }
}

/** Keep the records of a shapefile's .dbf that the batch needs, read a batch at a time; the shapes are not read. */
async function streamShapefile(file: string, needs: ScopeNeeds, resolver: AdminResolver, into: ExistingNames, fileIdx: number, st: GazetteerStats, dbfEncoding: string | undefined): Promise<void> {
  const { shapefileAttributes } = await import('../io/readers/shapefile.js');
  const dbf = await shapefileAttributes(file, { dbfEncoding });
  try {
    const r = rowReader(dbf.headers);
    if (r.name < 0) throw noNameColumn({ file: dbf.file }, dbf.headers);
    for await (const batch of dbf.batches) for (const rec of batch) keepCells(rec.cells, r, rec.line, file, needs, resolver, into, fileIdx, st);
  } finally {
    await dbf.close();
  }
}

/** A file read through the common readers (which hold it whole). */
async function readWhole(file: string, needs: ScopeNeeds, resolver: AdminResolver, into: ExistingNames, fileIdx: number, st: GazetteerStats, dbfEncoding?: string): Promise<void> {
  const ds = await readAnyDataset(file, { requireName: true, dbfEncoding });
  for (const r of ds.records) keepRow(r.name, r.fields.admin_code, r.fields.type, r.fields, r.line ?? r.row + 1, needs, resolver, into, fileIdx, st);
}

/**
 * Find the header of every CSV existing-name file, reading only its first rows: a file that is not a name table is
 * reported at once, before a long check (the rows are read later, possibly in another thread).
 */
export async function checkGazetteerHeaders(files: readonly string[]): Promise<void> {
  for (const file of files) {
    if (CSV_EXTENSIONS.has(extname(file).toLowerCase())) await inEachEncoding(file, (encoding) => streamOnce(file, csvBatches(file, { encoding }), () => undefined, true));
  }
}

const CSV_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);
const GEOJSON_EXTENSIONS = new Set(['.geojson', '.geojsonl', '.geojsons', '.json']);

/** Run `attempt` as UTF-8, and again as GB18030 when the file turns out not to be UTF-8 (after `restart`). */
async function inEachEncoding(file: string, attempt: (encoding: string | undefined) => Promise<void>, restart?: () => void): Promise<void> {
  for (const encoding of [undefined, 'gb18030']) {
    try {
      await attempt(encoding);
      return;
    } catch (e) {
      if (e instanceof NotUtf8 && !encoding) {
        restart?.();
        continue;
      }
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw inputError(txt('找不到文件', 'file not found'), { file }, txt('请检查文件名和路径。', 'Check the file name and path.'), e);
      }
      throw e;
    }
  }
}

/** Rows of a table file (CSV, or a large .xlsx sheet): header among the first 10 rows, then `row` for each data row. */
async function streamOnce(file: string, batches: AsyncIterable<CsvRecord[]>, row: (cells: string[], r: RowReader, line: number) => void, headerOnly = false): Promise<void> {
  const head: { cells: string[]; line: number }[] = [];
  let reader: RowReader | undefined;
  for await (const batch of batches) {
    for (const rec of batch) {
    if (reader) {
      row(rec.cells, reader, rec.line);
      continue;
    }
    if (rec.cells.length > 16384) {
      // Excel's column limit: the file is not a name table (or its line ends are lost); matching 5 million cells is slow.
      throw inputError(
        txt(`这一行有 ${rec.cells.length} 列，超过表格的上限 16384 列：文件不像是地名表格，或者换行符已丢失`, `this row has ${rec.cells.length} cells, more than the 16384 a table can have: the file is not a name table, or its line ends are lost`),
        { file, line: rec.line },
        txt('请检查 --gazetteer 是否选错了文件。', 'Check that --gazetteer names the right file.'),
      );
    }
    head.push(rec);
    const found = findHeader(head);
    if (found !== undefined) {
      reader = rowReader(head[found].cells);
      if (headerOnly) return;
      for (const r of head.slice(found + 1)) row(r.cells, reader, r.line);
      continue;
    }
    if (head.length >= 10) {
      throw inputError(
        txt('已有地名文件的前 10 行中找不到含「名称」的表头', 'no header with a name column in the first 10 rows of the existing-name file'),
        { file },
        txt(`第一行的内容：${head[0].cells.slice(0, 10).map((c) => c.slice(0, 30)).join('、')}`, `First row: ${head[0].cells.slice(0, 10).map((c) => c.slice(0, 30)).join(', ')}`),
      );
    }
    }
  }
  if (!reader) {
    if (head.every((r) => r.cells.every((c) => !c.trim()))) {
      throw inputError(txt('已有地名文件是空的', 'the existing-name file is empty'), { file }, txt('请检查 --gazetteer 是否选错了文件。', 'Check that --gazetteer names the right file.'));
    }
    throw inputError(
      txt('已有地名文件中找不到含「名称」的表头', 'no header with a name column in the existing-name file'),
      { file },
      txt(`第一行的内容：${head[0].cells.slice(0, 10).map((c) => c.slice(0, 30)).join('、')}。请把名称所在列的表头改为「名称」或「标准名称」。`, `First row: ${head[0].cells.slice(0, 10).map((c) => c.slice(0, 30)).join(', ')}. Name the column of names 名称 or 标准名称.`),
    );
  }
}

/**
 * The columns of a header that the register is read by. Two headers of one field: the more specific alias wins, as
 * when a table is read whole (datasetBelowHeader).
 */
function rowReader(header: readonly string[]): RowReader {
  const cols = fieldColumns(header);
  const at = (k: FieldKey) => cols.get(k) ?? -1;
  return {
    name: at('name'),
    code: at('admin_code'),
    type: at('type'),
    area: [...cols].filter(([k]) => AREA_KEYS.includes(k) && k !== 'admin_code').map(([key, index]) => ({ key, index })).sort((a, b) => a.index - b.index),
  };
}

function findHeader(rows: { cells: string[] }[]): number | undefined {
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].cells.some((h, j) => matchHeader(h, j).key === 'name')) return i;
  }
  return undefined;
}
