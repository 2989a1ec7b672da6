import { type Lang, type Text, getLang, tr, txt } from './text.js';

/**
 * Where a problem is: the file, the 1-based data row (as users count rows below the header), the physical
 * line or sheet row when it differs, and the column header as the user wrote it.
 */
export interface Where {
  file?: string;
  sheet?: string;
  row?: number;
  line?: number;
  column?: string;
}

/** usage = wrong command line; input = unreadable or invalid input data; config = bad profile or settings. */
export type ErrorKind = 'usage' | 'input' | 'config';

/**
 * An error the user can fix. The CLI prints its message (no stack trace unless --debug) and exits with 2.
 */
export class DimingError extends Error {
  readonly kind: ErrorKind;
  readonly text: Text;
  readonly hint?: Text;
  readonly where?: Where;

  constructor(kind: ErrorKind, text: Text, opts: { hint?: Text; where?: Where; cause?: unknown } = {}) {
    super(text.zh, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'DimingError';
    this.kind = kind;
    this.text = text;
    this.hint = opts.hint;
    this.where = opts.where;
  }

  /** The full message in one language: location, problem, what to do. */
  format(lang?: Lang): string {
    const loc = formatWhere(this.where, lang);
    const head = loc ? `${loc}${lang === 'en' ? ': ' : '：'}${tr(this.text, lang)}` : tr(this.text, lang);
    return this.hint ? `${head}\n${tr(HINT_LABEL, lang)}${tr(this.hint, lang)}` : head;
  }
}

const HINT_LABEL = txt('处理办法：', 'What to do: ');

/** "文件 a.csv 第 3 行（文件第 4 行）「名称」列" / "file a.csv, row 3 (line 4), column 名称". */
export function formatWhere(where: Where | undefined, lang?: Lang): string {
  if (!where) return '';
  const en = (lang ?? getLang()) === 'en';
  const parts: string[] = [];
  if (en) {
    if (where.file) parts.push(`file ${where.file}`);
    if (where.sheet) parts.push(`sheet ${where.sheet}`);
    if (where.row !== undefined) parts.push(`row ${where.row}` + (where.line !== undefined && where.line !== where.row ? ` (line ${where.line})` : ''));
    else if (where.line !== undefined) parts.push(`line ${where.line}`);
    if (where.column) parts.push(`column ${where.column}`);
    return parts.join(', ');
  }
  if (where.file) parts.push(`文件 ${where.file}`);
  if (where.sheet) parts.push(`工作表「${where.sheet}」`);
  if (where.row !== undefined) parts.push(`第 ${where.row} 行` + (where.line !== undefined && where.line !== where.row ? `（文件第 ${where.line} 行）` : ''));
  else if (where.line !== undefined) parts.push(`第 ${where.line} 行`);
  if (where.column) parts.push(`「${where.column}」列`);
  return parts.join(' ');
}

export function usageError(text: Text, hint?: Text): DimingError {
  return new DimingError('usage', text, { hint });
}

export function inputError(text: Text, where?: Where, hint?: Text, cause?: unknown): DimingError {
  return new DimingError('input', text, { where, hint, cause });
}

export function configError(text: Text, cause?: unknown, hint?: Text, where?: Where): DimingError {
  return new DimingError('config', text, { cause, hint, where });
}

export function isDimingError(e: unknown): e is DimingError {
  return e instanceof DimingError;
}
