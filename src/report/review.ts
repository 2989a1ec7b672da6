import { getLang, tr, type Text } from '../core/text.js';
import { relatedText, severityLabel } from '../check/output/formats.js';
import type { Finding, ReportedSeverity } from '../rules/types.js';
import { MAP_SCRIPT } from './map-client.js';

/**
 * The review page (report.html of `diming run`): one self-contained HTML file — the data, the map renderer
 * (src/report/map-client.ts, plain JavaScript, no library) and the styles inline; a Content-Security-Policy that
 * allows no network access at all. Roads are drawn on the map, coloured by the worst severity of their findings and
 * labelled with their names; the findings table sits beside the map, and a click on a row zooms to the road.
 * All user text is escaped (HTML) or embedded as JSON with `<` escaped, and reaches the DOM through textContent.
 */

export interface ReviewRoad {
  /** 1-based data row (the findings' `row`). */
  row: number;
  /** The id shown to the user (序号). */
  id: string;
  name: string;
  township?: string;
  /** Line parts in CGCS2000 lon/lat; empty when the record has no usable geometry. */
  lines: number[][][];
}

export interface ReviewFile {
  /** Path relative to the page (a link). */
  href: string;
  label: string;
}

/** A township outline drawn under the roads (--boundaries): rings in CGCS2000 lon/lat. */
export interface ReviewOutline {
  name: string;
  rings: number[][][];
}

export interface ReviewMeta {
  title?: string;
  /** Input file name as shown. */
  source: string;
  profile: string;
  divisionYear: number;
  /** When the page was made (shown as given). */
  generated?: string;
  /** Other outputs of the run, linked from the page. */
  files?: ReviewFile[];
  /** A sentence shown prominently (e.g. the run stopped before publishing). */
  banner?: Text;
  /** Township outlines, when known. */
  outlines?: ReviewOutline[];
}

export interface ReviewCheck {
  summary: { rows: number; errors: number; warnings: number; infos: number };
  findings: readonly Finding[];
  notes: readonly Text[];
}

/** Severity index in the page: 0 error, 1 warning, 2 info, 3 no findings. */
const SEV_INDEX: Record<ReportedSeverity, number> = { error: 0, warning: 1, info: 2 };
/** Road colours: the check report's severity colours, green for roads without findings. */
export const REVIEW_COLORS = ['#c62828', '#ef6c00', '#1565c0', '#2e7d32'] as const;

/** HTML escaping of all user text. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** JSON safe inside a <script> element (no "</script>", no "<!--"). */
export function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const R = 6_371_008.8;
const M_PER_DEG = (R * Math.PI) / 180;

interface MapRoad {
  r: number;
  n: string;
  /** Severity index. */
  s: number;
  /** Finding count text for the tooltip. */
  c?: string;
  /** Parts as flat [x0, y0, x1, y1, …] in metres (x east, y south, from the map centre). */
  l: number[][];
  /** Label: x, y, angle (degrees), length of the carrying stretch (m). */
  lb?: [number, number, number, number];
}

