/**
 * DOCX announcement in the layout of Chinese official documents (GB/T 9704-2012 style):
 * A4, 版心 156 × 225 mm (margins 37/35/28/26 mm; landscape pages rotate them), title 方正小标宋 二号 centred, 文号 and
 * body 仿宋 三号, township headings 黑体 三号 (「一、大王镇（共25条）」), one table per township whose header row repeats
 * on every page (`<w:tblHeader/>`), page numbers 「— 1 —」 in the footer, signature and date at the end.
 * East Asian fonts are declared on every style (`w:eastAsia`), with Latin fonts for the pinyin.
 *
 * The `docx` package builds the package (styles, section, footer with the PAGE field, paragraphs, properties);
 * the table rows — up to tens of thousands — are written as WordprocessingML text and spliced in, which is about
 * ten times faster than building 100 000 cell objects. Timestamps are fixed (document date, never the clock), so
 * identical input gives a byte-identical file.
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation as DocxPageOrientation,
  Paragraph,
  TextRun,
} from 'docx';
import JSZip from 'jszip';
import { type AnnouncementDoc, type PreparedDoc, type PreparedGroup, groupHeading, prepareAnnouncement } from '../model.js';
import type { PageOrientation } from '../templates.js';
import { chineseNumeral, escapeXml } from '../text.js';
import { fixZipTimestamps } from './zip.js';

export interface DocxOptions {
  /** Page orientation; 'auto' (default) = landscape when the table has more than 6 columns. */
  orientation?: PageOrientation;
}

/** Fonts (names as Word/WPS know them; LibreOffice substitutes through fontconfig). */
export const DOCX_FONTS = {
  title: '方正小标宋简体',
  body: '仿宋',
  heading: '黑体',
  table: '宋体',
  latin: 'Times New Roman',
} as const;

const PX = {
  /** 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 小五 9 pt — in half-points. */
  title: 44,
  body: 32,
  footer: 28,
  tableNormal: 21,
  tableSmall: 18,
};

/** Millimetres → twips (1 in = 25.4 mm = 1440 twips). */
const mm = (v: number): number => Math.round((v * 1440) / 25.4);

interface Layout {
  landscape: boolean;
  /** Text width in twips. */
  textWidth: number;
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  tableSize: number;
  /** Table column widths in twips. */
  widths: number[];
}

function layoutFor(doc: PreparedDoc, orientation: PageOrientation): Layout {
  const landscape = orientation === 'landscape' || (orientation === 'auto' && doc.columns.length > 6);
  // GB/T 9704: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm. Landscape tables turn the page: the same 版心 on its side.
  const margins = landscape
    ? { top: mm(28), bottom: mm(26), left: mm(37), right: mm(35), header: mm(15), footer: mm(14) }
    : { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(25) };
  const pageWidth = landscape ? 16838 : 11906;
  const textWidth = pageWidth - margins.left - margins.right;
  const tableSize = doc.columns.length > 8 ? PX.tableSmall : PX.tableNormal;
  const widths = fitColumnTwips(doc, textWidth, tableSize);
  return { landscape, textWidth, margins, tableSize, widths };
}

const font = (eastAsia: string) => ({ ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, cs: DOCX_FONTS.latin, eastAsia, hint: 'eastAsia' });

/** Style ids used by the spliced table XML. */
const S = { th: 'AnnTableHeader', td: 'AnnTableCell', tdc: 'AnnTableCellCenter' } as const;

const PLACEHOLDER = (i: number) => `@@DIMING-TABLE-${i}@@`;

