import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../src/check/engine.js';
import type { NameRecord } from '../../src/core/record.js';
import type { Profile } from '../../src/profiles/profile.js';
import { directionWord } from '../../src/rules/direction-word.js';
import { ruleTester } from './tester.js';

ruleTester(directionWord, {
  valid: [
    '河东路', '城南路', '幸福路', '东柳河路', '中心街',
    { name: '杏园东路', batch: ['杏园西路'] },
    { name: '杏园东路', batch: ['杏园路'] },
    { name: '杏园东路', existing: [{ name: '杏园路' }] },
    { name: '幸福中路', label: '中 has no opposite' },
  ],
  invalid: [
    { name: '北巷', errors: [{ severity: 'warning', message: '方位词' }] },
    { name: '东头街', errors: [{ message: '东头' }] },
    { name: '杏园东路', label: 'no 杏园路 and no 杏园西路: soft', errors: [{ severity: 'info', soft: true }] },
  ],
});

describe('direction-word pairs on the map', () => {
  const line = (lon: number): NameRecord['geometry'] => ({ geojson: { type: 'LineString', coordinates: [[lon, 37.0], [lon, 37.01]] } });
  const run = (east: number, west: number) => {
    const profile: Profile = {
      name: 't', description: '', basis: [], appliesTo: [], settings: {}, lists: [], overrides: [], baseDir: process.cwd(),
      rules: new Map([['direction-word', { severity: 'warning', options: { toleranceMeters: 50 } }]]),
    };
    const records: NameRecord[] = [
      { row: 1, name: '杏园东路', fields: {}, extra: {}, geometry: line(east) },
      { row: 2, name: '杏园西路', fields: {}, extra: {}, geometry: line(west) },
    ];
    return checkDataset({ source: { file: 't' }, columns: [], extraHeaders: [], notes: [], records }, { profiles: [profile], onlyRules: [directionWord] }).findings;
  };
  it('accepts 东路 east of 西路', () => expect(run(118.01, 118.0)).toEqual([]));
  it('reports 东路 west of 西路 on both rows', () => {
    const f = run(118.0, 118.01);
    expect(f.map((x) => x.row).sort()).toEqual([1, 2]);
    expect(f[0].message.zh).toContain('西侧');
  });
  it('tolerates 30 m', () => expect(run(118.0, 118.0003)).toEqual([]));
});

describe('direction-word pairs after the geometry stage (Gauss-Krüger input)', () => {
  it('compares the transformed lines', async () => {
    const { analyzeDataset, checkAnalyzed } = await import('../../src/check/engine.js');
    const { attachGeometry, runGeometryStage } = await import('../../src/check/geometry.js');
    const profile: Profile = {
      name: 't', description: '', basis: [], appliesTo: [], settings: {}, lists: [], overrides: [], baseDir: process.cwd(),
      rules: new Map([['direction-word', { severity: 'warning', options: { toleranceMeters: 50 } }]]),
    };
    const records: NameRecord[] = [
      // 东路 1 km west of 西路 (zone 40 eastings).
      { row: 1, name: '杏园东路', fields: { geometry: 'LINESTRING (40515300 3349722, 40515300 3350722)' }, extra: {} },
      { row: 2, name: '杏园西路', fields: { geometry: 'LINESTRING (40516300 3349722, 40516300 3350722)' }, extra: {} },
    ];
    const ds = { source: { file: 't.csv' }, columns: [], extraHeaders: [], notes: [], records };
    const opts = { profiles: [profile], onlyRules: [directionWord] };
    const stage = await runGeometryStage(ds);
    const analysis = analyzeDataset(ds, opts);
    attachGeometry(analysis.records, stage!.geometry);
    expect(checkAnalyzed(analysis, opts).findings.map((f) => f.row).sort()).toEqual([1, 2]);
  });
});
