import { extname } from 'node:path';
import {
  type AnnounceFormat, type AnnouncementDoc, formatFromPath, isBlank, isoDate, loadTemplate,
  parseAnnounceFormat, renderAnnouncement, requireDate, templateFile,
} from '../../announce/index.js';
import { usageError } from '../../core/errors.js';
import type { FieldKey } from '../../core/record.js';
import { getLang, tr, txt } from '../../core/text.js';
import { toText } from '../../check/output/text.js';
import { readAnyDataset } from '../../io/read-any.js';
import { assertNotInput } from '../../io/writers/atomic.js';
import type { EntityType } from '../../name/types.js';
import { announcementDoc, fillProcessFields, planAnnouncement } from '../../pipeline/announce.js';
import { EXIT } from '../main.js';
import { emit } from '../output.js';
import { checkWithProgress, ruleFlags } from '../check-step.js';
import { layerFileList, loadLayers } from '../../check/layers.js';
import { printNote } from '../report.js';

export interface AnnounceCliOptions {
  format?: string;
  output?: string;
  authority?: string;
  date?: string;
  docNo?: string;
  title?: string;
  template?: string;
  profile: string[];
  rule: string[];
  gazetteer: string[];
  type?: EntityType;
  sheet?: string;
  encoding?: string;
  dbfEncoding?: string;
  /** --column: the column of names, when its header is not one the aliases know. */
  column?: string;
  crs?: string;
  /** --built-up: built-up-area polygons (scope builtUpArea). */
  builtUp?: string;
  force?: boolean;
  quiet?: boolean;
}

/**
 * `diming announce FILE` (the announcement step itself is src/pipeline/announce.ts, shared with `diming run`): read → fill 批准机关/批准时间/批准文号 from the command line → check (all rules of the
 * profile, announce-fields forced) → rows from the records (resolved area, pinyin, geometry) → refuse rows with
 * errors unless --force (then marked in 备注) → group by township → write DOCX/XLSX/HTML/Markdown/CSV.
 */
export async function runAnnounceCommand(file: string, o: AnnounceCliOptions): Promise<number> {
  // The command line is settled before anything is read: a bad option never leaves a file behind.
  const format = resolveFormat(o.format, o.output);
  const toStdout = !o.output || o.output === '-';
  if ((format === 'docx' || format === 'xlsx') && toStdout) {
    if (!o.output) {
      throw usageError(
        txt(`${format.toUpperCase()} 公告需要用 -o 指定输出文件`, `a ${format.toUpperCase()} announcement needs an output file (-o)`),
        txt(`例如：-o 公告.${format}；或用 --format html、md、csv 输出到屏幕。`, `For example -o announcement.${format}; or --format html, md or csv to print it.`),
      );
    }
    if (process.stdout.isTTY) {
      throw usageError(
        txt(`不能把 ${format.toUpperCase()} 文件输出到终端`, `will not write a ${format.toUpperCase()} file to the terminal`),
        txt(`请用 -o 公告.${format} 写入文件，或把输出重定向到文件。`, `Write it to a file with -o announcement.${format}, or redirect the output.`),
      );
    }
  }
  const authority = optionText(o.authority, '--authority');
  const docNo = optionText(o.docNo, '--doc-no');
  const title = optionText(o.title, '--title');
  const date = o.date !== undefined ? isoDate(requireDate(o.date, '--date')) : undefined;
  const template = loadTemplate(o.template);
  const rules = ruleFlags(o.rule);
  const tpl = templateFile(o.template);
  const templateFiles = tpl ? [tpl] : [];
  const layers = { gazetteers: o.gazetteer, builtUp: o.builtUp, dbfEncoding: o.dbfEncoding };
  const inputs = [file, ...layerFileList(layers), ...templateFiles];
  if (!toStdout) assertNotInput(o.output!, inputs);

  const ds = await readAnyDataset(file, { sheet: o.sheet, encoding: o.encoding, dbfEncoding: o.dbfEncoding, requireName: true, column: o.column, columnOption: true });
  const filled = fillProcessFields(ds, { approval_body: authority, approval_date: date, approval_no: docNo });
  for (const n of ds.notes) printNote(tr(n));

  const { builtUp } = await loadLayers(layers);
  const result = await checkWithProgress(ds, o, rules, { builtUp, dbfEncoding: o.dbfEncoding });

  // A supplied 拼音 column is normalised as `diming pinyin` does (the engine is loaded only then).
  const supplied = result.records.some((r) => !isBlank(r.record.fields.pinyin));
  const orthography = supplied ? new (await import('../../pinyin/orthography.js')).Orthography() : undefined;
  // Rows from the records; announce-fields judged on what will be printed (always on before an announcement).
  const plan = planAnnouncement(ds, result, { columns: template.columns, rules, orthography });
  const { findings, summary, errors } = plan;
  const checked = { ...result, findings, summary };

  if (errors.size && !o.force) {
    process.stderr.write(toText(checked, false));
    process.stderr.write(tr(txt(
      `\n${errors.size} 行有“错误”级别的问题，未生成公告。请修改后重新运行；确需先出稿核对的，加 --force（问题行保留并在“备注”栏标出）。` +
        (findings.some((f) => f.severity === 'error' && /deadline$/.test(f.rule)) ? '\n逾期类问题如需降为警告：--rule filing-deadline=warning --rule announce-deadline=warning。' : '') + '\n',
      `\n${errors.size} rows have error-severity findings; no announcement was written. Fix them and run again, or add --force to write a draft (those rows kept and marked in a 备注 column).` +
        (findings.some((f) => f.severity === 'error' && /deadline$/.test(f.rule)) ? '\nTo report deadlines as warnings: --rule filing-deadline=warning --rule announce-deadline=warning.' : '') + '\n',
    )));
    return EXIT.findings;
  }
  if (!o.quiet && (summary.errors || summary.warnings)) process.stderr.write(toText(checked, false));

  const doc = announcementDoc(plan, template.columns, { title, authority, date, docNo });
  const out = await renderAnnouncement(doc, format, { orientation: template.orientation });
  await emit(out, toStdout ? undefined : o.output, inputs);
  if (!o.quiet) process.stderr.write(summaryLine(doc, format, toStdout ? undefined : o.output, errors.size, filled));
  return errors.size ? EXIT.findings : EXIT.ok;
}

