import { type FileHandle, open, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type DimingError, type Where, inputError } from '../core/errors.js';
import type { ColumnMapping, Dataset, FieldKey, NameRecord, RecordFields } from '../core/record.js';
import { type Text, txt } from '../core/text.js';
import { aliasRank, countHeaderMatches, matchHeader, nameAliases } from './columns.js';
import { readCsv } from './readers/csv.js';
import { readXlsx } from './readers/xlsx.js';
import { readStdin } from './stdin.js';

const NO_EXTRA: Record<string, string> = Object.freeze({}) as Record<string, string>;
import type { RawTable } from './table.js';

export interface ReadOptions {
  /** Force a text encoding (utf-8, gbk …); detected otherwise. */
  encoding?: string;
  /** Sheet name or 1-based index for .xlsx. */
  sheet?: string;
  /** A column that must exist (header text as written, or a field key such as `name`). */
  column?: string;
  /** Require a name column (default true). */
  requireName?: boolean;
  /** The file is a command's input, whose name column --column may give: errors about the name column point to it. */
  columnOption?: boolean;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream name Office gives an encrypted workbook inside its OLE container (UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** Read a table file (CSV/TSV/TXT/XLSX, or '-' for standard input) into the shared data model. */
export async function readDataset(file: string, opts: ReadOptions = {}): Promise<Dataset> {
  const buf = file === '-' ? await readStdin() : await readInput(file);
  const raw = await readRawTable(buf, file, opts);
  return buildDataset(raw, displayName(file), opts);
}

export async function readInput(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    throw readError(e, file);
  }
}

/** Open a file to read it a piece at a time (a large .dbf), with readInput's errors. */
export async function openInput(file: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const st = await handle.stat();
    if (st.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    return { handle, size: st.size };
  } catch (e) {
    await handle?.close();
    throw readError(e, file);
  }
}

function readError(e: unknown, file: string): DimingError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return inputError(txt('找不到文件', 'file not found'), { file }, txt('请检查文件名和路径。', 'Check the file name and path.'), e);
  }
  if (code === 'EISDIR') return inputError(txt('这是一个文件夹，不是文件', 'this is a folder, not a file'), { file }, undefined, e);
  if (code === 'EACCES' || code === 'EPERM') {
    return inputError(txt('没有读取该文件的权限', 'no permission to read the file'), { file }, undefined, e);
  }
  return inputError(txt(`无法读取文件（${code ?? String(e)}）`, `cannot read the file (${code ?? String(e)})`), { file }, undefined, e);
}

export async function readRawTable(buf: Uint8Array, file: string, opts: ReadOptions = {}): Promise<RawTable> {
  const ext = extname(file).toLowerCase();
  const name = displayName(file);
  if (ext === '.xls') {
    throw inputError(
      txt('不支持旧版 .xls 格式', 'the old .xls format is not supported'),
      { file: name },
      txt('请在 Excel/WPS 中另存为 .xlsx 或「CSV UTF-8」。', 'Save it from Excel/WPS as .xlsx or "CSV UTF-8".'),
    );
  }
  if (OLE_MAGIC.every((b, i) => buf[i] === b)) {
    // An OLE compound file: an .xls workbook, or an .xlsx with a password to open (Office encrypts it into one).
    if (Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).includes(ENCRYPTED_PACKAGE)) {
      throw inputError(
        txt('Excel 文件设置了打开密码（已加密），无法读取', 'the Excel file is password-protected (encrypted) and cannot be read'),
        { file: name },
        txt('请在 Excel/WPS 中打开，取消“用密码进行加密”后另存为 .xlsx（或 CSV UTF-8）。', 'Open it in Excel/WPS, remove the password (Encrypt with Password) and save it as .xlsx (or CSV UTF-8).'),
      );
    }
    throw inputError(
      txt('这是旧版 Excel 97-2003（.xls）或其他 Office 文件，不支持', 'this is an old Excel 97-2003 (.xls) or other Office file, which is not supported'),
      { file: name },
      txt('请在 Excel/WPS 中另存为 .xlsx 或「CSV UTF-8」。', 'Save it from Excel/WPS as .xlsx or "CSV UTF-8".'),
    );
  }
  const isZip = ZIP_MAGIC.every((b, i) => buf[i] === b);
  if (ext === '.xlsx' || ext === '.xlsm' || (file === '-' && isZip)) {
    if (buf.length === 0) throw inputError(txt('文件是空的', 'the file is empty'), { file: name });
    return readXlsx(buf, name, { sheet: opts.sheet });
  }
  if (isZip) {
    throw inputError(
      txt('这是一个压缩文件（可能是 .xlsx），但扩展名不是 .xlsx', 'this is a zip file (perhaps .xlsx) but its name does not end in .xlsx'),
      { file: name },
      txt('如果是 Excel 文件，请把扩展名改为 .xlsx。', 'If it is an Excel workbook, rename it to .xlsx.'),
    );
  }
  if (buf.length === 0) {
    throw inputError(txt('文件是空的', 'the file is empty'), { file: name }, txt('请检查是否选错了文件。', 'Check that this is the right file.'));
  }
  return readCsv(buf, name, { encoding: opts.encoding });
}

