import { describe, expect, it } from 'vitest';
import { type Box, type SignLayout, baselines, layoutSign, maxSizeForBand } from '../../src/signs/layout.js';
import { CAPS_METRICS, CJK_METRICS, textWidthEm } from '../../src/signs/metrics.js';
import { defaultSignStyle, type SignStyle } from '../../src/signs/style.js';
import { inside } from './helpers.js';

const EPS = 1e-6;

function checkLayout(l: SignLayout, style: SignStyle): void {
  const board: Box = { x: 0, y: 0, w: style.widthMm, h: style.heightMm };
  for (const line of l.lines) {
    expect(inside(line.box, line.band), `${line.role} "${line.text}" box inside its band`).toBe(true);
    expect(inside(line.band, l.inner)).toBe(true);
    expect(inside(line.box, board)).toBe(true);
    expect(line.fontSize).toBeGreaterThan(0);
  }
  for (const a of l.arrows) expect(inside(a.box, l.bands.pinyin) || inside(a.box, l.inner)).toBe(true);
}

describe('band geometry (GB 17733: Chinese upper 3/5, pinyin lower 2/5)', () => {
  it('splits the inner panel 3 : 2', () => {
    const s = defaultSignStyle();
    const l = layoutSign({ name: '幸福路', pinyin: 'XINGFU LU' }, s);
    expect(l.inner).toEqual({ x: 20, y: 20, w: 960, h: 560 });
    expect(l.bands.chinese.h / (l.bands.chinese.h + l.bands.pinyin.h)).toBeCloseTo(0.6, 9);
    expect(l.bands.chinese.y).toBe(20);
    expect(l.bands.pinyin.y + l.bands.pinyin.h).toBe(580);
  });
  it('puts a brand strip outside the two bands and keeps 3 : 2 for the rest', () => {
    const s = defaultSignStyle();
    s.brand = { text: '广饶县民政局监制', position: 'bottom', heightRatio: 0.1 };
    const l = layoutSign({ name: '幸福路', pinyin: 'XINGFU LU' }, s);
    expect(l.bands.brand).toBeDefined();
    expect(l.bands.brand!.h).toBeCloseTo(56, 9);
    expect(l.bands.chinese.h / (l.bands.chinese.h + l.bands.pinyin.h)).toBeCloseTo(0.6, 9);
    checkLayout(l, s);
  });
});

