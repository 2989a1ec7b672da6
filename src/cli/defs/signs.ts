import { type Command, Option } from 'commander';
import { L } from '../lang.js';
import type { Builder } from './builder.js';
import { dbfEncodingOption, encodingArg } from './encodings.js';
import { nameColumnOption } from './name-column.js';

/** `diming signs`: options and help; the work is in ../commands/signs.ts, loaded only when the command runs. */
export function define(program: Command, b: Builder): void {
  const signs = b.configure(program.command('signs'))
    .description(L(
      '地名标志：按道路网在每条道路两端和每个交叉口设牌，生成标志清单（CSV/XLSX/GeoJSON）、每块牌的 SVG 版面和打印样张',
      'street name signs: a sign at both ends of every road and at every junction, as a schedule (CSV/XLSX/GeoJSON), one SVG per sign and a printable contact sheet',
    ))
    .argument('<文件>', L('带几何的道路表（含 WKT 列的 CSV/XLSX）、GeoJSON、Shapefile 或 KML/KMZ', 'roads with geometry: CSV/XLSX with a WKT column, GeoJSON, Shapefile or KML/KMZ'))
    .requiredOption('-o, --output <文件夹>', L('输出文件夹（不存在则创建）', 'output folder (created if missing)'))
    .option('--crs <坐标系>', L('输入坐标的坐标系，如 EPSG:4528（CGCS2000 3 度带第 40 带）；默认按数值判断', 'CRS of the input coordinates, e.g. EPSG:4528 (CGCS2000 3° zone 40); default: detect'))
    .option('--style <名称或文件>', L('标志样式：内置名称（default、heritage-red）或样式 JSON 文件（颜色、字体、尺寸、监制单位行）', 'sign style: a built-in name (default, heritage-red) or a style JSON file (colours, fonts, sizes, brand line)'))
    .option('-f, --format <格式>', L('要写出的文件，逗号分隔：csv,xlsx,geojson,svg,html', 'files to write, comma-separated: csv,xlsx,geojson,svg,html'), 'csv,xlsx,geojson,svg,html')
    .addOption(new Option('--labels <表头>', L('清单表头：zh（中文，给制作单位）或 keys（英文字段名）', 'schedule headers: zh (Chinese, for sign makers) or keys (field names)')).choices(['zh', 'keys']).default('zh'))
    .option('--snap <米>', L('道路端点距另一条道路不超过此距离即算相交（丁字路口数字化未接上）', 'a road end this close to another road is a junction (T-junctions digitised short)'), '3')
    .option('--merge <米>', L('同一条道路上相距不超过此距离的交叉点合设一块牌', 'junction points of one road this close together share one sign'), '5')
    .option('--precision <位数>', L('经纬度小数位数（1–7）', 'decimals of longitude/latitude (1–7)'), '7')
    .option('--sheet <工作表>', L('XLSX 的工作表名称或序号', 'XLSX sheet name or number'))
    .option('--encoding <编码>', L('CSV 的编码（默认自动识别）', 'CSV encoding (default: detect)'), encodingArg);
  dbfEncodingOption(signs);
  nameColumnOption(signs);
  b.common(signs);
  signs.addHelpText('after', L(
    `
设牌位置：每条有名称的道路两端各一块；与另一条有名称道路的每个交叉口（共点、相交、端点距另一条道路不超过 --snap 米）
各一块；交叉口在道路端点时并入端点的牌。标志拼音取表格的“标志拼音”列，其次“拼音”列，否则按地名拼写规则生成。
版面：上 3/5 汉字、下 2/5 拼音（GB 17733 做法；尺寸与色值未按标准原文核对），文字一律缩放到版面之内。

示例：
  diming signs data/samples/dawang-roads.csv -o 标志
  diming signs 道路.geojson -o 标志 --style heritage-red --format csv,svg
  diming signs 道路.shp -o 标志 --style 我县样式.json --labels keys

输出：signs.csv、signs.xlsx（标志清单）、signs.geojson（标志点位）、svg/<编号>.svg（每块牌的版面）、signs.html（打印样张）。
退出码：0 正常；2 用法或输入有误（此时输出文件夹保持原样）。`,
    `
Where signs go: one at each end of every named road and one at every junction with another named road (a shared
vertex, a crossing, or a road end within --snap metres of another road); a junction at a road end is folded into the
end sign. Sign pinyin: the 标志拼音 column, else the 拼音 column, else spelled by the place-name rules.
Layout: Chinese in the upper 3/5, pinyin in the lower 2/5 (GB 17733 practice; sizes and colours unverified); text is
always scaled to fit.

Examples:
  diming signs data/samples/dawang-roads.csv -o signs
  diming signs roads.geojson -o signs --style heritage-red --format csv,svg

Output: signs.csv, signs.xlsx (schedule), signs.geojson (sign points), svg/<id>.svg (artwork), signs.html (contact sheet).
Exit codes: 0 fine; 2 usage or input error (the output folder is left as it was).`,
  ));
  signs.action(async (file: string, _opts: Record<string, unknown>, self: Command) => {
    const m = await import('../commands/signs.js');
    // With the global options (--quiet, --lang) wherever they stand on the command line.
    process.exitCode = await m.runSignsCommand(file, self.optsWithGlobals() as unknown as import('../commands/signs.js').SignsCliOptions);
  });
}
