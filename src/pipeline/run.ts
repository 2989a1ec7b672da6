import { basename, join, relative } from 'node:path';
import { stat } from 'node:fs/promises';
import { type AnnounceTemplate, loadTemplate, renderAnnouncement, templateFile } from '../announce/index.js';
import { csvReportChunks, jsonChunks } from '../check/output/formats.js';
import { type RunCheckResult, runCheck } from '../check/run.js';
import { layerFileList, loadLayers } from '../check/layers.js';
import type { FieldKey } from '../core/record.js';
import { type Lang, type Text, txt } from '../core/text.js';
import { DIVISION_CODE_YEAR } from '../divisions/divisions.js';
import { lineParts } from '../geo/geometry.js';
import { readAnyDataset } from '../io/read-any.js';
import { writeFileAtomic } from '../io/writers/atomic.js';
import type { EntityType } from '../name/types.js';
import { Orthography } from '../pinyin/orthography.js';
import { type ReviewFile, type ReviewOutline, type ReviewRoad, renderReviewPage } from '../report/review.js';
import type { Boundary, TownshipBoundaries } from '../geo/boundaries.js';
import type { Severity } from '../rules/types.js';
import type { Schedule } from '../signs/schedule.js';
import type { Umlaut } from '../signs/style.js';
import { ordinalsOf } from '../profiles/profile.js';
import { announcementCounts, announcementDoc, fillProcessFields, planAnnouncement } from './announce.js';
import { writePublishedGeoJson } from './geojson.js';
import { type PreparedInput, recordId } from './input.js';
import { OutputDir } from './outdir.js';
import { datasetPinyin, formatPinyin } from './pinyin.js';
import { type SignStepOptions, scheduleSigns, writeSigns } from './signs.js';

/**
 * `diming run FILE -o DIR`: the whole pipeline on one batch, with the same library functions the single commands
 * use — check (runCheck, geometry stage included; announce-fields judged on the announcement's values as
 * `diming announce` does), pinyin table (`diming pinyin`), review page, GeoJSON (`diming geojson`), announcement
 * DOCX + XLSX (`diming announce`), signs (`diming signs`). It stops before publishing — after the check report,
 * pinyin table and review page, before GeoJSON, announcement and signs — when there are error-severity findings,
 * unless `force`. Everything is staged in DIR and moved into place at the end (OutputDir): an input error or a
 * failure half-way leaves DIR as it was.
 */

const GEOMETRY_KEYS: ReadonlySet<FieldKey> = new Set<FieldKey>(['geometry', 'lon', 'lat', 'start_lon', 'start_lat', 'end_lon', 'end_lat']);

/** Output names in DIR. */
export const RUN_FILES = {
  checkCsv: 'check.csv',
  checkJson: 'check.json',
  report: 'report.html',
  pinyin: 'pinyin.csv',
  geojson: 'roads.geojson',
  docx: 'announce.docx',
  xlsx: 'announce.xlsx',
  signs: 'signs',
} as const;

export type RunStep = 'read' | 'check' | 'pinyin' | 'report' | 'geojson' | 'announce' | 'signs' | 'write';

export interface RunEvents {
  /** A step starts, ends, or is skipped (with why). */
  step?(step: RunStep, state: 'start' | 'done' | 'skipped', detail?: Text): void;
  /** Progress inside the check (records). */
  progress?(done: number, total: number): void;
}

export interface RunOptions {
  output: string;
  profiles: string[];
  rules: Map<string, Severity>;
  gazetteers: string[];
  type?: EntityType;
  crs?: string;
  /** Township polygons (--boundaries): geometry-outside, and the outlines on the review page. */
  boundaries?: string;
  /** Built-up-area polygons (--built-up) for the uniqueness scope builtUpArea. */
  builtUp?: string;
  sheet?: string;
  encoding?: string;
  /** --dbf-encoding: the code page of every shapefile read (input, existing names, boundaries). */
  dbfEncoding?: string;
  /** --column: the column of names, when its header is not one the aliases know. */
  column?: string;
  force?: boolean;
  authority?: string;
  /** ISO date (YYYY-MM-DD). */
  date?: string;
  docNo?: string;
  title?: string;
  template?: string;
  /** Decimals of the roads GeoJSON (1–7, default 7). */
  precision?: number;
  sign: Omit<SignStepOptions, 'pinyin' | 'engine' | 'lang'>;
  lang: Lang;
  /** diming's version, recorded in the GeoJSON. */
  version: string;
  /** Shown on the review page (default: now). */
  generated?: string;
}

