/**
 * XLSX announcement (exceljs): one sheet 「备案公告」 — title row, optional 文号/机关/日期 row, the header row (frozen,
 * repeated on every printed page), then per township a heading row 「一、大王镇（共25条）」 and its roads.
 * Every cell is a string cell: text that starts with = + - @ stays text and never becomes a formula.
 * Workbook dates and ZIP entry times are fixed, so identical input gives a byte-identical file.
 */
import ExcelJS from 'exceljs';
import { type AnnouncementDoc, groupHeading, prepareAnnouncement } from '../model.js';
import type { PageOrientation } from '../templates.js';
import { chineseNumeral } from '../text.js';
import { fixZipTimestamps } from './zip.js';

export interface XlsxOptions {
  /** Print orientation; 'auto' (default) = landscape when the table has more than 6 columns. */
  orientation?: PageOrientation;
  /** Sheet name (at most 31 characters, no []:*?/\). Default 备案公告. */
  sheetName?: string;
}

/** Excel refuses (repairs) cells longer than this. */
const MAX_CELL = 32767;

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TABLE_FONT = { name: '宋体', size: 10 };

export async function renderXlsx(input: AnnouncementDoc, opts: XlsxOptions = {}): Promise<Uint8Array> {
  const doc = prepareAnnouncement(input);
  const when = new Date(doc.timestamp);
  const wb = new ExcelJS.Workbook();
  wb.creator = doc.authority ?? 'diming';
  wb.lastModifiedBy = 'diming';
  wb.title = doc.title.replace(/\n/g, ' ');
  wb.created = when;
  wb.modified = when;
  wb.calcProperties.fullCalcOnLoad = false;

  const n = doc.columns.length;
  const landscape = opts.orientation === 'landscape' || ((opts.orientation ?? 'auto') === 'auto' && n > 6);
  const sheetName = safeSheetName(opts.sheetName ?? '备案公告');
  const meta = [doc.docNo, doc.authority, doc.dateText].filter(Boolean) as string[];
  const headerRow = meta.length ? 3 : 2;
  const ws = wb.addWorksheet(sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C— &P —' },
  });
  // exceljs omits a column whose width is exactly its default 9; nudge it so every width is written.
  const widths = doc.columns.map((c) => (c.width === 9 ? 9.01 : c.width));
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });

  const text = (s: string): string => (s.length > MAX_CELL ? s.slice(0, MAX_CELL) : s);
  const mergeRow = (r: number, value: string, font: Partial<ExcelJS.Font>, align: 'center' | 'left', height?: number) => {
    const row = ws.getRow(r);
    row.getCell(1).value = text(value);
    row.getCell(1).font = font;
    row.getCell(1).alignment = { horizontal: align, vertical: 'middle', wrapText: true };
    if (height) row.height = height;
    if (n > 1) ws.mergeCells(r, 1, r, n);
  };

  mergeRow(1, doc.title, { name: '方正小标宋简体', size: 18 }, 'center', 36);
  if (meta.length) mergeRow(2, meta.join('　　'), { name: '仿宋', size: 12 }, 'center', 22);

  const hdr = ws.getRow(headerRow);
  doc.columns.forEach((c, i) => {
    const cell = hdr.getCell(i + 1);
    cell.value = text(c.header);
    cell.font = { name: '黑体', size: 10, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  hdr.height = Math.max(24, rowHeight(doc.columns.map((c) => c.header), widths));

  const left = { horizontal: 'left' as const, vertical: 'middle' as const, wrapText: true };
  const centre = { horizontal: 'center' as const, vertical: 'middle' as const, wrapText: true };
  const aligns = doc.columns.map((c) => (c.align === 'center' ? centre : left));
  let r = headerRow + 1;
  doc.groups.forEach((g, gi) => {
    mergeRow(r, groupHeading(g, gi, chineseNumeral), { name: '黑体', size: 11, bold: true }, 'left', 22);
    const row = ws.getRow(r);
    for (let i = 1; i <= n; i++) row.getCell(i).border = BORDER;
    r++;
    for (const values of g.rows) {
      const row = ws.getRow(r++);
      row.height = rowHeight(values, widths);
      for (let i = 0; i < n; i++) {
        const cell = row.getCell(i + 1);
        cell.value = text(values[i]); // always a string: exceljs writes it as a (shared) string, never a formula
        cell.font = TABLE_FONT;
        cell.alignment = aligns[i];
        cell.border = BORDER;
      }
    }
  });

  const buf: unknown = await wb.xlsx.writeBuffer();
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
  return fixZipTimestamps(bytes, doc.timestamp);
}

/** Width of text in spreadsheet character units: Han and full-width characters 2, others 1. */
function textUnits(s: string): number {
  let u = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    u += c >= 0x2e80 || (c >= 0x1100 && c <= 0x115f) ? 2 : 1;
  }
  return u;
}

/** Line height of 10 pt text in points, and Excel's largest row height. */
const LINE_PT = 13.5;
const MAX_ROW_PT = 409;

/**
 * Row height for wrapped text. Spreadsheet programs do not reliably re-measure rows on opening (LibreOffice
 * keeps the default height), so the height is estimated from the text and written explicitly.
 */
export function rowHeight(values: readonly string[], widths: readonly number[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    if (!v) return;
    const usable = Math.max(1, widths[i] - 1.5);
    let n = 0;
    for (const para of v.split('\n')) n += Math.max(1, Math.ceil(textUnits(para) / usable));
    if (n > lines) lines = n;
  });
  return Math.min(MAX_ROW_PT, Math.round((lines * LINE_PT + 4) * 4) / 4);
}

function safeSheetName(s: string): string {
  const clean = s.replace(/[[\]:*?/\\]/g, '').trim().slice(0, 31);
  return clean || '备案公告';
}
