import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Lang, getLang, tr } from '../core/text.js';
import { openAtomic, writeFileAtomic } from '../io/writers/atomic.js';
import { toCsv } from '../io/writers/csv.js';
import { layoutSign, type SignContent, type SignLayout } from './layout.js';
import { type Placement, type Schedule, type ScheduledSign } from './schedule.js';
import { contactSheetChunks, type SheetOptions, sheetItemsFromSchedule } from './sheet.js';
import { type SignStyle } from './style.js';
import { LAYOUT_NOTE, renderSignBody, renderSignSvg } from './svg.js';

/**
 * Writers for a sign schedule: CSV (via toCsv: BOM, formula-safe), XLSX (exceljs, imported lazily), GeoJSON points
 * (RFC 7946, ≤ 7 decimals), one SVG per sign, and the HTML contact sheet. All files are written atomically.
 */

/** Column keys of the schedule table, in order. */
export const SCHEDULE_COLUMNS = [
  'id', 'road_id', 'road_name', 'text', 'pinyin', 'lon', 'lat', 'placement', 'with', 'with_ids',
  'bearing', 'bearing_back', 'direction', 'arrow', 'face', 'size', 'width_mm', 'height_mm', 'svg', 'notes',
] as const;

/** Chinese column labels for spreadsheets handed to sign makers. */
export const SCHEDULE_LABELS_ZH: Record<(typeof SCHEDULE_COLUMNS)[number], string> = {
  id: '标志编号', road_id: '道路编号', road_name: '道路名称', text: '标志汉字', pinyin: '标志拼音', lon: '经度', lat: '纬度',
  placement: '设置位置', with: '相交道路', with_ids: '相交道路编号', bearing: '道路方位角', bearing_back: '反向方位角',
  direction: '道路走向', arrow: '箭头', face: '牌面箭头', size: '规格', width_mm: '宽（毫米）', height_mm: '高（毫米）',
  svg: '版面文件', notes: '备注',
};

const PLACEMENT_ZH: Record<Placement, string> = { start: '起点', end: '终点', junction: '交叉口' };
const FACE_ZH: Record<string, string> = { none: '无', left: '左', right: '右', both: '双向' };

export interface TableOptions {
  /** `keys` (default): snake_case headers and codes; `zh`: Chinese headers and values for sign makers. */
  labels?: 'keys' | 'zh';
  /** Language of the notes column. */
  lang?: Lang;
  /** SVG file of each sign (relative path), from writeSignSvgs. */
  svgPaths?: ReadonlyMap<string, string>;
}

/** Header and rows of the schedule table. */
export function scheduleTable(signs: Schedule | readonly ScheduledSign[], opts: TableOptions = {}): { header: string[]; rows: (string | number)[][] } {
  const list = 'signs' in signs ? signs.signs : signs;
  const zh = opts.labels === 'zh';
  const lang = opts.lang ?? getLang();
  const header = SCHEDULE_COLUMNS.map((c) => (zh ? SCHEDULE_LABELS_ZH[c] : c));
  const rows = list.map((s) => [
    s.id,
    s.roadId,
    s.roadName,
    s.text,
    s.pinyin,
    s.lon,
    s.lat,
    zh ? PLACEMENT_ZH[s.placement] : s.placement,
    s.withNames.join(zh ? '、' : '; '),
    s.withIds.join('; '),
    s.bearing ?? '',
    s.bearingBack ?? '',
    s.direction,
    s.arrow,
    zh ? FACE_ZH[s.face] : s.face,
    s.size,
    s.widthMm,
    s.heightMm,
    opts.svgPaths?.get(s.id) ?? '',
    s.notes.map((n) => tr(n, lang)).join(lang === 'en' ? '; ' : '；'),
  ]);
  return { header, rows };
}

