import { describe, expect, it } from 'vitest';
import { RuleRun, analyzeDataset } from '../../src/check/engine.js';
import type { Dataset, NameRecord } from '../../src/core/record.js';
import { txt } from '../../src/core/text.js';
import type { Profile } from '../../src/profiles/profile.js';
import type { Rule } from '../../src/rules/types.js';

// runCheck passes the existing-name reader's failed() as `stop`: a bad row deep in a large file ends the long rule
// pass at once instead of after it (the run then stops with the reader's error).
describe('a pass of per-record rules that is told to stop', () => {
  let calls = 0;
  const counting: Rule = {
    meta: { id: 'counting', group: 'structure', severity: 'warning', description: txt('计数', 'count'), basis: txt('测试', 'test'), fix: txt('无', 'none') },
    check: () => void calls++,
  };
  const profile: Profile = {
    name: 't', description: '', basis: [], appliesTo: [], settings: {}, lists: [], overrides: [], baseDir: process.cwd(),
    rules: new Map([['counting', { severity: 'warning', options: {} }]]),
  };
  const records: NameRecord[] = Array.from({ length: 10_000 }, (_, i) => ({ row: i + 1, name: '幸福路', fields: { admin_code: '370523101' }, extra: {} }));
  const ds: Dataset = { source: { file: 't.csv' }, columns: [], extraHeaders: [], notes: [], records };
  const opts = { profiles: [profile], onlyRules: [counting] };
  const analysis = analyzeDataset(ds, opts);

  it('runs every record when not stopped', () => {
    calls = 0;
    expect(new RuleRun(analysis, opts).recordRules('without-existing', () => false)).toBe(true);
    expect(calls).toBe(10_000);
  });

  it('ends at the next check of `stop` (every 4,096 records) and says the pass is incomplete', () => {
    calls = 0;
    let asked = 0;
    expect(new RuleRun(analysis, opts).recordRules('without-existing', () => ++asked > 1)).toBe(false);
    expect(calls).toBe(4096);
    calls = 0;
    expect(new RuleRun(analysis, opts).recordRules('without-existing', () => true)).toBe(false);
    expect(calls).toBe(0);
  });
});
