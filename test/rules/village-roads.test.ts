import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { NameRecord } from '../../src/core/record.js';
import { shortName } from '../../src/divisions/divisions.js';
import { runAll } from './approved-names.test.js';

/**
 * Roads named after their own village, the commonest pattern of village road naming (王家庄路 in 王家庄村): every 211th
 * village of the bundled 2023 list (real, approved names from all provinces, rare characters and all), placed by its
 * 12-digit code. They must pass as nearly as approved names do; the few errors are listed exactly, so that any change
 * shows (most are urban communities whose own name is a road or a company).
 */
const lines = gunzipSync(readFileSync(new URL('../../data/divisions/villages.tsv.gz', import.meta.url))).toString('utf8').split('\n');
const records: NameRecord[] = [];
for (let i = 0; i < lines.length; i += 211) {
  const [code, full] = lines[i].split('\t');
  if (!full || lines[i].startsWith('#')) continue;
  const name = shortName(full, 5).replace(/社区$/, '');
  if (!/^[\u4e00-\u9fff]{2,12}$/.test(name) || /[路街道巷]$/.test(name)) continue;
  records.push({ row: records.length + 1, name: `${name}路`, fields: { admin_code: code }, extra: {} });
}
const UNIQUENESS = new Set(['duplicate', 'homophone', 'near-duplicate']);

describe('roads named after their own village', () => {
  const findings = runAll(records).filter((f) => !UNIQUENESS.has(f.rule));
  const errors = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => `${f.name} ${f.rule}`))].sort();

  it('samples some 2,900 villages', () => {
    expect(records.length).toBeGreaterThan(2500);
  });

  it('gives errors to very few, and to these only', () => {
    expect(errors.length / records.length).toBeLessThan(0.005);
    expect(errors).toEqual([
      '三六零六路 bare-number', // a factory's community named by a number (三六零六)
      '江海实业总公司路 brand-name', // a company's community
      '老军营小区二路 generic-stacked', // the community 老军营小区二 (a 小区 and a number)
    ]);
  });

  it('takes the own village\'s transliterated name (嘎查, 布拉克) for no foreign word', () => {
    const guesses = findings.filter((f) => f.severity !== 'info' && ['weird', 'foreign-word', 'foreign-person'].includes(f.rule));
    expect(guesses.map((f) => `${f.name} ${f.rule}`)).toEqual([]);
  });
});
