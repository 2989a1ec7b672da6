import { ruleFlags } from '../check-step.js';
import { basename } from 'node:path';
import { isoDate, requireDate } from '../../announce/dates.js';
import { usageError } from '../../core/errors.js';
import { getLang, type Text, tr, txt } from '../../core/text.js';
import type { EntityType } from '../../name/types.js';
import { RUN_FILES, type RunResult, type RunStep, runPipeline, shownPath } from '../../pipeline/run.js';
import { displayWidth, textTable } from '../../io/writers/text-table.js';
import { severityLabel } from '../../check/output/formats.js';
import { EXIT, VERSION } from '../main.js';
import { printNote } from '../report.js';
import { numberOption } from '../options.js';
import { scheduleNotes, signOptions } from './signs.js';

export interface RunCliOptions {
  output: string;
  force?: boolean;
  profile: string[];
  rule: string[];
  gazetteer: string[];
  crs?: string;
  boundaries?: string;
  /** --built-up: built-up-area polygons (scope builtUpArea). */
  builtUp?: string;
  authority?: string;
  date?: string;
  docNo?: string;
  title?: string;
  template?: string;
  style?: string;
  labels: 'zh' | 'keys';
  snap: string;
  merge: string;
  precision: string;
  type?: EntityType;
  sheet?: string;
  encoding?: string;
  dbfEncoding?: string;
  /** --column: the column of names, when its header is not one the aliases know. */
  column?: string;
  quiet?: boolean;
}

const STEP_TEXT: Record<RunStep, Text> = {
  read: txt('读入', 'reading'),
  check: txt('审查', 'checking'),
  pinyin: txt('拼音', 'pinyin'),
  report: txt('审查结果页', 'review page'),
  geojson: txt('上图数据 GeoJSON', 'GeoJSON'),
  announce: txt('备案公告 DOCX/XLSX', 'announcement DOCX/XLSX'),
  signs: txt('地名标志', 'signs'),
  write: txt('写入输出文件夹', 'writing the output folder'),
};

/**
 * Step display on stderr, only when stderr is a terminal (never in pipes, files or CI logs) and not --quiet:
 * one line per step with its time, the check's record count updating in place.
 */
class StepDisplay {
  private readonly enabled: boolean;
  private started = 0;
  private current: RunStep | undefined;
  private lastTick = 0;

  constructor(quiet: boolean | undefined) {
    this.enabled = !quiet && Boolean(process.stderr.isTTY);
  }

  step(step: RunStep, state: 'start' | 'done' | 'skipped', detail?: Text): void {
    if (!this.enabled) return;
    const label = tr(STEP_TEXT[step]);
    if (state === 'start') {
      this.current = step;
      this.started = Date.now();
      process.stderr.write(`\r\x1b[K… ${label}`);
    } else if (state === 'done') {
      const s = ((Date.now() - this.started) / 1000).toFixed(1);
      process.stderr.write(`\r\x1b[K✓ ${label}  ${s} s\n`);
      this.current = undefined;
    } else {
      process.stderr.write(`\r\x1b[K– ${label}${detail ? `${getLang() === 'en' ? ': skipped, ' : '：跳过，'}${tr(detail)}` : ''}\n`);
    }
  }

  progress(done: number, total: number): void {
    if (!this.enabled || !this.current) return;
    const now = Date.now();
    if (now - this.lastTick < 150 && done < total) return;
    this.lastTick = now;
    const pct = total ? Math.floor((done / total) * 100) : 100;
    process.stderr.write(`\r\x1b[K… ${tr(STEP_TEXT[this.current])} ${pct}%`);
  }
}

export async function runRunCommand(file: string, o: RunCliOptions): Promise<number> {
  // The command line is settled before anything is read.
  const rules = ruleFlags(o.rule);
  const text = (v: string | undefined, option: string) => {
    if (v === undefined) return undefined;
    const s = v.trim();
    if (!s) throw usageError(txt(`${option} 的值是空的`, `${option} is empty`), txt(`请在 ${option} 后写出内容，或去掉这个选项。`, `Give a value after ${option}, or leave the option out.`));
    return s;
  };
  const date = o.date !== undefined ? isoDate(requireDate(o.date, '--date')) : undefined;
  const sign = signOptions(o);
  const display = new StepDisplay(o.quiet);
  const result = await runPipeline(file, {
    output: o.output,
    profiles: o.profile,
    rules,
    gazetteers: o.gazetteer,
    type: o.type,
    crs: o.crs,
    boundaries: o.boundaries,
    builtUp: o.builtUp,
    sheet: o.sheet,
    encoding: o.encoding,
    dbfEncoding: o.dbfEncoding,
    column: o.column,
    force: Boolean(o.force),
    authority: text(o.authority, '--authority'),
    date,
    docNo: text(o.docNo, '--doc-no'),
    title: text(o.title, '--title'),
    template: o.template,
    precision: numberOption('--precision', o.precision, 1, 7, true),
    sign: { style: sign.style, snapM: sign.snapM, mergeM: sign.mergeM, precision: sign.precision, labels: o.labels },
    lang: getLang(),
    version: VERSION,
  }, { step: (s, st, d) => display.step(s, st, d), progress: (d, t) => display.progress(d, t) });
  if (result.signs && !o.quiet) for (const line of scheduleNotes(result.signs)) printNote(line);
  if (!o.quiet && result.summary.errors) process.stderr.write(errorTable(result));
  process.stdout.write(runSummary(result, o.output));
  for (const p of result.stale) {
    printNote(tr(txt(`${shownPath(p)} 是以前运行留下的，不是本次的结果`, `${shownPath(p)} is left from an earlier run; it is not part of this result`)));
  }
  return result.summary.errors > 0 ? EXIT.findings : EXIT.ok;
}

