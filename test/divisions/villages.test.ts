import { describe, expect, it } from 'vitest';
import { village, villages, villagesOf } from '../../src/divisions/divisions.js';

/** Villages are read per township from the bundled list (a batch names villages of a few townships). */
describe('villages by township', () => {
  it('gives the same villages as the whole list, for the first, a middle and the last township of the file', () => {
    const all = [...villages().values()];
    const townships = [all[0].code.slice(0, 9), '370523101', all[all.length - 1].code.slice(0, 9)];
    for (const t of townships) {
      const whole = all.filter((v) => v.code.startsWith(t));
      expect(whole.length).toBeGreaterThan(0);
      expect(villagesOf(t)).toEqual(whole);
    }
    // Every township of the file, counted: the per-township reading loses no village.
    const byTownship = new Set(all.map((v) => v.code.slice(0, 9)));
    let n = 0;
    for (const t of byTownship) n += villagesOf(t).length;
    expect(n).toBe(all.length);
  });

  it('finds one village by code, and nothing for codes not in the list', () => {
    const first = villagesOf('370523101')[0];
    expect(village(first.code)).toEqual(first);
    expect(village('370523101999')).toBeUndefined();
    expect(village('370523101')).toBeUndefined();
    expect(villagesOf('999999999')).toEqual([]);
  });
});
