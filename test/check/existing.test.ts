import { describe, expect, it } from 'vitest';
import { ExistingNames, codePrefixOf } from '../../src/check/existing.js';
import { ordinalEndFlags } from '../../src/check/namekeys.js';

function store(rows: [string, string | undefined][]): ExistingNames {
  const ex = new ExistingNames();
  const f = ex.addFile('existing.csv');
  rows.forEach(([name, code], i) => ex.add(name, name.replace(/\s+/g, ''), code, i % 2 ? '道路' : undefined, f, i + 2));
  return ex;
}

describe('ExistingNames', () => {
  it('keeps codes as numbers without losing digits or leading zeros', () => {
    const ex = store([['幸福路', '370523101001'], ['和平路', '370523101'], ['无码路', undefined], ['零头路', '012345678'], ['坏码路', '37x']]);
    expect([0, 1, 2, 3, 4].map((i) => ex.code(i))).toEqual(['370523101001', '370523101', undefined, '012345678', undefined]);
    expect(ex.codePrefix(0, 9)).toBe(370523101);
    expect(ex.codePrefix(0, 6)).toBe(370523);
    expect(ex.codePrefix(1, 12)).toBe(-1);
    expect(ex.codePrefix(2, 9)).toBe(-1);
    expect(codePrefixOf('370523101001', 9)).toBe(370523101);
    expect(codePrefixOf('3705', 9)).toBe(-1);
  });

  it('packs names without losing any: surrogate pairs, empty and very long names, growth, truncate then add', () => {
    const long = '长'.repeat(5000) + '路';
    const names = ['𠀋村路', '', long, '幸福路', ...Array.from({ length: 40_000 }, (_, i) => `第${i}号路`)];
    const ex = new ExistingNames();
    const f = ex.addFile('a.csv');
    names.forEach((n, i) => ex.add(n, n, '370523101', undefined, f, i + 2));
    ex.truncate(3);
    ex.add('和平路', '和平路', '370523101', undefined, f, 99);
    expect(ex.size).toBe(4);
    expect([0, 1, 2, 3].map((i) => ex.name(i))).toEqual(['𠀋村路', '', long, '和平路']);
    expect(ex.hasName(long)).toBe(true);
    expect(ex.hasName('幸福路')).toBe(false);
    const big = new ExistingNames();
    const fb = big.addFile('b.csv');
    names.forEach((n, i) => big.add(n, n, '370523101', undefined, fb, i + 2));
    expect(Array.from({ length: big.size }, (_, i) => big.name(i))).toEqual(names);
  });

  it('keeps where an ordinal may end before the generic (series-order), in step with the names after sorting', () => {
    const ex = store([['幸福 三巷', '370523102'], ['一路', '370523101'], ['𠀋村路', '370523101'], ['', '370523101'], ['东四十二条', '370523101']]);
    const expected = () => Array.from({ length: ex.size }, (_, i) => ordinalEndFlags(ex.full(i)));
    expect(ordinalEndFlags('幸福三巷')).toBe(0b1); // 三 before the one-unit generic 巷
    expect(ordinalEndFlags('东四十二条')).toBe(0b111); // 二 before 条, 十 before 二条, 四 before 十二条
    expect(ordinalEndFlags('一路')).toBe(0b1);
    expect(ordinalEndFlags('幸福路')).toBe(0);
    // A direction word 1–3 units before the end: bit 7 (a series member by direction, for the uniqueness scan).
    expect(ordinalEndFlags('槐荫东路')).toBe(0x80);
    expect(ordinalEndFlags('槐荫北胡同')).toBe(0x80);
    expect(ordinalEndFlags('东风路')).toBe(0x80); // a filter only: the 东 of 东风 too
    expect(ordinalEndFlags('槐荫东一路')).toBe(0x81);
    expect([...ex.fingerprints.ordinalEnd.subarray(0, ex.size)]).toEqual(expected());
    ex.sortByScope();
    expect(ex.full(0)).not.toBe('幸福三巷'); // the order did change
    expect([...ex.fingerprints.ordinalEnd.subarray(0, ex.size)]).toEqual(expected());
  });

  it('gives entries back with file, line, type and the normalised name', () => {
    const ex = store([['幸福 路', '370523101001'], ['和平路', '370523101002']]);
    expect(ex.entry(0)).toMatchObject({ name: '幸福 路', full: '幸福路', adminCode: '370523101001', line: 2, file: 'existing.csv', type: undefined });
    expect(ex.entry(1)).toMatchObject({ name: '和平路', type: '道路', line: 3 });
  });

  it('sorts by township and keeps every entry reachable with its own line', () => {
    const rows: [string, string | undefined][] = [];
    for (let i = 0; i < 500; i++) rows.push([`路${i}`, i % 7 === 0 ? undefined : `3705231${String(i % 13).padStart(2, '0')}${String(i).padStart(3, '0')}`]);
    const ex = store(rows);
    ex.sortByScope();
    const seen = new Map<string, { code?: string; line: number }>();
    let prev = -1;
    for (let i = 0; i < ex.size; i++) {
      const e = ex.entry(i);
      seen.set(e.name, { code: e.adminCode, line: e.line });
      const t = Math.max(0, ex.codePrefix(i, 9));
      expect(t).toBeGreaterThanOrEqual(prev);
      prev = t;
    }
    rows.forEach(([name, code], i) => expect(seen.get(name)).toEqual({ code, line: i + 2 }));
  });

  it('answers hasName for every stored name, before and after sorting, and only for those', () => {
    const rows: [string, string | undefined][] = Array.from({ length: 3000 }, (_, i) => [`名${i}路`, `37052310${i % 9}001`]);
    const ex = store(rows);
    expect(rows.every(([n]) => ex.hasName(n))).toBe(true);
    expect(ex.hasName('名3000路')).toBe(false);
    ex.sortByScope();
    expect(rows.every(([n]) => ex.hasName(n))).toBe(true);
    expect(['名-1路', '', '路'].some((n) => ex.hasName(n))).toBe(false);
    expect(new ExistingNames().hasName('幸福路')).toBe(false);
  });

  it('hasName compares the normalised name, also where it differs from the name as read', () => {
    const ex = new ExistingNames();
    const f = ex.addFile('existing.csv');
    ex.add('興華路', '兴华路', '370523101001', undefined, f, 2);
    ex.add('和平路', '和平路', '110101001001', undefined, f, 3);
    ex.add('和平', '和平', '110101001001', undefined, f, 4);
    for (const sorted of [false, true]) {
      if (sorted) ex.sortByScope();
      expect(ex.hasName('兴华路')).toBe(true);
      expect(ex.hasName('興華路')).toBe(false);
      expect(ex.hasName('和平路')).toBe(true);
      expect(ex.hasName('和平')).toBe(true);
      // Same start, other length or last unit: not a match.
      expect(['和平路路', '和平街', '和', '兴华'].some((n) => ex.hasName(n))).toBe(false);
    }
  });
});