/** The schedule as CSV text (UTF-8 with BOM, CRLF, formula-safe cells). */
export function scheduleCsv(signs: Schedule | readonly ScheduledSign[], opts: TableOptions & { bom?: boolean } = {}): string {
  const { header, rows } = scheduleTable(signs, opts);
  return toCsv(header, rows, { bom: opts.bom });
}

/**
 * The schedule as an XLSX workbook (one sheet 标志清单 / signs, header bold and frozen, every cell a string or number),
 * written by exceljs's streaming writer row by row: 40,000 signs take a few seconds and little memory (the in-memory
 * workbook needed over a gigabyte). `sink` receives the bytes in order.
 */
async function streamScheduleXlsx(signs: Schedule | readonly ScheduledSign[], opts: TableOptions, sink: (chunk: Uint8Array) => Promise<void>): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const { PassThrough } = await import('node:stream');
  const { header, rows } = scheduleTable(signs, opts);
  const pt = new PassThrough();
  const pump = (async () => {
    for await (const chunk of pt) await sink(chunk as Uint8Array);
  })();
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pt, useSharedStrings: false, useStyles: true });
    wb.creator = 'diming';
    const fixed = new Date(Date.UTC(2000, 0, 1));
    wb.created = fixed;
    wb.modified = fixed;
    const ws = wb.addWorksheet(opts.labels === 'zh' ? '标志清单' : 'signs', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = header.map((h) => ({ width: Math.min(40, Math.max(8, h.length * 2 + 2)) }));
    const head = ws.addRow(header);
    head.font = { bold: true };
    head.commit();
    for (let i = 0; i < rows.length; i++) {
      // Strings stay strings (never formulas): exceljs only makes a formula from a { formula } object.
      ws.addRow(rows[i].map((v) => (typeof v === 'string' ? v.slice(0, 32767) : v))).commit();
      if ((i & 2047) === 2047) await new Promise((res) => setImmediate(res));
    }
    ws.commit();
    await wb.commit();
    await pump;
  } catch (e) {
    pt.destroy();
    await pump.catch(() => undefined);
    throw e;
  }
}

/** The schedule as an XLSX workbook in memory. */
export async function scheduleXlsx(signs: Schedule | readonly ScheduledSign[], opts: TableOptions = {}): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await streamScheduleXlsx(signs, opts, async (c) => void chunks.push(c));
  return new Uint8Array(Buffer.concat(chunks));
}

/** Write the schedule as XLSX, streamed and atomic. */
export async function writeScheduleXlsx(file: string, signs: Schedule | readonly ScheduledSign[], opts: TableOptions = {}): Promise<void> {
  const out = await openAtomic(file);
  try {
    await streamScheduleXlsx(signs, opts, (c) => out.write(c));
    await out.commit();
  } catch (e) {
    await out.abort();
    throw e;
  }
}

export interface GeoJsonOptions {
  /** Decimal places, at most 7 (default 7). */
  precision?: number;
  lang?: Lang;
  svgPaths?: ReadonlyMap<string, string>;
  /** Style name recorded in the collection's `diming` member. */
  style?: string;
}

/** The schedule as a GeoJSON FeatureCollection of points (RFC 7946: [lon, lat], no crs member, ≤ 7 decimals). */
export function scheduleGeoJson(signs: Schedule | readonly ScheduledSign[], opts: GeoJsonOptions = {}): {
  type: 'FeatureCollection';
  diming: Record<string, unknown>;
  features: unknown[];
} {
  const list = 'signs' in signs ? signs.signs : signs;
  const p = Math.min(7, Math.max(0, Math.round(opts.precision ?? 7)));
  const k = 10 ** p;
  const lang = opts.lang ?? getLang();
  return {
    type: 'FeatureCollection',
    diming: { kind: 'sign-schedule', style: opts.style, signs: list.length, note: LAYOUT_NOTE },
    features: list.map((s) => {
      const props: Record<string, unknown> = {
        id: s.id,
        road_id: s.roadId,
        road_name: s.roadName,
        text: s.text,
        pinyin: s.pinyin,
        placement: s.placement,
        with: s.withNames,
        with_ids: s.withIds,
        bearing: s.bearing,
        bearing_back: s.bearingBack,
        direction: s.direction,
        arrow: s.arrow,
        face: s.face,
        size: s.size,
        width_mm: s.widthMm,
        height_mm: s.heightMm,
      };
      const svg = opts.svgPaths?.get(s.id);
      if (svg) props.svg = svg;
      if (s.notes.length) props.notes = s.notes.map((n) => tr(n, lang));
      return {
        type: 'Feature',
        id: s.id,
        geometry: { type: 'Point', coordinates: [Math.round(s.lon * k) / k, Math.round(s.lat * k) / k] },
        properties: props,
      };
    }),
  };
}

