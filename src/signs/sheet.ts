import { type Lang, getLang } from '../core/text.js';
import { type SignContent, layoutSign } from './layout.js';
import type { Placement, Schedule, ScheduledSign } from './schedule.js';
import { fontFamilyList, type SignStyle, styleSize } from './style.js';
import { LAYOUT_NOTE, LAYOUT_NOTE_ZH, escapeXml, num, renderSignBody } from './svg.js';

/**
 * A printable contact sheet of signs: one self-contained HTML file (no external files, scripts or fonts), A4 pages of
 * a grid of cards, each card the sign drawing inline plus a caption. Identical artwork is drawn once as an SVG
 * `<symbol>` (in the first card that needs it) and reused with `<use>`, so 15,000 signs stay a manageable file.
 * All user text is escaped.
 */

export interface SheetItem {
  content: SignContent;
  /** Caption lines under the drawing (plain text; escaped here). */
  caption: string[];
}

export interface SheetOptions {
  title?: string;
  /** Cards per row (default 3). */
  columns?: number;
  /** Cards per printed page (default 12). */
  perPage?: number;
  lang?: Lang;
}

const PLACEMENT: Record<Placement, { zh: string; en: string }> = {
  start: { zh: '起点', en: 'start' },
  end: { zh: '终点', en: 'end' },
  junction: { zh: '交叉口', en: 'junction' },
};

/** Sheet cards for scheduled signs: caption = id, road name, placement (with the crossing roads), arrow. */
export function sheetItemsFromSchedule(signs: Schedule | readonly ScheduledSign[], lang: Lang = getLang()): SheetItem[] {
  const list = 'signs' in signs ? signs.signs : signs;
  const en = lang === 'en';
  return list.map((s) => {
    const place = en ? PLACEMENT[s.placement].en : PLACEMENT[s.placement].zh;
    const withText = s.withNames.length ? (en ? ` with ${s.withNames.join(', ')}` : `（${s.withNames.join('、')}）`) : '';
    return {
      content: { name: s.text, pinyin: s.pinyin, arrow: s.face, id: s.id, placement: s.placement },
      caption: [`${s.id}  ${s.roadName}`, `${place}${withText}${s.arrow ? `  ${s.arrow}` : ''}`],
    };
  });
}

/** The contact sheet as chunks of HTML (stream them to a file for large schedules). */
export function* contactSheetChunks(items: Iterable<SheetItem>, style: SignStyle, opts: SheetOptions = {}): Generator<string> {
  const lang = opts.lang ?? getLang();
  const en = lang === 'en';
  const columns = Math.max(1, Math.min(8, Math.round(opts.columns ?? 3)));
  const perPage = Math.max(1, Math.round(opts.perPage ?? 12));
  const list = Array.isArray(items) ? (items as SheetItem[]) : [...items];
  const title = opts.title ?? (en ? 'Street name signs — contact sheet' : '地名标志样张');
  const W = num(style.widthMm);
  const H = num(style.heightMm);
  yield `<!DOCTYPE html>\n<html lang="${en ? 'en' : 'zh-CN'}">\n<head>\n<meta charset="utf-8">\n<title>${escapeXml(title)}</title>\n<style>\n` +
    `@page { size: A4 portrait; margin: 10mm; }\n` +
    `* { box-sizing: border-box; }\n` +
    `body { margin: 0; font-family: ${cssFonts(style)}; color: #111; }\n` +
    `header { padding: 0 0 4mm; }\n` +
    `header h1 { font-size: 14pt; margin: 0 0 2mm; }\n` +
    `header p { font-size: 9pt; margin: 0; color: #444; }\n` +
    `.page { display: grid; grid-template-columns: repeat(${columns}, 1fr); gap: 5mm; break-after: page; page-break-after: always; }\n` +
    `.page:last-of-type { break-after: auto; page-break-after: auto; }\n` +
    `.card { break-inside: avoid; page-break-inside: avoid; margin: 0; }\n` +
    `.card svg { display: block; width: 100%; height: auto; }\n` +
    `.card figcaption { font-size: 8pt; line-height: 1.3; padding-top: 1mm; overflow-wrap: anywhere; }\n` +
    `.card figcaption span { display: block; }\n` +
    `@media screen { body { background: #e8e8e8; } main { max-width: 210mm; margin: 0 auto; background: #fff; padding: 10mm; } .page { margin-bottom: 10mm; } }\n` +
    `</style>\n</head>\n<body>\n<main>\n`;
  const note = en ? `Layout unverified against GB 17733-2008 (${LAYOUT_NOTE}).` : `${LAYOUT_NOTE_ZH}（${LAYOUT_NOTE}）。`;
  yield `<header><h1>${escapeXml(title)}</h1><p>${escapeXml(
    en
      ? `${list.length} signs · style ${style.name} · ${styleSize(style)} · ${note}`
      : `共 ${list.length} 块 · 样式 ${style.name} · 规格 ${styleSize(style)} · ${note}`,
  )}</p></header>\n`;
  const symbols = new Map<string, string>();
  for (let i = 0; i < list.length; i++) {
    if (i % perPage === 0) yield `${i ? '</section>\n' : ''}<section class="page">\n`;
    const it = list[i];
    const key = `${it.content.name}\u0000${it.content.pinyin}\u0000${it.content.arrow ?? 'none'}`;
    let sym = symbols.get(key);
    let def = '';
    if (!sym) {
      sym = `s${symbols.size + 1}`;
      symbols.set(key, sym);
      def = `<symbol id="${sym}" viewBox="0 0 ${W} ${H}">${renderSignBody(layoutSign(it.content, style), style)}</symbol>`;
    }
    const label = escapeXml([it.content.name, it.content.pinyin].filter(Boolean).join(' '));
    yield `<figure class="card"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${label}">${def}<use href="#${sym}"/></svg>` +
      `<figcaption>${it.caption.map((c) => `<span>${escapeXml(c)}</span>`).join('')}</figcaption></figure>\n`;
  }
  if (list.length) yield '</section>\n';
  yield `</main>\n</body>\n</html>\n`;
}

/** The whole contact sheet as one string. */
export function renderContactSheet(items: Iterable<SheetItem>, style: SignStyle, opts: SheetOptions = {}): string {
  let out = '';
  for (const c of contactSheetChunks(items, style, opts)) out += c;
  return out;
}

function cssFonts(style: SignStyle): string {
  return fontFamilyList(style.fontCjk);
}
