import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DimingError } from '../../src/core/errors.js';
import { CsvSplitter, csvRecords } from '../../src/geo/csvstream.js';
import { NotUtf8 } from '../../src/io/text-chunks.js';
import { detectDelimiter } from '../../src/io/readers/csv.js';
import { tempDir } from '../helpers.js';

/** Split text fed in the given chunk sizes. */
function split(text: string, cuts: number[], delimiter = ','): { cells: string[]; line: number }[] {
  const s = new CsvSplitter(delimiter);
  const out = [];
  let pos = 0;
  for (const c of cuts) {
    out.push(...s.push(text.slice(pos, pos + c)));
    pos += c;
  }
  out.push(...s.push(text.slice(pos)), ...s.end());
  return out;
}

describe('CsvSplitter', () => {
  it('splits quoted WKT, escaped quotes, quoted newlines and CRLF', () => {
    const text = 'id,name,wkt\r\n1,"路""甲""","LINESTRING (1 2, 3 4)"\r\n2,"多\n行",x\n3,,\n';
    expect(split(text, [])).toEqual([
      { cells: ['id', 'name', 'wkt'], line: 1 },
      { cells: ['1', '路"甲"', 'LINESTRING (1 2, 3 4)'], line: 2 },
      { cells: ['2', '多\n行', 'x'], line: 3 },
      { cells: ['3', '', ''], line: 5 },
    ]);
  });

  it('handles a missing final newline and a final empty field', () => {
    expect(split('a,b\n1,', []).map((r) => r.cells)).toEqual([['a', 'b'], ['1', '']]);
    expect(split('a,"b"', []).map((r) => r.cells)).toEqual([['a', 'b']]);
  });

  it('reports an unclosed quote with its line', () => {
    try {
      split('a,b\n1,"open\n2,3\n', []);
      expect.unreachable();
    } catch (e) {
      expect((e as DimingError).where?.line).toBe(2);
      expect((e as DimingError).text.en).toMatch(/never closed/);
    }
  });

  it('agrees with csv-parse on random well-formed CSV fed in random chunks', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', '路', ' ', '1', '.', '-') }),
      fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '路', ' ', '\r\n') }).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const csv = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }).map((rows) => rows.map((r) => r.join(',')).join('\n') + '\n');
    fc.assert(
      fc.property(csv, fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 30 }), (text, cuts) => {
        const ours = split(text, cuts).map((r) => r.cells);
        const theirs = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 500 },
    );
  });

  it('sniffs the delimiter outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1;"x,y";3', 'a.csv', 'utf-8')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2', 'a.csv', 'utf-8')).toBe('\t');
    expect(detectDelimiter('id,wkt\n1,"LINESTRING (1 2; 3 4)"', 'a.csv', 'utf-8')).toBe(',');
    expect(detectDelimiter('a,b', 'x.tsv', 'utf-8')).toBe('\t');
    expect(detectDelimiter('a,b', 'x.csv', 'utf-16le')).toBe('\t');
  });
});

describe('csvRecords (files)', () => {
  const dir = tempDir();

  it('streams UTF-8 with BOM across small chunks without splitting characters', async () => {
    const f = join(dir, 'bom.csv');
    const body = 'id,名称\n' + Array.from({ length: 500 }, (_, i) => `${i},道路${i}号`).join('\n');
    writeFileSync(f, '\uFEFF' + body);
    const info: { encoding?: string } = {};
    const recs = [];
    for await (const r of csvRecords(f, { chunkBytes: 7 }, info as never)) recs.push(r);
    expect(recs).toHaveLength(501);
    expect(recs[0].cells).toEqual(['id', '名称']);
    expect(recs[500].cells).toEqual(['499', '道路499号']);
    expect(info.encoding).toBe('utf-8');
  });

  it('throws NotUtf8 for GBK so the caller can re-read, and reads it when told', async () => {
    const f = join(dir, 'gbk.csv');
    writeFileSync(f, Buffer.from([0x69, 0x64, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a, 0x31, 0x2c, 0xd0, 0xd2, 0xb8, 0xa3, 0xc2, 0xb7, 0x0a])); // id,名称 / 1,幸福路
    await expect(async () => {
      for await (const r of csvRecords(f)) void r;
    }).rejects.toBeInstanceOf(NotUtf8);
    const recs = [];
    for await (const r of csvRecords(f, { encoding: 'gbk' })) recs.push(r.cells);
    expect(recs).toEqual([['id', '名称'], ['1', '幸福路']]);
  });
});
