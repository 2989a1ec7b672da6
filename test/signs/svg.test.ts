import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { layoutSign } from '../../src/signs/layout.js';
import { defaultSignStyle } from '../../src/signs/style.js';
import { arrowPath, escapeXml, LAYOUT_NOTE, num, renderSignSvg } from '../../src/signs/svg.js';

function parse(svg: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level: string, msg: string) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(svg, 'image/svg+xml');
  expect(errors).toEqual([]);
  return doc;
}

describe('SVG output', () => {
  const style = defaultSignStyle();
  it('is well-formed, in millimetres, with GB proportions and the verification note', () => {
    const svg = renderSignSvg({ name: '幸福东路', pinyin: 'XINGFU DONGLU', id: 'A-01', placement: 'start', arrow: 'right' }, style);
    const doc = parse(svg);
    const root = doc.documentElement!;
    expect(root.getAttribute('width')).toBe('1000mm');
    expect(root.getAttribute('viewBox')).toBe('0 0 1000 600');
    expect(doc.getElementsByTagName('title')[0].textContent).toBe('幸福东路 XINGFU DONGLU');
    expect(svg).toContain(`<dm:note>${LAYOUT_NOTE}</dm:note>`);
    expect(svg).toContain('<dm:style>default</dm:style>');
    expect(svg).toContain('<dm:id>A-01</dm:id>');
    expect(svg).toContain('fill="#0050A0"');
    expect(doc.getElementsByTagName('path')).toHaveLength(1);
  });
  it('pins every text element to its computed width (textLength + spacingAndGlyphs)', () => {
    const content = { name: '王家庄新村东路', pinyin: 'WANGJIAZHUANG XINCUN DONGLU', arrow: 'both' as const };
    const layout = layoutSign(content, style);
    const doc = parse(renderSignSvg(content, style));
    const texts = Array.from(doc.getElementsByTagName('text'));
    expect(texts).toHaveLength(layout.lines.length);
    texts.forEach((t, i) => {
      expect(t.getAttribute('lengthAdjust')).toBe('spacingAndGlyphs');
      expect(t.getAttribute('textLength')).toBe(num(layout.lines[i].width));
      expect(t.getAttribute('text-anchor')).toBe('middle');
      expect(t.getAttribute('font-size')).toBe(num(layout.lines[i].fontSize));
      expect(t.textContent).toBe(layout.lines[i].text);
    });
    expect(texts[1].getAttribute('font-family')).toMatch(/^'Arial'/);
    expect(texts[0].getAttribute('font-family')).toMatch(/^'Noto Sans CJK SC'.*sans-serif$/);
  });
  it('escapes all text (names, pinyin, ids, style names, colours)', () => {
    const s = defaultSignStyle();
    s.name = '<evil & "style">';
    s.brand = { text: '</text><script>alert(1)</script>', position: 'bottom', heightRatio: 0.1 };
    const svg = renderSignSvg({ name: '<script>alert("x")</script>&路', pinyin: "O'NEIL <B>", id: '"><img src=x onerror=alert(1)>', placement: "a'b" }, s);
    expect(svg).not.toMatch(/<script|<img|<B>/);
    const doc = parse(svg);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(doc.getElementsByTagName('text')[0].textContent).toBe('<script>alert("x")</script>&路');
    expect(escapeXml('a&b<c>"d\'e\u0001\ud800')).toBe('a&amp;b&lt;c&gt;&quot;d&#39;e');
  });
  it('is deterministic', () => {
    const c = { name: '八一巷', pinyin: 'BAYI XIANG', arrow: 'left' as const };
    expect(renderSignSvg(c, style)).toBe(renderSignSvg(c, style));
  });
  it('draws arrows pointing the right way inside their boxes', () => {
    const box = { x: 10, y: 20, w: 100, h: 50 };
    const pts = (d: string) => d.slice(1, -1).split('L').map((p) => p.split(' ').map(Number));
    const right = pts(arrowPath({ side: 'right', box }));
    const left = pts(arrowPath({ side: 'left', box }));
    // The tip is the only point on the centre line (y = 45) at the far end of the box.
    expect(right.filter(([, y]) => y === 45)).toEqual([[110, 45]]);
    expect(left.filter(([, y]) => y === 45)).toEqual([[10, 45]]);
    for (const [x, y] of [...right, ...left]) {
      expect(x).toBeGreaterThanOrEqual(10);
      expect(x).toBeLessThanOrEqual(110);
      expect(y).toBeGreaterThanOrEqual(20);
      expect(y).toBeLessThanOrEqual(70);
    }
  });
  it('writes ü as the style says', () => {
    const s = defaultSignStyle();
    expect(renderSignSvg({ name: '绿水路', pinyin: 'Lǜshuǐ Lù' }, s)).toContain('>LÜSHUI LU</text>');
    s.umlaut = 'v';
    expect(renderSignSvg({ name: '绿水路', pinyin: 'Lǜshuǐ Lù' }, s)).toContain('>LVSHUI LU</text>');
  });
});
