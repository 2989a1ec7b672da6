import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../src/check/engine.js';
import type { Dataset, NameRecord } from '../../src/core/record.js';
import type { Profile } from '../../src/profiles/profile.js';
import { RULES } from '../../src/rules/registry.js';

/**
 * The supplied-pinyin rules on real published spellings (test/fixtures/real-names): publications that follow the
 * 1984 rules must not get error-severity findings; those tagged `deviates` are expected to.
 */
const rows = readFileSync(new URL('../fixtures/real-names/names.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#') && !l.startsWith('name\t'))
  .map((l) => l.split('\t'))
  .map(([name, type, region, sign, pinyin, , note]) => ({ name, type, region, sign, pinyin, note: note ?? '' }));

const PINYIN_RULES = [...RULES.values()].filter((r) => r.meta.id.startsWith('pinyin-'));

function run(useTones: boolean) {
  const records: NameRecord[] = rows.map((r, i) => ({
    row: i + 1,
    name: r.name,
    fields: { type: r.type, ...(r.region ? { admin_code: r.region } : {}), ...(useTones && r.pinyin ? { pinyin: r.pinyin } : { pinyin_sign: r.sign }) },
    extra: {},
  }));
  const profile: Profile = {
    name: 't', description: '', basis: [], appliesTo: [], settings: {}, lists: [], overrides: [], baseDir: process.cwd(),
    rules: new Map(PINYIN_RULES.map((r) => [r.meta.id, { severity: r.meta.severity, options: { ...(r.meta.options ?? {}) } }])),
  };
  const ds: Dataset = { source: { file: 'names.tsv' }, columns: [], extraHeaders: [], records, notes: [] };
  return checkDataset(ds, { profiles: [profile], onlyRules: PINYIN_RULES }).findings;
}

describe('supplied-pinyin rules on real published names', () => {
  for (const tones of [false, true]) {
    it(`conforming publications get no errors (${tones ? 'tone form' : 'sign form'})`, () => {
      const findings = run(tones);
      const conforming = new Set(rows.map((r, i) => (/deviates|disputed/.test(r.note) ? -1 : i + 1)));
      const bad = findings.filter((f) => f.severity === 'error' && conforming.has(f.row));
      if (process.env.DIMING_SHOW) console.log(bad.map((f) => `${f.name} ${f.rule}: ${f.message.zh}`).join('\n'));
      const rate = new Set(bad.map((f) => f.row)).size / conforming.size;
      expect(rate).toBeLessThan(0.02);
    });
  }
  it('flags most deviating publications', () => {
    const findings = run(false);
    const dev = rows.map((r, i) => (/deviates/.test(r.note) ? i + 1 : -1)).filter((i) => i > 0);
    const hit = dev.filter((row) => findings.some((f) => f.row === row));
    if (process.env.DIMING_SHOW) console.log('missed:', dev.filter((r) => !hit.includes(r)).map((r) => `${rows[r - 1].name} ${rows[r - 1].sign}`).join(', '));
    expect(hit.length / dev.length).toBeGreaterThan(0.9);
  });
});
