import { CAPS_METRICS, CJK_METRICS, LINE_PITCH, type VerticalMetrics, textWidthEm } from './metrics.js';
import { bestBreak, pinyinPieces, signPinyin } from './pinyin.js';
import type { SignStyle } from './style.js';

/**
 * Sign layout: where every element goes, in millimetres (the SVG's user units). Pure maths, no SVG, so the fitting
 * rules can be tested on their own (formats.md §4.6):
 * - the inner panel (inside the edge zone, less an optional brand strip) is split at 3/5 of its height: Chinese
 *   above, pinyin below;
 * - Chinese: one line, font size ≤ 80 % of its band height, width ≤ 90 % of the inner width (long names scale down);
 * - pinyin: one line if it can be set at ≥ `pinyinMinScale` of its unconstrained size, else wrapped at word
 *   boundaries, else between syllables with a hyphen (1984 rule 13), whichever gives the largest text;
 * - every line's box (its width × the tallest font line box of the stack, see metrics.ts) lies inside its band.
 */

export type SignArrow = 'none' | 'left' | 'right' | 'both';

export interface SignContent {
  /** The Chinese name as it appears on the sign. */
  name: string;
  /** The sign-form pinyin (any pinyin form is accepted and normalised to capitals without tones). */
  pinyin: string;
  /** Arrows on the sign face (ignored when the style disables arrows). */
  arrow?: SignArrow;
  /** Sign id and placement, for the SVG metadata only. */
  id?: string;
  placement?: string;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type LineRole = 'chinese' | 'pinyin' | 'brand';

export interface TextLine {
  role: LineRole;
  text: string;
  /** Centre of the line (text-anchor middle). */
  cx: number;
  /** Alphabetic baseline. */
  baseline: number;
  fontSize: number;
  /** The pinned width (`textLength`). */
  width: number;
  /** The line box: width × (ascent + descent of the tallest font of the stack). */
  box: Box;
  /** The band the line must stay in. */
  band: Box;
  /** Which font stack: CJK first, or Latin first. */
  font: 'cjk' | 'latin';
}

export interface ArrowShape {
  side: 'left' | 'right';
  box: Box;
}

export interface SignLayout {
  width: number;
  height: number;
  /** Inside the edge zone. */
  inner: Box;
  bands: { chinese: Box; pinyin: Box; brand?: Box };
  lines: TextLine[];
  arrows: ArrowShape[];
  /** How the pinyin was set. */
  pinyinMode: 'single' | 'word' | 'syllable' | 'empty';
  /** Pinyin font size ÷ its unconstrained single-line size (1 = not reduced). */
  pinyinScale: number;
  /** Horizontal squeeze applied to the Chinese (1 = none). */
  chineseCondense: number;
  /** The normalised sign pinyin (after the ü option). */
  pinyin: string;
  /** The line between the bands, when drawn (it stops short of side arrows). */
  divider?: { y: number; x1: number; x2: number };
}

/**
 * Clearance (user units = mm) kept between a line box and its band edge: renderers round a font's ascent and descent
 * to whole units (Chromium's getBBox of 215.4 mm Noto Sans CJK text is 250 + 62 units, not 249.8 + 62.0).
 */
export const CLEAR = 1;

/** Largest font size for `n` lines whose ink block is centred in a band of height `h` and whose line boxes stay inside it. */
export function maxSizeForBand(h: number, n: number, m: VerticalMetrics, pitch = LINE_PITCH): number {
  const half = Math.max(0, h) / 2;
  const inkDiff = m.inkBottom - m.inkTop;
  const top = ((n - 1) * pitch + inkDiff) / 2 + m.ascent;
  const bottom = ((n - 1) * pitch - inkDiff) / 2 + m.descent;
  return half / Math.max(top, bottom);
}

/** Baselines of `n` lines of size `fs` whose ink block is centred on `cy`. */
export function baselines(cy: number, n: number, fs: number, m: VerticalMetrics, pitch = LINE_PITCH): number[] {
  const p = pitch * fs;
  const first = cy - ((n - 1) * p) / 2 - ((m.inkBottom - m.inkTop) * fs) / 2;
  return Array.from({ length: n }, (_, i) => first + i * p);
}

function lineBox(cx: number, baseline: number, width: number, fs: number, m: VerticalMetrics): Box {
  return { x: cx - width / 2, y: baseline - m.ascent * fs, w: width, h: (m.ascent + m.descent) * fs };
}

/** Lay out one sign. Deterministic; never throws on text (empty texts produce no line). */
export function layoutSign(content: SignContent, style: SignStyle): SignLayout {
  const W = style.widthMm;
  const H = style.heightMm;
  const b = style.borderMm;
  const inner: Box = { x: b, y: b, w: W - 2 * b, h: H - 2 * b };

  // Brand strip (inside the edge zone), then the 3/5 : 2/5 split of the rest of the inner area.
  let top = inner.y;
  let bottom = inner.y + inner.h;
  let brandBand: Box | undefined;
  if (style.brand && style.brand.text.trim()) {
    const bh = style.brand.heightRatio * inner.h;
    if (style.brand.position === 'top') {
      brandBand = { x: inner.x, y: top, w: inner.w, h: bh };
      top += bh;
    } else {
      brandBand = { x: inner.x, y: bottom - bh, w: inner.w, h: bh };
      bottom -= bh;
    }
  }
  const split = top + (bottom - top) * 0.6;
  const divider = style.dividerMm > 0 ? style.dividerMm : 0;
  const chinese: Box = { x: inner.x, y: top, w: inner.w, h: split - divider / 2 - top };
  const pinyinBand: Box = { x: inner.x, y: split + divider / 2, w: inner.w, h: bottom - split - divider / 2 };

  // Arrows reserve the same width on both sides so the text stays centred.
  const want: SignArrow = style.arrow.enabled ? (content.arrow ?? 'none') : 'none';
  const arrows: ArrowShape[] = [];
  let reserve = 0;
  let reserveAll = 0;
  if (want !== 'none') {
    const gap = inner.w * 0.02;
    if (style.arrow.placement === 'pinyin') {
      const ah = pinyinBand.h * 0.36;
      const aw = ah * 1.3;
      const y = pinyinBand.y + (pinyinBand.h - ah) / 2;
      if (want === 'left' || want === 'both') arrows.push({ side: 'left', box: { x: inner.x + gap, y, w: aw, h: ah } });
      if (want === 'right' || want === 'both') arrows.push({ side: 'right', box: { x: inner.x + inner.w - gap - aw, y, w: aw, h: ah } });
      reserve = 2 * (aw + 2 * gap);
    } else {
      const area = pinyinBand.y + pinyinBand.h - chinese.y;
      const ah = area * 0.28;
      const aw = ah * 1.1;
      const y = chinese.y + (area - ah) / 2;
      if (want === 'left' || want === 'both') arrows.push({ side: 'left', box: { x: inner.x + gap, y, w: aw, h: ah } });
      if (want === 'right' || want === 'both') arrows.push({ side: 'right', box: { x: inner.x + inner.w - gap - aw, y, w: aw, h: ah } });
      reserveAll = 2 * (aw + 2 * gap);
    }
  }
  const cx = inner.x + inner.w / 2;
  const lines: TextLine[] = [];

  // Chinese: one line.
  const name = content.name.trim();
  let condense = 1;
  if (name) {
    const em = textWidthEm(name);
    const maxW = Math.min(style.chineseMaxWidth * inner.w, inner.w - reserveAll);
    const fsV = Math.min(maxSizeForBand(chinese.h - 2 * CLEAR, 1, CJK_METRICS), style.chineseMaxHeight * chinese.h);
    condense = Math.max(style.chineseCondense, Math.min(1, maxW / (em * fsV)));
    const fs = Math.min(fsV, maxW / (em * condense));
    const width = em * fs * condense;
    const [bl] = baselines(chinese.y + chinese.h / 2, 1, fs, CJK_METRICS);
    lines.push({ role: 'chinese', text: name, cx, baseline: bl, fontSize: fs, width, box: lineBox(cx, bl, width, fs, CJK_METRICS), band: chinese, font: 'cjk' });
  }

  // Pinyin: one line, or wrapped (words, then syllables), whichever is large enough.
  const py = signPinyin(content.pinyin ?? '', style.umlaut);
  let pinyinMode: SignLayout['pinyinMode'] = 'empty';
  let pinyinScale = 1;
  if (py) {
    const maxW = Math.min(style.pinyinMaxWidth * inner.w, inner.w - reserve - reserveAll);
    const cap = maxSizeForBand(pinyinBand.h - 2 * CLEAR, 1, CAPS_METRICS);
    const pieces = pinyinPieces(py, style.umlaut);
    type Option = { lines: string[]; fs: number; mode: 'single' | 'word' | 'syllable' };
    const options: Option[] = [];
    const sizeOf = (ls: string[]) =>
      Math.min(maxSizeForBand(pinyinBand.h - 2 * CLEAR, ls.length, CAPS_METRICS), ...ls.map((l) => maxW / Math.max(textWidthEm(l), 1e-9)));
    const single = [py];
    options.push({ lines: single, fs: sizeOf(single), mode: 'single' });
    for (let n = 2; n <= style.pinyinMaxLines; n++) {
      for (const level of ['word', 'syllable'] as const) {
        const br = bestBreak(pieces, n, level, textWidthEm);
        if (br) options.push({ lines: br.lines, fs: sizeOf(br.lines), mode: level });
      }
    }
    const threshold = style.pinyinMinScale * cap;
    let chosen = options.find((o) => o.fs >= threshold - 1e-9);
    if (!chosen) chosen = options.reduce((a, o) => (o.fs > a.fs + 1e-9 ? o : a), options[0]);
    pinyinMode = chosen.mode;
    pinyinScale = chosen.fs / cap;
    const fs = chosen.fs;
    const bls = baselines(pinyinBand.y + pinyinBand.h / 2, chosen.lines.length, fs, CAPS_METRICS);
    chosen.lines.forEach((text, i) => {
      const width = textWidthEm(text) * fs;
      lines.push({ role: 'pinyin', text, cx, baseline: bls[i], fontSize: fs, width, box: lineBox(cx, bls[i], width, fs, CAPS_METRICS), band: pinyinBand, font: 'latin' });
    });
  }

  // Brand line: one line in its strip.
  if (brandBand && style.brand) {
    const text = style.brand.text.trim();
    const em = textWidthEm(text);
    const maxW = Math.min(0.9 * inner.w, inner.w - reserveAll);
    const fs = Math.min(maxSizeForBand(brandBand.h - 2 * CLEAR, 1, CJK_METRICS), maxW / Math.max(em, 1e-9));
    const [bl] = baselines(brandBand.y + brandBand.h / 2, 1, fs, CJK_METRICS);
    const width = em * fs;
    lines.push({ role: 'brand', text, cx, baseline: bl, fontSize: fs, width, box: lineBox(cx, bl, width, fs, CJK_METRICS), band: brandBand, font: 'cjk' });
  }

  const bands: SignLayout['bands'] = { chinese, pinyin: pinyinBand };
  if (brandBand) bands.brand = brandBand;
  return {
    width: W,
    height: H,
    inner,
    bands,
    lines,
    arrows,
    pinyinMode,
    pinyinScale,
    chineseCondense: condense,
    pinyin: py,
    divider: divider ? dividerLine(split, inner, arrows, style.arrow.placement) : undefined,
  };
}

function dividerLine(y: number, inner: Box, arrows: ArrowShape[], placement: string): { y: number; x1: number; x2: number } {
  let x1 = inner.x;
  let x2 = inner.x + inner.w;
  if (placement === 'side') {
    const gap = inner.w * 0.02;
    for (const a of arrows) {
      if (a.side === 'left') x1 = Math.max(x1, a.box.x + a.box.w + gap);
      else x2 = Math.min(x2, a.box.x - gap);
    }
  }
  return { y, x1, x2 };
}
