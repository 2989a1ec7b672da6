import type { Feature, Geometry } from 'geojson';
import type { Lang } from '../core/text.js';
import type { Orthography } from '../pinyin/orthography.js';
import { type Schedule, buildSchedule } from '../signs/schedule.js';
import type { SignStyle } from '../signs/style.js';
import { writeSignSet } from '../signs/write.js';
import { type PreparedInput, lonLatOf, recordId } from './input.js';
import type { OutputDir } from './outdir.js';
import { type PinyinItem, datasetPinyin } from './pinyin.js';

/**
 * The sign step shared by `diming signs` and `diming run`: roads of the prepared input (CGCS2000 lon/lat, also lines
 * with geometry findings, so a crossed line still gets its end and junction signs) → sign schedule → the sign set
 * (schedule CSV/XLSX/GeoJSON, one SVG per sign, contact sheet). Sign pinyin: the record's 标志拼音 column, else the
 * sign form of its 拼音 column, else the orthography engine's sign form with the record's region.
 */

export const SIGN_FORMATS = ['csv', 'xlsx', 'geojson', 'svg', 'html'] as const;
export type SignFormat = (typeof SIGN_FORMATS)[number];

export interface SignStepOptions {
  style: SignStyle;
  /** A road end this close (m) to another road is a junction (default 3). */
  snapM?: number;
  /** Junction points of one road closer than this (m) are one sign (default 5). */
  mergeM?: number;
  /** Decimals of sign lon/lat (≤ 7, default 7). */
  precision?: number;
  formats?: readonly SignFormat[];
  labels?: 'zh' | 'keys';
  lang?: Lang;
  /** Pinyin already computed for the records (diming run's pinyin step), keyed by row. */
  pinyin?: ReadonlyMap<number, PinyinItem>;
  /** Engine for records without pinyin (default: a fresh one). */
  engine?: Orthography;
}

/** The roads of the input as GeoJSON features (lon/lat) with id, name and sign pinyin, for the schedule. */
export function signRoadFeatures(input: PreparedInput, opts: Pick<SignStepOptions, 'pinyin' | 'engine'> = {}): Feature[] {
  const pinyin = opts.pinyin ?? datasetPinyin(input.ds, { engine: opts.engine }).byRow;
  const out: Feature[] = [];
  for (const rec of input.ds.records) {
    const sign = rec.fields.pinyin_sign?.trim() || pinyin.get(rec.row)?.sign || '';
    const geometry = lonLatOf(input, rec) ?? null;
    out.push({ type: 'Feature', properties: { id: recordId(rec), name: rec.name, pinyin_sign: sign }, geometry } as Feature<Geometry | null> as Feature);
  }
  return out;
}

/** The sign schedule of the input's road network. */
export function scheduleSigns(input: PreparedInput, opts: SignStepOptions): Schedule {
  const features = signRoadFeatures(input, opts);
  return buildSchedule({ type: 'FeatureCollection', features }, {
    idProperty: 'id',
    nameProperty: 'name',
    pinyinProperty: 'pinyin_sign',
    snapM: opts.snapM,
    mergeM: opts.mergeM,
    precision: opts.precision,
    style: opts.style,
  });
}

/** File names of a sign set (top-level entries of its folder). */
export function signSetEntries(formats: readonly SignFormat[] = SIGN_FORMATS, base = 'signs'): string[] {
  const out: string[] = [];
  for (const f of formats) out.push(f === 'svg' ? 'svg' : `${base}.${f}`);
  return out;
}

/**
 * Write the sign set into a staged output folder: into its root (diming signs -o DIR) or into a subfolder
 * (`sub`, e.g. diming run's DIR/signs/). Returns the staged paths.
 */
export async function writeSigns(out: OutputDir, schedule: Schedule, opts: SignStepOptions & { sub?: string }): Promise<string[]> {
  const formats = opts.formats ?? SIGN_FORMATS;
  const dir = opts.sub ? await out.stage(opts.sub) : await out.root(signSetEntries(formats));
  // The folder is staged (OutputDir): its files need no temp-and-rename of their own.
  return writeSignSet(dir, schedule, opts.style, { formats, labels: opts.labels, lang: opts.lang, precision: opts.precision, atomic: false });
}
