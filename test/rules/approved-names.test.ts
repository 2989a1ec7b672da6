import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkDataset } from '../../src/check/engine.js';
import type { Dataset, NameRecord } from '../../src/core/record.js';
import { loadProfile } from '../../src/profiles/profile.js';
import { RULES } from '../../src/rules/registry.js';
import type { Finding } from '../../src/rules/types.js';
import { APPROVED } from './approved-data.js';

/** The national profile (every rule it names is in the registry; loadProfile refuses unknown ids). */
export function nationalProfile() {
  return loadProfile('national', RULES);
}

export function runAll(records: NameRecord[]): Finding[] {
  const ds: Dataset = { source: { file: 'approved.csv' }, columns: [], extraHeaders: [], records, notes: [] };
  return checkDataset(ds, { profiles: [nationalProfile()], today: new Date('2026-01-01') }).findings;
}

describe('approved names under the national profile', () => {
  const records: NameRecord[] = APPROVED.map((a, i) => ({
    row: i + 1,
    name: a.name,
    fields: { province: a.province, ...(a.city ? { city: a.city } : {}), ...(a.county ? { county: a.county } : {}), ...(a.fields ?? {}) },
    extra: {},
  }));
  const findings = runAll(records);

  it('has at least 150 names', () => {
    expect(APPROVED.length).toBeGreaterThanOrEqual(150);
  });

  it('gives no error-severity finding', () => {
    const errors = findings.filter((f) => f.severity === 'error' && !['duplicate', 'homophone', 'near-duplicate', 'admin-area'].includes(f.rule));
    expect(errors.map((f) => `${f.name} ${f.rule}: ${f.message.zh}`)).toEqual([]);
  });

  it('keeps warnings rare', () => {
    const warnings = findings.filter((f) => f.severity === 'warning' && !['duplicate', 'homophone', 'near-duplicate', 'admin-area'].includes(f.rule));
    if (process.env.DIMING_SHOW) console.log(warnings.map((f) => `${f.name} ${f.rule}: ${f.message.zh}`).join('\n'));
    const names = new Set(warnings.map((f) => f.row));
    expect(names.size / APPROVED.length).toBeLessThan(0.25);
  });
});

describe('real published names (test/fixtures/real-names) under the national profile', () => {
  const rows = readFileSync(new URL('../fixtures/real-names/names.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('name\t'))
    .map((l) => l.split('\t'))
    // Names written with Arabic digits (1203高地, 黄海路8巷) are han-only's business, not an approval question.
    .filter(([name]) => !/[0-9]/.test(name));
  const records: NameRecord[] = rows.map(([name, type, region], i) => ({ row: i + 1, name, fields: { type, ...(region ? { admin_code: region } : {}) }, extra: {} }));
  const findings = runAll(records);

  it('gives (almost) no error-severity finding to real approved names', () => {
    const errors = findings.filter((f) => f.severity === 'error' && !['duplicate', 'homophone', 'near-duplicate', 'admin-area'].includes(f.rule));
    if (process.env.DIMING_SHOW) console.log(errors.map((f) => `${f.name} ${f.rule}: ${f.message.zh}`).join('\n'));
    expect(new Set(errors.map((f) => f.row)).size / records.length).toBeLessThanOrEqual(0.02);
  });
});
