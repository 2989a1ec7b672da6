import { type Command, Option } from 'commander';
import { ENTITY_TYPES } from '../../name/types.js';
import { L } from '../lang.js';
import type { Builder } from './builder.js';
import { dbfEncodingOption, encodingArg } from './encodings.js';
import { nameColumnOption } from './name-column.js';
import { builtUpOption } from './built-up.js';

/** `diming check`: options and help; the work is in ../commands/check.ts, loaded only when the command runs. */
export function define(program: Command, b: Builder): void {
  const check = b.configure(program.command('check'))
    .description(L('按《地名管理条例》、实施办法和本地规范审查拟命名名称（含重名、同音）', 'check proposed names against the law, local guidelines and existing names (duplicates, homophones)'))
    .argument('<文件>', L('拟命名表格（CSV/XLSX）、GeoJSON、Shapefile 或 KML/KMZ；- 表示标准输入', 'proposal table (CSV/XLSX), GeoJSON, Shapefile or KML/KMZ; - for standard input'))
    .option('-p, --profile <配置>', L('规则配置：national（默认）、内置地方配置名、JSON 文件路径，或 auto（按区划代码自动选择）；可重复', 'rule profile: national (default), a built-in overlay, a JSON file, or auto; repeatable'), b.collect, [] as string[])
    .option('--rule <规则=级别>', L('本次运行改变某条规则的级别，如 homophone=error；可重复', 'override one rule for this run, e.g. homophone=error; repeatable'), b.collect, [] as string[])
    .option('-g, --gazetteer <文件>', L('已有标准地名（CSV/XLSX/GeoJSON/SHP），用于查重名、同音；可重复', 'existing standard names (CSV/XLSX/GeoJSON/SHP) for duplicates and homophones; repeatable'), b.collect, [] as string[])
    .addOption(new Option('-t, --type <类型>', L('没有“类别”列时的地名类型', 'entity type when there is no 类别/type column'))
      .choices(ENTITY_TYPES))
    .option('--sheet <工作表>', L('XLSX 的工作表名称或序号', 'XLSX sheet name or number'))
    .option('--encoding <编码>', L('CSV 的编码（默认自动识别）', 'CSV encoding (default: detect)'), encodingArg)
    .option('--crs <坐标系>', L('几何的坐标系：EPSG:4490、EPSG:4326、EPSG:4491–4554（高斯-克吕格）、gcj02、bd09 或 auto；默认按 .prj/文件声明，否则按数值判断。没有 .prj 的 Shapefile 必须指定', 'coordinate system of the geometry: EPSG:4490, EPSG:4326, EPSG:4491–4554 (Gauss-Kruger), gcj02, bd09 or auto; default: as the .prj/file states, else detected. Required for a Shapefile without .prj'))
    .option('--boundaries <文件>', L('乡镇边界面图层（GeoJSON/SHP/KML，含区划代码或乡镇名称），检查道路是否在所属乡镇内', 'township polygons (GeoJSON/SHP/KML with division codes or names): is each road inside its township?'))
    .addOption(new Option('-f, --format <格式>', L('输出格式', 'output format')).choices(['text', 'json', 'csv', 'html']).default('text'))
    .option('-o, --output <文件>', L('写入文件（默认输出到屏幕）', 'write to a file (default: standard output)'))
    .option('-v, --verbose', L('屏幕输出中也显示“提示”级别', 'also show info-level findings in the terminal'))
    .option('--max-warnings <数量>', L('警告超过此数量时退出码为 1', 'exit with 1 when there are more warnings than this'));
  dbfEncodingOption(check);
  nameColumnOption(check);
  builtUpOption(check);
  b.common(check);
  check.addHelpText('after', L(
    `
示例：
  diming check 道路.xlsx
  diming check 道路.csv --gazetteer 标准地名录.csv --format html -o 审查报告.html
  diming check 道路.csv --profile dongying-village --rule homophone=error
  diming check 道路.geojson --profile auto --format json
  diming check 道路.shp --crs EPSG:4528 --boundaries 乡镇界.shp   没有 .prj 时指定坐标系，并检查是否在所属乡镇内
  diming check 奥维导出.ovkml --crs gcj02                          明确把 GCJ-02（加偏）坐标转换为 CGCS2000
  diming check 城区道路.shp --profile 城区.json --built-up 建成区.shp  配置中重名范围为 builtUpArea 时按所在建成区比较

退出码：0 没有“错误”；1 有“错误”级别的问题；2 用法或输入有误。`,
    `
Examples:
  diming check roads.xlsx
  diming check roads.csv --gazetteer existing.csv --format html -o report.html
  diming check roads.csv --profile dongying-village --rule homophone=error
  diming check roads.shp --crs EPSG:4528 --boundaries townships.shp
  diming check export.ovkml --crs gcj02
  diming check streets.shp --profile town.json --built-up built-up.shp

Exit codes: 0 no errors; 1 error-severity findings; 2 usage or input error.`,
  ));
  check.action(async (file: string, _opts: Record<string, unknown>, self: Command) => {
    // Global options (-q, --lang) may stand before or after the command name.
    const opts = self.optsWithGlobals();
    const m = await import('../commands/check.js');
    process.exitCode = await m.runCheckCommand(file, opts as unknown as import('../commands/check.js').CheckCliOptions);
  });

}