/** Project the roads to local metres (equirectangular about the network's centre) and place each label. */
export function mapRoads(
  roads: readonly ReviewRoad[],
  severity: ReadonlyMap<number, number>,
  counts: ReadonlyMap<number, string>,
  outlines: readonly ReviewOutline[] = [],
): { roads: MapRoad[]; outlines: { n: string; l: number[][] }[]; centre: [number, number] | null } {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const r of roads) for (const part of r.lines) for (const p of part) {
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
    if (p[0] < minLon) minLon = p[0];
    if (p[0] > maxLon) maxLon = p[0];
    if (p[1] < minLat) minLat = p[1];
    if (p[1] > maxLat) maxLat = p[1];
  }
  const centre: [number, number] | null = Number.isFinite(minLon) ? [(minLon + maxLon) / 2, (minLat + maxLat) / 2] : null;
  const kx = centre ? M_PER_DEG * Math.cos((centre[1] * Math.PI) / 180) : 0;
  const out: MapRoad[] = roads.map((road) => {
    const m: MapRoad = { r: road.row, n: road.name, s: severity.get(road.row) ?? 3, l: [] };
    const c = counts.get(road.row);
    if (c) m.c = c;
    if (!centre) return m;
    let best: { len: number; x: number; y: number; angle: number } | undefined;
    for (const part of road.lines) {
      const flat: number[] = [];
      for (const p of part) {
        if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
        flat.push(Math.round((p[0] - centre[0]) * kx * 10) / 10, Math.round(-(p[1] - centre[1]) * M_PER_DEG * 10) / 10);
      }
      if (flat.length < 4) continue;
      m.l.push(flat);
      // The label sits at the middle of the part's longest straight-ish stretch (its longest segment run).
      const seg = longestSegment(flat);
      if (seg && (!best || seg.len > best.len)) best = seg;
    }
    if (best) m.lb = [round1(best.x), round1(best.y), Math.round(best.angle), Math.round(best.len)];
    return m;
  });
  const project = (ring: number[][]) => {
    const flat: number[] = [];
    for (const p of ring) if (Number.isFinite(p[0]) && Number.isFinite(p[1])) flat.push(round1((p[0] - centre![0]) * kx), round1(-(p[1] - centre![1]) * M_PER_DEG));
    return flat;
  };
  const outs = centre ? outlines.map((o) => ({ n: o.name, l: o.rings.map(project).filter((f) => f.length >= 6) })).filter((o) => o.l.length) : [];
  return { roads: out, outlines: outs, centre };
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** The longest run of consecutive segments that bend less than 25°, its midpoint and its (upright) angle. */
function longestSegment(flat: number[]): { len: number; x: number; y: number; angle: number } | undefined {
  let best: { len: number; x: number; y: number; angle: number } | undefined;
  let i = 0;
  const n = flat.length / 2;
  while (i < n - 1) {
    let j = i + 1;
    const a0 = Math.atan2(flat[2 * j + 1] - flat[2 * i + 1], flat[2 * j] - flat[2 * i]);
    while (j < n - 1) {
      const a = Math.atan2(flat[2 * j + 3] - flat[2 * j + 1], flat[2 * j + 2] - flat[2 * j]);
      let d = Math.abs(a - a0);
      if (d > Math.PI) d = 2 * Math.PI - d;
      if (d > (25 * Math.PI) / 180) break;
      j++;
    }
    let len = 0;
    for (let k = i; k < j; k++) len += Math.hypot(flat[2 * k + 2] - flat[2 * k], flat[2 * k + 3] - flat[2 * k + 1]);
    if (!best || len > best.len) {
      // Midpoint by length.
      let half = len / 2;
      let x = flat[2 * i];
      let y = flat[2 * i + 1];
      for (let k = i; k < j; k++) {
        const sl = Math.hypot(flat[2 * k + 2] - flat[2 * k], flat[2 * k + 3] - flat[2 * k + 1]);
        if (sl >= half) {
          const t = sl ? half / sl : 0;
          x = flat[2 * k] + t * (flat[2 * k + 2] - flat[2 * k]);
          y = flat[2 * k + 1] + t * (flat[2 * k + 3] - flat[2 * k + 1]);
          break;
        }
        half -= sl;
      }
      let angle = (Math.atan2(flat[2 * j + 1] - flat[2 * i + 1], flat[2 * j] - flat[2 * i]) * 180) / Math.PI;
      if (angle > 90) angle -= 180;
      if (angle <= -90) angle += 180;
      best = { len, x, y, angle };
    }
    i = j;
  }
  return best;
}

