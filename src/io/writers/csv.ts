import { stringify } from 'csv-stringify/sync';

/**
 * Cells that start with = + - @ (or a tab/CR) would become formulas in Excel/WPS: prefix them with an apostrophe,
 * which spreadsheet programs display as text (OWASP "CSV injection").
 */
export function safeCell(v: unknown): string {
  const s = v === undefined || v === null ? '' : typeof v === 'string' ? v : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** CSV text with a BOM (so Excel on zh-CN Windows opens UTF-8 correctly), formula-safe cells, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[], opts: { bom?: boolean } = {}): string {
  const body = stringify([header.map(safeCell), ...rows.map((r) => r.map(safeCell))], { record_delimiter: 'windows' });
  return (opts.bom === false ? '' : '\uFEFF') + body;
}
