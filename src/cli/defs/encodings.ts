import type { Command } from 'commander';
import { usageError } from '../../core/errors.js';
import { txt } from '../../core/text.js';
import { DBF_ENCODINGS_HINT, ENCODINGS_HINT, dbfEncodingFromLabel, encodingFromLabel } from '../../io/encoding.js';
import { L } from '../lang.js';

/**
 * --dbf-encoding, for every command that reads shapefiles: one code page for all of them (the input, existing names,
 * township boundaries), as users set it once for the garbled names they saw.
 */
export function dbfEncodingOption(cmd: Command): Command {
  return cmd.option('--dbf-encoding <编码>', L(
    'Shapefile 属性表（.dbf）的编码，如 gbk、utf-8；用于本次读入的全部 Shapefile（输入、已有地名、乡镇边界）（默认按 .cpg 或自动识别）',
    'code page of the Shapefile .dbf, e.g. gbk or utf-8, for every shapefile read (input, existing names, boundaries; default: .cpg, else detect)',
  ), dbfEncodingArg);
}

/**
 * --encoding: checked when the command line is read, so that a wrong value is reported whatever the input (it used to
 * be noticed only when a CSV was decoded, and passed silently with an .xlsx or a shapefile).
 */
export function encodingArg(value: string): string {
  if (encodingFromLabel(value)) return value;
  throw usageError(
    txt(`选项 --encoding 的值「${value}」不是支持的编码`, `--encoding: unsupported encoding "${value}"`),
    ENCODINGS_HINT,
  );
}

/** --dbf-encoding, checked likewise (before: only once a shapefile was read, and not at all without one). */
export function dbfEncodingArg(value: string): string {
  if (dbfEncodingFromLabel(value)) return value;
  throw usageError(
    txt(`选项 --dbf-encoding 的值「${value}」不是支持的 DBF 编码`, `--dbf-encoding: unsupported DBF encoding "${value}"`),
    DBF_ENCODINGS_HINT,
  );
}
