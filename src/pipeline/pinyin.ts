import { AdminResolver } from '../check/admin.js';
import { DimingError, type Where } from '../core/errors.js';
import type { Dataset, NameRecord } from '../core/record.js';
import { getLang, tr, txt } from '../core/text.js';
import { normalizeAdminCode, regionFromNames } from '../divisions/region.js';
import { toCsv } from '../io/writers/csv.js';
import { textTable } from '../io/writers/text-table.js';
import { type EntityType, resolveType } from '../name/types.js';
import { type OrdinalMode, Orthography, type Romanization } from '../pinyin/orthography.js';
import { defaultDictionary, loadUserReadings, ReadingDictionary } from '../pinyin/readings.js';

/**
 * The pinyin step shared by `diming pinyin --input`, `diming signs` and `diming run`: one job per record (type from
 * the 类别 column, region from the record's division code or names, the user's 拼音/读音 columns), the orthography
 * engine, and the table formats.
 */

/** The JSON/CSV item of `diming pinyin` (issue spec: name, type, pinyin, plain, sign, review, alternatives?, reason?). */
export interface PinyinItem {
  name: string;
  type: EntityType;
  pinyin: string;
  plain: string;
  sign: string;
  review: boolean;
  alternatives?: string[];
  reason?: string;
}

export interface PinyinJob {
  name: string;
  type: EntityType;
  region?: string;
  reading?: string;
  supplied?: string;
  specific?: string;
  generic?: string;
  segmentation?: string;
  where?: Where;
  note?: string;
}

/** The region (division-code prefix) of a record for regional readings: its code, else its division names. */
export function recordRegion(rec: NameRecord, fallback?: string): string | undefined {
  const f = rec.fields;
  return (f.admin_code && normalizeAdminCode(f.admin_code))
    ?? regionFromNames({ province: f.province, city: f.city, county: f.county, township: f.township })
    // A path column (所在政区: 北京市朝阳区), or a code column holding names: as `diming check` reads them.
    ?? (f.admin_path || f.admin_code ? pathResolver.resolve({ admin_path: f.admin_path, admin_code: f.admin_code }).code : undefined)
    ?? fallback;
}

const pathResolver = new AdminResolver();

/** The pinyin job of a table record. */
export function jobFromRecord(rec: NameRecord, ctx: { file: string; nameHeader: string; type: EntityType; region?: string }): PinyinJob {
  const f = rec.fields;
  const typeText = f.type;
  const resolved = resolveType(typeText);
  return {
    name: rec.name,
    type: resolved?.type ?? ctx.type,
    region: recordRegion(rec, ctx.region),
    reading: f.reading,
    supplied: f.pinyin,
    specific: f.specific,
    generic: f.generic,
    segmentation: f.segmentation,
    where: { file: ctx.file, row: rec.row, line: rec.line, column: ctx.nameHeader },
    note: typeText && !resolved
      ? tr(txt(`类别「${typeText}」无法识别，按 ${ctx.type} 处理`, `type "${typeText}" not recognised; treated as ${ctx.type}`))
      : undefined,
  };
}

/** Romanise one job; a DimingError (a name the engine cannot spell) comes back with the job's place attached. */
export function romanizeJob(engine: Orthography, job: PinyinJob, ordinals: OrdinalMode = 'digits'): Romanization {
  try {
    return engine.romanize(job.name, {
      type: job.type,
      region: job.region,
      ordinals,
      reading: job.reading,
      supplied: job.supplied,
      specific: job.specific,
      generic: job.generic,
      segmentation: job.segmentation,
    });
  } catch (e) {
    if (!(e instanceof DimingError)) throw e;
    throw new DimingError(e.kind, e.text, { hint: e.hint, where: { ...job.where, ...e.where }, cause: e.cause });
  }
}

export function toItem(r: Romanization, note: string | undefined): PinyinItem {
  const reasons = r.reasons.map((t) => tr(t));
  if (note) reasons.unshift(note);
  const item: PinyinItem = { name: r.name, type: r.type, pinyin: r.pinyin, plain: r.plain, sign: r.sign, review: r.review };
  if (r.alternatives.length) item.alternatives = r.alternatives;
  if (reasons.length) item.reason = reasons.join(getLang() === 'en' ? '; ' : '；');
  return item;
}

