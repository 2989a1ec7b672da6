import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/announce/writers/csv.js';
import { renderHtml } from '../../src/announce/writers/html.js';
import { escapeMarkdownInline, renderMarkdown } from '../../src/announce/writers/md.js';
import { cleanText, flatRows, prepareAnnouncement } from '../../src/announce/index.js';
import { HOSTILE, sampleDoc } from './helpers.js';

const doc = sampleDoc({ roads: 30, townships: 3 });
const prepared = prepareAnnouncement(doc);

function unescapeHtml(s: string): string {
  return s.replace(/&(lt|gt|quot|#39|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
}

describe('HTML writer', () => {
  const html = renderHtml(doc);

  it('is a self-contained document: no scripts, no external resources, CSP forbids both', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(/i);
  });

  it('only our own tags appear: all user text is escaped', () => {
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
    const allowed = ['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'p', 'section', 'table', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td'];
    for (const t of tags) expect(allowed).toContain(t);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;巷');
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)路');
    expect(html).toContain('&lt;b&gt;粗体&lt;/b&gt; &amp; &quot;引号&quot; &#39;x&#39;');
    expect(html).toContain('A&amp;amp;B');
  });

  it('every cell of every row is present (after unescaping)', () => {
    const cells = new Set([...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => unescapeHtml(m[1])));
    for (const g of prepared.groups) for (const r of g.rows) for (const v of r) if (v) expect(cells.has(v)).toBe(true);
  });

  it('prints on A4 with the table header repeated on every page', () => {
    expect(html).toMatch(/@page \{ size: A4 landscape;/);
    expect(html).toMatch(/@media print \{[\s\S]*?\n {2}thead \{ display: table-header-group; \}[\s\S]*?\n\}/);
    expect(html.match(/<thead>/g)).toHaveLength(3);
    expect(html).toContain('<h2>一、大王镇（共13条）</h2>');
    expect(renderHtml(sampleDoc({ template: 'minimum' }))).toMatch(/size: A4 portrait/);
  });

  it('is deterministic', () => {
    expect(renderHtml(sampleDoc({ roads: 30, townships: 3 }))).toBe(html);
  });
});

/** Undo our Markdown escaping: backslash escapes, the three entities, <br> line breaks. */
function unescapeMd(s: string): string {
  return s
    .replace(/<br>/g, '\n')
    .replace(/\\([\\`*_[\]|~:@.#>+=\-)])/g, '$1')
    .replace(/&(lt|gt|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', amp: '&' })[e]!);
}

/** Split a GFM table row on unescaped pipes. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      cur += c + (line[i + 1] ?? '');
      i++;
    } else if (c === '|') {
      cells.push(cur);
      cur = '';
    } else cur += c;
  }
  cells.push(cur);
  return cells.slice(1, -1).map((x) => x.trim());
}

describe('Markdown writer', () => {
  const md = renderMarkdown(doc);
  const lines = md.split('\n');

  it('a heading and a table per township', () => {
    expect(lines[0]).toBe('# 广饶县人民政府关于乡村道路命名的公告');
    expect(lines.filter((l) => l.startsWith('## '))).toEqual([
      `## 一、大王镇（共${10 + HOSTILE.length}条）`, '## 二、稻庄镇（共10条）', '## 三、李鹊镇（共10条）',
    ]);
    expect(lines.filter((l) => l.startsWith('| 序号 | 标准名称 |'))).toHaveLength(3);
    expect(lines).toContain('| :-: | --- | --- | --- | --- | :-: | :-: | :-: | --- | --- | --- | :-: |');
  });

  it('every table row has exactly the column count, and cells round-trip to the original text', () => {
    const rows = lines.filter((l) => l.startsWith('| ') && !l.startsWith('| 序号') && !l.startsWith('| :-:'));
    expect(rows).toHaveLength(prepared.total);
    const all = prepared.groups.flatMap((g) => g.rows);
    rows.forEach((line, i) => {
      const cells = splitRow(line);
      expect(cells).toHaveLength(12);
      expect(cells.map((c) => (c === '' ? '' : unescapeMd(c)))).toEqual(all[i]);
    });
  });

  it('no raw HTML, no links, no emphasis from user text', () => {
    const withoutBr = md.replace(/<br>/g, '');
    expect(withoutBr).not.toMatch(/</);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;巷');
    expect(md).toContain('\\[链接\\](http\\://x)');
    expect(md).toContain('\\*强调\\*');
    expect(md).toContain('\\`代码\\`');
    expect(md).toContain('第一行<br>第二行\\|竖线');
    expect(escapeMarkdownInline('see www.example.com or a@b.cn')).toBe('see www\\.example.com or a\\@b.cn');
  });

  it('block-level characters at the start of paragraphs are escaped', () => {
    const out = renderMarkdown({ ...doc, intro: ['# 不是标题', '1. 不是列表', '- 也不是', '> 不是引用'], closing: ['=== '] });
    expect(out).toContain('\n\\# 不是标题\n');
    expect(out).toContain('\n1\\. 不是列表\n');
    expect(out).toContain('\n\\- 也不是\n');
    expect(out).toContain('\n&gt; 不是引用\n'); // an entity, not a blockquote marker
    expect(out).toContain('\n\\===\n');
  });
});

describe('CSV writer', () => {
  const csv = renderCsv(doc);

  it('UTF-8 with BOM and CRLF; township column after 序号', () => {
    expect(csv.startsWith('\uFEFF序号,乡镇（街道）,标准名称,罗马字母拼写,')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(renderCsv(doc, { bom: false }).startsWith('序号')).toBe(true);
  });

  it('formula-like cells are neutralised with an apostrophe; everything else round-trips', () => {
    const rows: string[][] = parse(csv.slice(1), { relax_column_count: false });
    const expected = flatRows(prepared);
    expect(rows).toHaveLength(expected.length + 1);
    rows.slice(1).forEach((r, i) => {
      expect(r).toEqual(expected[i].map((v) => (/^[=+\-@]/.test(v) ? `'${v}` : v)));
    });
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")路"`);
    expect(csv).toContain("'+SUM(A1:A9)");
    expect(csv).toContain("'-1+1，@cmd");
    expect(csv).toContain("'@SUM(1)");
    expect(csv).toContain('<script>alert(1)</script>巷'); // CSV is not markup: the text itself, quoted as needed
  });

  it('every name, pinyin and township appears', () => {
    for (const g of doc.groups) {
      expect(csv).toContain(`,${g.township},`);
      for (const r of g.rows) {
        expect(csv).toContain(cleanText(r.pinyin).replace(/^([=+\-@])/, "'$1"));
      }
    }
  });
});