/** Render the announcement as DOCX bytes. */
export async function renderDocx(input: AnnouncementDoc, opts: DocxOptions = {}): Promise<Uint8Array> {
  const doc = prepareAnnouncement(input);
  const layout = layoutFor(doc, opts.orientation ?? 'auto');

  const children: Paragraph[] = [];
  for (const line of doc.title.split('\n')) children.push(new Paragraph({ style: 'AnnTitle', children: [new TextRun(line)] }));
  if (doc.docNo) children.push(new Paragraph({ style: 'AnnDocNo', children: [new TextRun(doc.docNo)] }));
  for (const p of doc.intro) children.push(...bodyParagraphs(p));
  doc.groups.forEach((g, i) => {
    children.push(new Paragraph({ style: 'AnnHeading', children: [new TextRun(groupHeading(g, i, chineseNumeral))] }));
    children.push(new Paragraph({ children: [new TextRun(PLACEHOLDER(i))] }));
  });
  for (const p of doc.closing) children.push(...bodyParagraphs(p));
  // Signature block (always present, so the body never ends with a table).
  children.push(new Paragraph({ style: 'AnnBody', children: [] }));
  if (doc.authority) children.push(new Paragraph({ style: 'AnnSign', children: [new TextRun(doc.authority)] }));
  if (doc.dateText) children.push(new Paragraph({ style: 'AnnSign', children: [new TextRun(doc.dateText)] }));

  const document = new Document({
    title: doc.title.replace(/\n/g, ' '),
    creator: doc.authority ?? 'diming',
    lastModifiedBy: 'diming',
    revision: 1,
    styles: styles(layout),
    sections: [
      {
        properties: {
          page: {
            // Portrait A4 dimensions: the docx package swaps them for landscape.
            size: {
              width: 11906,
              height: 16838,
              orientation: layout.landscape ? DocxPageOrientation.LANDSCAPE : DocxPageOrientation.PORTRAIT,
            },
            margin: { ...layout.margins, gutter: 0 },
          },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ style: 'AnnFooter', children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })],
          }),
        },
        children,
      },
    ],
  });

  const skeleton = await Packer.toBuffer(document);
  const zip = await JSZip.loadAsync(skeleton);
  const docFile = zip.file('word/document.xml');
  const coreFile = zip.file('docProps/core.xml');
  if (!docFile || !coreFile) throw new Error('docx: unexpected package layout');
  // Splice the tables in place of their placeholder paragraphs (the skeleton is small; the result is built once).
  const skeletonXml = await docFile.async('string');
  const parts: string[] = [];
  let from = 0;
  doc.groups.forEach((g, i) => {
    const marker = `<w:p><w:r><w:t xml:space="preserve">${PLACEHOLDER(i)}</w:t></w:r></w:p>`;
    const at = skeletonXml.indexOf(marker, from);
    if (at < 0) throw new Error('docx: table placeholder not found');
    parts.push(skeletonXml.slice(from, at), tableXml(doc, g, layout));
    from = at + marker.length;
  });
  parts.push(skeletonXml.slice(from));
  zip.file('word/document.xml', parts.join(''));
  zip.file('docProps/core.xml', fixCoreTimestamps(await coreFile.async('string'), doc.timestamp));
  const out = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return fixZipTimestamps(out, doc.timestamp);
}

function bodyParagraphs(text: string): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ style: 'AnnBody', children: [new TextRun(line)] }));
}

function fixCoreTimestamps(core: string, ts: string): string {
  let n = 0;
  const out = core.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, (_m, open: string, _tag, close: string) => {
    n++;
    return `${open}${ts}${close}`;
  });
  if (n !== 2) throw new Error('docx: core properties timestamps not found');
  return out;
}

function styles(layout: Layout) {
  const tableRun = { font: font(DOCX_FONTS.table), size: layout.tableSize };
  const tablePara = { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } };
  return {
    default: {
      document: {
        run: { font: font(DOCX_FONTS.body), size: PX.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: { before: 0, after: 0 } },
      },
    },
    paragraphStyles: [
      {
        id: 'AnnTitle', name: 'Announcement Title', next: 'AnnBody', quickFormat: true,
        run: { font: font(DOCX_FONTS.title), size: PX.title },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 200, line: 700, lineRule: LineRuleType.EXACT } },
      },
      {
        id: 'AnnDocNo', name: 'Announcement Document Number', next: 'AnnBody',
        run: { font: font(DOCX_FONTS.body), size: PX.body },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 300, line: 579, lineRule: LineRuleType.EXACT } },
      },
      {
        id: 'AnnBody', name: 'Announcement Body', quickFormat: true,
        run: { font: font(DOCX_FONTS.body), size: PX.body },
        // 三号 16 pt = 320 twips a character: first line indented two characters; 22 lines to the 225 mm 版心.
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 640 }, spacing: { line: 579, lineRule: LineRuleType.EXACT } },
      },
      {
        id: 'AnnHeading', name: 'Announcement Township Heading', next: 'AnnBody', quickFormat: true,
        run: { font: font(DOCX_FONTS.heading), size: PX.body },
        paragraph: { keepNext: true, keepLines: true, indent: { firstLine: 640 }, spacing: { before: 240, after: 120, line: 579, lineRule: LineRuleType.EXACT } },
      },
      {
        id: S.th, name: 'Announcement Table Header',
        run: { font: font(DOCX_FONTS.heading), size: layout.tableSize, bold: true },
        paragraph: { alignment: AlignmentType.CENTER, keepNext: true, ...tablePara },
      },
      { id: S.td, name: 'Announcement Table Text', run: tableRun, paragraph: { alignment: AlignmentType.LEFT, ...tablePara } },
      { id: S.tdc, name: 'Announcement Table Text Centred', basedOn: S.td, run: tableRun, paragraph: { alignment: AlignmentType.CENTER, ...tablePara } },
      {
        id: 'AnnSign', name: 'Announcement Signature',
        run: { font: font(DOCX_FONTS.body), size: PX.body },
        // 成文日期右空四字.
        paragraph: { alignment: AlignmentType.RIGHT, indent: { right: 1280 }, spacing: { line: 579, lineRule: LineRuleType.EXACT } },
      },
      {
        id: 'AnnFooter', name: 'Announcement Page Number',
        // 页码：4 号半角宋体阿拉伯数字，左右各一条一字线.
        run: { font: { ascii: DOCX_FONTS.table, hAnsi: DOCX_FONTS.table, cs: DOCX_FONTS.table, eastAsia: DOCX_FONTS.table, hint: 'eastAsia' }, size: PX.footer },
        paragraph: { alignment: AlignmentType.CENTER },
      },
    ],
  };
}

