import { describe, expect, it } from 'vitest';
import {
  type AnnouncementDoc,
  chineseNumeral,
  column,
  describeLocation,
  flatHeader,
  flatRows,
  formatChineseDate,
  groupByTownship,
  orientationCode,
  parseDate,
  prepareAnnouncement,
  requireDate,
  toIsoDate,
} from '../../src/announce/index.js';
import { DimingError } from '../../src/core/errors.js';

describe('dates', () => {
  it.each([
    ['2024-03-01', '2024年3月1日'],
    ['2024-03-01T10:00:00+08:00', '2024年3月1日'],
    ['2024/3/1', '2024年3月1日'],
    ['2024.03.01', '2024年3月1日'],
    ['2024年3月1日', '2024年3月1日'],
    ['2024年03月01号', '2024年3月1日'],
    ['２０２４年３月１日', '2024年3月1日'],
    ['20240301', '2024年3月1日'],
    ['45352', '2024年3月1日'],
    [45352, '2024年3月1日'],
    [1, '1900年1月1日'],
    [61, '1900年3月1日'],
    ['2024-12-31', '2024年12月31日'],
  ])('%s → %s', (input, out) => {
    expect(formatChineseDate(input)).toBe(out);
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', 'March 1', '', '1.5', '60', 60])('rejects %s', (input) => {
    expect(parseDate(input)).toBeUndefined();
  });

  it('ISO output and leap days', () => {
    expect(toIsoDate('2024/2/29')).toBe('2024-02-29');
    expect(toIsoDate('2024年3月1日')).toBe('2024-03-01');
  });

  it('requireDate is a bilingual usage error naming the option', () => {
    try {
      requireDate('2024-02-30');
      expect.fail('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(DimingError);
      const d = e as DimingError;
      expect(d.kind).toBe('usage');
      expect(d.text.zh).toContain('--date');
      expect(d.text.en).toContain('--date');
      expect(d.hint?.zh).toContain('2024年3月1日');
    }
  });
});

describe('chineseNumeral', () => {
  it.each([
    [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [20, '二十'], [40, '四十'], [45, '四十五'],
    [100, '一百'], [101, '一百零一'], [110, '一百一十'], [1351, '一千三百五十一'],
  ])('%i → %s', (n, s) => expect(chineseNumeral(n)).toBe(s));
});

describe('prepareAnnouncement', () => {
  const base = (): AnnouncementDoc => ({
    title: '某县人民政府关于乡村道路命名的公告',
    authority: '某县人民政府',
    date: '2024/3/1',
    columns: ['seq', 'name', 'orientation', 'approval_date'].map((k) => column(k)),
    groups: [
      { township: '甲镇', rows: [{ name: '幸福路', orientation: 'EW', approval_date: '45352' }, { name: '和谐路', orientation: 'ns' }] },
      { township: '乙镇', rows: [] },
      { township: '丙乡', rows: [{ seq: '99', name: '富民\u0007路\r\n', orientation: '其他', approval_date: '不详' }] },
    ],
  });

  it('numbers rows across groups, formats dates and orientations, drops empty groups', () => {
    const p = prepareAnnouncement(base());
    expect(p.groups.map((g) => g.township)).toEqual(['甲镇', '丙乡']);
    expect(p.groups[0].rows).toEqual([
      ['1', '幸福路', '东西', '2024年3月1日'],
      ['2', '和谐路', '南北', ''],
    ]);
    // An explicit 序号 is kept; control characters removed; unparseable dates kept as written.
    expect(p.groups[1].rows).toEqual([['99', '富民路', '其他', '不详']]);
    expect(p.total).toBe(3);
    expect(p.dateText).toBe('2024年3月1日');
    expect(p.timestamp).toBe('2024-03-01T00:00:00Z');
  });

  it('builds the default body sentence, or none with intro: []', () => {
    const p = prepareAnnouncement(base());
    expect(p.intro).toHaveLength(1);
    expect(p.intro[0]).toContain('经某县人民政府于2024年3月1日批准');
    expect(p.intro[0]).toContain('2个乡镇（街道）的3条道路');
    expect(prepareAnnouncement({ ...base(), intro: [] }).intro).toEqual([]);
  });

  it('metadata time comes from generated, else the date, else a fixed default (never the clock)', () => {
    expect(prepareAnnouncement({ ...base(), generated: '2024-03-05T10:00:00+08:00' }).timestamp).toBe('2024-03-05T02:00:00Z');
    expect(prepareAnnouncement({ ...base(), date: undefined }).timestamp).toBe('2000-01-01T00:00:00Z');
  });

  it('rejects no columns and duplicate columns with bilingual errors', () => {
    expect(() => prepareAnnouncement({ ...base(), columns: [] })).toThrow(DimingError);
    try {
      prepareAnnouncement({ ...base(), columns: [column('name'), column('name')] });
      expect.fail('no error');
    } catch (e) {
      expect((e as DimingError).text.en).toContain('twice');
    }
  });

  it('flat tables (CSV) get the township after 序号 unless the template has it', () => {
    const p = prepareAnnouncement(base());
    expect(flatHeader(p).header).toEqual(['序号', '乡镇（街道）', '标准名称', '走向', '批准时间']);
    expect(flatRows(p)[2]).toEqual(['99', '丙乡', '富民路', '其他', '不详']);
    const withTown = prepareAnnouncement({ ...base(), columns: [column('township'), column('name')] });
    expect(flatHeader(withTown).header).toEqual(['乡镇（街道）', '标准名称']);
  });
});

describe('groupByTownship', () => {
  it('keeps first-appearance order and puts blank townships under a fallback', () => {
    const items = [
      { t: '乙镇', n: 'a' }, { t: '甲镇', n: 'b' }, { t: '乙镇', n: 'c' }, { t: ' ', n: 'd' },
    ];
    const groups = groupByTownship(items, (i) => i.t, (i) => ({ name: i.n }), { adminPath: (i) => `某县${i.t}`, fallback: '未分乡镇' });
    expect(groups.map((g) => [g.township, g.rows.map((r) => r.name)])).toEqual([
      ['乙镇', ['a', 'c']], ['甲镇', ['b']], ['未分乡镇', ['d']],
    ]);
    expect(groups[0].adminPath).toBe('某县乙镇');
  });
});

describe('describeLocation (formats.md §4.2)', () => {
  it('east–west road running west → east', () => {
    expect(describeLocation({ township: '大王镇', village: '东村', orientation: 'EW', start: '东村小学', end: '小清河南侧', from: [118.1, 37.0], to: [118.2, 37.0], lengthM: 880.4 }))
      .toBe('位于大王镇东村，西起东村小学，东至小清河南侧，全长约880米');
  });
  it('east–west road drawn east → west reads 东起…西至', () => {
    expect(describeLocation({ orientation: '东西', start: 'A', end: 'B', from: [118.2, 37], to: [118.1, 37] })).toBe('东起A，西至B');
  });
  it('north–south road drawn north → south; via', () => {
    expect(describeLocation({ township: '甲镇', orientation: 'NS', start: 'A', end: 'B', via: 'C村', from: [1, 5], to: [1, 2] }))
      .toBe('位于甲镇，北起A，南至B，途经C村');
  });
  it('without orientation: 起于…止于…', () => {
    expect(describeLocation({ start: '某河北侧', end: '某村民宅' })).toBe('起于某河北侧，止于某村民宅');
    expect(describeLocation({ orientation: 'other', start: 'A', end: 'B' })).toBe('起于A，止于B');
  });
  it('nothing to say → undefined', () => {
    expect(describeLocation({})).toBeUndefined();
  });
  it('orientation codes', () => {
    expect(orientationCode('东西向')).toBe('EW');
    expect(orientationCode('SN')).toBe('NS');
    expect(orientationCode('斜向')).toBeUndefined();
  });
});
