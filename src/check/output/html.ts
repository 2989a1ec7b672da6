import { getLang, tr } from '../../core/text.js';
import type { Finding } from '../../rules/types.js';
import type { CheckResult } from '../engine.js';
import { relatedText, severityLabel } from './formats.js';

export interface HtmlReportMeta {
  title?: string;
  source: string;
  profile: string;
  generated?: string;
  divisionYear: number;
}

/** HTML escaping of all user text. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Table rows per chunk of htmlChunks (a few hundred kB of text). */
const ROWS_PER_CHUNK = 2000;

/** The report as one string (htmlChunks joined). */
export function toHtml(result: CheckResult, meta: HtmlReportMeta): string {
  return [...htmlChunks(result, meta)].join('');
}

/**
 * A self-contained report (no network): findings grouped by township, each table sortable by clicking its header,
 * a filter box, and the summary. All user text is escaped; the only script is the small sorter below. Given out in
 * chunks, as the JSON and CSV reports are: a million-row batch's report is about 85 MB of text, which must not be
 * built as one string.
 */
export function* htmlChunks(result: CheckResult, meta: HtmlReportMeta): Generator<string> {
  const en = getLang() === 'en';
  const L = (zh: string, e: string) => (en ? e : zh);
  const groups = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const key = f.township ?? L('（未识别乡镇）', '(township unknown)');
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  const s = result.summary;
  const head = [L('行', 'Row'), L('名称', 'Name'), L('级别', 'Level'), L('规则', 'Rule'), L('说明', 'Message'), L('相关记录', 'Related'), L('处理建议', 'What to do')];
  const row = (f: Finding) => `<tr class="${f.severity}"><td data-v="${f.row}">${f.row}</td><td>${esc(f.name)}</td><td data-v="${f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2}"><span class="sev ${f.severity}">${esc(severityLabel(f.severity))}</span></td><td>${esc(f.rule)}</td><td>${esc(tr(f.message))}</td><td>${esc((f.related ?? []).map(relatedText).join(en ? '; ' : '；'))}</td><td>${esc(f.fix ? tr(f.fix) : '')}</td></tr>`;
  const title = meta.title ?? L('地名审查报告', 'Place-name check report');
  yield `<!doctype html>
<html lang="${en ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}h2 small{font-weight:normal;color:#666;font-size:13px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f0f3f7;cursor:pointer;user-select:none}th:after{content:" ⇅";color:#aaa}
.sev{padding:1px 6px;border-radius:3px;color:#fff;white-space:nowrap}.sev.error{background:#c62828}.sev.warning{background:#ef6c00}.sev.info{background:#1565c0}
.summary{display:flex;gap:18px;font-size:15px}.summary b{font-size:20px}
#filter{margin:12px 0;padding:4px 8px;width:320px}
@media print{#filter{display:none}th:after{content:""}}
</style></head><body>
<h1>${esc(title)}</h1>
<p>${esc(L('输入', 'Input'))}：${esc(meta.source)} · ${esc(L('配置', 'Profile'))}：${esc(meta.profile)} · ${esc(L('区划代码年份', 'Division codes'))}：${meta.divisionYear}${meta.generated ? ` · ${esc(meta.generated)}` : ''}</p>
<div class="summary"><span>${L('检查', 'Rows')} <b>${s.rows}</b></span><span>${L('错误', 'Errors')} <b style="color:#c62828">${s.errors}</b></span><span>${L('警告', 'Warnings')} <b style="color:#ef6c00">${s.warnings}</b></span><span>${L('提示', 'Infos')} <b style="color:#1565c0">${s.infos}</b></span></div>
${result.notes.map((n) => `<p class="note">${esc(tr(n))}</p>`).join('\n')}
<input id="filter" type="search" placeholder="${esc(L('筛选：名称、规则或说明', 'Filter: name, rule or message'))}">
`;
  for (const [township, list] of groups) {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of list) counts[f.severity]++;
    yield `<section><h2>${esc(township)} <small>${L('错误', 'errors')} ${counts.error} · ${L('警告', 'warnings')} ${counts.warning} · ${L('提示', 'infos')} ${counts.info}</small></h2>
<table class="sortable"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>
`;
    for (let i = 0; i < list.length; i += ROWS_PER_CHUNK) yield list.slice(i, i + ROWS_PER_CHUNK).map(row).join('\n') + '\n';
    yield '</tbody></table></section>\n';
  }
  if (!groups.size) yield `<p>${esc(L('没有发现问题。', 'No findings.'))}</p>\n`;
  yield `<script>
document.querySelectorAll('table.sortable th').forEach(function(th, col){th.addEventListener('click', function(){
  var tb = th.closest('table').tBodies[0]; var rows = Array.prototype.slice.call(tb.rows);
  var asc = th.dataset.asc !== '1'; th.dataset.asc = asc ? '1' : '0';
  rows.sort(function(a, b){ var x = a.cells[col], y = b.cells[col];
    var vx = x.dataset.v !== undefined ? Number(x.dataset.v) : x.textContent, vy = y.dataset.v !== undefined ? Number(y.dataset.v) : y.textContent;
    return (vx < vy ? -1 : vx > vy ? 1 : 0) * (asc ? 1 : -1); });
  rows.forEach(function(r){ tb.appendChild(r); });
});});
document.getElementById('filter').addEventListener('input', function(e){ var q = e.target.value.trim();
  document.querySelectorAll('table.sortable tbody tr').forEach(function(r){ r.style.display = !q || r.textContent.indexOf(q) >= 0 ? '' : 'none'; }); });
</script>
</body></html>
`;
}
