import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { baseLists, listsWith } from '../../src/lists/lists.js';
import { WordSet } from '../../src/lists/wordset.js';
import { findWords, trieWordCount } from '../../src/rules/util/words.js';

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

  it('a word removed from a set after it was searched is no longer found; a changed value is read again', () => {
    const ws = new WordSet<string>([['幸福', 'a'], ['和平', 'b']]);
    expect(findWords(ws, '幸福和平路').map((h) => `${h.word}=${h.value}`)).toEqual(['幸福=a', '和平=b']);
    ws.delete('幸福');
    ws.set('和平', 'c');
    expect(findWords(ws, '幸福和平路').map((h) => `${h.word}=${h.value}`)).toEqual(['和平=c']);
    ws.delete('不在');
    expect(findWords(ws, '和平路').map((h) => h.word)).toEqual(['和平']);
  });

  it("a collected set's words leave the trie (a long-lived library user loading many profiles)", async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const before = trieWordCount();
    (() => {
      for (let k = 0; k < 5; k++) {
        const ws = new WordSet(Array.from({ length: 1000 }, (_, i): [string, true] => [`临时${k}词${i}`, true]));
        findWords(ws, `临时${k}词7路`);
      }
    })();
    expect(trieWordCount()).toBeGreaterThanOrEqual(before + 5000);
    for (let round = 0; round < 20 && trieWordCount() >= before + 5000; round++) {
      gc();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(trieWordCount()).toBeLessThan(before + 5000);
    // What stays registered still answers.
    expect(found(places, '巴黎路')).toEqual(['巴黎@0-2']);
  });
});

describe('profile lists share what they do not change', () => {
  it('copies only the changed lists; the base stays as it was', () => {
    const base = baseLists();
    const l = listsWith([{ brands: { add: ['某某集团'] } }]);
    expect(l.brands).not.toBe(base.brands);
    expect(l.brands.has('某某集团')).toBe(true);
    expect(base.brands.has('某某集团')).toBe(false);
    expect(l.feudal).toBe(base.feudal);
    expect(l.chars8105).toBe(base.chars8105);
    const removed = listsWith([{ feudal: { remove: ['皇帝'] } }]);
    expect(removed.feudal.has('皇帝')).toBe(false);
    expect(base.feudal.has('皇帝')).toBe(true);
    expect(removed.brands).toBe(base.brands);
  });
});

