import { describe, expect, it } from 'vitest';
import { adjoins, oneRoad } from '../../src/check/segments.js';
import type { AnalyzedRecord } from '../../src/rules/types.js';

/** Only what adjoins reads: the row, the 起点/止点 columns and the measured ends of the geometry. */
function row(n: number, start?: string, end?: string, line?: [[number, number], [number, number]]): AnalyzedRecord {
  return {
    row: n,
    full: '幸福路',
    record: { row: n, name: '幸福路', fields: { ...(start ? { start } : {}), ...(end ? { end } : {}) }, extra: {} },
    geo: line ? { measure: { start: line[0], end: line[1], lengthM: 1000, bbox: [0, 0, 0, 0], orientation: 'EW' }, findings: [] } : undefined,
  } as unknown as AnalyzedRecord;
}

describe('segments of one road', () => {
  it('adjoin when the 起点/止点 columns name a common point (either way round, spaces and widths ignored)', () => {
    expect(adjoins(row(1, '东村', '中心街'), row(2, '中心街', '西村'))).toBe(true);
    expect(adjoins(row(1, '东村', '中心街'), row(2, '西村', '中心 街'))).toBe(true);
    expect(adjoins(row(1, '东村', '中心街'), row(2, '南村', '北村'))).toBe(false);
    expect(adjoins(row(1), row(2))).toBe(false);
    expect(adjoins(row(1, '东村'), row(2, undefined, '东村'))).toBe(true);
  });

  it('adjoin when the geometries\' ends meet within 30 m; the geometry decides when both rows have one', () => {
    // At 37°N, 0.0001° of longitude ≈ 8.9 m.
    const a: [[number, number], [number, number]] = [[118.5, 37], [118.51, 37]];
    expect(adjoins(row(1, undefined, undefined, a), row(2, undefined, undefined, [[118.5102, 37], [118.52, 37]]))).toBe(true);
    expect(adjoins(row(1, undefined, undefined, a), row(2, undefined, undefined, [[118.511, 37], [118.52, 37]]))).toBe(false);
    expect(adjoins(row(1, '东村', '中心街', a), row(2, '中心街', '西村', [[118.6, 37], [118.7, 37]]))).toBe(false);
  });

  it('joins segments through one another (A–B–C), and no others', () => {
    const [a, b, c, d] = [row(1, '东村', '中心街'), row(2, '中心街', '西村'), row(3, '西村', '北村'), row(4, '南村', '南山')];
    const rows = [a, b, c, d];
    const road = oneRoad(rows.flatMap((x) => rows.filter((y) => y !== x).map((y) => [x, y] as const)));
    expect(road(a, c)).toBe(true);
    expect(road(c, a)).toBe(true);
    expect(road(a, d)).toBe(false);
    expect(road(d, b)).toBe(false);
  });
});