/**
 * Column widths in twips: each column at least wide enough for its header (up to 4 characters on a line, so 序号
 * and 走向 never break) and for its widest short value; the rest of the text width is shared by preferred width.
 */
export function columnTwips(weights: readonly number[], textWidth: number, minimums: readonly number[] = []): number[] {
  const n = weights.length;
  const mins = weights.map((_, i) => Math.max(300, Math.round(minimums[i] ?? 0)));
  const minSum = mins.reduce((a, b) => a + b, 0);
  if (minSum >= textWidth) return scaleTo(mins, textWidth);
  // Water-filling: proportional shares, but never below the minimum; fix those and share the rest again.
  const fixed = new Array<boolean>(n).fill(false);
  const out = [...mins];
  for (;;) {
    const freeWeight = weights.reduce((a, w, i) => (fixed[i] ? a : a + w), 0) || 1;
    const freeWidth = textWidth - out.reduce((a, w, i) => (fixed[i] ? a + w : a), 0);
    let changed = false;
    weights.forEach((w, i) => {
      if (fixed[i]) return;
      const share = (w / freeWeight) * freeWidth;
      if (share < mins[i]) {
        fixed[i] = true;
        out[i] = mins[i];
        changed = true;
      }
    });
    if (!changed) {
      weights.forEach((w, i) => {
        if (!fixed[i]) out[i] = Math.floor((w / freeWeight) * freeWidth);
      });
      break;
    }
  }
  return scaleTo(out, textWidth);
}

/** Integer widths summing exactly to `total` (the rounding rest goes to the widest column). */
function scaleTo(ws: readonly number[], total: number): number[] {
  const sum = ws.reduce((a, b) => a + b, 0) || 1;
  const out = ws.map((w) => Math.max(200, Math.floor((w * total) / sum)));
  let widest = 0;
  out.forEach((w, i) => {
    if (w > out[widest]) widest = i;
  });
  out[widest] += total - out.reduce((a, b) => a + b, 0);
  return out;
}

/** Twips that a text needs on one line at `halfPoints` size: Han/full-width characters 1 em, others about ½ em. */
function textTwips(s: string, halfPoints: number): number {
  let em = 0;
  for (const ch of s) em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.55;
  return em * halfPoints * 10;
}

/**
 * The widest piece of a text that cannot be broken across lines: a run of Latin letters, digits and punctuation
 * (a pinyin word, 2024〕12) together with one neighbouring character on each side (brackets stick to it).
 */
function unbreakableTwips(s: string, halfPoints: number): number {
  let widest = 0;
  for (const m of s.matchAll(/.?[^\s\u2e80-\u9fff\uff00-\uffef]+.?/gu)) widest = Math.max(widest, textTwips(m[0], halfPoints));
  return widest;
}

/** Cell margins (left + right) plus a little slack, in twips. */
const CELL_PADDING = 114 + 40;

/**
 * Fit the column widths to the content so that rows take as few lines as possible: each column gets the width
 * that puts its 90th-percentile text on k lines (never less than its header, wrapped at 4 characters, or its
 * short values; never more than its longest text on one line), with the smallest k that fits the page; the space
 * left over is shared by the template widths. Measured on a sample of at most 2,000 rows.
 */