/** --format, else the -o extension, else DOCX. A known extension that contradicts --format is a usage error. */
function resolveFormat(flag: string | undefined, output: string | undefined): AnnounceFormat {
  const fromExt = output && output !== '-' ? formatFromPath(output) : undefined;
  if (flag !== undefined) {
    const f = parseAnnounceFormat(flag);
    if (fromExt && fromExt !== f) {
      throw usageError(
        txt(`--format ${f} 与输出文件的扩展名「${extname(output!)}」不符`, `--format ${f} does not match the extension "${extname(output!)}" of the output file`),
        txt(`请把输出文件改为 .${f}，或去掉 --format（按扩展名决定格式）。`, `Name the output .${f}, or drop --format (the extension decides).`),
      );
    }
    return f;
  }
  if (fromExt) return fromExt;
  if (output && output !== '-' && extname(output)) {
    throw usageError(
      txt(`无法从扩展名「${extname(output)}」判断公告格式`, `cannot tell the announcement format from the extension "${extname(output)}"`),
      txt('请用 --format 指定：docx、xlsx、html、md 或 csv。', 'Give it with --format: docx, xlsx, html, md or csv.'),
    );
  }
  return 'docx';
}

function optionText(v: string | undefined, option: string): string | undefined {
  if (v === undefined) return undefined;
  const s = v.trim();
  if (!s) throw usageError(txt(`${option} 的值是空的`, `${option} is empty`), txt(`请在 ${option} 后写出内容，或去掉这个选项。`, `Give a value after ${option}, or leave the option out.`));
  return s;
}

const FILLED: [FieldKey, string, string][] = [['approval_body', '--authority', '批准机关'], ['approval_date', '--date', '批准时间'], ['approval_no', '--doc-no', '批准文号']];

function summaryLine(doc: AnnouncementDoc, format: AnnounceFormat, output: string | undefined, marked: number, filled: Partial<Record<FieldKey, number>>): string {
  const en = getLang() === 'en';
  const total = doc.groups.reduce((n, g) => n + g.rows.length, 0);
  const per = doc.groups.map((g) => (en ? `${g.township} ${g.rows.length}` : `${g.township} ${g.rows.length} 条`)).join(en ? ', ' : '，');
  const where = output ? (en ? ` to ${output}` : ` ${output}`) : '';
  const head = en
    ? `Announcement (${format.toUpperCase()}) written${where}: ${total} roads in ${doc.groups.length} townships (${per}).`
    : `已生成公告（${format.toUpperCase()}）${where}：${doc.groups.length} 个乡镇（街道），共 ${total} 条道路（${per}）。`;
  const fills = FILLED.filter(([k]) => filled[k] !== undefined)
    .map(([k, opt, label]) => (en ? `${opt} filled ${filled[k]} rows` : `${opt} 填入${label} ${filled[k]} 行`));
  const fill = fills.length ? `\n${fills.join(en ? '; ' : '；')}${en ? '.' : '。'}` : '';
  const force = marked
    ? en ? `\n--force: ${marked} rows with errors are included and marked in the 备注 column; do not publish before they are fixed.` : `\n已按 --force 保留 ${marked} 行有错误的记录，并在“备注”栏标出；处理前请勿公告。`
    : '';
  return `${head}${fill}${force}\n`;
}
