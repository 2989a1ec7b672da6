/**
 * Font metrics used to lay out sign text without access to the viewer's fonts (formats.md §4.6).
 *
 * Widths are estimates in em (1 em = the font size). Every text element is also pinned with `textLength` +
 * `lengthAdjust="spacingAndGlyphs"` to the estimated width, so a wider or narrower fallback font is squeezed or
 * stretched to exactly the estimated width and can never overflow.
 *
 * Sources:
 * - Latin advance widths: Adobe Core 14 AFM "Helvetica-Bold" (Version 002.000, 1997; `WX` values per 1000 em).
 *   Arial Bold and Liberation Sans Bold (its metric-compatible free clone, the default Latin font on Debian)
 *   have the same advance widths, so the estimate is exact for the first fonts of the default Latin stack.
 *   U+0027 APOSTROPHE is `quotesingle` (238) in the AFM; the table uses `quoteright` (278), the wider of the two,
 *   because some fonts map the ASCII apostrophe to a curly glyph.
 * - CJK: ideographs and full-width forms are 1 em wide in every CJK font (ideographic em box).
 * - Vertical metrics: measured from Noto Sans CJK SC Regular and Bold (Debian fonts-noto-cjk 1:20220127):
 *   hhea ascender 1160, descender −288, OS/2 typo ascender 880 / descender −120 (the ideographic em box), per
 *   1000 em. Noto Sans CJK (= Source Han Sans) has the tallest line box of the default stacks (Liberation Sans Bold:
 *   905/212; DejaVu Sans Bold: 928/236; Microsoft YaHei: about 1058/262), and browsers report a text element's
 *   bounding box (`getBBox()`) from these ascent/descent values, so a box laid out with them holds the text in
 *   any of those fonts. Capital height 718 is Helvetica-Bold's CapHeight (Noto Sans CJK: 733).
 */

/** Advance widths in 1/1000 em (Helvetica-Bold AFM). */
const LATIN_WIDTHS: Record<string, number> = {
  ' ': 278, "'": 278, '’': 278, '-': 333, '‐': 333, '.': 278, ',': 278, '·': 278, '(': 333, ')': 333, '/': 278,
  '0': 556, '1': 556, '2': 556, '3': 556, '4': 556, '5': 556, '6': 556, '7': 556, '8': 556, '9': 556,
  A: 722, B: 722, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 556, K: 722, L: 611, M: 833,
  N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
  a: 556, b: 611, c: 556, d: 611, e: 556, f: 333, g: 611, h: 611, i: 278, j: 278, k: 556, l: 278, m: 889,
  n: 611, o: 611, p: 611, q: 611, r: 389, s: 556, t: 333, u: 611, v: 556, w: 778, x: 556, y: 556, z: 500,
  Ü: 722, ü: 611, Ê: 667, ê: 556,
};

/** Width of a character not in the table and not CJK: as wide as the widest capital but W (conservative). */
const UNKNOWN_WIDTH = 833;

/** Is the character rendered on the ideographic 1-em grid (Han, kana, hangul, CJK punctuation, full-width forms)? */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Estimated advance width of a string in em. */
export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isWide(cp)) w += 1000;
    else w += LATIN_WIDTHS[ch] ?? UNKNOWN_WIDTH;
  }
  return w / 1000;
}

/** Vertical metrics of a line of text, in em, measured from the alphabetic baseline. */
export interface VerticalMetrics {
  /** Line-box ascent above the baseline (what `getBBox()` reports as the top). */
  ascent: number;
  /** Line-box descent below the baseline. */
  descent: number;
  /** Top of the visible ink that is centred in the band (CJK em box top; Latin capital height). */
  inkTop: number;
  /** Bottom of that ink below the baseline (CJK em box bottom; 0 for capitals). */
  inkBottom: number;
}

/** Chinese text: centred on the ideographic em box (−0.12 … 0.88 em). */
export const CJK_METRICS: VerticalMetrics = { ascent: 1.16, descent: 0.288, inkTop: 0.88, inkBottom: 0.12 };

/** Capitals (sign pinyin): centred on the capital height. */
export const CAPS_METRICS: VerticalMetrics = { ascent: 1.16, descent: 0.288, inkTop: 0.718, inkBottom: 0 };

/** Baseline-to-baseline distance of wrapped lines, in em. */
export const LINE_PITCH = 1.2;