/** The review page. */
export function renderReviewPage(check: ReviewCheck, roads: readonly ReviewRoad[], meta: ReviewMeta): string {
  const en = getLang() === 'en';
  const L = (zh: string, e: string) => (en ? e : zh);
  // Worst severity and finding counts per road.
  const severity = new Map<number, number>();
  const perRoad = new Map<number, Record<ReportedSeverity, number>>();
  for (const f of check.findings) {
    const s = SEV_INDEX[f.severity];
    severity.set(f.row, Math.min(severity.get(f.row) ?? 3, s));
    const c = perRoad.get(f.row) ?? { error: 0, warning: 0, info: 0 };
    c[f.severity]++;
    perRoad.set(f.row, c);
  }
  const countText = new Map<number, string>();
  for (const [row, c] of perRoad) {
    const parts: string[] = [];
    if (c.error) parts.push(`${L('错误', 'errors')} ${c.error}`);
    if (c.warning) parts.push(`${L('警告', 'warnings')} ${c.warning}`);
    if (c.info) parts.push(`${L('提示', 'infos')} ${c.info}`);
    countText.set(row, parts.join(' · '));
  }
  const { roads: mroads, outlines } = mapRoads(roads, severity, countText, meta.outlines);
  const roadCounts = [0, 0, 0, 0];
  for (const r of mroads) roadCounts[r.s]++;
  const withGeometry = mroads.filter((r) => r.l.length).length;
  const data = {
    colors: REVIEW_COLORS,
    roads: mroads,
    outlines,
    text: {
      noGeometry: L('：这条道路没有可用的几何，无法在地图上显示', ': this road has no usable geometry to show on the map'),
      noMap: L('输入没有道路几何，地图无内容；审查结果见右侧表格。', 'The input has no road geometry; see the findings table.'),
    },
  };
  const idOf = new Map(roads.map((r) => [r.row, r.id]));
  const s = check.summary;
  const title = meta.title ?? L('地名审查结果', 'Place-name review');
  const sevName = (i: number) => [L('错误', 'error'), L('警告', 'warning'), L('提示', 'info'), L('无问题', 'no findings')][i];
  const legend = [0, 1, 2, 3].map((i) => `<span class="lg"><i style="background:${REVIEW_COLORS[i]}"></i>${esc(sevName(i))} ${roadCounts[i]}</span>`).join('');
  const head = [L('序号', 'ID'), L('名称', 'Name'), L('级别', 'Level'), L('规则', 'Rule'), L('说明', 'Message'), L('处理建议', 'What to do')];
  const rows = check.findings.map((f) => {
    const related = f.related?.length ? ` <span class="rel">［${esc(f.related.map(relatedText).join(en ? '; ' : '；'))}］</span>` : '';
    return `<tr tabindex="0" data-row="${f.row}" data-sev="${f.severity}" class="${f.severity}"><td>${esc(idOf.get(f.row) ?? String(f.row))}</td><td class="nm">${esc(f.name)}</td>` +
      `<td><span class="sev ${f.severity}">${esc(severityLabel(f.severity))}</span></td><td class="rule">${esc(f.rule)}</td>` +
      `<td>${esc(tr(f.message))}${related}</td><td>${esc(f.fix ? tr(f.fix) : '')}</td></tr>`;
  }).join('\n');
  const files = meta.files?.length
    ? `<nav class="files">${esc(L('本次输出：', 'Outputs: '))}${meta.files.map((f) => `<a href="${esc(encodeHref(f.href))}">${esc(f.label)}</a>`).join(' · ')}</nav>`
    : '';
  const notes = check.notes.map((n) => `<li>${esc(tr(n))}</li>`).join('');
  return `<!doctype html>
<html lang="${en ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="diming">
<title>${esc(title)}</title>
<style>
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC","Source Han Sans SC",sans-serif;color:#222;display:flex;flex-direction:column;font-size:13px}
header{padding:10px 16px 8px;border-bottom:1px solid #d5d9e0;background:#fafbfc}
h1{font-size:19px;margin:0 0 4px}
.meta{color:#555;margin:0}
.summary{display:flex;gap:16px;align-items:baseline;margin-top:6px;flex-wrap:wrap}
.summary b{font-size:18px}
.banner{margin:6px 0 0;padding:6px 10px;background:#fdecea;border:1px solid #f5c2c0;color:#8a1c1c;border-radius:4px}
.files a{color:#0b57d0;margin:0 2px}
details.notes{margin-top:4px;color:#555}details.notes ul{margin:4px 0 0 18px;padding:0}
main{flex:1;display:flex;min-height:0}
#map{flex:3 1 0;position:relative;background:#f3f1ec;min-width:0;min-height:320px}
#map-svg{width:100%;height:100%;display:block;cursor:grab;touch-action:none;user-select:none}
#map-svg.panning{cursor:grabbing}
#map-svg path{fill:none;stroke-linecap:round;stroke-linejoin:round;vector-effect:non-scaling-stroke}
#map-svg path.road{stroke-width:3.5px;cursor:pointer}
#map-svg path.road:hover{stroke-width:6px}
#map-svg path.road.sel{stroke-width:6px}
#map-svg path.halo{stroke:#ffeb3b;stroke-width:13px;stroke-opacity:.9}
#map-svg path.outline{stroke:#7a6f5a;stroke-width:1.5px;stroke-dasharray:8 4 2 4;fill:#fffdf6;fill-opacity:.6;fill-rule:evenodd}
#map-labels text{fill:#1d1d1d;stroke:#fff;paint-order:stroke;stroke-linejoin:round;pointer-events:none}
.tools{position:absolute;top:10px;left:10px;display:flex;flex-direction:column;gap:4px}
.tools button{width:32px;height:32px;font-size:17px;line-height:1;border:1px solid #aab;background:#fff;border-radius:4px;cursor:pointer}
.legend{position:absolute;bottom:10px;left:10px;background:rgba(255,255,255,.92);padding:5px 8px;border-radius:4px;border:1px solid #ccd;display:flex;gap:10px;flex-wrap:wrap}
.lg i{display:inline-block;width:18px;height:4px;vertical-align:middle;margin-right:4px;border-radius:2px}
.scale{position:absolute;bottom:10px;right:12px;text-align:center;font-size:11px;background:rgba(255,255,255,.85);padding:2px 6px;border-radius:3px}
#map-scale{height:6px;border:1.5px solid #333;border-top:none;margin:0 auto}
.north{position:absolute;top:10px;right:12px;font-weight:bold;font-size:15px;text-align:center;line-height:1.1}
#map-status{position:absolute;top:10px;left:54px;right:60px;background:#fff8e1;border:1px solid #f0d080;padding:5px 8px;border-radius:4px}
#side{flex:2 1 0;overflow:auto;border-left:1px solid #d5d9e0;min-width:0}
.filters{position:sticky;top:0;background:#fff;padding:8px 10px;border-bottom:1px solid #e3e6ea;display:flex;gap:10px;align-items:center;flex-wrap:wrap;z-index:1}
#filter{padding:3px 6px;width:200px}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #e3e6ea;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f0f3f7;position:sticky;top:41px}
tbody tr{cursor:pointer}
tbody tr:hover{background:#f5f8ff}
tbody tr.sel{background:#fff3b0}
td.nm{white-space:nowrap;font-weight:bold}
td.rule{white-space:nowrap;color:#555}
.rel{color:#666}
.sev{padding:1px 6px;border-radius:3px;color:#fff;white-space:nowrap}.sev.error{background:#c62828}.sev.warning{background:#ef6c00}.sev.info{background:#1565c0}
.empty{padding:16px}
@media (max-width:900px){main{flex-direction:column}#map{flex:none;height:60vh}#side{border-left:none}}
@media print{.tools,.filters{display:none}main{display:block}#map{height:150mm}th{position:static}}
</style></head><body>
<header>
<h1>${esc(title)}</h1>
<p class="meta">${esc(L('输入', 'Input'))}：${esc(meta.source)} · ${esc(L('配置', 'Profile'))}：${esc(meta.profile)} · ${esc(L('区划代码年份', 'Division codes'))}：${meta.divisionYear}${meta.generated ? ` · ${esc(meta.generated)}` : ''}</p>
<div class="summary"><span>${L('道路', 'Roads')} <b>${s.rows}</b></span><span>${L('错误', 'Errors')} <b style="color:#c62828">${s.errors}</b></span><span>${L('警告', 'Warnings')} <b style="color:#ef6c00">${s.warnings}</b></span><span>${L('提示', 'Infos')} <b style="color:#1565c0">${s.infos}</b></span><span>${L('地图上', 'On the map')} <b>${withGeometry}</b></span>${files}</div>
${meta.banner ? `<p class="banner">${esc(tr(meta.banner))}</p>` : ''}
${notes ? `<details class="notes"><summary>${esc(L(`说明（${check.notes.length}）`, `Notes (${check.notes.length})`))}</summary><ul>${notes}</ul></details>` : ''}
</header>
<main>
<section id="map" aria-label="${esc(L('地图', 'Map'))}">
<svg id="map-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" preserveAspectRatio="none" role="img"><g id="map-outlines"></g><g id="map-roads"></g><g id="map-top"></g><g id="map-labels"></g></svg>
<div class="tools"><button id="zoom-in" type="button" title="${esc(L('放大', 'Zoom in'))}">+</button><button id="zoom-out" type="button" title="${esc(L('缩小', 'Zoom out'))}">−</button><button id="zoom-all" type="button" title="${esc(L('全图', 'Show all'))}">⤢</button></div>
<div class="north">▲<br>${L('北', 'N')}</div>
<div class="legend">${legend}</div>
<div class="scale"><div id="map-scale"></div><span id="map-scale-text"></span></div>
<div id="map-status" hidden></div>
</section>
<section id="side" aria-label="${esc(L('审查结果', 'Findings'))}">
<div class="filters"><input id="filter" type="search" placeholder="${esc(L('筛选：名称、规则或说明', 'Filter: name, rule or message'))}">${(['error', 'warning', 'info'] as const).map((k) => `<label><input type="checkbox" class="sevfilter" value="${k}" checked> ${esc(severityLabel(k))}</label>`).join('')}</div>
${rows ? `<table id="findings"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table>` : `<table id="findings"><tbody></tbody></table><p class="empty">${esc(L('没有发现问题。', 'No findings.'))}</p>`}
</section>
</main>
<script type="application/json" id="diming-data">${scriptJson(data)}</script>
<script>${MAP_SCRIPT}</script>
</body></html>
`;
}

/** A relative link: each path segment percent-encoded (Chinese file names stay usable), no scheme allowed. */
function encodeHref(p: string): string {
  return p.split('/').map((seg) => encodeURIComponent(seg)).join('/');
}
