/**
 * Markdown (GitHub-flavoured tables) for websites and review: a heading and a table per township.
 * User text is escaped so that it prints literally: `|` cannot break the table, `<script>` is not HTML, and
 * Markdown punctuation (* _ ` [ ] …) or a leading #, >, -, +, 1. does not start markup.
 */
import { type AnnouncementDoc, groupHeading, prepareAnnouncement } from '../model.js';
import { chineseNumeral } from '../text.js';

/**
 * Escape inline text: `& < >` as entities (no raw HTML), Markdown punctuation (\\ ` * _ [ ] | ~) with a backslash, and
 * the characters that start GFM autolinks (`:` of http://, `@` of e-mail addresses, `.` of www.) so that no link is made.
 */
export function escapeMarkdownInline(s: string): string {
  return s
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/[\\`*_[\]|~:@]/g, '\\$&')
    .replace(/\b(www)\./gi, '$1\\.');
}

/** A paragraph or heading line: inline escaping, plus a leading character that would start a block (# > - + = 1.). */
function escapeBlockLine(line: string): string {
  return escapeMarkdownInline(line.trimStart()).replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A table cell: inline escaping; line breaks as <br> (our own tag; user text never produces one). */
function cell(s: string): string {
  return s ? s.split('\n').map(escapeMarkdownInline).join('<br>') : ' ';
}

export function renderMarkdown(input: AnnouncementDoc): string {
  const doc = prepareAnnouncement(input);
  const out: string[] = [`# ${doc.title.split('\n').map(escapeBlockLine).join(' ')}`, ''];
  if (doc.docNo) out.push(escapeBlockLine(doc.docNo), '');
  const para = (p: string) => {
    out.push(p.split('\n').map(escapeBlockLine).join('  \n'), '');
  };
  doc.intro.forEach(para);
  const header = `| ${doc.columns.map((c) => cell(c.header)).join(' | ')} |`;
  const rule = `| ${doc.columns.map((c) => (c.align === 'center' ? ':-:' : '---')).join(' | ')} |`;
  doc.groups.forEach((g, gi) => {
    out.push(`## ${escapeBlockLine(groupHeading(g, gi, chineseNumeral))}`, '', header, rule);
    for (const row of g.rows) out.push(`| ${row.map(cell).join(' | ')} |`);
    out.push('');
  });
  doc.closing.forEach(para);
  const sign = [doc.authority, doc.dateText].filter(Boolean) as string[];
  if (sign.length) out.push(sign.map(escapeBlockLine).join('  \n'), '');
  return out.join('\n');
}
