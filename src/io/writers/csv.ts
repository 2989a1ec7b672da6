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
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>, opts: { bom?: boolean } = {}): string {
  return [...csvChunks(header, rows, opts)].join('');
}

/** Rows per chunk of csvChunks. */
const CSV_CHUNK = 1000;

/**
 * The text of toCsv in pieces of a thousand rows, for writing a large table without holding it in one string. Every
 * record ends with its line break, so the pieces join to exactly the text of one stringify call.
 */
export function* csvChunks(header: readonly string[], rows: Iterable<readonly unknown[]>, opts: { bom?: boolean } = {}): Generator<string> {
  const stringifyRows = (batch: string[][]) => stringify(batch, { record_delimiter: 'windows' });
  let batch: string[][] = [header.map(safeCell)];
  let prefix = opts.bom === false ? '' : '\uFEFF';
  for (const r of rows) {
    batch.push(r.map(safeCell));
    if (batch.length >= CSV_CHUNK) {
      yield prefix + stringifyRows(batch);
      prefix = '';
      batch = [];
    }
  }
  if (batch.length || prefix) yield prefix + stringifyRows(batch);
}
