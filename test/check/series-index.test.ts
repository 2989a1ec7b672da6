import { describe, expect, it } from 'vitest';
import { SeriesIndex } from '../../src/check/series-index.js';

interface Item { name: string; code: string }
const item = (name: string, code: string): Item => ({ name, code });
const scopeOf = (it: Item, len: number) => Number(it.code.slice(0, len));

/** An index of the items, each added under its own township scope (9 digits) and the given hash. */
function indexOf(items: Item[], hashOf: (it: Item) => number, len = 9): SeriesIndex<Item> {
  const ix = new SeriesIndex(items, scopeOf);
  items.forEach((it, i) => ix.add(len, scopeOf(it, len), hashOf(it), it.name.charCodeAt(0), i));
  ix.seal();
  return ix;
}

describe('SeriesIndex', () => {
  it('finds members by scope and hash, in the order they were added', () => {
    const items = [item('a', '370523101'), item('b', '370523101'), item('other township', '370523102'), item('other hash', '370523101')];
    const ix = indexOf(items, (it) => (it.name === 'other hash' ? 43 : 42));
    const got = (scope: number, hash: number, len = 9) => {
      const out: string[] = [];
      ix.forEach(len, scope, hash, (it) => out.push(it.name));
      return out;
    };
    expect(got(370523101, 42)).toEqual(['a', 'b']);
    expect(got(370523101, 43)).toEqual(['other hash']);
    expect(got(370523103, 42)).toEqual([]);
    expect(got(370523, 42, 6)).toEqual([]); // another scope length
    expect(ix.size).toBe(4);
  });

  it('gives every two members of one scope and hash, both ways', () => {
    const items = [item('x1', '000000001'), item('x2', '000000001'), item('x3', '000000001'), item('y', '000000002')];
    const ix = indexOf(items, () => 7);
    const pairs: string[] = [];
    ix.forEachPair((a, b) => pairs.push(a.name + b.name));
    expect(pairs.sort()).toEqual(['x1x2', 'x1x3', 'x2x1', 'x2x3', 'x3x1', 'x3x2']);
  });

  it('holds a large batch\'s members past its first chunk, and never answers a false "no" for a first unit', () => {
    const items = Array.from({ length: 150_000 }, (_, i) => item(String.fromCharCode(0x4e00 + (i % 300)), String(370000000 + (i % 5000))));
    const ix = indexOf(items, (it) => Number(it.code) % 97);
    for (let i = 0; i < items.length; i += 7) expect(ix.mayStartWith(9, Number(items[i].code), items[i].name.charCodeAt(0))).toBe(true);
    // A filter of 2^23 bits holding 150,000 members answers "no" for most other units.
    let yes = 0;
    for (let c = 0x6000; c < 0x7000; c++) if (ix.mayStartWith(9, 370000001, c)) yes++;
    expect(yes).toBeLessThan(200);
    // Members of one scope share a hash here: 150,000 / 5,000 = 30 each.
    const found: Item[] = [];
    ix.forEach(9, 370004321, 370004321 % 97, (it) => found.push(it));
    expect(found.length).toBe(30);
    expect(found.every((it) => it.code === '370004321')).toBe(true);
    expect(items.indexOf(found[29])).toBe(145_000 + 4321);
  });

  it('is empty before anything is added', () => {
    const ix = indexOf([], () => 1);
    const got: string[] = [];
    ix.forEach(9, 1, 1, (it) => got.push(it.name));
    ix.forEachPair((a) => got.push(a.name));
    expect(got).toEqual([]);
    expect(ix.mayStartWith(9, 1, 1)).toBe(false);
  });
});
