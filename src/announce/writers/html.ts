/**
 * Self-contained printable HTML: no scripts, no external resources (a CSP forbids both), A4 print styles with the
 * table header repeated on every printed page (`thead { display: table-header-group }`). All user text is escaped.
 */
import { type AnnouncementDoc, groupHeading, prepareAnnouncement } from '../model.js';
import type { PageOrientation } from '../templates.js';
import { chineseNumeral, escapeHtml } from '../text.js';

export interface HtmlOptions {
  /** Printed page orientation; 'auto' (default) = landscape when the table has more than 6 columns. */
  orientation?: PageOrientation;
}

const CSS = (landscape: boolean) => `
:root { color-scheme: light; }
body { margin: 2em auto; max-width: ${landscape ? '1400px' : '1000px'}; padding: 0 1em; color: #000; background: #fff;
  font-family: "FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 16pt; line-height: 1.6; }
h1 { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Noto Serif CJK SC", serif; font-weight: normal;
  font-size: 22pt; text-align: center; margin: 0 0 .4em; line-height: 1.4; }
.doc-no { text-align: center; margin: 0 0 1em; }
h1, p { white-space: pre-line; }
p.body { text-indent: 2em; margin: 0; text-align: justify; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-weight: normal; font-size: 16pt;
  margin: 1em 0 .4em; text-indent: 2em; page-break-after: avoid; break-after: avoid; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif;
  font-size: ${landscape ? '9pt' : '10.5pt'}; line-height: 1.35; }
th, td { border: 1px solid #000; padding: 2px 4px; vertical-align: middle; overflow-wrap: anywhere; white-space: pre-line; }
th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: bold; text-align: center; }
td.c { text-align: center; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
.sign { text-align: right; margin: 0; padding-right: 4em; }
.sign:first-of-type { margin-top: 2em; }
@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: ${landscape ? '28mm 35mm 26mm 37mm' : '37mm 26mm 35mm 28mm'}; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
}
`;

export function renderHtml(input: AnnouncementDoc, opts: HtmlOptions = {}): string {
  const doc = prepareAnnouncement(input);
  const landscape = opts.orientation === 'landscape' || ((opts.orientation ?? 'auto') === 'auto' && doc.columns.length > 6);
  const e = (s: string) => escapeHtml(s);
  const sum = doc.columns.reduce((a, c) => a + c.width, 0) || 1;
  const colgroup = '<colgroup>' + doc.columns.map((c) => `<col style="width:${((c.width / sum) * 100).toFixed(2)}%">`).join('') + '</colgroup>';
  const thead = '<thead><tr>' + doc.columns.map((c) => `<th scope="col">${e(c.header)}</th>`).join('') + '</tr></thead>';
  const cls = doc.columns.map((c) => (c.align === 'center' ? ' class="c"' : ''));
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="diming">',
    `<title>${e(doc.title.replace(/\n/g, ' '))}</title>`,
    `<style>${CSS(landscape)}</style>`,
    '</head>',
    '<body>',
    `<h1>${e(doc.title)}</h1>`,
  ];
  if (doc.docNo) out.push(`<p class="doc-no">${e(doc.docNo)}</p>`);
  for (const p of doc.intro) out.push(`<p class="body">${e(p)}</p>`);
  doc.groups.forEach((g, gi) => {
    out.push('<section>', `<h2>${e(groupHeading(g, gi, chineseNumeral))}</h2>`, `<table>${colgroup}${thead}<tbody>`);
    for (const row of g.rows) out.push('<tr>' + row.map((v, i) => `<td${cls[i]}>${e(v)}</td>`).join('') + '</tr>');
    out.push('</tbody></table>', '</section>');
  });
  for (const p of doc.closing) out.push(`<p class="body">${e(p)}</p>`);
  if (doc.authority) out.push(`<p class="sign">${e(doc.authority)}</p>`);
  if (doc.dateText) out.push(`<p class="sign">${e(doc.dateText)}</p>`);
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
