import type { Command } from 'commander';
import { L } from '../lang.js';

/**
 * --built-up, for the commands that check names with their geometry (check, geojson, run, announce): built-up-area polygons for
 * profiles whose uniqueness rules use the scope builtUpArea (rules.md §0.3).
 */
export function builtUpOption(cmd: Command): Command {
  return cmd.option('--built-up <文件>', L(
    '建成区范围面图层（GeoJSON/SHP/KML）：配置中 scope 为 builtUpArea 的重名、同音、近似规则按道路所在建成区比较',
    'built-up-area polygons (GeoJSON/SHP/KML): uniqueness rules whose scope is builtUpArea compare the roads of one built-up area',
  ));
}
