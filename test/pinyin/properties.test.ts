import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../src/name/types.js';
import { Orthography } from '../../src/pinyin/orthography.js';
import { stripTones } from '../../src/pinyin/syllable.js';

const engine = new Orthography();
// CJK Unified Ideographs, Extension A and B, so that rare and unknown characters are exercised too.
const hanChar = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }) },
  { weight: 1, arbitrary: fc.integer({ min: 0x3400, max: 0x4dbf }) },
  { weight: 1, arbitrary: fc.integer({ min: 0x20000, max: 0x2a6df }) },
).map((cp) => String.fromCodePoint(cp));
const generic = fc.constantFrom('', '路', '街', '巷', '东路', '一巷', '胡同', '大街', '村', '县', '桥', '山');
const hanName = fc.tuple(fc.array(hanChar, { minLength: 1, maxLength: 10 }), generic).map(([a, g]) => a.join('') + g);

describe('orthography properties', () => {
  it('any Han string: no throw; sign only A–Z (and Ü), digits, space, apostrophe, hyphen; forms agree', () => {
    fc.assert(
      fc.property(hanName, fc.constantFrom(...ENTITY_TYPES), (name, type) => {
        const r = engine.romanize(name, { type });
        // ü keeps its diaeresis in every form (pinyin.md §2; 汉语拼音方案), so Ü is the one letter beyond A–Z.
        expect(r.sign).toMatch(/^[A-ZÜ0-9 '-]*$/);
        // Checked against the tone-marked form with the test's own tone stripping (the engine builds plain and sign
        // from its words, not from the pinyin string): macron, acute, caron and grave go, the diaeresis stays.
        const toneless = r.pinyin.normalize('NFD').replace(/[\u0300\u0301\u0304\u030C]/g, '').normalize('NFC');
        expect(r.plain).toBe(toneless);
        expect(r.sign).toBe(toneless.toUpperCase());
        expect(r.plain).toBe(stripTones(r.pinyin));
        expect(r.pinyin).not.toMatch(/^ | $| {2}/);
      }),
      { numRuns: 3000 },
    );
  });

  it('every word starts with a capital letter or a digit', () => {
    fc.assert(
      fc.property(hanName, (name) => {
        const r = engine.romanize(name);
        for (const w of r.pinyin.split(' ').filter(Boolean)) expect(w).toMatch(/^[\p{Lu}0-9]/u);
      }),
      { numRuns: 1000 },
    );
  });

  it('the same input gives the same output (caches do not change results)', () => {
    fc.assert(
      fc.property(hanName, (name) => {
        const fresh = new Orthography().romanize(name);
        expect(engine.romanize(name).pinyin).toBe(fresh.pinyin);
      }),
      { numRuns: 300 },
    );
  });
});
