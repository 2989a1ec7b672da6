import { describe, expect, it } from 'vitest';
import { AnnounceRowBuilder, adminPath, isBlank, loadTemplate, villageLabel } from '../../src/announce/index.js';
import { analyzeDataset } from '../../src/check/engine.js';
import type { ColumnMapping, Dataset, RecordFields } from '../../src/core/record.js';
import { Orthography } from '../../src/pinyin/orthography.js';
import { loadProfile } from '../../src/profiles/profile.js';
import { RULES } from '../../src/rules/registry.js';
import type { AnalyzedRecord } from '../../src/rules/types.js';

const profile = loadProfile('national', RULES);

function dataset(rows: { name: string; fields?: RecordFields; extra?: Record<string, string> }[], columns: ColumnMapping[] = []): Dataset {
  const extraHeaders = [...new Set(rows.flatMap((r) => Object.keys(r.extra ?? {})))];
  return {
    source: { file: 'test.csv' },
    columns,
    extraHeaders,
    records: rows.map((r, i) => ({ row: i + 1, name: r.name, fields: r.fields ?? {}, extra: r.extra ?? {} })),
    notes: [],
  };
}

function analysed(ds: Dataset): AnalyzedRecord[] {
  return analyzeDataset(ds, { profiles: [profile] }).records;
}

const PLACE = { province: '山东省', city: '东营市', county: '广饶县', township: '大王镇', village: '大王东村' };
const full = loadTemplate('full').columns;

describe('announcement rows from records', () => {
  it('resolved area, generated pinyin, location from start/end, catalogue fields', () => {
    const ds = dataset([{ name: '幸福路', fields: { ...PLACE, start: '大王东村村委会', end: '东外环路', orientation: '东西', length_m: '880', width_m: '4.5', naming_reason: '寓意幸福' } }]);
    const [rec] = analysed(ds);
    const v = new AnnounceRowBuilder(ds, { columns: full }).build(rec);
    expect(v.row).toMatchObject({
      name: '幸福路',
      pinyin: 'Xìngfú Lù',
      admin_path: '山东省东营市广饶县大王镇大王东村',
      location_desc: '位于大王镇大王东村，西起大王东村村委会，东至东外环路',
      length_m: '880',
      width_m: '4.5',
      orientation: '东西',
      naming_reason: '寓意幸福',
    });
    expect(v.row.seq).toBeUndefined(); // numbered by the writers in document order
    expect(v.township).toBe('大王镇');
    expect(v.townshipPath).toBe('山东省东营市广饶县大王镇');
    expect(v.hasLocation).toBe(true);
  });

  it('a table 位置描述 column wins; 备注 and 附图 come from pass-through columns', () => {
    const ds = dataset([{ name: '幸福路', fields: { ...PLACE, start: 'A', end: 'B' }, extra: { 位置描述: '位于村中心', 备注: '已硬化', 附图: '图1' } }]);
    const cols = loadTemplate('full').columns.concat([{ key: 'attachment', header: '附图' }]);
    const v = new AnnounceRowBuilder(ds, { columns: cols }).build(analysed(ds)[0]);
    expect(v.row.location_desc).toBe('位于村中心');
    expect(v.row.remark).toBe('已硬化');
    expect(v.row.attachment).toBe('图1');
    expect(v.hasLocation).toBe(true);
  });

  it('no ends and no location column: 位置描述 left empty (a bare 「位于某镇某村」 does not locate a road)', () => {
    const ds = dataset([{ name: '幸福路', fields: PLACE }, { name: '和谐路', fields: { ...PLACE, start: '村西口' } }]);
    const [a, b] = analysed(ds).map((r) => new AnnounceRowBuilder(ds, { columns: full }).build(r));
    expect(a.row.location_desc).toBeUndefined();
    expect(a.hasLocation).toBe(false);
    expect(b.row.location_desc).toBe('位于大王镇大王东村，起于村西口');
    expect(b.hasLocation).toBe(false);
  });

  it('geometry: ends, direction and geodesic length when the table has none; 全长 only without a length column', () => {
    const ds = dataset([{ name: '幸福路', fields: PLACE }]);
    const geometry = () => ({ lengthM: 888.4, start: [118.51, 37], end: [118.5, 37], orientation: 'EW' as const, startName: '建设路', endName: '和平路' });
    const [rec] = analysed(ds);
    const v = new AnnounceRowBuilder(ds, { columns: full, geometry }).build(rec);
    expect(v.row.location_desc).toBe('位于大王镇大王东村，东起建设路，西至和平路'); // runs east → west
    expect(v.row.length_m).toBe('888');
    expect(v.row.orientation).toBe('EW');
    const min = new AnnounceRowBuilder(ds, { columns: loadTemplate('minimum').columns, geometry }).build(rec);
    expect(min.row.location_desc).toBe('位于大王镇大王东村，东起建设路，西至和平路，全长约888米');
  });

  it('lengths: a 公里 header or cell is converted to metres; text that is not a number is kept', () => {
    const km: ColumnMapping[] = [{ index: 0, header: '长度(公里)', key: 'length_m', unit: '公里' }];
    const ds = dataset([{ name: '幸福路', fields: { length_m: '1.2' } }, { name: '和谐路', fields: { length_m: '800米' } }, { name: '兴业路', fields: { length_m: '约1.5公里' } }, { name: '丰收路', fields: { length_m: '800-900' } }], km);
    const b = new AnnounceRowBuilder(ds, { columns: full });
    expect(analysed(ds).map((r) => b.build(r).row.length_m)).toEqual(['1200', '800', '1500', '800-900']);
  });

  it('a supplied 拼音 column wins, normalised as diming pinyin does (sign form → tone-less capitalised)', () => {
    const ds = dataset([{ name: '堡子路', fields: { pinyin: 'BUZI LU' } }, { name: 'Q路', fields: { pinyin: 'Q Lù' } }, { name: '和平路', fields: { pinyin: '无' } }]);
    const b = new AnnounceRowBuilder(ds, { columns: full, orthography: new Orthography() });
    expect(analysed(ds).map((r) => b.build(r).pinyin)).toEqual(['Buzi Lu', 'Q Lù', 'Hépíng Lù']);
  });

  it('所属政区 without a resolved code: the table’s 所属政区, else its level columns as written', () => {
    const ds = dataset([{ name: '幸福路', fields: { admin_path: '某省某县某镇' } }, { name: '和谐路', fields: { county: '不存在县', township: '某镇' } }]);
    const recs = analysed(ds);
    const field = (r: AnalyzedRecord) => (k: keyof RecordFields) => r.record.fields[k];
    expect(adminPath(recs[0], field(recs[0]))).toBe('某省某县某镇');
    expect(adminPath(recs[1], field(recs[1]))).toBe('不存在县某镇');
  });

  it('helpers', () => {
    expect(villageLabel('大王东村委会')).toBe('大王东村');
    expect(villageLabel('中心社区居民委员会')).toBe('中心社区');
    expect(villageLabel('新村村民委员会')).toBe('新村村');
    expect(villageLabel(undefined)).toBeUndefined();
    for (const s of [undefined, '', ' ', '无', '—', '/', 'N/A']) expect(isBlank(s)).toBe(true);
    expect(isBlank('广饶县人民政府')).toBe(false);
  });
});