/** A file name for a sign id: letters, digits, CJK, `-`, `_`, `.` kept; others become `_`; no leading dot. */
export function signFileName(id: string): string {
  let s = id.normalize('NFC').replace(/[^\p{L}\p{N}_.-]/gu, '_').replace(/^\.+/, '_');
  if (!s) s = 'sign';
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(s)) s = `_${s}`;
  return s.slice(0, 120);
}

/** Unique file names (case-insensitively, for Windows and macOS) for a list of sign ids. */
export function signFileNames(ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const id of ids) {
    if (out.has(id)) continue;
    const base = signFileName(id);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    used.add(name.toLowerCase());
    out.set(id, name);
  }
  return out;
}

/** The content of a scheduled sign's artwork. */
export function signContent(s: ScheduledSign): SignContent {
  return { name: s.text, pinyin: s.pinyin, arrow: s.face, id: s.id, placement: s.placement };
}

/**
 * Write one SVG per sign into `dir` (created if needed), named after the sign id. Returns sign id → path of the file
 * as `<prefix>/<file>.svg` (or just `<file>.svg` without a prefix), for the schedule's `svg` column.
 */
export async function writeSignSvgs(
  dir: string,
  signs: readonly ScheduledSign[],
  style: SignStyle,
  opts: { concurrency?: number; prefix?: string; atomic?: boolean } = {},
): Promise<Map<string, string>> {
  const names = signFileNames(signs.map((s) => s.id));
  // In a folder that is itself staged and moved into place as a whole (diming signs/run), one plain write per file
  // is enough; elsewhere each file is written atomically (temp file + rename).
  const atomic = opts.atomic !== false;
  if (!atomic) await mkdir(dir, { recursive: true });
  const write = atomic ? writeFileAtomic : (f: string, data: string) => writeFile(f, data);
  const paths = new Map<string, string>();
  const limit = Math.max(1, opts.concurrency ?? 16);
  // Signs of one road share their artwork: lay each (text, pinyin, arrow) out once.
  const layouts = new Map<string, { layout: SignLayout; body: string }>();
  let next = 0;
  const worker = async () => {
    while (next < signs.length) {
      const s = signs[next++];
      const file = `${names.get(s.id)}.svg`;
      const content = signContent(s);
      const key = `${content.name}\u0000${content.pinyin}\u0000${content.arrow}`;
      let art = layouts.get(key);
      if (!art) {
        const layout = layoutSign(content, style);
        art = { layout, body: renderSignBody(layout, style) };
        layouts.set(key, art);
      }
      await write(join(dir, file), renderSignSvg(content, style, art));
      paths.set(s.id, opts.prefix ? `${opts.prefix}/${file}` : file);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, signs.length) }, worker));
  // Deterministic order for callers that iterate.
  return new Map(signs.map((s) => [s.id, paths.get(s.id) as string]));
}

/** Write the contact sheet (streamed, atomic). */
export async function writeContactSheet(file: string, signs: Schedule | readonly ScheduledSign[], style: SignStyle, opts: SheetOptions = {}): Promise<void> {
  const out = await openAtomic(file);
  try {
    let buf = '';
    for (const chunk of contactSheetChunks(sheetItemsFromSchedule(signs, opts.lang), style, opts)) {
      buf += chunk;
      if (buf.length > 1 << 20) {
        await out.write(buf);
        buf = '';
      }
    }
    if (buf) await out.write(buf);
    await out.commit();
  } catch (e) {
    await out.abort();
    throw e;
  }
}

