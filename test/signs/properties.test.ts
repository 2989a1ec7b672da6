import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDataTable } from '../../src/data/files.js';
import { type Box, CLEAR, layoutSign, type SignArrow } from '../../src/signs/layout.js';
import { defaultSignStyle, type SignStyle } from '../../src/signs/style.js';
import { renderSignSvg } from '../../src/signs/svg.js';
import { inside } from './helpers.js';

const SYLLABLES = readDataTable('lexicon/syllables.txt').map((r) => r[0].toUpperCase());
const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
const name = fc.array(han, { minLength: 2, maxLength: 12 }).map((a) => a.join(''));
const word = fc.oneof(
  { weight: 9, arbitrary: fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 5 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 99 }).map(String) },
);
const pinyin = fc.array(word, { minLength: 1, maxLength: 5 }).map((a) => a.join(' '));
const arrow = fc.constantFrom<SignArrow>('none', 'left', 'right', 'both');

const style = fc.record({
  size: fc.constantFrom([1000, 600], [1200, 400], [800, 600], [1500, 500], [600, 300]),
  placement: fc.constantFrom<'pinyin' | 'side'>('pinyin', 'side'),
  brand: fc.option(fc.record({ text: fc.array(han, { minLength: 1, maxLength: 16 }).map((a) => a.join('')), position: fc.constantFrom<'top' | 'bottom'>('top', 'bottom'), heightRatio: fc.double({ min: 0.05, max: 0.25, noNaN: true }) }), { nil: null }),
  maxLines: fc.integer({ min: 1, max: 3 }),
  minScale: fc.double({ min: 0, max: 1, noNaN: true }),
  condense: fc.double({ min: 0.6, max: 1, noNaN: true }),
  divider: fc.constantFrom(0, 4),
}).map((o): SignStyle => {
  const s = defaultSignStyle();
  [s.widthMm, s.heightMm] = o.size;
  s.borderMm = Math.min(25, o.size[1] * 0.04);
  s.frameLineMm = Math.min(s.frameLineMm, s.borderMm);
  s.arrow.placement = o.placement;
  s.brand = o.brand;
  s.pinyinMaxLines = o.maxLines;
  s.pinyinMinScale = o.minScale;
  s.chineseCondense = o.condense;
  s.dividerMm = o.divider;
  return s;
});

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('properties: any 2–12 character name and its pinyin fit the sign', () => {
  it('every text box stays inside its band and the artboard; arrows never cover text', () => {
    fc.assert(
      fc.property(name, pinyin, arrow, style, (n, p, a, s) => {
        const l = layoutSign({ name: n, pinyin: p, arrow: a }, s);
        const board: Box = { x: 0, y: 0, w: s.widthMm, h: s.heightMm };
        expect(l.lines.filter((x) => x.role === 'chinese')).toHaveLength(1);
        expect(l.lines.filter((x) => x.role === 'pinyin').length).toBeGreaterThanOrEqual(1);
        expect(l.lines.filter((x) => x.role === 'pinyin').length).toBeLessThanOrEqual(s.pinyinMaxLines);
        for (const line of l.lines) {
          expect(line.fontSize).toBeGreaterThan(0);
          // inside the band with the rounding clearance to spare
          const clear = { x: line.band.x, y: line.band.y + CLEAR, w: line.band.w, h: line.band.h - 2 * CLEAR };
          expect(inside(line.box, clear)).toBe(true);
          expect(inside(line.band, l.inner)).toBe(true);
          expect(inside(line.box, board)).toBe(true);
          expect(line.width).toBeLessThanOrEqual(0.9 * l.inner.w + 1e-6);
          for (const ar of l.arrows) expect(overlaps(line.box, ar.box)).toBe(false);
        }
        const cn = l.lines[0];
        expect(cn.fontSize).toBeLessThanOrEqual(s.chineseMaxHeight * l.bands.chinese.h + 1e-6);
        // Pinyin lines: the words are all there, in order, broken only at spaces or syllables with a hyphen.
        const lines = l.lines.filter((x) => x.role === 'pinyin').map((x) => x.text);
        expect(lines.map((t) => t.replace(/-$/, '')).join('').replace(/ /g, '')).toBe(p.replace(/ /g, ''));
        for (const ar of l.arrows) expect(inside(ar.box, l.inner)).toBe(true);
      }),
      { numRuns: 400, seed: 20240601 },
    );
  });
  it('the SVG pins each text to its computed width', () => {
    fc.assert(
      fc.property(name, pinyin, arrow, (n, p, a) => {
        const s = defaultSignStyle();
        const svg = renderSignSvg({ name: n, pinyin: p, arrow: a }, s);
        const l = layoutSign({ name: n, pinyin: p, arrow: a }, s);
        const lengths = [...svg.matchAll(/textLength="([\d.]+)" lengthAdjust="spacingAndGlyphs"/g)].map((m) => Number(m[1]));
        expect(lengths).toHaveLength(l.lines.length);
        lengths.forEach((v, i) => expect(Math.abs(v - l.lines[i].width)).toBeLessThanOrEqual(0.005 + 1e-9));
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
