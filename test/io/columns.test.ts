import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdminResolver } from '../../src/check/admin.js';
import { ScopeNeeds, loadGazetteers } from '../../src/check/gazetteer.js';
import { fieldColumns, matchHeader } from '../../src/io/columns.js';
import { readAnyDataset } from '../../src/io/read-any.js';
import { tempDir } from '../helpers.js';

describe('header aliases of county registers and 标准地名录 tables', () => {
  it.each([
    ['标准地名', 'name'], ['路名', 'name'], ['道路名', 'name'], ['街巷名称', 'name'], ['road_name', 'name'],
    ['乡镇街道', 'township'], ['乡镇（街道）', 'township'], ['所在乡镇', 'township'], ['乡镇名称', 'township'], ['镇街', 'township'], ['镇（街道）', 'township'],
    ['区县', 'county'], ['县区', 'county'], ['县（市）', 'county'], ['市州', 'city'], ['地级市', 'city'],
    ['村居', 'village'], ['所属村', 'village'], ['村（居）委会', 'village'], ['所在社区', 'village'],
    ['地名类型', 'type'], ['类型', 'type'], ['所属行政区', 'admin_path'], ['行政区划', 'admin_path'], ['行政区划代码', 'admin_code'],
  ])('%s → %s', (header, key) => {
    expect(matchHeader(header, 0).key).toBe(key);
  });

  it('keeps the more specific alias when a register has two columns of one field', () => {
    expect(fieldColumns(['名称', '标准地名', '地名类别', '类型']).get('name')).toBe(1);
    expect(fieldColumns(['名称', '标准地名', '地名类别', '类型']).get('type')).toBe(2);
  });
});

describe('an area column holding the other kind of value', () => {
  it('a code column of names and a 行政区划 column of names or codes resolve alike', () => {
    const r = new AdminResolver();
    expect(r.resolve({ admin_code: '山东省东营市广饶县大王镇' }).code).toBe('370523101');
    expect(r.resolve({ admin_path: '广饶县大王镇' }).code).toBe('370523101');
    expect(r.resolve({ admin_path: '370523101' }).code).toBe('370523101');
    // A malformed code is still one.
    expect(r.resolve({ admin_code: '37052310X' }).issue?.text.zh).toContain('格式不对');
  });

  it('places proposals and existing names with such a column', async () => {
    const dir = tempDir();
    const batch = join(dir, 'batch.csv');
    writeFileSync(batch, '标准地名,行政区划\n幸福路,广饶县大王镇\n');
    const ds = await readAnyDataset(batch, { requireName: true });
    expect(new AdminResolver().resolve(ds.records[0].fields).code).toBe('370523101');

    const register = join(dir, 'register.csv');
    writeFileSync(register, '标准地名,区划代码,地名类型\n幸福路,山东省东营市广饶县大王镇,道路\n和平路,370523101001,道路\n远方路,河南省郑州市中原区,道路\n');
    const needs = new ScopeNeeds();
    needs.add('370523101');
    const { existing, stats } = await loadGazetteers([register], needs, new AdminResolver());
    expect(Array.from({ length: existing.size }, (_, i) => [existing.full(i), existing.codePrefix(i, 9)])).toEqual([['幸福路', 370523101], ['和平路', 370523101]]);
    expect(stats[0]).toMatchObject({ read: 3, kept: 2 });
  });
});