export interface SignSetOptions {
  /** Which files to write (default all but xlsx). */
  formats?: readonly ('csv' | 'xlsx' | 'geojson' | 'svg' | 'html')[];
  labels?: 'keys' | 'zh';
  lang?: Lang;
  precision?: number;
  /** Base name of the table files (default `signs`). */
  baseName?: string;
  /** Write each SVG atomically (default true); false when `dir` is a staging folder moved into place as a whole. */
  atomic?: boolean;
}

/**
 * Everything for `diming signs FILE -o DIR`: DIR/signs.csv, signs.xlsx, signs.geojson, svg/<id>.svg and
 * signs.html. Returns the paths written.
 */
export async function writeSignSet(dir: string, schedule: Schedule, style: SignStyle, opts: SignSetOptions = {}): Promise<string[]> {
  const formats = new Set(opts.formats ?? ['csv', 'geojson', 'svg', 'html']);
  const base = opts.baseName ?? 'signs';
  // The SVG file names are known before any file is written (signFileNames is deterministic), so the tables can name
  // them while the SVGs are still being written: the writers run side by side, the table and sheet building filling
  // the time the SVG writes spend waiting for the disk.
  let svgPaths: Map<string, string> | undefined;
  if (formats.has('svg')) {
    const names = signFileNames(schedule.signs.map((s) => s.id));
    svgPaths = new Map(schedule.signs.map((s) => [s.id, `svg/${names.get(s.id)}.svg`]));
  }
  const jobs: [string, () => Promise<unknown>][] = [];
  if (formats.has('svg')) jobs.push([join(dir, 'svg'), () => writeSignSvgs(join(dir, 'svg'), schedule.signs, style, { prefix: 'svg', atomic: opts.atomic })]);
  if (formats.has('csv')) {
    const f = join(dir, `${base}.csv`);
    jobs.push([f, () => writeFileAtomic(f, scheduleCsv(schedule, { labels: opts.labels, lang: opts.lang, svgPaths }))]);
  }
  if (formats.has('xlsx')) {
    const f = join(dir, `${base}.xlsx`);
    jobs.push([f, () => writeScheduleXlsx(f, schedule, { labels: opts.labels, lang: opts.lang, svgPaths })]);
  }
  if (formats.has('geojson')) {
    const f = join(dir, `${base}.geojson`);
    jobs.push([f, () => writeGeoJson(f, scheduleGeoJson(schedule, { precision: opts.precision, lang: opts.lang, svgPaths, style: style.name }))]);
  }
  if (formats.has('html')) {
    const f = join(dir, `${base}.html`);
    jobs.push([f, () => writeContactSheet(f, schedule, style, { lang: opts.lang })]);
  }
  // Every writer finishes (or cleans up after itself) before the first failure is reported.
  const results = await Promise.allSettled(jobs.map(([, job]) => job()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return jobs.map(([f]) => f);
}

/** Stream a FeatureCollection one feature per line (large schedules never sit in one string). */
async function writeGeoJson(file: string, fc: ReturnType<typeof scheduleGeoJson>): Promise<void> {
  const out = await openAtomic(file);
  try {
    await out.write(`{"type":"FeatureCollection","diming":${JSON.stringify(fc.diming)},"features":[\n`);
    let buf = '';
    for (let i = 0; i < fc.features.length; i++) {
      buf += (i ? ',\n' : '') + JSON.stringify(fc.features[i]);
      if (buf.length > 1 << 20) {
        await out.write(buf);
        buf = '';
      }
    }
    await out.write(buf + '\n]}\n');
    await out.commit();
  } catch (e) {
    await out.abort();
    throw e;
  }
}
