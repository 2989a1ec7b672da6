import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../src/check/engine.js';
import type { Profile } from '../../src/profiles/profile.js';
import { genericOrientation } from '../../src/rules/generic-orientation.js';
import { ruleTester } from './tester.js';

ruleTester(genericOrientation, {
  valid: [
    { name: '丰收路', fields: { orientation: '东西走向', tier: 'main' } },
    { name: '柳荫巷', fields: { orientation: '南北', tier: 'minor' } },
    { name: '丰收路', fields: { orientation: '东西' }, label: 'no tier: main table for 路' },
    { name: '丰收路', label: 'orientation unknown: not judged' },
    { name: '丰收大道', fields: { orientation: '南北', tier: 'main' }, label: 'a generic the table does not name' },
    { name: '丰收路', fields: { orientation: '东北—西南', tier: 'main' } },
    { name: '丰收街', fields: { tier: '主干道' }, label: 'geometry missing' },
    { name: '丰收街', fields: { tier: 'main' }, geometry: 'SRID=4528;LINESTRING (40515300 3349722, 40515310 3350722)', label: 'north–south Gauss-Krüger line, after the geometry stage' },
    { name: '丰收街', fields: { tier: 'main' }, geometry: 'LINESTRING (118.50 37.00, 118.51 37.00, 118.51 37.01, 118.50 37.01)', label: 'a U-shaped road: orientation other, not judged' },
  ],
  invalid: [
    { name: '丰收路', fields: { orientation: '南北走向', tier: 'main' }, errors: [{ message: '南北走向的主干道' }] },
    { name: '柳荫巷', fields: { orientation: '东西', tier: 'minor' }, errors: [{ message: '胡同' }] },
    { name: '丰收街', fields: { orientation: 'EW' }, errors: [{ message: '「路」' }] },
    { name: '丰收街', fields: { tier: 'main' }, geometry: 'SRID=4528;LINESTRING (40515300 3349722, 40516300 3349730)', label: 'east–west Gauss-Krüger line', errors: [{ message: '东西走向的主干道' }] },
  ],
});

// Geometry-based orientation (first-to-last bearing of a lon/lat line).

describe('generic-orientation from geometry', () => {
  const run = (name: string, wkt: [number, number][], tier: string) => {
    const profile: Profile = {
      name: 't', description: '', basis: [], appliesTo: [], settings: {}, lists: [], overrides: [], baseDir: process.cwd(),
      rules: new Map([['generic-orientation', { severity: 'warning', options: { ...genericOrientation.meta.options } }]]),
    };
    const ds = { source: { file: 't' }, columns: [], extraHeaders: [], notes: [], records: [{ row: 1, name, fields: { tier }, extra: {}, geometry: { geojson: { type: 'LineString' as const, coordinates: wkt } } }] };
    return checkDataset(ds, { profiles: [profile], onlyRules: [genericOrientation] }).findings;
  };
  it('reads an east–west line', () => {
    expect(run('丰收路', [[114.1, 38.9], [114.11, 38.901]], 'main')).toEqual([]);
    expect(run('丰收街', [[114.1, 38.9], [114.11, 38.901]], 'main')).toHaveLength(1);
  });
  it('reads a north–south line', () => {
    expect(run('柳荫巷', [[114.1, 38.9], [114.101, 38.91]], 'minor')).toEqual([]);
    expect(run('柳荫胡同', [[114.1, 38.9], [114.101, 38.91]], 'minor')).toHaveLength(1);
  });
  it('ignores projected coordinates', () => {
    expect(run('丰收街', [[40515300, 3349722], [40515400, 3349723]], 'main')).toEqual([]);
  });
});