/** The error findings (at most 20) for the terminal; the review page has them all. */
function errorTable(r: RunResult): string {
  const en = getLang() === 'en';
  const errors = r.check.findings.filter((f) => f.severity === 'error');
  const shown = errors.slice(0, 20);
  let out = textTable(en ? ['row', 'name', 'level', 'rule', 'message'] : ['行', '名称', '级别', '规则', '说明'], shown.map((f) => [String(f.row), f.name, severityLabel(f.severity), f.rule, tr(f.message)]));
  if (errors.length > shown.length) out += en ? `… and ${errors.length - shown.length} more errors (see report.html)\n` : `……另有 ${errors.length - shown.length} 条错误（见 report.html）\n`;
  return out + '\n';
}

const FILE_TEXT: Record<string, Text> = {
  [RUN_FILES.report]: txt('审查结果页（地图＋问题表，浏览器打开）', 'review page (map + findings; open in a browser)'),
  [RUN_FILES.checkCsv]: txt('审查结果表', 'findings table'),
  [RUN_FILES.checkJson]: txt('审查结果（JSON）', 'findings (JSON)'),
  [RUN_FILES.pinyin]: txt('拼音表', 'pinyin table'),
  [RUN_FILES.geojson]: txt('上图数据（CGCS2000 经纬度）', 'map data (CGCS2000 lon/lat)'),
  [RUN_FILES.docx]: txt('备案公告（Word）', 'announcement (Word)'),
  [RUN_FILES.xlsx]: txt('备案公告（Excel）', 'announcement (Excel)'),
  [RUN_FILES.signs]: txt('地名标志：清单、版面 SVG、打印样张 signs.html', 'signs: schedule, SVG artwork, contact sheet signs.html'),
};

/** The final summary: counts per severity, what was made, the files written. */
export function runSummary(r: RunResult, dir: string): string {
  const en = getLang() === 'en';
  const s = r.summary;
  const lines: string[] = [];
  lines.push(tr(txt(
    `审查：${r.rows} 条道路（地图上 ${r.mapped} 条）—— 错误 ${s.errors} 条，警告 ${s.warnings} 条，提示 ${s.infos} 条`,
    `Check: ${r.rows} roads (${r.mapped} on the map) — ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos`,
  )));
  if (r.stopped) {
    lines.push(tr(txt(
      '已停在发布之前：有“错误”级别的问题，未生成上图数据、公告和标志。请在 report.html 中查看并修改后重新运行，或加 --force 强制生成。',
      'Stopped before publishing: there are error-severity findings, so no GeoJSON, announcement or signs were made. Review report.html, fix and run again, or add --force.',
    )));
  }
  if (r.geojson) lines.push(tr(txt(`上图数据：${r.geojson.features} 条道路`, `GeoJSON: ${r.geojson.features} roads`)));
  if (r.announcement) {
    const a = r.announcement;
    lines.push(tr(txt(
      `备案公告：${a.townships} 个乡镇（街道），${a.total} 条道路${a.marked ? `（${a.marked} 条有错误，已在“备注”栏标出，处理前请勿发布）` : ''}`,
      `Announcement: ${a.total} roads in ${a.townships} townships${a.marked ? ` (${a.marked} with errors, marked in 备注; do not publish before they are fixed)` : ''}`,
    )));
  }
  if (r.signs) {
    const c = r.signs.counts;
    lines.push(tr(txt(
      `地名标志：${r.signs.signs.length} 块（起点 ${c.start}、终点 ${c.end}、交叉口 ${c.junction}），${r.signs.roads} 条道路${r.signs.skipped.length ? `；${r.signs.skipped.length} 条道路未设标志` : ''}`,
      `Signs: ${r.signs.signs.length} (${c.start} start, ${c.end} end, ${c.junction} junction) on ${r.signs.roads} roads${r.signs.skipped.length ? `; ${r.signs.skipped.length} roads without signs` : ''}`,
    )));
  }
  for (const k of r.skipped) {
    if (r.stopped) break;
    lines.push(tr(txt(`${tr(STEP_TEXT[k.step], 'zh')}：未生成（${tr(k.reason, 'zh')}）`, `${tr(STEP_TEXT[k.step], 'en')}: not made (${tr(k.reason, 'en')})`)));
  }
  lines.push(en ? `Written to ${shownPath(dir)}:` : `已写出（${shownPath(dir)}）：`);
  const rows = r.files.map((f) => {
    const name = basename(f);
    return [`  ${shownPath(f)}${name === RUN_FILES.signs ? '/' : ''}`, FILE_TEXT[name] ? tr(FILE_TEXT[name]) : ''];
  });
  // Terminal columns, not string length: paths may be Chinese (-o 大王镇).
  const width = Math.max(0, ...rows.map((x) => displayWidth(x[0])));
  for (const [p, d] of rows) lines.push(`${p}${' '.repeat(width + 2 - displayWidth(p))}${d}`);
  return lines.join('\n') + '\n';
}
