import type { Command } from 'commander';
import { L } from '../lang.js';

/**
 * --column, for every command that reads a table of names: the column that holds the names when its header is none
 * of the aliases (拟命名名称, 标准名称, name …), so that users need not rename the header of a sheet they were sent.
 */
export function nameColumnOption(cmd: Command): Command {
  return cmd.option('--column <列名>', L(
    '名称所在的列（表头原文；默认自动识别“名称”“拟命名名称”“标准名称”等列）',
    'the column with the names (its header as written; default: the 名称/拟命名名称/标准名称/name column)',
  ));
}
