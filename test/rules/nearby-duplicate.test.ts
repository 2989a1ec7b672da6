import { describe, expect, it } from 'vitest';
import { analyzeDataset, checkAnalyzed } from '../../src/check/engine.js';
import { attachGeometry, runGeometryStage } from '../../src/check/geometry.js';
import type { Dataset, NameRecord } from '../../src/core/record.js';
import type { Profile } from '../../src/profiles/profile.js';
import { duplicate } from '../../src/rules/duplicate.js';
import { homophone } from '../../src/rules/homophone.js';
import { nearbyDuplicate } from '../../src/rules/nearby-duplicate.js';
import { ruleTester } from './tester.js';

const T1 = { admin_code: '370523101' }; // 大王镇
const T2 = { admin_code: '370523102' }; // 稻庄镇
// At 37°N: 0.01° of latitude ≈ 1.11 km.
const A = 'LINESTRING (118.50 37.00, 118.51 37.00)';
const NORTH_1200 = 'LINESTRING (118.50 37.0108, 118.51 37.0108)';
const NORTH_2000 = 'LINESTRING (118.50 37.018, 118.51 37.018)';
const NORTH_8000 = 'LINESTRING (118.50 37.072, 118.51 37.072)';
const CONTINUES = 'LINESTRING (118.51 37.00, 118.52 37.00)';

ruleTester(nearbyDuplicate, {
  valid: [
    { name: '槐荫路', fields: T1, geometry: A, batch: [{ name: '槐荫路', fields: T2, geometry: NORTH_8000 }], label: '8 km from the nearest namesake' },
    { name: '槐荫路', fields: T1, batch: [{ name: '槐荫路', fields: T2, geometry: NORTH_1200 }], label: 'no geometry: the rule does not run' },
    { name: '槐荫路', fields: T1, geometry: A, batch: [{ name: '槐香路', fields: T2, geometry: NORTH_1200 }], label: 'different name and sound' },
    { name: '槐荫路', fields: T1, geometry: A, batch: [{ name: '槐荫路', fields: T2, geometry: CONTINUES }], label: 'the same road continued across the township line' },
    { name: '槐荫路', fields: T1, geometry: A, options: { radiusMeters: 1000 }, batch: [{ name: '槐荫路', fields: T2, geometry: NORTH_1200 }], label: 'beyond a 1 km radius' },
    { name: '槐荫路', fields: T1, geometry: A, batch: [{ name: '槐荫街', fields: T2, geometry: NORTH_1200 }], label: 'same 专名 only, not compared nationally' },
    { name: '槐荫路', fields: T1, geometry: A, existing: [{ name: '槐荫路', adminCode: '370523102001', geometry: NORTH_8000 }], label: 'existing namesake 8 km away' },
    { name: '槐荫路', fields: T1, geometry: A, existing: [{ name: '槐荫路', adminCode: '370523102001' }], label: 'existing name without geometry' },
  ],
  invalid: [
    {
      name: '槐荫路', fields: T1, geometry: A, existing: [{ name: '槐荫路', adminCode: '370523102001', geometry: NORTH_1200 }],
      label: 'existing namesake 1.2 km away in the next township',
      errors: [{ severity: 'warning', message: /同名.*相距约 1\.2 公里.*370523101.*370523102001/, related: ['槐荫路'] }],
    },
    {
      name: '崇庆路', fields: T1, geometry: A, existing: [{ name: '重庆路', adminCode: '370523102001', geometry: NORTH_2000 }],
      label: 'existing polyphone 2 km away read as the engine reads it (重庆 chong qing)',
      errors: [{ message: /同音/, related: ['重庆路'] }],
    },
    {
      name: '福民路', fields: T1, geometry: A, batch: [{ name: '富民路', fields: T2, geometry: NORTH_2000 }],
      label: 'homophone 2 km away across the township line',
      errors: [{ message: /第 2 行「富民路」同音（Fumin Lu）.*相距约 2\.0 公里/, related: ['富民路'] }],
    },
    {
      name: '槐荫路', fields: T1, geometry: A, batch: [{ name: '槐荫路', fields: T2, geometry: NORTH_1200 }],
      label: 'batch namesake in the next township',
      errors: [{ message: '同名' }],
    },
    {
      name: '槐荫路', fields: T1, geometry: A, options: { compare: ['exact', 'homophone', 'specific'] }, batch: [{ name: '槐荫街', fields: T2, geometry: NORTH_1200 }],
      label: 'specific comparison switched on',
      errors: [{ message: '专名相同' }],
    },
    {
      name: '槐荫路', fields: T1, geometry: 'LINESTRING (40515300 3349722, 40515600 3349722)', geo: { crs: 'EPSG:4528' },
      batch: [{ name: '槐荫路', fields: T2, geometry: 'LINESTRING (40515300 3350922, 40515600 3350922)' }],
      label: 'Gauss-Krüger input, measured after the transform',
      errors: [{ message: /相距约 1\.2 公里/ }],
    },
  ],
});

describe('nearby-duplicate after the uniqueness rules', () => {
  const profile: Profile = {
    name: 't', description: '', basis: [], appliesTo: [], settings: {}, lists: [], overrides: [], baseDir: process.cwd(),
    rules: new Map([
      ['duplicate', { severity: 'error', options: { scope: 'township', sameTypeOnly: false } }],
      ['homophone', { severity: 'warning', options: { scope: 'township', tones: false } }],
      ['nearby-duplicate', { severity: 'warning', options: { radiusMeters: 3000, compare: ['exact', 'homophone'] } }],
    ]),
  };
  const run = async (second: { name: string; code: string }) => {
    const records: NameRecord[] = [
      { row: 1, name: '槐荫路', fields: { admin_code: '370523101', geometry: A }, extra: {} },
      { row: 2, name: second.name, fields: { admin_code: second.code, geometry: NORTH_1200 }, extra: {} },
    ];
    const ds: Dataset = { source: { file: 't.csv' }, columns: [], extraHeaders: [], notes: [], records };
    const opts = { profiles: [profile], onlyRules: [duplicate, homophone, nearbyDuplicate] };
    const stage = await runGeometryStage(ds);
    const analysis = analyzeDataset(ds, opts);
    attachGeometry(analysis.records, stage!.geometry);
    return checkAnalyzed(analysis, opts).findings.map((f) => `${f.row} ${f.rule}`);
  };
  it('leaves a same-township duplicate to duplicate', async () => {
    expect(await run({ name: '槐荫路', code: '370523101' })).toEqual(['1 duplicate', '2 duplicate']);
  });
  it('leaves a same-township homophone to homophone', async () => {
    expect(await run({ name: '怀音路', code: '370523101' })).toEqual(['1 homophone', '2 homophone']);
  });
  it('reports the pair across the township line on both rows', async () => {
    expect(await run({ name: '槐荫路', code: '370523102' })).toEqual(['1 nearby-duplicate', '2 nearby-duplicate']);
  });
});
