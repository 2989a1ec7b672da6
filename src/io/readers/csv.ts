import { parse } from 'csv-parse/sync';
import { inputError } from '../../core/errors.js';
import { txt } from '../../core/text.js';
import { decodeText } from '../encoding.js';
import type { RawTable } from '../table.js';

export interface CsvOptions {
  encoding?: string;
  delimiter?: string;
}

/** Read CSV/TSV bytes: decode first (UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030), then parse. */
export function readCsv(buf: Uint8Array, file: string, opts: CsvOptions = {}): RawTable {
  const decoded = decodeText(buf, file, opts.encoding);
  const text = decoded.text;
  if (!text.trim()) {
    throw inputError(txt('文件是空的', 'the file is empty'), { file }, txt('请检查是否选错了文件。', 'Check that this is the right file.'));
  }
  const delimiter = opts.delimiter ?? detectDelimiter(text, file, decoded.encoding);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { code?: string; lines?: number; message?: string };
    const line = typeof err.lines === 'number' ? err.lines : undefined;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw inputError(
        txt('引号没有闭合，文件可能被截断或某个单元格里有多余的引号', 'a quote is never closed: the file may be truncated or a cell has a stray quote'),
        { file, line },
        txt('请在 Excel/WPS 中打开并重新另存为 CSV，或检查该行附近的引号。', 'Open it in Excel/WPS and save as CSV again, or check the quotes near that line.'),
        e,
      );
    }
    throw inputError(
      txt(`CSV 格式错误：${err.message ?? String(e)}`, `malformed CSV: ${err.message ?? String(e)}`),
      { file, line },
      txt('请在 Excel/WPS 中打开并重新另存为 CSV。', 'Open it in Excel/WPS and save it as CSV again.'),
      e,
    );
  }
  const rows: string[][] = [];
  const lines: number[] = [];
  let prevEnd = 0;
  for (const { record, info } of parsed) {
    // info.lines is the line where the record ends; the record starts on the line after the previous one ended.
    rows.push(record);
    lines.push(prevEnd + 1);
    prevEnd = info.lines;
  }
  return { rows, lines, encoding: decoded.encoding };
}

/** Tab for Excel "Unicode 文本" and .tsv, otherwise the commonest of , ; \t in the first lines outside quotes. */
function detectDelimiter(text: string, file: string, encoding: string): string {
  if (/\.(tsv|tab)$/i.test(file) || encoding.startsWith('utf-16')) return '\t';
  const sample = text.slice(0, 65536).split(/\r?\n/).filter((l) => l.trim()).slice(0, 20);
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  for (const line of sample) {
    let inQuote = false;
    for (const ch of line) {
      if (ch === '"') inQuote = !inQuote;
      else if (!inQuote && ch in counts) counts[ch]++;
    }
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[','] && counts[';'] > counts['\t']) return ';';
  return ',';
}
