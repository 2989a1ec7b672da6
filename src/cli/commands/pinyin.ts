import { DimingError, type Where } from '../../core/errors.js';
import type { NameRecord } from '../../core/record.js';
import { getLang, tr, txt } from '../../core/text.js';
import { normalizeAdminCode, regionFromNames, resolveRegion } from '../../divisions/region.js';
import { readDataset } from '../../io/dataset.js';
import { toCsv } from '../../io/writers/csv.js';
import { type EntityType, resolveType } from '../../name/types.js';
import { type OrdinalMode, Orthography, type Romanization } from '../../pinyin/orthography.js';
import { defaultDictionary, loadUserReadings, ReadingDictionary } from '../../pinyin/readings.js';
import { EXIT } from '../main.js';
import { emit, textTable } from '../output.js';
import { Progress } from '../progress.js';
import { printError } from '../report.js';

export interface PinyinOptions {
  input?: string;
  column?: string;
  sheet?: string;
  encoding?: string;
  type: EntityType;
  region?: string;
  readings: string[];
  ordinals: OrdinalMode;
  format: 'text' | 'json' | 'csv';
  output?: string;
  debug?: boolean;
  quiet?: boolean;
}

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

interface Job {
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

export async function runPinyin(names: string[], opts: PinyinOptions): Promise<number> {
  const dict = buildDictionary(opts.readings);
  const engine = new Orthography(dict);
  const region = opts.region ? resolveRegion(opts.region) : undefined;
  if (!opts.input && names.length === 0) {
    throw new DimingError('usage', txt('没有给出要拼写的名称', 'no names given'), {
      hint: txt('例如：diming pinyin 幸福东路；或用 --input 读取表格。', 'For example: diming pinyin 幸福东路, or read a table with --input.'),
    });
  }
  const jobs: Job[] = names.map((name) => ({ name, type: opts.type, region }));
  const inputs: string[] = [];
  if (opts.input) {
    inputs.push(opts.input);
    const ds = await readDataset(opts.input, { encoding: opts.encoding, sheet: opts.sheet, column: opts.column });
    const nameHeader = opts.column ?? ds.columns.find((c) => c.key === 'name')?.header;
    const col = ds.columns.find((c) => c.header === nameHeader || c.key === nameHeader);
    for (const rec of ds.records) jobs.push(jobFromRecord(rec, col?.header ?? nameHeader ?? '', ds.source.file, opts, region));
  }

  const items: PinyinItem[] = [];
  let failed = 0;
  const progress = new Progress(tr(txt('拼写中', 'spelling')), jobs.length, opts.quiet);
  jobs.forEach((job, i) => {
    progress.tick(i);
    try {
      const r = engine.romanize(job.name, {
        type: job.type,
        region: job.region,
        ordinals: opts.ordinals,
        reading: job.reading,
        supplied: job.supplied,
        specific: job.specific,
        generic: job.generic,
        segmentation: job.segmentation,
      });
      items.push(toItem(r, job.note));
    } catch (e) {
      if (!(e instanceof DimingError)) throw e;
      failed++;
      printError(new DimingError(e.kind, e.text, { hint: e.hint, where: { ...job.where, ...e.where }, cause: e.cause }), Boolean(opts.debug));
      items.push({ name: job.name, type: job.type, pinyin: '', plain: '', sign: '', review: true, reason: tr(e.text) });
    }
  });
  progress.done();

  await emit(format(items, opts.format), opts.output, inputs);
  return failed ? EXIT.usage : EXIT.ok;
}

function jobFromRecord(rec: NameRecord, nameHeader: string, file: string, opts: PinyinOptions, region: string | undefined): Job {
  const f = rec.fields;
  const typeText = f.type;
  const resolved = resolveType(typeText);
  const recRegion = (f.admin_code && normalizeAdminCode(f.admin_code))
    ?? regionFromNames({ province: f.province, city: f.city, county: f.county, township: f.township })
    ?? region;
  return {
    name: rec.name,
    type: resolved?.type ?? opts.type,
    region: recRegion,
    reading: f.reading,
    supplied: f.pinyin,
    specific: f.specific,
    generic: f.generic,
    segmentation: f.segmentation,
    where: { file, row: rec.row, line: rec.line, column: nameHeader },
    note: typeText && !resolved
      ? tr(txt(`类别「${typeText}」无法识别，按 ${opts.type} 处理`, `type "${typeText}" not recognised; treated as ${opts.type}`))
      : undefined,
  };
}

function toItem(r: Romanization, note: string | undefined): PinyinItem {
  const reasons = r.reasons.map((t) => tr(t));
  if (note) reasons.unshift(note);
  const item: PinyinItem = { name: r.name, type: r.type, pinyin: r.pinyin, plain: r.plain, sign: r.sign, review: r.review };
  if (r.alternatives.length) item.alternatives = r.alternatives;
  if (reasons.length) item.reason = reasons.join(getLang() === 'en' ? '; ' : '；');
  return item;
}

const COLUMNS = ['name', 'type', 'pinyin', 'plain', 'sign', 'review', 'alternatives', 'reason'] as const;

export function format(items: readonly PinyinItem[], fmt: PinyinOptions['format']): string {
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
function buildDictionary(files: readonly string[]): ReadingDictionary {
  const base = defaultDictionary();
  if (!files.length) return base;
  const d = new ReadingDictionary();
  for (const f of files) for (const e of loadUserReadings(f)) d.add(e);
  for (const [, list] of base.byName) for (const e of list) d.add(e);
  for (const [k, v] of base.charRules) d.charRules.set(k, v.slice());
  for (const c of base.placeDependent) d.placeDependent.add(c);
  for (const [w, s] of base.settled) d.addSettled(w, s);
  return d;
}