/** The item written for a name the engine could not spell. */
export function failedItem(job: PinyinJob, e: DimingError): PinyinItem {
  return { name: job.name, type: job.type, pinyin: '', plain: '', sign: '', review: true, reason: tr(e.text) };
}

export interface DatasetPinyin {
  /** One item per record, in record order. */
  items: PinyinItem[];
  /** Keyed by record row. */
  byRow: Map<number, PinyinItem>;
  /** Names the engine could not spell (their items have empty pinyin). */
  failures: DimingError[];
}

/**
 * Pinyin of every record of a dataset (the table `diming run` writes as pinyin.csv). `ordinals`: one way for all, or
 * each row's (with --profile auto, each row's profile decides, as it does for the check's GeoJSON and announcement).
 */
export function datasetPinyin(ds: Dataset, opts: { engine?: Orthography; type?: EntityType; region?: string; ordinals?: OrdinalMode | ((row: number) => OrdinalMode) } = {}): DatasetPinyin {
  const engine = opts.engine ?? new Orthography();
  const nameHeader = ds.columns.find((c) => c.key === 'name')?.header ?? '';
  const items: PinyinItem[] = [];
  const byRow = new Map<number, PinyinItem>();
  const failures: DimingError[] = [];
  for (const rec of ds.records) {
    const job = jobFromRecord(rec, { file: ds.source.file, nameHeader, type: opts.type ?? 'road', region: opts.region });
    let item: PinyinItem;
    try {
      item = toItem(romanizeJob(engine, job, typeof opts.ordinals === 'function' ? opts.ordinals(rec.row) : opts.ordinals), job.note);
    } catch (e) {
      if (!(e instanceof DimingError)) throw e;
      failures.push(e);
      item = failedItem(job, e);
    }
    items.push(item);
    byRow.set(rec.row, item);
  }
  return { items, byRow, failures };
}

const COLUMNS = ['name', 'type', 'pinyin', 'plain', 'sign', 'review', 'alternatives', 'reason'] as const;

/** `diming pinyin` output: JSON array, CSV (BOM, formula-safe) or a text table. */
export function formatPinyin(items: readonly PinyinItem[], fmt: 'text' | 'json' | 'csv'): string {
  if (fmt === 'json') return JSON.stringify(items, null, 2) + '\n';
  if (fmt === 'csv') {
    return toCsv(COLUMNS, items.map((it) => [it.name, it.type, it.pinyin, it.plain, it.sign, it.review ? 'true' : 'false', (it.alternatives ?? []).join(' | '), it.reason ?? '']));
  }
  const en = getLang() === 'en';
  const header = en ? ['name', 'pinyin', 'sign', 'review'] : ['名称', '拼音', '标志拼音', '复核'];
  const rows = items.map((it) => [it.name, it.pinyin, it.sign, it.review ? (en ? 'yes' : '需复核') : '']);
  let out = textTable(header, rows);
  const notes = items.filter((it) => it.reason);
  if (notes.length) {
    out += '\n' + notes.map((it) => `${it.name}：${it.reason}${it.alternatives?.length ? (en ? ` (other readings: ${it.alternatives.join(', ')})` : `（其他读法：${it.alternatives.join('，')}）`) : ''}`).join('\n') + '\n';
  }
  return out;
}

/** The bundled dictionary plus --readings files (user entries first, so they win ties). */
export function buildDictionary(files: readonly string[]): ReadingDictionary {
  const base = defaultDictionary();
  if (!files.length) return base;
  const d = new ReadingDictionary();
  for (const f of files) for (const e of loadUserReadings(f)) d.add(e);
  for (const [, list] of base.byName) for (const e of list) d.add(e);
  // Through addCharRule: it also records which regions and characters make a reading place-dependent.
  for (const list of base.charRules.values()) for (const r of list) d.addCharRule(r);
  for (const c of base.placeDependent) d.placeDependent.add(c);
  for (const [w, s] of base.settled) d.addSettled(w, s);
  return d;
}
