import { inputError } from '../../core/errors.js';
import { txt } from '../../core/text.js';
import type { RawTable } from '../table.js';

export interface XlsxOptions {
  /** Sheet name or 1-based index; default the first sheet. */
  sheet?: string;
}

type CellValue = unknown;

/** Read the first (or chosen) sheet of an .xlsx workbook as text cells. exceljs is loaded only when needed. */
export async function readXlsx(buf: Uint8Array, file: string, opts: XlsxOptions = {}): Promise<RawTable> {
  // exceljs inflates every part in memory: a zip bomb is refused from its stated sizes first.
  await (await import('../../geo/zip.js')).assertZipStatedSize(buf, file);
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw damagedWorkbook(file, e);
  }
  const sheets = wb.worksheets;
  if (sheets.length === 0) {
    // Zip entry names are stored as written: a workbook always has xl/workbook.xml.
    if (!Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).includes('xl/workbook.xml')) {
      throw inputError(
        txt('这是一个压缩文件，但不是 Excel 工作簿（其中没有 xl/workbook.xml）', 'this is a zip archive but not an Excel workbook (it has no xl/workbook.xml)'),
        { file },
        txt('请检查是否选错了文件或改错了扩展名；Excel 表格请另存为 .xlsx 或 CSV UTF-8。', 'Check that this is the right file and extension; save workbooks as .xlsx or CSV UTF-8.'),
      );
    }
    throw inputError(txt('工作簿中没有工作表', 'the workbook has no sheets'), { file }, txt('请在 Excel/WPS 中检查该文件，把名称表放在一个工作表中。', 'Open it in Excel/WPS and put the names in a sheet.'));
  }
  let ws = sheets[0];
  if (opts.sheet !== undefined) {
    const byName = sheets.find((s) => s.name === opts.sheet);
    const idx = /^\d+$/.test(opts.sheet) ? Number(opts.sheet) : NaN;
    const found = byName ?? (idx >= 1 && idx <= sheets.length ? sheets[idx - 1] : undefined);
    if (!found) {
      throw inputError(
        txt(`找不到工作表「${opts.sheet}」`, `no sheet "${opts.sheet}"`),
        { file },
        txt(`工作簿中的工作表：${sheets.map((s) => s.name).join('、')}`, `Sheets in the workbook: ${sheets.map((s) => s.name).join(', ')}`),
      );
    }
    ws = found;
  }
  const rows: string[][] = [];
  const lines: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    const count = row.cellCount;
    for (let c = 1; c <= count; c++) {
      // Merged cells: exceljs returns the master cell's value for every cell of the range, which fills the
      // administrative columns down as formats.md §1.2 asks.
      cells.push(cellText(row.getCell(c).value));
    }
    rows.push(cells);
    lines.push(rowNumber);
  });
  if (rows.length === 0 || rows.every((r) => r.every((c) => !c.trim()))) {
    throw inputError(
      txt('工作表是空的', 'the sheet is empty'),
      { file, sheet: ws.name },
      sheets.length > 1 ? txt(`用 --sheet 选择其他工作表：${sheets.map((s) => s.name).join('、')}`, `Choose another sheet with --sheet: ${sheets.map((s) => s.name).join(', ')}`) : undefined,
    );
  }
  return { rows, lines, sheet: ws.name };
}

/** The error for a workbook exceljs cannot read. */
export function damagedWorkbook(file: string, cause: unknown): Error {
  return inputError(
    txt('无法打开 Excel 文件：文件已损坏，或不是 .xlsx 格式', 'cannot open the Excel file: it is damaged or not in .xlsx format'),
    { file },
    txt('请在 Excel/WPS 中打开并另存为 .xlsx（或 CSV UTF-8）后重试。', 'Open it in Excel/WPS and save it as .xlsx (or CSV UTF-8), then try again.'),
    cause,
  );
}

/** Text of a cell as the user sees it: formulas by their cached result, dates as YYYY-MM-DD, rich text joined. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in o) return cellText(o.result);
    if ('formula' in o || 'sharedFormula' in o) return '';
    if ('text' in o) return cellText(o.text);
    if ('error' in o) return '';
  }
  return String(v);
}

function isoDate(d: Date): string {
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}
