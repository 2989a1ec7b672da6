import { DimingError } from '../core/errors.js';
import { getLang, tr, txt } from '../core/text.js';

const ERROR_LABEL = txt('错误：', 'Error: ');
const WARN_LABEL = txt('注意：', 'Note: ');

/** Print a user error to stderr: one clear message, no stack trace unless --debug. */
export function printError(e: unknown, debug: boolean): void {
  if (e instanceof DimingError) {
    process.stderr.write(`${tr(ERROR_LABEL)}${e.format(getLang())}\n`);
    if (debug && e.cause) process.stderr.write(`${String((e.cause as Error).stack ?? e.cause)}\n`);
    if (debug) process.stderr.write(`${e.stack ?? ''}\n`);
    return;
  }
  const err = e as Error;
  process.stderr.write(
    tr(txt(
      `内部错误：${err?.message ?? String(e)}\n这是 diming 的缺陷，请用 --debug 重新运行并把输出报告给开发者。\n`,
      `Internal error: ${err?.message ?? String(e)}\nThis is a bug in diming; run again with --debug and report the output.\n`,
    )),
  );
  if (debug) process.stderr.write(`${err?.stack ?? ''}\n`);
}

export function printNote(message: string): void {
  process.stderr.write(`${tr(WARN_LABEL)}${message}\n`);
}
