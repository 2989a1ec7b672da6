import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSchedule, compass, faceFor, initialBearing, intersect, type ScheduledSign } from '../../src/signs/schedule.js';
import { defaultSignStyle } from '../../src/signs/style.js';
import { ll, multi, road } from './helpers.js';

const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const summary = (signs: ScheduledSign[]) => signs.map((s) => `${s.id} ${s.placement}${s.withNames.length ? ' ' + s.withNames.join('+') : ''}`);
const near = (s: ScheduledSign, x: number, y: number, tolM = 0.05) => {
  const [lon, lat] = ll(x, y);
  const dx = (s.lon - lon) * 111195 * Math.cos((37.1 * Math.PI) / 180);
  const dy = (s.lat - lat) * 111195;
  return Math.hypot(dx, dy) <= tolM;
};

describe('sample network (test/fixtures/signs/network.geojson)', () => {
  const net = JSON.parse(readFileSync(new URL('../fixtures/signs/network.geojson', import.meta.url), 'utf8'));
  const s = buildSchedule(net);
  it('puts a sign at every end and every junction', () => {
    expect(summary(s.signs)).toEqual([
      'A-01 start',
      'A-02 junction 福民路', // D stops 2 m short of A: a T-junction digitised short
      'A-03 junction 和谐路', // B crosses A at A's vertex; B has no vertex there
      'A-04 junction 富民路', // C starts on A between A's vertices
      'A-05 end 文明巷', // the loop E starts at A's end
      'B-01 start',
      'B-02 junction 幸福路',
      'B-03 junction 王家庄东路', // F crosses B with no shared vertex at all
      'B-04 end',
      'C-01 start 幸福路',
      'C-02 junction 王家庄东路',
      'C-03 end',
      'D-01 start',
      'D-02 end 幸福路',
      'E-01 start 幸福路', // a loop has one end sign
      'F-01 start',
      'F-02 junction 和谐路',
      'F-03 junction 富民路',
      'F-04 end',
    ]);
    expect(s.counts).toEqual({ start: 6, end: 5, junction: 8 });
    expect(s.roads).toBe(6);
  });
  it('skips bad roads with reasons and never throws', () => {
    expect(s.skipped.map((k) => k.id)).toEqual(['G', 'H', 'I']);
    expect(s.skipped[0].reason.en).toContain('Point');
    expect(s.skipped[1].reason.en).toContain('no road name');
    expect(s.skipped[2].reason.en).toContain('not longitude/latitude');
    expect(s.skipped.every((k) => /[\u4e00-\u9fff]/.test(k.reason.zh))).toBe(true);
  });
  it('gives positions, arrows and sizes', () => {
    const a3 = s.signs.find((x) => x.id === 'A-03')!;
    expect(near(a3, 500, 0)).toBe(true);
    expect(a3).toMatchObject({ bearing: 90, bearingBack: 270, direction: 'W/E', arrow: '←→', face: 'both', size: '1000×600 mm', text: '幸福路', pinyin: 'XINGFU LU' });
    const b1 = s.signs.find((x) => x.id === 'B-01')!;
    expect(b1).toMatchObject({ placement: 'start', bearing: 0, direction: 'N', arrow: '↑', face: 'right' });
    const b4 = s.signs.find((x) => x.id === 'B-04')!;
    expect(b4).toMatchObject({ placement: 'end', bearing: 180, direction: 'S', arrow: '↓', face: 'left' });
    const e1 = s.signs.find((x) => x.id === 'E-01')!;
    expect(e1.notes.map((n) => n.en)).toEqual(['loop road: start and end coincide']);
    const d2 = s.signs.find((x) => x.id === 'D-02')!;
    expect(near(d2, 200, 2)).toBe(true); // the end sign stays on the road's own end
    const a2 = s.signs.find((x) => x.id === 'A-02')!;
    expect(near(a2, 200, 0)).toBe(true); // and the through road's sign at the closest point
  });
  it('writes at most 7 decimals', () => {
    for (const x of s.signs) {
      expect(String(x.lon).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(7);
      expect(String(x.lat).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(7);
    }
    const s5 = buildSchedule(net, { precision: 5 });
    for (const x of s5.signs) expect(String(x.lon).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(5);
  });
  it('is stable: same input, same ids and rows', () => {
    expect(buildSchedule(net)).toEqual(s);
  });
});

describe('hand-made networks', () => {
  it('finds a crossing between segments without shared vertices (X)', () => {
    const s = buildSchedule(fc(road('a', '甲路', [[0, 0], [100, 100]]), road('b', '乙路', [[0, 100], [100, 0]])));
    expect(summary(s.signs)).toEqual(['a-01 start', 'a-02 junction 乙路', 'a-03 end', 'b-01 start', 'b-02 junction 甲路', 'b-03 end']);
    expect(near(s.signs[1], 50, 50)).toBe(true);
    expect(s.signs[1].bearing).toBe(45);
    expect(s.signs[1].bearingBack).toBe(225);
  });
  it('handles a T-junction at a vertex and one without a vertex', () => {
    const s = buildSchedule(fc(road('a', '甲路', [[0, 0], [50, 0], [100, 0]]), road('b', '乙路', [[50, 0], [50, 80]]), road('c', '丙路', [[80, 60], [80, 0]])));
    expect(summary(s.signs)).toEqual([
      'a-01 start', 'a-02 junction 乙路', 'a-03 junction 丙路', 'a-04 end',
      'b-01 start 甲路', 'b-02 end',
      'c-01 start', 'c-02 end 甲路',
    ]);
  });
  it('merges junction points within mergeM (dual carriageway, near-coincident vertices)', () => {
    const s = buildSchedule(fc(
      road('a', '甲路', [[0, 0], [200, 0]]),
      road('b', '乙路', [[100, -50], [100, 50]]),
      road('c', '丙路', [[103, -50], [103, 50]]),
    ));
    const a = s.signs.filter((x) => x.roadId === 'a');
    expect(summary(a)).toEqual(['a-01 start', 'a-02 junction 丙路+乙路', 'a-03 end']);
    const apart = buildSchedule(fc(road('a', '甲路', [[0, 0], [200, 0]]), road('b', '乙路', [[100, -50], [100, 50]]), road('c', '丙路', [[103, -50], [103, 50]])), { mergeM: 1 });
    expect(apart.signs.filter((x) => x.roadId === 'a' && x.placement === 'junction')).toHaveLength(2);
  });
  it('counts a junction of three roads at one point once per road', () => {
    const s = buildSchedule(fc(road('a', '甲路', [[0, 0], [100, 0]]), road('b', '乙路', [[100, 0], [200, 0]]), road('c', '丙路', [[100, 0], [100, 100]])));
    expect(summary(s.signs)).toEqual(['a-01 start', 'a-02 end 丙路+乙路', 'b-01 start 丙路+甲路', 'b-02 end', 'c-01 start 甲路+乙路', 'c-02 end']);
  });
  it('survives duplicate points, zero-length parts and bad coordinates', () => {
    const bad = [
      road('a', '甲路', [[0, 0], [0, 0], [50, 0], [50, 0], [100, 0], [100, 0]]),
      road('z', '零路', [[10, 10], [10, 10]]),
      { type: 'Feature', properties: { id: 'n', name: '空路' }, geometry: null },
      { type: 'Feature', properties: { id: 'm', name: '坏路' }, geometry: { type: 'LineString', coordinates: [[1, 'x'], [2, 3]] } },
      { type: 'Feature', properties: { id: 'q', name: '怪路' }, geometry: { type: 'LineString', coordinates: 'nope' } },
      { type: 'Feature', properties: { id: 'k', name: '缺路' }, geometry: { type: 'MultiLineString', coordinates: [[ll(0, 50), ll(0, 50)], [ll(30, -20), ll(30, 20)]] } },
      'not a feature',
      null,
    ];
    const s = buildSchedule(fc(...bad));
    expect(summary(s.signs)).toEqual(['a-01 start', 'a-02 junction 缺路', 'a-03 end', 'k-01 start', 'k-02 junction 甲路', 'k-03 end']);
    expect(s.skipped.map((k) => k.id ?? `#${k.feature}`)).toEqual(['z', 'n', 'm', 'q', '#6', '#7']);
    expect(s.warnings.map((w) => `${w.id}: ${w.reason.en}`)).toEqual(['k: no sign pinyin', 'k: 1 zero-length part(s) ignored']);
  });
  it('joins the parts of a MultiLineString: no end signs where parts meet', () => {
    const s = buildSchedule(fc(multi('a', '甲路', [[[0, 0], [100, 0]], [[100, 0], [200, 0]]]), road('b', '乙路', [[150, -50], [150, 50]])));
    expect(summary(s.signs.filter((x) => x.roadId === 'a'))).toEqual(['a-01 start', 'a-02 junction 乙路', 'a-03 end']);
  });
  it('treats features with the same name as one road, unless asked', () => {
    const net = fc(road('a1', '甲路', [[0, 0], [100, 0]]), road('a2', '甲路', [[100, 0], [200, 0]]));
    const s = buildSchedule(net);
    expect(s.counts.junction).toBe(0);
    expect(s.signs.find((x) => x.id === 'a1-02')!.notes[0].en).toContain('same name');
    const j = buildSchedule(net, { sameNameJunctions: true });
    expect(j.signs.find((x) => x.id === 'a1-02')!.withIds).toEqual(['a2']);
  });
  it('handles a lollipop loop crossing itself and a road along another (collinear overlap)', () => {
    const s = buildSchedule(fc(
      road('a', '甲路', [[0, 0], [100, 0], [100, 50], [50, 50], [50, -50]]), // crosses itself: no junction with itself
      road('b', '乙路', [[200, 0], [300, 0]]),
      road('c', '丙路', [[250, 0], [350, 0]]), // runs along b from 250 to 300
    ));
    expect(summary(s.signs.filter((x) => x.roadId === 'a'))).toEqual(['a-01 start', 'a-02 end']);
    expect(summary(s.signs.filter((x) => x.roadId === 'b'))).toEqual(['b-01 start', 'b-02 junction 丙路', 'b-03 end 丙路']);
  });
  it('reads id, name and pinyin from other properties, or asks pinyinOf', () => {
    const f = { type: 'Feature', properties: { 编号: 7, 名称: '绿水路' }, geometry: { type: 'LineString', coordinates: [ll(0, 0), ll(100, 0)] } };
    const s = buildSchedule([f], { pinyinOf: (name) => (name === '绿水路' ? 'Lǜshuǐ Lù' : undefined), style: { ...defaultSignStyle(), umlaut: 'v' } });
    expect(s.signs[0]).toMatchObject({ id: '7-01', roadId: '7', text: '绿水路', pinyin: 'LVSHUI LU' });
    const w = buildSchedule([f]);
    expect(w.warnings[0].reason.en).toBe('no sign pinyin');
    expect(w.signs).toHaveLength(2);
  });
  it('makes duplicate road ids unique, with a warning', () => {
    const s = buildSchedule(fc(road('a', '甲路', [[0, 0], [100, 0]]), road('a', '乙路', [[0, 100], [100, 100]])));
    expect([...new Set(s.signs.map((x) => x.roadId))]).toEqual(['a', 'a~2']);
    expect(new Set(s.signs.map((x) => x.id)).size).toBe(s.signs.length);
    expect(s.warnings[0].reason.en).toContain('duplicate road id');
  });
  it('accepts a single Feature, an array, and nothing', () => {
    expect(buildSchedule(road('a', '甲路', [[0, 0], [10, 0]])).signs).toHaveLength(2);
    expect(buildSchedule([road('a', '甲路', [[0, 0], [10, 0]])]).signs).toHaveLength(2);
    expect(buildSchedule(undefined).signs).toEqual([]);
    expect(buildSchedule(fc()).signs).toEqual([]);
  });
});

describe('geometry helpers', () => {
  it('intersects segments, touching within 1 cm', () => {
    expect(intersect(0, 0, 10, 0, 5, -5, 5, 5)).toEqual([[0.5, 0.5]]);
    expect(intersect(0, 0, 10, 0, 10.005, -5, 10.005, 5)).toEqual([[1, 0.5]]);
    expect(intersect(0, 0, 10, 0, 10.5, -5, 10.5, 5)).toEqual([]);
    expect(intersect(0, 0, 10, 0, 0, 1, 10, 1)).toEqual([]);
    expect(intersect(0, 0, 10, 0, 5, 0, 15, 0)).toEqual([[0.5, 0], [1, 0.5]]);
  });
  it('bearings, compass points and face arrows', () => {
    expect(initialBearing(118, 37, 118, 38)).toBeCloseTo(0, 9);
    expect(initialBearing(118, 37, 119, 37)).toBeCloseTo(89.7, 1);
    expect(compass(44)).toBe('NE');
    expect(compass(350)).toBe('N');
    expect([0, 45, 90, 134].map(faceFor)).toEqual(['right', 'right', 'right', 'right']);
    expect([135, 180, 270, 314].map(faceFor)).toEqual(['left', 'left', 'left', 'left']);
  });
});
