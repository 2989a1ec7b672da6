import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvChunks, safeCell, toCsv } from '../../src/io/writers/csv.js';

/** What toCsv wrote before it came in pieces: one stringify call over every row. */
function reference(header: string[], rows: unknown[][], bom = true): string {
  return (bom ? '\uFEFF' : '') + stringify([header.map(safeCell), ...rows.map((r) => r.map(safeCell))], { record_delimiter: 'windows' });
}

const header = ['行', '名称', '说明'];
const row = (i: number): unknown[] => [i, i % 4 === 0 ? `=HYPERLINK("x")${i}` : `槐荫路${i}`, i % 3 === 0 ? `含"引号",逗号\n换行${i}` : i % 5 === 0 ? undefined : '-1'];

describe('CSV in pieces', () => {
  it.each([0, 1, 998, 999, 1000, 2500])('%i rows: the same bytes as one stringify, formulas defused', (n) => {
    const rows = Array.from({ length: n }, (_, i) => row(i));
    expect(toCsv(header, rows)).toBe(reference(header, rows));
    expect([...csvChunks(header, rows)].join('')).toBe(reference(header, rows));
    expect(toCsv(header, rows, { bom: false })).toBe(reference(header, rows, false));
    if (n > 4) expect(toCsv(header, rows)).toContain(`'=HYPERLINK`);
  });

  it('a thousand records a piece, the BOM only at the start', () => {
    const chunks = [...csvChunks(header, Array.from({ length: 2500 }, (_, i) => row(i)))];
    expect(chunks).toHaveLength(3);
    expect(chunks.filter((c) => c.startsWith('\uFEFF'))).toHaveLength(1);
    expect(chunks[0].startsWith('\uFEFF行,名称,说明\r\n')).toBe(true);
  });
});
