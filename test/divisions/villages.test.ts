import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { village, villages, villagesOf } from '../../src/divisions/divisions.js';
import { ROOT } from '../helpers.js';

/** The bundled village list read here on its own (code<TAB>name lines), as the reference for the per-township reading. */
function fileVillages(): { code: string; name: string }[] {
  const text = gunzipSync(readFileSync(`${ROOT}/data/divisions/villages.tsv.gz`)).toString('utf8');
  return text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => {
    const [code, name] = l.split('\t');
    return { code, name };
  });
}

/** Villages are read per township from the bundled list (a batch names villages of a few townships). */
describe('villages by township', () => {
  const all = fileVillages();

  it('gives the file’s villages, for the first, a middle and the last township', () => {
    const townships = [all[0].code.slice(0, 9), '370523101', all[all.length - 1].code.slice(0, 9)];
    for (const t of townships) {
      const whole = all.filter((v) => v.code.startsWith(t));
      expect(whole.length).toBeGreaterThan(0);
      expect(villagesOf(t).map((v) => ({ code: v.code, name: v.name }))).toEqual(whole);
      expect(villagesOf(t).every((v) => v.level === 5)).toBe(true);
    }
  });

  it('loses no village over every township, and the whole index agrees', () => {
    const byTownship = new Set(all.map((v) => v.code.slice(0, 9)));
    let n = 0;
    for (const t of byTownship) n += villagesOf(t).length;
    expect(n).toBe(all.length);
    expect(villages().size).toBe(all.length);
    expect(villages().get(all[12345].code)?.name).toBe(all[12345].name);
  });

  it('finds one village by code, and nothing for codes not in the list', () => {
    const first = villagesOf('370523101')[0];
    expect(village(first.code)).toEqual(first);
    expect(village('370523101999')).toBeUndefined();
    expect(village('370523101')).toBeUndefined();
    expect(villagesOf('999999999')).toEqual([]);
  });
});
