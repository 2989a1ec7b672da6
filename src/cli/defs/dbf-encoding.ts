import type { Command } from 'commander';
import { L } from '../lang.js';

/**
 * --dbf-encoding, for every command that reads shapefiles: one code page for all of them (the input, existing names,
 * township boundaries), as users set it once for the garbled names they saw.
 */
export function dbfEncodingOption(cmd: Command): Command {
  return cmd.option('--dbf-encoding <编码>', L(
    'Shapefile 属性表（.dbf）的编码，如 gbk、utf-8；用于本次读入的全部 Shapefile（输入、已有地名、乡镇边界）（默认按 .cpg 或自动识别）',
    'code page of the Shapefile .dbf, e.g. gbk or utf-8, for every shapefile read (input, existing names, boundaries; default: .cpg, else detect)',
  ));
}
