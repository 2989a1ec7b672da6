import { DimingError } from '../../core/errors.js';
import { tr, txt } from '../../core/text.js';
import { resolveRegion } from '../../divisions/region.js';
import { findColumn, readDataset } from '../../io/dataset.js';
import type { EntityType } from '../../name/types.js';
import { type OrdinalMode, Orthography } from '../../pinyin/orthography.js';
import { type PinyinItem, type PinyinJob, buildDictionary, failedItem, formatPinyin, jobFromRecord, romanizeJob, toItem } from '../../pipeline/pinyin.js';
import { EXIT } from '../main.js';
import { emit } from '../output.js';
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

export async function runPinyin(names: string[], opts: PinyinOptions): Promise<number> {
  const dict = buildDictionary(opts.readings);
  const engine = new Orthography(dict);
  const region = opts.region ? resolveRegion(opts.region) : undefined;
  if (!opts.input && names.length === 0) {
    throw new DimingError('usage', txt('没有给出要拼写的名称', 'no names given'), {
      hint: txt('例如：diming pinyin 幸福东路；或用 --input 读取表格。', 'For example: diming pinyin 幸福东路, or read a table with --input.'),
    });
  }
  const jobs: PinyinJob[] = names.map((name) => ({ name, type: opts.type, region }));
  const inputs: string[] = [];
  if (opts.input) {
    inputs.push(opts.input);
    const ds = await readDataset(opts.input, { encoding: opts.encoding, sheet: opts.sheet, column: opts.column, columnOption: true });
    // The same lookup readDataset used for --column (trimmed, NFKC and case variants match).
    const col = findColumn(ds.columns, opts.column ?? 'name');
    for (const rec of ds.records) jobs.push(jobFromRecord(rec, { file: ds.source.file, nameHeader: col?.header ?? opts.column ?? '', type: opts.type, region }));
  }

  const items: PinyinItem[] = [];
  let failed = 0;
  const progress = new Progress(tr(txt('拼写中', 'spelling')), jobs.length, opts.quiet);
  jobs.forEach((job, i) => {
    progress.tick(i);
    try {
      items.push(toItem(romanizeJob(engine, job, opts.ordinals), job.note));
    } catch (e) {
      if (!(e instanceof DimingError)) throw e;
      failed++;
      printError(e, Boolean(opts.debug));
      items.push(failedItem(job, e));
    }
  });
  progress.done();

  await emit(formatPinyin(items, opts.format), opts.output, inputs);
  return failed ? EXIT.usage : EXIT.ok;
}

