import { relative } from 'node:path';
import { usageError } from '../../core/errors.js';
import { getLang, tr, txt } from '../../core/text.js';
import { prepareInput } from '../../pipeline/input.js';
import { OutputDir } from '../../pipeline/outdir.js';
import { SIGN_FORMATS, type SignFormat, scheduleSigns, signSetEntries, writeSigns } from '../../pipeline/signs.js';
import type { Schedule } from '../../signs/schedule.js';
import { loadSignStyle } from '../../signs/style.js';
import { EXIT } from '../main.js';
import { numberOption } from '../options.js';
import { printNote } from '../report.js';

export interface SignsCliOptions {
  output: string;
  crs?: string;
  style?: string;
  format: string;
  labels: 'zh' | 'keys';
  snap: string;
  merge: string;
  precision: string;
  sheet?: string;
  encoding?: string;
  dbfEncoding?: string;
  /** --column: the column of names, when its header is not one the aliases know. */
  column?: string;
  quiet?: boolean;
}

/** `--format csv,svg` → formats (usage error for an unknown one). */
export function parseSignFormats(v: string): SignFormat[] {
  const out: SignFormat[] = [];
  for (const raw of v.split(/[,，\s]+/).filter(Boolean)) {
    const f = raw.toLowerCase().replace(/^\./, '');
    const alias = f === 'htm' ? 'html' : f === 'json' ? 'geojson' : f;
    if (!(SIGN_FORMATS as readonly string[]).includes(alias)) {
      throw usageError(
        txt(`不认识的标志输出格式「${raw}」`, `unknown sign output format "${raw}"`),
        txt(`可选：${SIGN_FORMATS.join(',')}（逗号分隔）。`, `Choose from ${SIGN_FORMATS.join(',')} (comma-separated).`),
      );
    }
    if (!out.includes(alias as SignFormat)) out.push(alias as SignFormat);
  }
  if (!out.length) throw usageError(txt('--format 没有给出任何格式', '--format names no format'), txt(`可选：${SIGN_FORMATS.join(',')}。`, `Choose from ${SIGN_FORMATS.join(',')}.`));
  return out;
}

/** Parsed sign options shared by `diming signs` and `diming run`. */
export function signOptions(o: { style?: string; snap?: string; merge?: string; precision?: string }): {
  style: ReturnType<typeof loadSignStyle>;
  snapM: number;
  mergeM: number;
  precision: number;
} {
  return {
    style: loadSignStyle(o.style),
    snapM: numberOption('--snap', o.snap ?? '3', 0, 1000),
    mergeM: numberOption('--merge', o.merge ?? '5', 0, 1000),
    precision: numberOption('--precision', o.precision ?? '7', 1, 7, true),
  };
}

/** Notes about roads left out of (or annotated in) a schedule, printed on stderr. */
export function scheduleNotes(schedule: Schedule): string[] {
  const en = getLang() === 'en';
  const label = (p: Schedule['skipped'][number]) => (p.name ? `${p.id ?? ''} ${p.name}`.trim() : p.id ?? `#${p.feature + 1}`);
  const lines: string[] = [];
  for (const p of schedule.skipped) lines.push(en ? `no signs for ${label(p)}: ${tr(p.reason)}` : `${label(p)} 未设标志：${tr(p.reason)}`);
  for (const p of schedule.warnings) lines.push(`${label(p)}${en ? ': ' : '：'}${tr(p.reason)}`);
  return lines;
}

export async function runSignsCommand(file: string, o: SignsCliOptions): Promise<number> {
  const formats = parseSignFormats(o.format);
  const opts = signOptions(o);
  const out = new OutputDir(o.output, [file]);
  out.checkTargets(signSetEntries(formats));
  const input = await prepareInput(file, { sheet: o.sheet, encoding: o.encoding, dbfEncoding: o.dbfEncoding, crs: o.crs, requireGeometry: true, requireName: true, column: o.column });
  for (const n of input.ds.notes) printNote(tr(n));
  for (const n of input.notes) if (!input.ds.notes.includes(n)) printNote(tr(n));
  const schedule = scheduleSigns(input, opts);
  for (const line of scheduleNotes(schedule)) printNote(line);
  try {
    await writeSigns(out, schedule, { ...opts, formats, labels: o.labels, lang: getLang() });
    const written = await out.commit();
    process.stdout.write(signsSummary(schedule, written));
  } catch (e) {
    await out.abort();
    throw e;
  }
  return EXIT.ok;
}

/** "129 块标志（起点 41、终点 41、交叉口 47），41 条道路" and the files written. */
export function signsSummary(schedule: Schedule, written: readonly string[]): string {
  const c = schedule.counts;
  const files = written.map((f) => `  ${relative(process.cwd(), f) || f}`).join('\n');
  return tr(txt(
    `${schedule.roads} 条道路，${schedule.signs.length} 块标志（起点 ${c.start}、终点 ${c.end}、交叉口 ${c.junction}）${schedule.skipped.length ? `；${schedule.skipped.length} 条道路未设标志` : ''}\n已写出：\n${files}\n`,
    `${schedule.roads} roads, ${schedule.signs.length} signs (${c.start} start, ${c.end} end, ${c.junction} junction)${schedule.skipped.length ? `; ${schedule.skipped.length} roads without signs` : ''}\nWritten:\n${files}\n`,
  ));
}
