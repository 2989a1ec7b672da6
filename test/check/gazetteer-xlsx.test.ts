import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AdminResolver } from '../../src/check/admin.js';
import type { ExistingNames } from '../../src/check/existing.js';
import { ScopeNeeds, loadGazetteers } from '../../src/check/gazetteer.js';
import { DimingError } from '../../src/core/errors.js';
import { xlsxBatches } from '../../src/io/readers/xlsx-stream.js';
import { tempDir } from '../helpers.js';

/** A register as counties keep them: a title row, the header, names with codes, a date, rich text, a second sheet. */
async function register(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('标准地名');
  ws.addRow(['广饶县标准地名录']);
  ws.addRow(['标准名称', '区划代码', '地名类别', '命名时间']);
  ws.addRow(['槐荫路', '370523101201', '道路', new Date(Date.UTC(2020, 4, 1))]);
  ws.addRow([{ richText: [{ text: '幸福' }, { text: '路（东段）' }] }, 370523101, '道路']);
  ws.addRow([]);
  ws.addRow(['和谐街', '370523102001', '街巷']);
  ws.addRow(['兴业路', '410102001001', '道路']);
  wb.addWorksheet('说明').addRow(['名称', '不是地名']);
  await wb.xlsx.writeFile(file);
}

function contents(ex: ExistingNames) {
  return Array.from({ length: ex.size }, (_, i) => ({ ...ex.entry(i), full: ex.full(i), prefix: ex.codePrefix(i, 9) }));
}

describe('large .xlsx registers are streamed', () => {
  it('gives the rows of the first sheet with their sheet row numbers and cell texts', async () => {
    const file = join(tempDir(), 'register.xlsx');
    await register(file);
    const rows = [];
    for await (const batch of xlsxBatches(file)) rows.push(...batch);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 6, 7]);
    expect(rows[2].cells).toEqual(['槐荫路', '370523101201', '道路', '2020-05-01']);
    expect(rows[3].cells).toEqual(['幸福路（东段）', '370523101', '道路']);
  });

  it('keeps the same names as loading the workbook: names, codes, types, lines', async () => {
    const file = join(tempDir(), 'register.xlsx');
    await register(file);
    const needs = new ScopeNeeds();
    needs.add('370523101');
    const loaded = await loadGazetteers([file], needs, new AdminResolver());
    const streamed = await loadGazetteers([file], needs, new AdminResolver(), undefined, { xlsxStreamBytes: 0 });
    expect(streamed.stats).toEqual(loaded.stats);
    expect(contents(streamed.existing)).toEqual(contents(loaded.existing));
    expect(contents(streamed.existing).map((e) => e.full).sort()).toEqual(['幸福路', '槐荫路']);
  });

  it('reports a damaged workbook with its file name', async () => {
    const file = join(tempDir(), 'broken.xlsx');
    writeFileSync(file, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000, 7)]));
    const err = await loadGazetteers([file], new ScopeNeeds(), new AdminResolver(), undefined, { xlsxStreamBytes: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DimingError);
    expect((err as DimingError).text.zh).toContain('无法打开 Excel 文件');
    expect((err as DimingError).where?.file).toBe(file);
  });

  it('reports a register without a name column', async () => {
    const file = join(tempDir(), 'noname.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['编号', '备注']);
    await wb.xlsx.writeFile(file);
    const err = await loadGazetteers([file], new ScopeNeeds(), new AdminResolver(), undefined, { xlsxStreamBytes: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DimingError);
    expect((err as DimingError).text.zh).toContain('表头');
  });
});
