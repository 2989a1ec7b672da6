import { type ArrowShape, type SignContent, type SignLayout, type TextLine, layoutSign } from './layout.js';
import { fontFamilyList, type SignStyle } from './style.js';

/**
 * One SVG per sign (formats.md §4.6). Units are millimetres (viewBox = the panel size), so the file prints at size.
 * Every text element is centred and pinned to its computed width with `textLength` + `lengthAdjust=
 * "spacingAndGlyphs"`: whatever font the viewer substitutes, the text keeps the width the layout gave it and cannot
 * overflow. Output is deterministic (no dates, no random ids) and all text is escaped.
 */

export const LAYOUT_NOTE = 'layout unverified against GB 17733-2008';
export const LAYOUT_NOTE_ZH = '版式未按 GB 17733-2008 原文核对';

/** XML-escape text for element content and attribute values; characters XML 1.0 forbids are dropped. */
export function escapeXml(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A number for SVG output: two decimals (0.01 mm), no trailing zeros, never "-0". */
export function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

/** The drawing of a sign without the root element and metadata (used inline by the contact sheet). */
export function renderSignBody(layout: SignLayout, style: SignStyle): string {
  const W = layout.width;
  const H = layout.height;
  const b = style.borderMm;
  const out: string[] = [];
  out.push(`<rect class="dm-panel" x="0" y="0" width="${num(W)}" height="${num(H)}" rx="${num(style.cornerRadiusMm)}" fill="${escapeXml(style.background)}"/>`);
  if (style.frameLineMm > 0) {
    out.push(
      `<rect class="dm-frame" x="${num(b / 2)}" y="${num(b / 2)}" width="${num(W - b)}" height="${num(H - b)}" rx="${num(Math.max(0, style.cornerRadiusMm - b / 2))}" fill="none" stroke="${escapeXml(style.frameColor)}" stroke-width="${num(style.frameLineMm)}"/>`,
    );
  }
  if (layout.divider) {
    const { x1, x2, y } = layout.divider;
    out.push(`<line class="dm-divider" x1="${num(x1)}" y1="${num(y)}" x2="${num(x2)}" y2="${num(y)}" stroke="${escapeXml(style.frameColor)}" stroke-width="${num(style.dividerMm)}"/>`);
  }
  const cjk = escapeXml(fontFamilyList(style.fontCjk));
  const latin = escapeXml(fontFamilyList([...style.fontLatin, ...style.fontCjk]));
  for (const line of layout.lines) out.push(textElement(line, line.font === 'cjk' ? cjk : latin, style));
  const arrowFill = escapeXml(style.arrow.color ?? style.textColor);
  for (const a of layout.arrows) out.push(`<path class="dm-arrow dm-arrow-${a.side}" d="${arrowPath(a)}" fill="${arrowFill}"/>`);
  return out.join('');
}

const ROLE_CLASS: Record<TextLine['role'], string> = { chinese: 'dm-cn', pinyin: 'dm-py', brand: 'dm-brand' };

function textElement(line: TextLine, family: string, style: SignStyle): string {
  const fill = line.role === 'brand' ? (style.brand?.color ?? style.textColor) : style.textColor;
  return (
    `<text class="${ROLE_CLASS[line.role]}" x="${num(line.cx)}" y="${num(line.baseline)}" font-size="${num(line.fontSize)}" ` +
    `font-family="${family}" font-weight="${style.fontWeight}" fill="${escapeXml(fill)}" text-anchor="middle" ` +
    `textLength="${num(line.width)}" lengthAdjust="spacingAndGlyphs">${escapeXml(line.text)}</text>`
  );
}

/** A block arrow filling its box: shaft 1/3 of the box height, head half the box width. */
export function arrowPath(a: ArrowShape): string {
  const { x, y, w, h } = a.box;
  const cy = y + h / 2;
  const t = h / 6;
  const hl = w / 2;
  const pts: [number, number][] =
    a.side === 'right'
      ? [[x, cy - t], [x + w - hl, cy - t], [x + w - hl, y], [x + w, cy], [x + w - hl, y + h], [x + w - hl, cy + t], [x, cy + t]]
      : [[x + w, cy - t], [x + hl, cy - t], [x + hl, y], [x, cy], [x + hl, y + h], [x + hl, cy + t], [x + w, cy + t]];
  return 'M' + pts.map(([px, py]) => `${num(px)} ${num(py)}`).join('L') + 'Z';
}

export interface SvgOptions {
  /** Precomputed layout (layoutSign(content, style)). */
  layout?: SignLayout;
  /** Precomputed drawing of that layout (renderSignBody(layout, style)): signs that share artwork share it. */
  body?: string;
}

/** A complete standalone SVG document for one sign, with title, description and metadata. */
export function renderSignSvg(content: SignContent, style: SignStyle, opts: SvgOptions = {}): string {
  const layout = opts.layout ?? layoutSign(content, style);
  const W = num(layout.width);
  const H = num(layout.height);
  const name = content.name.trim();
  const label = [name, layout.pinyin].filter(Boolean).join(' ');
  const meta: string[] = [
    `<dm:name>${escapeXml(name)}</dm:name>`,
    `<dm:pinyin>${escapeXml(layout.pinyin)}</dm:pinyin>`,
    `<dm:style>${escapeXml(style.name)}</dm:style>`,
    `<dm:size>${W}×${H} mm</dm:size>`,
  ];
  if (content.id) meta.push(`<dm:id>${escapeXml(content.id)}</dm:id>`);
  if (content.placement) meta.push(`<dm:placement>${escapeXml(content.placement)}</dm:placement>`);
  if (content.arrow && content.arrow !== 'none' && style.arrow.enabled) meta.push(`<dm:arrow>${content.arrow}</dm:arrow>`);
  meta.push(`<dm:note>${LAYOUT_NOTE}</dm:note>`);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${W}mm" height="${H}mm" viewBox="0 0 ${W} ${H}" role="img">\n` +
    `<title>${escapeXml(label)}</title>\n` +
    `<desc>${escapeXml(`地名标志（街路巷牌）${label}；${LAYOUT_NOTE_ZH}。Street name sign ${label}; ${LAYOUT_NOTE}.`)}</desc>\n` +
    `<metadata><dm:sign xmlns:dm="urn:x-diming:sign:1">${meta.join('')}</dm:sign></metadata>\n` +
    (opts.body ?? renderSignBody(layout, style)) +
    `\n</svg>\n`
  );
}
