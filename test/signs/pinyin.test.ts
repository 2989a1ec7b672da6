import { describe, expect, it } from 'vitest';
import { textWidthEm } from '../../src/signs/metrics.js';
import { bestBreak, joinLines, pinyinPieces, signPinyin, splitSyllables } from '../../src/signs/pinyin.js';

describe('width estimates (Helvetica-Bold AFM widths, CJK 1 em)', () => {
  it('sums the AFM advance widths', () => {
    // X667 I278 N722 G778 F611 U722 space278 L611 U722 = 5389
    expect(textWidthEm('XINGFU LU')).toBeCloseTo(5.389, 6);
    expect(textWidthEm("JIN'E")).toBeCloseTo((556 + 278 + 722 + 278 + 667) / 1000, 6);
    expect(textWidthEm('DI-3')).toBeCloseTo((722 + 278 + 333 + 556) / 1000, 6);
    expect(textWidthEm('LÜ')).toBeCloseTo((611 + 722) / 1000, 6);
  });
  it('counts Han characters and full-width forms as 1 em', () => {
    expect(textWidthEm('幸福路')).toBe(3);
    expect(textWidthEm('𠀀路（一）')).toBe(5);
  });
  it('is conservative for characters it does not know', () => {
    expect(textWidthEm('Ж')).toBeGreaterThanOrEqual(0.8);
  });
});

describe('signPinyin', () => {
  it('upper-cases, strips tones, keeps apostrophes and one space between words', () => {
    expect(signPinyin('Xìngfú Dōnglù')).toBe('XINGFU DONGLU');
    expect(signPinyin("  Jīn'é   Lù ")).toBe("JIN'E LU");
    expect(signPinyin('Jīn’é Lù')).toBe("JIN'E LU");
    expect(signPinyin('Dì-3 Xiàng')).toBe('DI-3 XIANG');
  });
  it('writes ü as chosen (pinyin.md §2: keep | u | v)', () => {
    expect(signPinyin('Lǜshuǐ Lù')).toBe('LÜSHUI LU');
    expect(signPinyin('Lǜshuǐ Lù', 'u')).toBe('LUSHUI LU');
    expect(signPinyin('Lǜshuǐ Lù', 'v')).toBe('LVSHUI LU');
    expect(signPinyin('LU:SHUI LU')).toBe('LÜSHUI LU');
  });
});

describe('syllables and rule 13 line breaks', () => {
  it('splits words into syllables, never inside a syllable', () => {
    expect(splitSyllables('WANGJIAZHUANG')).toEqual(['WANG', 'JIA', 'ZHUANG']);
    expect(splitSyllables('DONGLU')).toEqual(['DONG', 'LU']);
    expect(splitSyllables('XIAN')).toEqual(['XIAN']); // 西安 would carry an apostrophe: XI'AN
    expect(splitSyllables('FANGAN')).toEqual(['FAN', 'GAN']); // 方案 would be FANG'AN
    expect(splitSyllables('LÜSHUI')).toEqual(['LÜ', 'SHUI']);
    expect(splitSyllables('LVSHUI', 'v')).toEqual(['LV', 'SHUI']);
    expect(splitSyllables('QQQ')).toBeUndefined();
  });
  it('keeps runs that are not pinyin (儿化 HUAR, codes) in one piece', () => {
    expect(pinyinPieces('HUAR XIANG').map((p) => p.text)).toEqual(['HUAR', 'XIANG']);
    expect(pinyinPieces('1203 GAODI').map((p) => p.text)).toEqual(['1203', 'GAO', 'DI']);
  });
  it('builds pieces with joints: space, syllable, hyphen, none', () => {
    expect(pinyinPieces('WANGJIAZHUANG DONGLU')).toEqual([
      { text: 'WANG', joint: 'syllable' },
      { text: 'JIA', joint: 'syllable' },
      { text: 'ZHUANG', joint: 'space' },
      { text: 'DONG', joint: 'syllable' },
      { text: 'LU', joint: 'end' },
    ]);
    expect(pinyinPieces("JIN'E LU").map((p) => `${p.text}/${p.joint}`)).toEqual(['JIN/none', "'E/space", 'LU/end']);
    expect(pinyinPieces('DI-3 XIANG').map((p) => `${p.text}/${p.joint}`)).toEqual(['DI-/hyphen', '3/space', 'XIANG/end']);
  });
  it('adds a hyphen only where a word is broken between syllables', () => {
    const pieces = pinyinPieces('WANGJIAZHUANG DONGLU');
    expect(joinLines(pieces, [])).toEqual(['WANGJIAZHUANG DONGLU']);
    expect(joinLines(pieces, [2])).toEqual(['WANGJIAZHUANG', 'DONGLU']);
    expect(joinLines(pieces, [1])).toEqual(['WANGJIA-', 'ZHUANG DONGLU']);
    expect(joinLines(pinyinPieces('DI-3 XIANG'), [0])).toEqual(['DI-', '3 XIANG']);
  });
  it('prefers balanced breaks; word level only breaks at spaces', () => {
    const pieces = pinyinPieces('HUAIYIN XIAOXIANG DONGLU');
    expect(bestBreak(pieces, 2, 'word', textWidthEm)?.lines).toEqual(['HUAIYIN XIAOXIANG', 'DONGLU']);
    expect(bestBreak(pinyinPieces('WANGJIAZHUANG'), 2, 'word', textWidthEm)).toBeUndefined();
    const syl = bestBreak(pinyinPieces('WANGJIAZHUANG'), 2, 'syllable', textWidthEm);
    expect(syl?.lines).toEqual(['WANGJIA-', 'ZHUANG']);
  });
});
