import { seriesOrder } from '../../src/rules/series-order.js';
import { ruleTester } from './tester.js';

const T = { admin_code: '370523101' };

ruleTester(seriesOrder, {
  valid: [
    { name: '杏园一巷', fields: T, batch: ['杏园二巷', '杏园三巷'] },
    { name: '杏园三巷', fields: T, batch: ['杏园一巷', '杏园二巷'] },
    { name: '杏园三巷', fields: T, label: 'a lone member: earlier numbers may exist' },
    {
      name: '杏园二巷', fields: { ...T, start: '东村', end: '中心街' }, batch: [{ name: '杏园二巷', fields: { ...T, start: '中心街', end: '西村' } }, '杏园一巷'],
      label: 'two segments of one road are one member, not a repeated ordinal',
    },
    { name: '杏园三巷', fields: T, batch: ['杏园一巷'], existing: [{ name: '杏园二巷', adminCode: '370523101' }], label: 'the gap is an existing name' },
    { name: '杏园三巷', fields: T, batch: [{ name: '杏园一巷', fields: { admin_code: '370523102' } }], label: 'other township' },
    {
      name: '杏园三巷', fields: T, batch: ['杏园一巷', { name: '杏园二巷', fields: { admin_code: '370523102' } }], existing: [{ name: '杏园二巷', adminCode: '370523101' }],
      label: 'the gap is an existing name, though another township proposes the same name',
    },
    { name: '杏园二巷', fields: T, batch: ['杏园一巷'], existing: [{ name: '杏园二巷', adminCode: '370523101' }], label: 'an existing name equal to the row is not a repeat' },
    { name: '兴文路', fields: T, batch: ['兴武路'], label: 'a two-member group' },
    { name: '杏园二巷', fields: T, batch: ['杏园二巷', '杏园一巷'], label: 'the same name twice is a duplicate (duplicate reports it), not a repeated ordinal' },
    { name: '杏园一巷', fields: T, batch: ['杏园一路', '杏园三路'], label: 'another series reports its own gap' },
    { name: '兴文路', fields: T, batch: ['兴武路', '兴德路', '兴业路'] },
    { name: '槐荫九巷', fields: T, batch: ['槐荫八巷'], label: 'maxOrdinal off nationally' },
  ],
  invalid: [
    { name: '杏园三巷', fields: T, batch: ['杏园一巷'], errors: [{ severity: 'warning', message: '杏园二巷' }] },
    { name: '杏园二巷', fields: T, batch: ['杏园第二巷', '杏园一巷'], label: 'two names with one ordinal', errors: [{ message: '重复' }] },
    { name: '槐荫十二巷', fields: T, batch: ['槐荫十一巷'], options: { maxOrdinal: 9 }, errors: [{ message: '最大序号' }] },
    { name: '兴文街', fields: T, batch: ['兴武路', '兴德路', '兴业路'], label: 'group member with another generic: info', errors: [{ severity: 'info', message: '兴文街' }] },
  ],
});

import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../src/check/engine.js';
import type { Profile } from '../../src/profiles/profile.js';
import type { NameRecord } from '../../src/core/record.js';

describe('series-order numbering direction', () => {
  const line = (lon: number): NameRecord['geometry'] => ({ geojson: { type: 'LineString', coordinates: [[lon, 37.0], [lon, 37.01]] } });
  const run = (lons: number[], direction: string) => {
    const profile: Profile = {
      name: 't', description: '', basis: [], appliesTo: [], settings: {}, lists: [], overrides: [], baseDir: process.cwd(),
      rules: new Map([['series-order', { severity: 'warning', options: { maxOrdinal: null, direction } }]]),
    };
    const names = ['杏园一巷', '杏园二巷', '杏园三巷'];
    const records: NameRecord[] = names.map((name, i) => ({ row: i + 1, name, fields: T, extra: {}, geometry: line(lons[i]) }));
    return checkDataset({ source: { file: 't' }, columns: [], extraHeaders: [], notes: [], records }, { profiles: [profile], onlyRules: [seriesOrder] }).findings;
  };
  it('accepts a west-to-east series', () => expect(run([118.0, 118.01, 118.02], 'W->E')).toEqual([]));
  it('reports a member out of order', () => {
    const f = run([118.0, 118.02, 118.01], 'W->E');
    expect(f.map((x) => x.name)).toEqual(['杏园三巷']);
  });
  it('reads the other directions', () => expect(run([118.02, 118.01, 118.0], 'E->W')).toEqual([]));
});