function displayName(file: string): string {
  return file === '-' ? '标准输入' : file;
}

/** Find the header row, map columns to fields, and turn the rows below it into records. */
export function buildDataset(raw: RawTable, file: string, opts: ReadOptions = {}): Dataset {
  assertTableLimits(raw, file);
  return datasetBelowHeader(raw, findHeaderRow(raw, file, opts), file, opts, false);
}

/** Excel's limits: 16 384 columns, 32 767 characters in a cell. A table beyond them is damaged or not a table. */
const MAX_COLUMNS = 16384;
const MAX_CELL_CHARS = 32767;

function assertTableLimits(raw: RawTable, file: string): void {
  for (let r = 0; r < raw.rows.length; r++) {
    const cells = raw.rows[r];
    const where = { file, sheet: raw.sheet, line: raw.lines[r] };
    if (cells.length > MAX_COLUMNS) {
      throw inputError(
        txt(`这一行有 ${cells.length} 列，超过表格的上限 ${MAX_COLUMNS} 列：文件不像是地名表格，或者换行符已丢失`, `this row has ${cells.length} cells, more than the ${MAX_COLUMNS} a table can have: the file is not a name table, or its line ends are lost`),
        where,
        txt('请检查是否选错了文件；如果是导出的表格，请重新导出。', 'Check that this is the right file; if it was exported, export it again.'),
      );
    }
    for (let c = 0; c < cells.length; c++) {
      if (cells[c].length > MAX_CELL_CHARS) {
        throw inputError(
          txt(`第 ${c + 1} 列的单元格有 ${cells[c].length} 个字符，超过单元格的上限 ${MAX_CELL_CHARS} 个字符`, `the cell in column ${c + 1} has ${cells[c].length} characters, more than the ${MAX_CELL_CHARS} a cell can hold`),
          where,
          txt('文件可能已损坏（如引号或换行符丢失）；请检查该行，或重新导出文件。', 'The file may be damaged (lost quotes or line ends); check that row or export the file again.'),
        );
      }
    }
  }
}

/** A cell for a message: at most 30 characters. */
function clip(cell: string): string {
  return cell.length > 30 ? `${cell.slice(0, 30)}…` : cell;
}

/** Headers for a message: the first 30, then how many more. */
function headerList(columns: readonly (ColumnMapping | string)[], sep: string): string {
  if (columns.length === 0) return sep === '、' ? '（没有任何列）' : '(none)';
  const shown = columns.slice(0, 30).map((c) => clip(typeof c === 'string' ? c : c.header)).join(sep);
  return columns.length > 30 ? `${shown}${sep}… (${columns.length})` : shown;
}

/**
 * The error for a table (or features) without a name column, listing the columns it has. `columnOption`: the file is
 * a command's input, which --column may name the column of (existing-name files have no such option).
 */
export function noNameColumn(where: Where, columns: readonly (ColumnMapping | string)[], columnOption = false): DimingError {
  // Garbled field names of a shapefile are most often a wrong code page (a .cpg left over from another program).
  const dbf = /\.(dbf|shp)$/i.test(where.file ?? '');
  return inputError(
    txt('找不到名称列', 'no name column'),
    where,
    txt(
      `文件中的列：${headerList(columns, '、')}。请把名称所在列的表头改为「${nameAliases().slice(0, 9).join('」「')}」之一${columnOption ? '，或用 --column 指定' : ''}。${dbf ? '如列名是乱码，请用 --dbf-encoding 指定 .dbf 的编码（如 gbk 或 utf-8）。' : ''}`,
      `Columns in the file: ${headerList(columns, ', ')}. Name the column of names one of ${nameAliases().join(', ')}${columnOption ? ', or use --column' : ''}.${dbf ? ' If the column names are garbled, give the .dbf code page with --dbf-encoding (gbk or utf-8).' : ''}`,
    ),
  );
}

