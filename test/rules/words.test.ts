import { describe, expect, it } from 'vitest';
import { WordSet } from '../../src/lists/wordset.js';
import { findWords } from '../../src/rules/util/words.js';

const set = (...words: string[]) => new WordSet(words.map((w): [string, true] => [w, true]));
const found = (ws: WordSet<unknown>, text: string, minLen?: number) => findWords(ws, text, minLen).map((h) => `${h.word}@${h.index}-${h.end}`);

describe('findWords (one trie over every set, recent texts kept)', () => {
  const places = set('普罗旺斯', '罗旺', '中华', '华夏', '巴黎');
  const surnames = set('王', '李', '罗');

  it('leftmost-longest within a set; overlapping hits are kept; other sets do not interfere', () => {
    expect(found(places, '普罗旺斯路')).toEqual(['普罗旺斯@0-4']);
    expect(found(surnames, '普罗旺斯路')).toEqual(['罗@1-2']);
    expect(found(places, '中华夏路')).toEqual(['中华@0-2', '华夏@1-3']);
    expect(found(places, '幸福路')).toEqual([]);
  });

  it('minimum length filters, and each (set, length) answer is its own', () => {
    expect(found(surnames, '王李路', 2)).toEqual([]);
    expect(found(surnames, '王李路')).toEqual(['王@0-1', '李@1-2']);
    expect(found(places, '巴黎王路', 3)).toEqual([]);
    expect(found(places, '巴黎王路', 2)).toEqual(['巴黎@0-2']);
  });

  it('answers stay right when many texts alternate (more than are kept) and when a set grows', () => {
    const texts = Array.from({ length: 20 }, (_, i) => (i % 2 ? `王${i}巴黎路` : `李${i}中华街`));
    for (let round = 0; round < 3; round++) {
      for (const t of texts) {
        expect(found(surnames, t)).toEqual([t[0] === '王' ? '王@0-1' : '李@0-1']);
        expect(found(places, t).map((h) => h.split('@')[0])).toEqual([t[0] === '王' ? '巴黎' : '中华']);
      }
    }
    const grown = set('幸福');
    expect(found(grown, '幸福路')).toEqual(['幸福@0-2']);
    grown.set('福路', true);
    expect(found(grown, '幸福路')).toEqual(['幸福@0-2', '福路@1-3']);
  });

  it('answers are frozen: a caller cannot change what another rule is given', () => {
    const hits = findWords(places, '巴黎路');
    expect(Object.isFrozen(hits)).toBe(true);
    expect(findWords(places, '巴黎路')).toBe(hits);
  });
});