export interface RunResult {
  rows: number;
  summary: { rows: number; errors: number; warnings: number; infos: number };
  /** Stopped before publishing (error findings, no --force). */
  stopped: boolean;
  /** Final paths of everything written, in order. */
  files: string[];
  /** Records with a usable line on the map. */
  mapped: number;
  geojson?: { features: number };
  announcement?: { total: number; townships: number; marked: number };
  signs?: Schedule;
  /** Steps skipped and why (no geometry …). */
  skipped: { step: RunStep; reason: Text }[];
  notes: Text[];
  /** Outputs of an earlier run in DIR that this run did not write (they do not belong to this result). */
  stale: string[];
  /** The check result (with announce-fields judged on the announcement's values). */
  check: RunCheckResult;
}

export async function runPipeline(file: string, o: RunOptions, ev: RunEvents = {}): Promise<RunResult> {
  const tpl = templateFile(o.template);
  const out = new OutputDir(o.output, [file, ...layerFileList(o), ...(tpl ? [tpl] : [])]);
  out.checkTargets(Object.values(RUN_FILES));
  const template: AnnounceTemplate = loadTemplate(o.template);
  const step = async <T>(name: RunStep, fn: () => Promise<T> | T): Promise<T> => {
    ev.step?.(name, 'start');
    const r = await fn();
    ev.step?.(name, 'done');
    return r;
  };
  const skipped: RunResult['skipped'] = [];
  const skip = (name: RunStep, reason: Text) => {
    skipped.push({ step: name, reason });
    ev.step?.(name, 'skipped', reason);
  };

  // Read and check (nothing is written before the input has been read and checked).
  const ds = await step('read', () => readAnyDataset(file, { sheet: o.sheet, encoding: o.encoding, crs: o.crs, dbfEncoding: o.dbfEncoding, column: o.column, columnOption: true }));
  const { boundaries, builtUp } = await loadLayers(o);
  fillProcessFields(ds, { approval_body: o.authority, approval_date: o.date, approval_no: o.docNo } as Partial<Record<FieldKey, string>>);
  const orthography = new Orthography();
  const { check, plan } = await step('check', async () => {
    // An input with geometry is published as map data: a record without a line is then a geometry-invalid finding
    // (as in diming geojson); a table without any geometry is checked as names only.
    const requireGeometry = ds.records.some((r) => r.geometry) || ds.columns.some((c) => c.key !== undefined && GEOMETRY_KEYS.has(c.key));
    const result = await runCheck(ds, { profiles: o.profiles.length ? o.profiles : ['national'], gazetteers: o.gazetteers, rules: o.rules, type: o.type, crs: o.crs, boundaries, builtUp, requireGeometry, onProgress: ev.progress, orthography, dbfEncoding: o.dbfEncoding });
    const p = planAnnouncement(ds, result, { columns: template.columns, rules: o.rules, orthography });
    return { check: { ...result, findings: p.findings, summary: p.summary } as RunCheckResult, plan: p };
  });
  const input: PreparedInput = { file, ds, geometry: check.geometry, notes: [] };
  const hasLines = ds.records.some((r) => input.geometry?.records.get(r.row)?.lonlat);
  const stopped = check.summary.errors > 0 && !o.force;
  const profileName = check.profiles.length > 1 ? `auto (${check.profiles[0].name} …)` : check.profiles[0].name;
  // How ordinals are spelled: each row's profile (--profile auto may pick several). ü on signs when the sign style
  // does not say: the fallback profile's setting (one sign style serves the whole run).
  const fallback = check.profiles[0];
  const ordinalsByProfile = new Map(check.profiles.map((p) => [p.name, ordinalsOf(p)]));
  const profileOfRow = new Map(check.records.map((r) => [r.row, r.profile]));
  const ordinalsOfRow = (row: number) => ordinalsByProfile.get(profileOfRow.get(row) ?? fallback.name) ?? ordinalsOf(fallback);
  const pinyin = await step('pinyin', () => datasetPinyin(ds, { engine: orthography, type: o.type, ordinals: ordinalsOfRow }));
  const sign = { ...o.sign, style: o.sign.style.umlaut ? o.sign.style : { ...o.sign.style, umlaut: fallback.settings.signUmlaut as Umlaut } };

  try {
    // Always: the check report, the pinyin table and the review page.
    await step('report', async () => {
      await writeFileAtomic(await out.stage(RUN_FILES.checkCsv), csvReportChunks(check));
      await writeFileAtomic(await out.stage(RUN_FILES.checkJson), jsonChunks(check));
      await writeFileAtomic(await out.stage(RUN_FILES.pinyin), formatPinyin(pinyin.items, 'csv'));
      const planned: ReviewFile[] = [
        { href: RUN_FILES.checkCsv, label: RUN_FILES.checkCsv },
        { href: RUN_FILES.pinyin, label: RUN_FILES.pinyin },
      ];
      if (!stopped) {
        if (hasLines) planned.push({ href: RUN_FILES.geojson, label: RUN_FILES.geojson });
        planned.push({ href: RUN_FILES.docx, label: RUN_FILES.docx }, { href: RUN_FILES.xlsx, label: RUN_FILES.xlsx });
        if (hasLines) planned.push({ href: `${RUN_FILES.signs}/signs.html`, label: `${RUN_FILES.signs}/signs.html` });
      }
      const html = renderReviewPage(check, reviewRoads(input, check), {
        outlines: boundaries ? townshipOutlines(check, boundaries) : undefined,
        source: basename(file),
        profile: profileName,
        divisionYear: DIVISION_CODE_YEAR,
        generated: o.generated ?? new Date().toLocaleString(o.lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false }),
        files: planned,
        banner: stopped
          ? txt(`有 ${check.summary.errors} 条“错误”级别的问题：已停在发布之前，未生成上图数据、公告和标志。请修改后重新运行，或加 --force 强制生成。`,
            `${check.summary.errors} error-severity findings: stopped before publishing (no GeoJSON, announcement or signs). Fix them and run again, or add --force.`)
          : check.summary.errors
            ? txt(`有 ${check.summary.errors} 条“错误”级别的问题，已按 --force 照常生成；问题道路在公告“备注”栏中标出，处理前请勿发布。`,
              `${check.summary.errors} error-severity findings; outputs written anyway (--force), rows marked in the announcement's 备注 column. Do not publish before they are fixed.`)
            : undefined,
      });
      await writeFileAtomic(await out.stage(RUN_FILES.report), html);
    });

    let geojson: RunResult['geojson'];
    let announcement: RunResult['announcement'];
    let signs: Schedule | undefined;
    if (stopped) {
      const why = txt('有“错误”级别的问题，停在发布之前（--force 可强制生成）', 'error-severity findings: stopped before publishing (--force to go on)');
      for (const s of ['geojson', 'announce', 'signs'] as const) skip(s, why);
    } else {
      // GeoJSON for map publication.
      if (hasLines) {
        geojson = await step('geojson', async () => {
          const res = await writePublishedGeoJson(await out.stage(RUN_FILES.geojson), check, { precision: o.precision, version: o.version, profile: profileName });
          return { features: res.features };
        });
      } else skip('geojson', txt('输入没有道路几何', 'the input has no road geometry'));

      // Announcement (DOCX + XLSX).
      announcement = await step('announce', async () => {
        const doc = announcementDoc(plan, template.columns, { title: o.title, authority: o.authority, date: o.date, docNo: o.docNo });
        for (const [fmt, name] of [['docx', RUN_FILES.docx], ['xlsx', RUN_FILES.xlsx]] as const) {
          await writeFileAtomic(await out.stage(name), await renderAnnouncement(doc, fmt, { orientation: template.orientation }));
        }
        return { ...announcementCounts(doc), marked: plan.errors.size };
      });

      // Signs.
      if (hasLines) {
        signs = await step('signs', async () => {
          const schedule = scheduleSigns(input, { ...sign, pinyin: pinyin.byRow, lang: o.lang });
          await writeSigns(out, schedule, { ...sign, lang: o.lang, sub: RUN_FILES.signs });
          return schedule;
        });
      } else skip('signs', txt('输入没有道路几何', 'the input has no road geometry'));
    }

    const files = await step('write', () => out.commit());
    const stale: string[] = [];
    for (const name of Object.values(RUN_FILES)) {
      const p = join(o.output, name);
      if (!files.includes(p) && (await stat(p).catch(() => undefined))) stale.push(p);
    }
    return {
      rows: ds.records.length,
      summary: check.summary,
      stopped,
      files,
      mapped: ds.records.filter((r) => input.geometry?.records.get(r.row)?.lonlat).length,
      geojson,
      announcement,
      signs,
      skipped,
      notes: check.notes,
      stale,
      check,
    };
  } catch (e) {
    await out.abort();
    throw e;
  }
}

/** The roads of a checked batch for the review page (lon/lat lines, also lines with geometry findings). */
export function reviewRoads(input: PreparedInput, check: RunCheckResult): ReviewRoad[] {
  return check.records.map((r) => {
    const g = input.geometry?.records.get(r.row)?.lonlat;
    const lines = g ? lineParts(g).map((part) => part.map((p) => [p[0], p[1]])) : [];
    return { row: r.row, id: recordId(r.record), name: r.name, township: r.admin.township, lines };
  });
}

/** The township polygons the batch's records fall in (--boundaries), for the review page. */
export function townshipOutlines(check: RunCheckResult, boundaries: TownshipBoundaries): ReviewOutline[] {
  const seen = new Set<Boundary>();
  for (const r of check.records) {
    const b = boundaries.find(r.record);
    if (b) seen.add(b);
  }
  return [...seen].map((b) => ({
    name: b.name ?? b.code ?? '',
    rings: b.polygon.type === 'Polygon' ? b.polygon.coordinates : b.polygon.coordinates.flat(),
  }));
}

/** Paths relative to the working folder, for summaries. */
export function shownPath(p: string): string {
  return relative(process.cwd(), p) || p;
}