/**
 * Attribute rows of a geometry file (GeoJSON properties, DBF records, KML ExtendedData) → Dataset, through the same
 * header aliases and checks as tables. The header is known (no header-row search), and a row without attributes is
 * still a record (its geometry matters): record `row` n is `rows[n - 1]`. Values become text: numbers as written,
 * dates as YYYY-MM-DD, objects as JSON, null as ''.
 */
export function buildAttributeDataset(headers: readonly string[], rows: readonly (readonly unknown[])[], file: string, opts: ReadOptions = {}): Dataset {
  const raw: RawTable = {
    rows: [headers.map(String), ...rows.map((r) => headers.map((_, i) => cellText(r[i])))],
    lines: [0, ...rows.map((_, i) => i + 1)],
  };
  return datasetBelowHeader(raw, 0, file, { ...opts, requireName: opts.requireName ?? false }, true);
}

/** An attribute value as cell text: numbers as written, dates as YYYY-MM-DD, objects as JSON, null as ''. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function datasetBelowHeader(raw: RawTable, headerIdx: number, file: string, opts: ReadOptions, keepEmpty: boolean): Dataset {
  const notes: Text[] = [];
  const headerCells = raw.rows[headerIdx];
  const columns = headerCells.map((h, i) => matchHeader(h, i));
  const where = { file, sheet: raw.sheet, line: raw.lines[headerIdx] || undefined };

  // Empty headers: keep the data, under a generated header.
  columns.forEach((c, i) => {
    if (!c.header) c.header = `列${i + 1}`;
  });

  // The same header twice is ambiguous for a known field; unknown duplicates are renamed so both survive.
  const seen = new Map<string, number>();
  for (const c of columns) {
    const prev = seen.get(c.header);
    if (prev !== undefined) {
      if (c.key || c.candidate) {
        throw inputError(
          txt(`表头「${c.header}」出现了两次（第 ${prev + 1} 列和第 ${c.index + 1} 列）`, `header "${c.header}" appears twice (columns ${prev + 1} and ${c.index + 1})`),
          where,
          txt('请删除或改名其中一列后重试。', 'Delete or rename one of the two columns and try again.'),
        );
      }
      let n = 2;
      while (seen.has(`${c.header}(${n})`)) n++;
      notes.push(txt(`表头「${c.header}」重复，第 ${c.index + 1} 列改称「${c.header}(${n})」`, `duplicate header "${c.header}": column ${c.index + 1} renamed "${c.header}(${n})"`));
      c.header = `${c.header}(${n})`;
    }
    seen.set(c.header, c.index);
  }

  // Two different headers for the same key: the more specific alias wins; the other passes through.
  const byKey = new Map<FieldKey, ColumnMapping>();
  for (const c of columns) {
    const key = c.key;
    if (!key) continue;
    const other = byKey.get(key);
    if (!other) {
      byKey.set(key, c);
      continue;
    }
    const keep = aliasRank(c.header) < aliasRank(other.header) ? c : other;
    const drop = keep === c ? other : c;
    notes.push(txt(
      `「${keep.header}」和「${drop.header}」都可作为同一字段，使用「${keep.header}」，「${drop.header}」原样保留`,
      `"${keep.header}" and "${drop.header}" map to the same field; using "${keep.header}", keeping "${drop.header}" as an extra column`,
    ));
    drop.key = undefined;
    byKey.set(key, keep);
  }
  for (const c of columns) {
    if (c.match === 'prefix' && c.key) notes.push(txt(`表头「${c.header}」按截断字段名识别为 ${c.key}`, `header "${c.header}" read as a truncated name of ${c.key}`));
  }

  if (opts.column !== undefined && !findColumn(columns, opts.column)) {
    throw inputError(
      txt(`找不到列「${opts.column}」`, `no column "${opts.column}"`),
      where,
      txt(`文件中的列：${headerList(columns, '、')}`, `Columns in the file: ${headerList(columns, ', ')}`),
    );
  }
  if (opts.column === undefined && opts.requireName !== false && !byKey.has('name')) {
    throw noNameColumn(where, columns, opts.columnOption);
  }

  const nameCol = opts.column !== undefined ? findColumn(columns, opts.column) : byKey.get('name');
  const extraHeaders = columns.filter((c) => !c.key && !c.candidate).map((c) => c.header);
  const records: NameRecord[] = [];
  // Values that repeat down a column (类别, 区划代码, 乡镇 …) are kept once: a million rows would otherwise hold a
  // million copies of 道路. Only short values are looked up, and the table stops growing at a bound.
  const interned = new Map<string, string>();
  const once = (v: string): string => {
    if (v.length > 24) return v;
    const had = interned.get(v);
    if (had !== undefined) return had;
    if (interned.size < 200_000) interned.set(v, v);
    return v;
  };
  for (let r = headerIdx + 1; r < raw.rows.length; r++) {
    const cells = raw.rows[r];
    if (!keepEmpty && cells.every((c) => !c || !c.trim())) continue;
    const fields: RecordFields = {};
    // Tables without extra columns share one empty (frozen) object.
    const extra: Record<string, string> = extraHeaders.length ? {} : NO_EXTRA;
    let candidates: string[] | undefined;
    for (const c of columns) {
      const v = (cells[c.index] ?? '').trim();
      if (c.key) {
        if (v) fields[c.key] = c.key === 'name' ? v : once(v);
      } else if (c.candidate) {
        if (v) (candidates ??= [])[c.candidate - 1] = v;
      } else {
        extra[c.header] = once(cells[c.index] ?? '');
      }
    }
    const name = nameCol ? (cells[nameCol.index] ?? '').trim() : '';
    records.push({
      row: r - headerIdx,
      line: raw.lines[r],
      name,
      fields,
      extra,
      ...(candidates ? { candidates: candidates.filter(Boolean) } : {}),
    });
  }
  if (records.length === 0 && !keepEmpty) {
    throw inputError(
      txt('表头下面没有数据行', 'there are no data rows under the header'),
      where,
      txt('请检查是否选错了文件或工作表。', 'Check that this is the right file or sheet.'),
    );
  }
  return {
    source: { file, sheet: raw.sheet, encoding: raw.encoding },
    columns,
    extraHeaders,
    records,
    notes,
  };
}

/** A column by header text (as written) or by field key. */
export function findColumn(columns: readonly ColumnMapping[], wanted: string): ColumnMapping | undefined {
  const w = wanted.trim();
  return columns.find((c) => c.header === w) ?? columns.find((c) => c.key === w) ?? columns.find((c) => c.header.normalize('NFKC').toLowerCase() === w.normalize('NFKC').toLowerCase());
}

