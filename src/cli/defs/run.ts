import { type Command, Option } from 'commander';
import { ENTITY_TYPES } from '../../name/types.js';
import { L } from '../lang.js';
import type { Builder } from './builder.js';
import { dbfEncodingOption, encodingArg } from './encodings.js';
import { nameColumnOption } from './name-column.js';
import { builtUpOption } from './built-up.js';

/** `diming run`: options and help; the work is in ../commands/run.ts, loaded only when the command runs. */
export function define(program: Command, b: Builder): void {
  const run = b.configure(program.command('run'))
    .description(L(
      '一次完成全部流程：审查、拼音、审查结果页（地图）、上图 GeoJSON、备案公告（Word/Excel）、地名标志',
      'the whole pipeline: check, pinyin, review page (map), GeoJSON for map publication, announcement (DOCX/XLSX), signs',
    ))
    .argument('<文件>', L('拟命名道路表（CSV/XLSX，可含 WKT 几何列）、GeoJSON、Shapefile 或 KML/KMZ', 'proposal table (CSV/XLSX, optionally with a WKT column), GeoJSON, Shapefile or KML/KMZ'))
    .requiredOption('-o, --output <文件夹>', L('输出文件夹（不存在则创建）', 'output folder (created if missing)'))
    .option('--force', L('有“错误”级别的问题也照常生成上图数据、公告和标志（问题行在公告“备注”栏标出；退出码仍为 1）', 'publish even with error-severity findings (rows marked in the announcement; exit code still 1)'))
    .option('-p, --profile <配置>', L('规则配置（同 diming check）；可重复', 'rule profile (as in diming check); repeatable'), b.collect, [] as string[])
    .option('--rule <规则=级别>', L('本次运行改变某条规则的级别，如 homophone=error；可重复', 'override one rule for this run, e.g. homophone=error; repeatable'), b.collect, [] as string[])
    .option('-g, --gazetteer <文件>', L('已有标准地名，用于查重名、同音；可重复', 'existing standard names for duplicates and homophones; repeatable'), b.collect, [] as string[])
    .option('--crs <坐标系>', L('输入坐标的坐标系，如 EPSG:4528；默认按数值判断', 'CRS of the input coordinates, e.g. EPSG:4528; default: detect'))
    .option('--boundaries <文件>', L('乡镇边界面图层（GeoJSON/SHP/KML，含区划代码或乡镇名称）：检查道路是否在所属乡镇内，并在审查结果页上画出乡镇界线', 'township polygons (GeoJSON/SHP/KML with codes or names): roads inside their township, and the outline on the review page'))
    .option('--authority <机关>', L('批准机关，如 广饶县人民政府（填入没有“批准机关”的行，并用于公告落款）', 'approving body (e.g. 广饶县人民政府) for rows without one; also the signature'))
    .option('--date <日期>', L('批准时间，如 2024-03-01 或 2024年3月1日', 'approval date (2024-03-01, 2024年3月1日)'))
    .option('--doc-no <文号>', L('批准文号，如 广政字〔2024〕12号', 'approval document number'))
    .option('--title <标题>', L('公告标题', 'announcement title'))
    .option('--template <模板>', L('公告列：full（默认）、minimum 或模板 JSON 文件（同 diming announce）', 'announcement columns: full (default), minimum or a template JSON file'))
    .option('--style <名称或文件>', L('标志样式（同 diming signs）', 'sign style (as in diming signs)'))
    .addOption(new Option('--labels <表头>', L('标志清单表头：zh 或 keys', 'sign schedule headers: zh or keys')).choices(['zh', 'keys']).default('zh'))
    .option('--snap <米>', L('标志：道路端点距另一条道路不超过此距离即算相交', 'signs: a road end this close to another road is a junction'), '3')
    .option('--merge <米>', L('标志：同一道路上相距不超过此距离的交叉点合设一块牌', 'signs: junction points this close together share one sign'), '5')
    .option('--precision <位数>', L('GeoJSON 与标志点位的经纬度小数位数（1–7）', 'decimals of longitude/latitude in GeoJSON and sign points (1–7)'), '7')
    .addOption(new Option('-t, --type <类型>', L('没有“类别”列时的地名类型', 'entity type when there is no 类别/type column'))
      .choices(ENTITY_TYPES))
    .option('--sheet <工作表>', L('XLSX 的工作表名称或序号', 'XLSX sheet name or number'))
    .option('--encoding <编码>', L('CSV 的编码（默认自动识别）', 'CSV encoding (default: detect)'), encodingArg);
  dbfEncodingOption(run);
  nameColumnOption(run);
  builtUpOption(run);
  b.common(run);
  run.addHelpText('after', L(
    `
步骤：读入 → 审查（含几何、公告必备内容）→ 拼音表 → 审查结果页 report.html（地图＋问题表）
      → 上图 GeoJSON → 备案公告 DOCX/XLSX → 地名标志。
有“错误”级别的问题时，写出审查结果（check.csv、check.json、report.html）和 pinyin.csv 后即停止，不生成上图数据、
公告和标志；加 --force 照常生成。全部文件先写入临时文件夹，完成后一并移入输出文件夹；出错时输出文件夹保持原样。

输出文件夹：
  report.html      审查结果页：道路地图（按问题级别着色）与问题表，点击问题行定位到道路；单个文件，无需联网
  check.csv/json   审查结果表         pinyin.csv      拼音表（公告用、数据用、标志用）
  roads.geojson    上图数据（CGCS2000 经纬度）
  announce.docx    备案公告（Word）   announce.xlsx   备案公告（Excel）
  signs/           标志清单 signs.csv/xlsx/geojson、版面 svg/、打印样张 signs.html

示例：
  diming run data/samples/dawang-roads.csv -o 大王镇 --authority 广饶县人民政府 --date 2024-03-01
  diming run 道路.xlsx -o 输出 --profile dongying-village --gazetteer 标准地名录.csv --force

退出码：0 没有“错误”；1 有“错误”级别的问题（已停在发布之前，或按 --force 生成）；2 用法或输入有误（不写出任何文件）。`,
    `
Steps: read → check (with geometry and announcement fields) → pinyin table → review page report.html (map +
findings) → GeoJSON → announcement DOCX/XLSX → signs. With error-severity findings it stops after the check report
(check.csv, check.json, report.html) and pinyin.csv, before GeoJSON, announcement and signs, unless --force.
Everything is staged and moved into the output folder at the end; on an error the folder is left as it was.

Examples:
  diming run data/samples/dawang-roads.csv -o out --authority 广饶县人民政府 --date 2024-03-01
  diming run roads.xlsx -o out --profile dongying-village --gazetteer existing.csv --force

Exit codes: 0 no errors; 1 error-severity findings (stopped, or published with --force); 2 usage or input error (nothing written).`,
  ));
  run.action(async (file: string, _opts: Record<string, unknown>, self: Command) => {
    const m = await import('../commands/run.js');
    // With the global options (--quiet, --lang) wherever they stand on the command line.
    process.exitCode = await m.runRunCommand(file, self.optsWithGlobals() as unknown as import('../commands/run.js').RunCliOptions);
  });
}
