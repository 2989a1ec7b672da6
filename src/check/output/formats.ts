import { getLang, tr } from '../../core/text.js';
import { csvChunks } from '../../io/writers/csv.js';
import type { Finding, Related } from '../../rules/types.js';
import type { CheckResult } from '../engine.js';

/** JSON (issue spec): {summary: {rows, errors, warnings, infos}, findings: [{row, name, rule, severity, message, related?}]}. */
export function toJson(result: CheckResult): string {
  return [...jsonChunks(result)].join('');
}

/** Findings per chunk of jsonChunks (a few hundred kB of text). */
const JSON_CHUNK = 1000;

/**
 * The text of toJson in pieces, for writing a large report without holding it in one string (a million-row batch has
 * ~200k findings: one string of them and its copy as bytes were the check's peak memory). The same bytes as
 * JSON.stringify(…, null, 2): each finding is stringified alone and indented by its depth (JSON strings escape their
 * line breaks, so every "\n" in the text is a line break of the layout).
 */
export function* jsonChunks(result: CheckResult): Generator<string> {
  const { findings } = result;
  const summary = JSON.stringify(result.summary, null, 2).replace(/\n/g, '\n  ');
  if (!findings.length) {
    yield `{\n  "summary": ${summary},\n  "findings": []\n}\n`;
    return;
  }
  let out = `{\n  "summary": ${summary},\n  "findings": [\n    `;
  for (let i = 0; i < findings.length; i++) {
    if (i) out += ',\n    ';
    out += JSON.stringify(findingJson(findings[i]), null, 2).replace(/\n/g, '\n    ');
    if ((i + 1) % JSON_CHUNK === 0) {
      yield out;
      out = '';
    }
  }
  yield `${out}\n  ]\n}\n`;
}

function findingJson(f: Finding): Record<string, unknown> {
  return {
    row: f.row,
    name: f.name,
    rule: f.rule,
    severity: f.severity,
    message: tr(f.message),
    ...(f.related?.length ? { related: f.related.map(relatedJson) } : {}),
  };
}

function relatedJson(r: Related): Record<string, unknown> {
  const o: Record<string, unknown> = { name: r.name, source: r.source };
  if (r.row !== undefined) o.row = r.row;
  if (r.file !== undefined) o.file = r.file;
  if (r.line !== undefined) o.line = r.line;
  if (r.adminCode !== undefined) o.adminCode = r.adminCode;
  if (r.distance !== undefined) o.distance = r.distance;
  return o;
}

export function relatedText(r: Related): string {
  const en = getLang() === 'en';
  if (r.source === 'batch') return en ? `row ${r.row} ${r.name}` : `第${r.row}行 ${r.name}`;
  return en ? `${r.name} (${r.file}:${r.line})` : `${r.name}（${r.file} 第${r.line}行）`;
}

const SEV_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

export function severityLabel(s: Finding['severity']): string {
  return getLang() === 'en' ? s : SEV_ZH[s];
}

/** CSV with BOM for Excel: one finding per line. */
export function toCsvReport(result: CheckResult): string {
  return [...csvReportChunks(result)].join('');
}

/** The text of toCsvReport in pieces (csvChunks): a large report is never one string. */
export function csvReportChunks(result: CheckResult): Generator<string> {
  const en = getLang() === 'en';
  const header = en
    ? ['row', 'name', 'township', 'rule', 'severity', 'message', 'related', 'fix']
    : ['行', '名称', '乡镇', '规则', '级别', '说明', '相关记录', '处理建议'];
  return csvChunks(header, (function* () {
    for (const f of result.findings) {
      yield [
        f.row, f.name, f.township ?? '', f.rule, severityLabel(f.severity), tr(f.message),
        (f.related ?? []).map(relatedText).join('；'), f.fix ? tr(f.fix) : '',
      ];
    }
  })());
}