/** The header row is the first of the first 10 rows with two known headers (one, if the table has one column). */
function findHeaderRow(raw: RawTable, file: string, opts: ReadOptions): number {
  const limit = Math.min(raw.rows.length, 10);
  for (let i = 0; i < limit; i++) if (countHeaderMatches(raw.rows[i]) >= 2) return i;
  for (let i = 0; i < limit; i++) {
    const cols = raw.rows[i].map((h, j) => matchHeader(h, j));
    if (cols.some((c) => c.key === 'name')) return i;
    if (opts.column !== undefined && findColumn(cols, opts.column)) return i;
  }
  const first = raw.rows.findIndex((r) => r.some((c) => c && c.trim()));
  const found = first >= 0 ? raw.rows[first].filter((c) => c && c.trim()).map(clip) : [];
  throw inputError(
    txt('前 10 行中找不到表头（名称、类别等列）', 'no header row (名称, 类别 …) in the first 10 rows'),
    { file, sheet: raw.sheet },
    txt(
      `第一行的内容：${found.slice(0, 12).join('、') || '（空）'}。请让表头包含「名称」列（也可用 拟命名名称、标准名称、name）${opts.columnOption ? '，或用 --column 指定名称所在列' : ''}。`,
      `First row: ${found.slice(0, 12).join(', ') || '(empty)'}. Give the table a 名称 (or name) header${opts.columnOption ? ', or name the column with --column' : ''}.`,
    ),
  );
}
