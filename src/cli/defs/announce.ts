import { type Command, Option } from 'commander';
import { ENTITY_TYPES } from '../../name/types.js';
import { L } from '../lang.js';
import type { Builder } from './builder.js';
import { dbfEncodingOption, encodingArg } from './encodings.js';
import { nameColumnOption } from './name-column.js';
import { builtUpOption } from './built-up.js';

/** `diming announce`: options and help; the work is in ../commands/announce.ts, loaded only when the command runs. */
export function define(program: Command, b: Builder): void {
  const announce = b.configure(program.command('announce'))
    .description(L('生成地名备案公告（Word/Excel/网页/Markdown/CSV），按乡镇分组；生成前先审查，有错误的行不予生成', 'write the naming announcement (备案公告: DOCX, XLSX, HTML, Markdown, CSV), grouped by township; rows with errors are refused'))
    .argument('<文件>', L('已批准的道路表格（CSV/XLSX）、GeoJSON、Shapefile 或 KML/KMZ；- 表示标准输入', 'table of approved roads (CSV/XLSX), GeoJSON, Shapefile or KML/KMZ; - for standard input'))
    .option('-f, --format <格式>', L('公告格式：docx（默认）、xlsx、html、md、csv；不写时按 -o 的扩展名', 'format: docx (default), xlsx, html, md, csv; default from the -o extension'))
    .option('-o, --output <文件>', L('写入文件；docx、xlsx 必须指定（html、md、csv 默认输出到屏幕）', 'output file; required for docx and xlsx (html, md and csv default to standard output)'))
    .option('--authority <机关>', L('批准机关，如 广饶县人民政府；填入表中没有“批准机关”的行，并用于公告落款', 'approving body (e.g. 广饶县人民政府) for rows without one; also the signature'))
    .option('--date <日期>', L('批准时间，如 2024-03-01 或 2024年3月1日；填入没有“批准时间”的行', 'approval date (2024-03-01, 2024年3月1日) for rows without one'))
    .option('--doc-no <文号>', L('批准文号，如 广政字〔2024〕12号；填入没有“批准文号”的行，并印在标题下', 'approval document number for rows without one; printed under the title'))
    .option('--title <标题>', L('公告标题（默认“{批准机关}关于乡村道路命名的公告”）', 'title (default: “{authority}关于乡村道路命名的公告”)'))
    .option('--template <模板>', L('公告列：full（常用完整表，默认）、minimum（法定最低六项）或模板 JSON 文件', 'columns: full (default), minimum (the legal six) or a template JSON file'))
    .option('-p, --profile <配置>', L('规则配置（同 diming check）；可重复', 'rule profile (as in diming check); repeatable'), b.collect, [] as string[])
    .option('--rule <规则=级别>', L('本次运行改变某条规则的级别，如 announce-deadline=warning；可重复', 'override one rule for this run, e.g. announce-deadline=warning; repeatable'), b.collect, [] as string[])
    .option('-g, --gazetteer <文件>', L('已有标准地名，用于查重名、同音；可重复', 'existing standard names for duplicates and homophones; repeatable'), b.collect, [] as string[])
    .addOption(new Option('-t, --type <类型>', L('没有“类别”列时的地名类型', 'entity type when there is no 类别/type column'))
      .choices(ENTITY_TYPES))
    .option('--sheet <工作表>', L('XLSX 的工作表名称或序号', 'XLSX sheet name or number'))
    .option('--encoding <编码>', L('CSV 的编码（默认自动识别）', 'CSV encoding (default: detect)'), encodingArg)
    .option('--crs <坐标系>', L('输入坐标的坐标系（默认自动判断），如 EPSG:4528', 'CRS of the input coordinates (default: detect), e.g. EPSG:4528'))
    .option('--force', L('有错误的行也生成（保留并在“备注”栏标出“未通过审查”），退出码仍为 1', 'write rows with errors too, marked 未通过审查 in a 备注 column (exit code still 1)'));
  dbfEncodingOption(announce);
  nameColumnOption(announce);
  builtUpOption(announce);
  b.common(announce);
  announce.addHelpText('after', () => L(
    `
每行的内容：
  罗马字母拼写  表中有“拼音”列时采用该列，否则按地名拼写规则生成带调拼音
  所属政区      按区划代码或省/市/县/乡镇/村列解析出的标准政区名称
  位置描述      表中的“位置描述”列；没有时按起点、止点（或几何的两端）生成，如“西起幸福路，东至和谐路”
  长度          表中的“长度”列；没有时按几何计算（大地线长度）
生成前按所选配置审查全部规则，并强制检查公告必备内容（announce-fields）、批准机关（approval-authority）
和备案、公告期限。有“错误”的行：不生成公告，列出问题，退出码 1；加 --force 则照常生成，问题行在“备注”栏标出。

模板 JSON：{"columns": ["seq", "标准名称", {"key": "pinyin", "header": "汉语拼音", "width": 24}, "extra:备注"]}
可用的列：seq 序号、name 标准名称、pinyin 罗马字母拼写、admin_path 所属政区、location_desc 位置描述、length_m 长度(米)、
  width_m 宽度(米)、orientation 走向、naming_reason 命名含义、approval_body 批准机关、approval_no 批准文号、
  approval_date 批准时间、common_name 俗称、pinyin_sign 标志拼音、type 类别、start 起点、end 止点、via 途经、
  attachment 附图、township 乡镇（街道）、village 村（社区）、admin_code 区划代码、place_code 地名代码、applicant 申报单位、
  grade 道路等级、old_name 曾用名、filing_date 备案时间、announce_date 公告时间、remark 备注；
  输入表中的其他列写作 "extra:列名"。

示例：
  diming announce 道路.csv --authority 广饶县人民政府 --date 2024-03-01 -o 公告.docx
  diming announce 道路.xlsx --doc-no "广政字〔2024〕12号" -o 公告.xlsx --template minimum
  diming announce 道路.geojson --format html -o 公告.html
  diming announce 道路.csv --format md > 公告.md
  diming announce 道路.csv -o 公告稿.docx --force        问题行保留并标出，供核对

退出码：0 已生成；1 有“错误”级别的问题（未生成，或按 --force 生成）；2 用法或输入有误（不生成文件）。`,
    `
Row contents: 罗马字母拼写 from a 拼音 column, else the tone-marked place-name pinyin; 所属政区 from the resolved
division; 位置描述 from the table, else from the start/end points (or the ends of the geometry); 长度 from the table,
else the geodesic length of the geometry.
All rules of the profile run first, with announce-fields always on, plus approval-authority and the filing and
announcement deadlines. Rows with errors: nothing is written, the findings are listed and the exit code is 1;
with --force the announcement is written and those rows are marked in a 备注 column.

Template JSON: {"columns": ["seq", "标准名称", {"key": "pinyin", "header": "汉语拼音", "width": 24}, "extra:备注"]}
Columns: seq, name, pinyin, admin_path, location_desc, length_m, width_m, orientation, naming_reason, approval_body,
  approval_no, approval_date, common_name, pinyin_sign, type, start, end, via, attachment, township, village,
  admin_code, place_code, applicant, grade, old_name, filing_date, announce_date, remark; other input columns
  are written "extra:<header>".

Examples:
  diming announce roads.csv --authority 广饶县人民政府 --date 2024-03-01 -o announcement.docx
  diming announce roads.xlsx --doc-no "广政字〔2024〕12号" -o announcement.xlsx --template minimum
  diming announce roads.geojson --format html -o announcement.html
  diming announce roads.csv -o draft.docx --force

Exit codes: 0 written; 1 error-severity findings (not written, or written with --force); 2 usage or input error.`,
  ));
  announce.action(async (file: string, _opts: Record<string, unknown>, cmd: Command) => {
    const m = await import('../commands/announce.js');
    // With globals: -q/--quiet is also a program option, which commander gives to the program wherever it stands.
    process.exitCode = await m.runAnnounceCommand(file, cmd.optsWithGlobals() as unknown as import('../commands/announce.js').AnnounceCliOptions);
  });
}
