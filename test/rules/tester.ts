import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../src/check/engine.js';
import { ExistingNames } from '../../src/check/existing.js';
import type { Dataset, NameRecord, RecordFields } from '../../src/core/record.js';
import type { EntityType } from '../../src/name/types.js';
import type { Profile } from '../../src/profiles/profile.js';
import type { Finding, ReportedSeverity, Rule } from '../../src/rules/types.js';

/**
 * An ESLint-RuleTester-style table runner: each case is a record (with optional other rows of the batch and
 * existing names); valid cases must give no finding of the rule, invalid ones exactly the listed findings.
 */
export interface RuleCase {
  name: string;
  type?: EntityType;
  /** Other columns of the record (admin_code, width_m, pinyin …). */
  fields?: RecordFields;
  /** Rule options merged over the defaults. */
  options?: Record<string, unknown>;
  /** Other rows of the same batch. */
  batch?: (string | { name: string; fields?: RecordFields; type?: EntityType })[];
  /** Existing standard names (gazetteer). */
  existing?: { name: string; adminCode?: string }[];
  /** For invalid cases: the expected findings on this record (in any order). */
  errors?: { severity?: ReportedSeverity; soft?: boolean; message?: string | RegExp; related?: string[] }[];
  /** A short label for the test title. */
  label?: string;
  today?: string;
}

export function ruleTester(rule: Rule, cases: { valid: (string | RuleCase)[]; invalid: RuleCase[] }): void {
  const id = rule.meta.id;
  describe(`rule ${id}`, () => {
    it.each(cases.valid.map((c) => (typeof c === 'string' ? { name: c } : c)).map((c) => [c.label ?? c.name, c] as const))(
      'valid: %s',
      (_t, c) => {
        const findings = runCase(rule, c).filter((f) => f.row === 1 && f.rule === id);
        expect(findings.map((f) => `${f.severity}: ${f.message.zh}`)).toEqual([]);
      },
    );
    it.each(cases.invalid.map((c) => [c.label ?? c.name, c] as const))('invalid: %s', (_t, c) => {
      const findings = runCase(rule, c).filter((f) => f.row === 1 && f.rule === id);
      const expected = c.errors ?? [{}];
      expect(findings.length, findings.map((f) => f.message.zh).join(' | ') || 'no finding').toBe(expected.length);
      expected.forEach((e, i) => {
        const f = findings[i];
        if (e.severity) expect(f.severity).toBe(e.severity);
        if (e.soft !== undefined) expect(Boolean(f.soft)).toBe(e.soft);
        if (e.message) {
          if (typeof e.message === 'string') expect(f.message.zh).toContain(e.message);
          else expect(f.message.zh).toMatch(e.message);
        }
        if (e.related) expect((f.related ?? []).map((r) => r.name).sort()).toEqual([...e.related].sort());
        expect(f.message.en.length).toBeGreaterThan(0);
      });
    });
  });
}

function runCase(rule: Rule, c: RuleCase): Finding[] {
  const records: NameRecord[] = [{ row: 1, name: c.name, fields: { ...c.fields }, extra: {} }];
  (c.batch ?? []).forEach((b, i) => {
    const o = typeof b === 'string' ? { name: b } : b;
    records.push({ row: i + 2, name: o.name, fields: { ...(o.fields ?? c.fields ?? {}), ...(o.type ? { type: o.type } : {}) }, extra: {} });
  });
  const ds: Dataset = { source: { file: 'test.csv' }, columns: [], extraHeaders: [], records, notes: [] };
  let existing: ExistingNames | undefined;
  if (c.existing) {
    existing = new ExistingNames();
    const f = existing.addFile('existing.csv');
    c.existing.forEach((e, i) => existing!.add(e.name, e.name, e.adminCode, undefined, f, i + 2));
  }
  const profile: Profile = {
    name: 'test',
    description: '',
    basis: [],
    appliesTo: [],
    settings: { uniquenessScope: 'township', defaultEntityType: 'road', ordinals: 'digits' },
    lists: [],
    rules: new Map([[rule.meta.id, { severity: rule.meta.severity === 'off' ? 'error' : rule.meta.severity, options: { ...(rule.meta.options ?? {}), ...(c.options ?? {}) } }]]),
    overrides: [],
    baseDir: process.cwd(),
  };
  // Only the rule under test runs: every other rule is off.
  return checkDataset(ds, { profiles: [profile], type: c.type, existing, today: c.today ? new Date(c.today) : new Date('2026-01-01'), onlyRules: [rule] }).findings;
}
