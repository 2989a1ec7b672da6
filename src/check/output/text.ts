import { getLang, tr } from '../../core/text.js';
import { textTable } from '../../io/writers/text-table.js';
import type { CheckResult } from '../engine.js';
import { relatedText, severityLabel } from './formats.js';

/** The terminal table: errors and warnings (infos with --verbose), then the summary. */
export function toText(result: CheckResult, verbose: boolean): string {
  const en = getLang() === 'en';
  const shown = result.findings.filter((f) => verbose || f.severity !== 'info');
  let out = '';
  if (shown.length) {
    const header = en ? ['row', 'name', 'level', 'rule', 'message'] : ['行', '名称', '级别', '规则', '说明'];
    out += textTable(header, shown.map((f) => [
      String(f.row),
      f.name,
      severityLabel(f.severity),
      f.rule,
      tr(f.message) + (f.related?.length && !tr(f.message).includes(f.related[0].name) ? (en ? ` [${f.related.map(relatedText).join('; ')}]` : `［${f.related.map(relatedText).join('；')}］`) : ''),
    ]));
    out += '\n';
  }
  const s = result.summary;
  const hidden = verbose ? 0 : s.infos;
  out += en
    ? `${s.rows} rows checked: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos${hidden ? ' (infos shown with --verbose)' : ''}.\n`
    : `共检查 ${s.rows} 行：错误 ${s.errors} 条，警告 ${s.warnings} 条，提示 ${s.infos} 条${hidden ? '（提示用 --verbose 显示）' : ''}。\n`;
  for (const n of result.notes) out += `${en ? 'Note: ' : '注意：'}${tr(n)}\n`;
  return out;
}