describe('fit maths', () => {
  it('maxSizeForBand keeps the ink centred and the line box inside', () => {
    const h = 336;
    const fs = maxSizeForBand(h, 1, CJK_METRICS);
    // top: −(0.88 − 0.12)/2 + 1.16 = 0.78; bottom: 0.38 + 0.288 = 0.668 → fs = (h/2)/0.78
    expect(fs).toBeCloseTo(h / 2 / 0.78, 9);
    const [bl] = baselines(h / 2, 1, fs, CJK_METRICS);
    expect(bl - CJK_METRICS.ascent * fs).toBeCloseTo(0, 9); // box top touches the band top
    expect(bl + CJK_METRICS.descent * fs).toBeLessThanOrEqual(h + EPS);
    // the ink (em box) is centred
    expect((bl - 0.88 * fs + bl + 0.12 * fs) / 2).toBeCloseTo(h / 2, 9);
  });
  it('two lines of capitals fit the band together', () => {
    const h = 224;
    const fs = maxSizeForBand(h, 2, CAPS_METRICS);
    const bls = baselines(h / 2, 2, fs, CAPS_METRICS);
    expect(bls[0] - CAPS_METRICS.ascent * fs).toBeGreaterThanOrEqual(-EPS);
    expect(bls[1] + CAPS_METRICS.descent * fs).toBeLessThanOrEqual(h + EPS);
  });
  it('sets Chinese at ≤ 80 % of its band height and ≤ 90 % of the inner width', () => {
    const s = defaultSignStyle();
    for (const name of ['新街', '幸福东路', '王家庄东路', '广饶县大王镇王家庄东二路']) {
      const l = layoutSign({ name, pinyin: '' }, s);
      const cn = l.lines.find((x) => x.role === 'chinese')!;
      expect(cn.fontSize).toBeLessThanOrEqual(0.8 * l.bands.chinese.h + EPS);
      expect(cn.width).toBeLessThanOrEqual(0.9 * l.inner.w + EPS);
      expect(cn.width).toBeCloseTo(textWidthEm(name) * cn.fontSize, 9);
      checkLayout(l, s);
    }
  });
  it('scales long names down instead of overflowing', () => {
    const s = defaultSignStyle();
    const short = layoutSign({ name: '新街', pinyin: 'XIN JIE' }, s).lines[0];
    const long = layoutSign({ name: '广饶县大王镇王家庄东二路', pinyin: 'XIN JIE' }, s).lines[0];
    expect(long.fontSize).toBeLessThan(short.fontSize);
    expect(long.width).toBeCloseTo(0.9 * 960, 6);
  });
  it('condenses Chinese horizontally only when the style allows it', () => {
    const s = defaultSignStyle();
    s.chineseCondense = 0.8;
    const l = layoutSign({ name: '广饶县大王镇王家庄东二路', pinyin: '' }, s);
    expect(l.chineseCondense).toBeCloseTo(0.8, 9);
    const cn = l.lines[0];
    expect(cn.width).toBeCloseTo(textWidthEm(cn.text) * cn.fontSize * 0.8, 6);
    expect(cn.width).toBeLessThanOrEqual(0.9 * 960 + EPS);
    checkLayout(l, s);
  });
  it('keeps short pinyin on one line at full size', () => {
    const l = layoutSign({ name: '新街', pinyin: 'XIN JIE' }, defaultSignStyle());
    expect(l.pinyinMode).toBe('single');
    expect(l.pinyinScale).toBeCloseTo(1, 9);
  });
  it('wraps long pinyin at a word boundary first (rule 13)', () => {
    const s = defaultSignStyle();
    const l = layoutSign({ name: '王家庄新村东路', pinyin: 'WANGJIAZHUANG XINCUN DONGLU', arrow: 'both' }, s);
    expect(l.pinyinMode).toBe('word');
    const lines = l.lines.filter((x) => x.role === 'pinyin').map((x) => x.text);
    expect(lines.length).toBe(2);
    expect(lines.join(' ')).toBe('WANGJIAZHUANG XINCUN DONGLU');
    expect(lines.some((t) => t.endsWith('-'))).toBe(false);
    checkLayout(l, s);
  });
  it('breaks between syllables with a hyphen only when words cannot be split', () => {
    const s = defaultSignStyle();
    s.pinyinMinScale = 0.9;
    const l = layoutSign({ name: '王家庄路', pinyin: 'WANGJIAZHUANGXINCUNDONG LU' }, s);
    const lines = l.lines.filter((x) => x.role === 'pinyin').map((x) => x.text);
    expect(l.pinyinMode).toBe('syllable');
    expect(lines[0].endsWith('-')).toBe(true);
    expect(lines.join('').replace(/-/g, '').replace(/ /g, '')).toBe('WANGJIAZHUANGXINCUNDONGLU');
    checkLayout(l, s);
  });
  it('never wraps when the style allows one line only', () => {
    const s = defaultSignStyle();
    s.pinyinMaxLines = 1;
    const l = layoutSign({ name: '王家庄新村东路', pinyin: 'WANGJIAZHUANG XINCUN DONGLU' }, s);
    expect(l.lines.filter((x) => x.role === 'pinyin')).toHaveLength(1);
    checkLayout(l, s);
  });
  it('reserves room for arrows on both sides so text stays centred', () => {
    const s = defaultSignStyle();
    const none = layoutSign({ name: '幸福路', pinyin: 'XINGFU DONGLU' }, s);
    const right = layoutSign({ name: '幸福路', pinyin: 'XINGFU DONGLU', arrow: 'right' }, s);
    expect(right.arrows.map((a) => a.side)).toEqual(['right']);
    const py = right.lines.find((x) => x.role === 'pinyin')!;
    expect(py.cx).toBe(500);
    expect(py.box.x + py.box.w).toBeLessThanOrEqual(right.arrows[0].box.x);
    expect(none.arrows).toEqual([]);
    s.arrow.enabled = false;
    expect(layoutSign({ name: '幸福路', pinyin: 'XINGFU LU', arrow: 'both' }, s).arrows).toEqual([]);
  });
  it('side arrows narrow all text and do not overlap it', () => {
    const s = defaultSignStyle();
    s.arrow.placement = 'side';
    const l = layoutSign({ name: '广饶县大王镇王家庄东二路', pinyin: 'WANGJIAZHUANG DONGLU', arrow: 'both' }, s);
    expect(l.arrows).toHaveLength(2);
    for (const line of l.lines) for (const a of l.arrows) {
      const overlapX = line.box.x < a.box.x + a.box.w && a.box.x < line.box.x + line.box.w;
      expect(overlapX).toBe(false);
    }
    checkLayout(l, s);
  });
  it('is deterministic', () => {
    const s = defaultSignStyle();
    const a = layoutSign({ name: '幸福东路', pinyin: 'XINGFU DONGLU', arrow: 'left' }, s);
    const b = layoutSign({ name: '幸福东路', pinyin: 'XINGFU DONGLU', arrow: 'left' }, s);
    expect(a).toEqual(b);
  });
  it('never produces negative sizes on tiny panels', () => {
    const s = defaultSignStyle();
    Object.assign(s, { widthMm: 100, heightMm: 50, borderMm: 2.5, frameLineMm: 1, dividerMm: 2.5 });
    s.brand = { text: '监制', position: 'top', heightRatio: 0.25 };
    const l = layoutSign({ name: '广饶县大王镇王家庄东二路', pinyin: 'GUANGRAOXIANDAWANGZHENWANGJIAZHUANG DONG 2 LU', arrow: 'both' }, s);
    for (const line of l.lines) {
      expect(line.fontSize).toBeGreaterThanOrEqual(0);
      expect(inside(line.box, line.band)).toBe(true);
    }
  });
  it('handles empty texts without throwing', () => {
    const l = layoutSign({ name: '', pinyin: '' }, defaultSignStyle());
    expect(l.lines).toEqual([]);
    expect(l.pinyinMode).toBe('empty');
  });
});
