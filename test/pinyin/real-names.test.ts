import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../src/name/types.js';
import { Orthography } from '../../src/pinyin/orthography.js';
import { FIXTURES } from '../helpers.js';

/**
 * Real published names (test/fixtures/real-names/: announcements, signs, the rules' examples, special readings,
 * each with its source). Rows marked `deviates` print a form that breaks the 1984 rules and are not expected.
 */
interface Row {
  name: string;
  type: EntityType;
  region: string;
  sign: string;
  note: string;
}

function load(): Row[] {
  const text = readFileSync(join(FIXTURES, 'real-names', 'names.tsv'), 'utf8');
  return text.split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t'))
    .filter((c) => c[0] !== 'name' && c[3])
    .map(([name, type, region, sign, , , note]) => ({ name, type: (type || 'road') as EntityType, region: region ?? '', sign, note: note ?? '' }));
}

describe('real published names', () => {
  const rows = load().filter((r) => !/\bdeviates\b/.test(r.note));
  const engine = new Orthography();

  it('has a real evaluation set', () => {
    expect(rows.length).toBeGreaterThanOrEqual(250);
  });

  it('spells at least 98% of the rule-conforming published sign forms exactly', () => {
    const misses = rows.filter((r) => engine.romanize(r.name, { type: r.type, region: r.region || undefined }).sign !== r.sign);
    const rate = 1 - misses.length / rows.length;
    const report = `accuracy ${(rate * 100).toFixed(1)}%; misses: ${misses.map((m) => `${m.name} (${m.sign})`).join(', ')}`;
    expect(rate, report).toBeGreaterThanOrEqual(0.98);
  });
});
