import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../src/check/engine.js';
import { buildDataset } from '../../src/io/dataset.js';
import { loadProfile } from '../../src/profiles/profile.js';
import { RULES } from '../../src/rules/registry.js';

/** What keeps a million-row check within its memory target (bench/check.mjs): nothing kept that is not needed. */
describe('memory-lean records', () => {
  const raw = (rows: string[][]) => ({ rows, lines: rows.map((_, i) => i + 1) });

  it('rows share repeated field values and one frozen empty object for pass-through columns', () => {
    const ds = buildDataset(raw([['名称', '类别', '区划代码'], ['幸福路', '道路', '370523101'], ['和平路', '道路', '370523101']]), 't.csv');
    const [a, b] = ds.records;
    expect(a.fields).toMatchObject({ name: '幸福路', type: '道路', admin_code: '370523101' });
    expect(a.extra).toBe(b.extra);
    expect(Object.isFrozen(a.extra)).toBe(true);
    expect(Object.keys(a.extra)).toEqual([]);
  });

  it('pass-through columns still get one object per row', () => {
    const ds = buildDataset(raw([['名称', '备注'], ['幸福路', '甲'], ['和平路', '乙']]), 't.csv');
    expect(ds.records.map((r) => r.extra)).toEqual([{ 备注: '甲' }, { 备注: '乙' }]);
    expect(ds.records[0].extra).not.toBe(ds.records[1].extra);
  });

  it('sound keys come without keeping the romanization; asking for it still works', () => {
    const ds = buildDataset(raw([['名称', '区划代码'], ['幸福东路', '370523101']]), 't.csv');
    const [rec] = analyzeDataset(ds, { profiles: [loadProfile('national', RULES)] }).records;
    expect(rec.sound!(false)).toBe('xing fu dong lu');
    expect(rec.sound!(true)).toBe('xìng fú dōng lù');
    expect((rec as unknown as { roman?: unknown }).roman).toBeUndefined();
    expect(rec.romanization?.pinyin).toBe('Xìngfú Dōnglù');
    expect(rec.sound!(false)).toBe(rec.romanization?.soundKey);
  });
});