export function fitColumnTwips(doc: PreparedDoc, textWidth: number, halfPoints: number): number[] {
  const n = doc.columns.length;
  const all = doc.groups.flatMap((g) => g.rows);
  const step = Math.max(1, Math.floor(all.length / 2000));
  const sample: string[][] = [];
  for (let i = 0; i < all.length; i += step) sample.push(all[i]);
  const mins: number[] = [];
  const p90: number[] = [];
  const maxs: number[] = [];
  const em = halfPoints * 10;
  const pct = (xs: number[], q: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor(xs.length * q))] : 0);
  for (let c = 0; c < n; c++) {
    const header = doc.columns[c].header;
    let min = Math.max(...header.split('\n').map((l) => textTwips(l.slice(0, 4), halfPoints)));
    const lens: number[] = [];
    const unbreakable: number[] = [];
    for (const r of sample) {
      const v = r[c];
      if (!v) continue;
      const w = Math.max(...v.split('\n').map((l) => textTwips(l, halfPoints)));
      lens.push(w);
      unbreakable.push(unbreakableTwips(v, halfPoints));
      if ([...v].length <= 4) min = Math.max(min, w);
    }
    lens.sort((a, b) => a - b);
    unbreakable.sort((a, b) => a - b);
    // Wide enough for the unbreakable pieces of nine rows in ten (a long pinyin word, 〔2024〕12号), within reason.
    min = Math.max(min, Math.min(pct(unbreakable, 0.9) + em, textWidth / n));
    mins.push(min);
    p90.push(pct(lens, 0.9));
    maxs.push(lens.length ? lens[lens.length - 1] : 0);
  }
  // Wrapped lines are never quite full (word and punctuation rules): one em of slack per line.
  const need = (k: number) => mins.map((m, c) => Math.max(m, Math.min(maxs[c] + em / 2, p90[c] / k + em)) + CELL_PADDING);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(need(64)) > textWidth) return columnTwips(doc.columns.map((c) => c.width), textWidth, mins.map((m) => m + CELL_PADDING));
  let lo = 1;
  let hi = 64;
  if (sum(need(1)) <= textWidth) hi = 1;
  for (let i = 0; i < 30 && hi - lo > 0.01; i++) {
    const mid = (lo + hi) / 2;
    if (sum(need(mid)) <= textWidth) hi = mid;
    else lo = mid;
  }
  const widths = need(hi);
  const rest = textWidth - sum(widths);
  const weightSum = sum(doc.columns.map((c) => c.width)) || 1;
  return scaleTo(widths.map((w, c) => w + (rest * doc.columns[c].width) / weightSum), textWidth);
}

const BORDER = '<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>';

/** One township's table: header row repeated on every page (`w:tblHeader`), rows never split across pages. */
function tableXml(doc: PreparedDoc, group: PreparedGroup, layout: Layout): string {
  const widths = layout.widths;
  const total = widths.reduce((a, b) => a + b, 0);
  const tcPr = widths.map((w) => `<w:tcPr><w:tcW w:w="${w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`);
  const pPr = doc.columns.map((c) => `<w:pPr><w:pStyle w:val="${c.align === 'center' ? S.tdc : S.td}"/></w:pPr>`);
  const parts: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>${BORDER}</w:tblBorders>`,
    '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="57" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>',
    '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>',
    widths.map((w) => `<w:gridCol w:w="${w}"/>`).join(''),
    '</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>',
  ];
  doc.columns.forEach((c, i) => {
    parts.push(`<w:tc>${tcPr[i]}<w:p><w:pPr><w:pStyle w:val="${S.th}"/></w:pPr>${runs(c.header)}</w:p></w:tc>`);
  });
  parts.push('</w:tr>');
  for (const row of group.rows) {
    let tr = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    for (let i = 0; i < row.length; i++) tr += `<w:tc>${tcPr[i]}<w:p>${pPr[i]}${runs(row[i])}</w:p></w:tc>`;
    parts.push(tr + '</w:tr>');
  }
  parts.push('</w:tbl>');
  return parts.join('');
}

/** Text runs for one paragraph: line breaks become <w:br/>, tabs <w:tab/>. */
function runs(text: string): string {
  if (!text) return '';
  if (!/[\n\t]/.test(text)) return `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
  const inner = text
    .split('\n')
    .map((line) => line.split('\t').map((seg) => (seg ? `<w:t xml:space="preserve">${escapeXml(seg)}</w:t>` : '')).join('<w:tab/>'))
    .join('<w:br/>');
  return `<w:r>${inner}</w:r>`;
}
