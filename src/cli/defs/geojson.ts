import { type Command, Option } from 'commander';
import { ENTITY_TYPES } from '../../name/types.js';
import { L } from '../lang.js';
import type { Builder } from './builder.js';
import { dbfEncodingOption, encodingArg } from './encodings.js';
import { nameColumnOption } from './name-column.js';
import { builtUpOption } from './built-up.js';

/** `diming geojson`: options and help; the work is in ../commands/geojson.ts, loaded only when the command runs. */
export function define(program: Command, b: Builder): void {
  const cmd = b.configure(program.command('geojson'))
    .description(L(
      '生成采集上图用的 GeoJSON（或 GeoJSONSeq、Shapefile、KML）：CGCS2000 经纬度，附拼音、位置描述、长度、走向和审查结果',
      'write map-publication GeoJSON (or GeoJSONSeq, Shapefile, KML): CGCS2000 lon/lat with pinyin, location, length, orientation and check results',
    ))
    .argument('<文件>', L('拟命名表格（含 WKT 或坐标列的 CSV/XLSX）、GeoJSON、Shapefile 或 KML/KMZ/奥维 .ovkml', 'proposal table (CSV/XLSX with a WKT or coordinate columns), GeoJSON, Shapefile or KML/KMZ/.ovkml'))
    .option('-o, --output <文件>', L('输出文件；格式按扩展名（.geojson、.geojsons、.shp、.kml）；- 或不给表示输出到屏幕（Shapefile 除外）', 'output file; format from the extension (.geojson, .geojsons, .shp, .kml); - or none for standard output (not for Shapefile)'))
    .addOption(new Option('--format <格式>', L('输出格式（默认按 -o 的扩展名，否则 geojson）', 'output format (default: from the -o extension, else geojson)')).choices(['geojson', 'geojsonseq', 'shp', 'kml']))
    .option('--crs <坐标系>', L('输入几何的坐标系：EPSG:4490、EPSG:4326、EPSG:4491–4554（高斯-克吕格）、gcj02、bd09 或 auto；默认按 .prj/文件声明，否则按数值判断。没有 .prj 的 Shapefile 必须指定', 'coordinate system of the input geometry: EPSG:4490, EPSG:4326, EPSG:4491–4554 (Gauss-Kruger), gcj02, bd09 or auto; default: as the .prj/file states, else detected. Required for a Shapefile without .prj'))
    .option('--to <坐标系>', L('输出坐标系：默认 EPSG:4490（CGCS2000 经纬度）；gcj02/bd09 只生成标明“预览”的互联网地图预览数据，不能作为正式数据', 'output coordinates: EPSG:4490 (CGCS2000 lon/lat, default); gcj02/bd09 write clearly labelled previews for web maps, never the published dataset'))
    .option('--precision <位数>', L('坐标小数位数，1–7（默认 7，约 1 厘米；RFC 7946 建议不超过 7 位）', 'decimals of coordinates, 1–7 (default 7, about 1 cm)'))
    .option('--boundaries <文件>', L('乡镇边界面图层（GeoJSON/SHP/KML，含区划代码或乡镇名称），检查道路是否在所属乡镇内', 'township polygons (GeoJSON/SHP/KML with division codes or names): is each road inside its township?'))
    .option('-p, --profile <配置>', L('审查用的规则配置：national（默认）、内置地方配置名、JSON 文件或 auto；可重复', 'rule profile for the check: national (default), a built-in overlay, a JSON file, or auto; repeatable'), b.collect, [] as string[])
    .option('--rule <规则=级别>', L('本次运行改变某条规则的级别，如 homophone=error；可重复', 'override one rule for this run, e.g. homophone=error; repeatable'), b.collect, [] as string[])
    .option('-g, --gazetteer <文件>', L('已有标准地名（CSV/XLSX/GeoJSON/SHP），用于查重名、同音及附近重名；可重复', 'existing standard names (CSV/XLSX/GeoJSON/SHP) for duplicates, homophones and nearby duplicates; repeatable'), b.collect, [] as string[])
    .addOption(new Option('-t, --type <类型>', L('没有“类别”列时的地名类型', 'entity type when there is no 类别/type column'))
      .choices(ENTITY_TYPES))
    .option('--sheet <工作表>', L('XLSX 的工作表名称或序号', 'XLSX sheet name or number'))
    .option('--encoding <编码>', L('CSV 的编码（默认自动识别）', 'CSV encoding (default: detect)'), encodingArg)
    .option('--no-check', L('只转换几何，不审查名称、不生成拼音（大表格 CSV 走流式快速转换）', 'convert the geometry only: no name check, no pinyin (large CSV tables are streamed)'))
    .option('--skip-errors', L('有“错误”的记录不写出，其余记录照常写出（退出码仍为 1）', 'leave out records with error-severity findings and write the rest (exit code still 1)'))
    .option('--force', L('有“错误”也全部写出：几何不可用的记录写为空几何，审查结果在 validation 属性中（退出码仍为 1）', 'write every record despite errors: unusable geometry becomes null, findings are in the validation property (exit code still 1)'))
    .option('-v, --verbose', L('也显示“提示”级别的审查结果', 'also show info-level findings'));
  dbfEncodingOption(cmd);
  nameColumnOption(cmd);
  builtUpOption(cmd);
  b.common(cmd);
  cmd.addHelpText('after', L(
    `
示例：
  diming geojson 道路.csv -o 道路.geojson                        表格含 WKT 列，坐标系自动判断（如高斯-克吕格第 40 带）
  diming geojson 道路.shp --crs EPSG:4528 -o 道路.geojson         没有 .prj 的 Shapefile：必须指定坐标系
  diming geojson 道路.xlsx -g 标准地名录.csv --boundaries 乡镇界.shp -o 道路.geojson
  diming geojson 道路.geojson -o 道路.shp                         导出 Shapefile（UTF-8，附 .prj、.cpg）
  diming geojson 奥维导出.ovkml --crs gcj02 -o 道路.kml            明确把 GCJ-02（加偏）坐标转换为 CGCS2000
  diming geojson 道路.csv --to gcj02 -o 预览.geojson               只供互联网地图预览的 GCJ-02 数据（标明“预览”）
  diming geojson 村道.csv --no-check -o 村道.geojsons              只转换几何（大表格流式转换）

输出：RFC 7946 GeoJSON，坐标为 CGCS2000 经纬度（视为与 WGS84 兼容），最多 7 位小数；每条道路附标准名称、专名、通名、
拼音（罗马字母拼写、标志拼音）、所属政区、位置描述、起止点、长度（length_source 说明来自表格还是几何）、宽度、走向、
命名含义、审批字段、所用配置和审查结果（validation_summary、validation），输入表中其他列原样保留。

有“错误”级别问题时的处理（默认拒绝导出）：
  默认          不写出任何文件，列出问题，退出码 1 —— 避免把有错误或缺漏的数据当作完整成果上报；
  --skip-errors 只写出没有“错误”的记录，并列出未写出的记录，退出码 1；
  --force       全部写出（几何不可用的记录写为空几何），审查结果写在每个要素的 validation 属性中，退出码 1。
“警告”和“提示”不影响导出。写出过程中出错时不会留下写了一半的文件。

退出码：0 已写出且没有“错误”；1 有“错误”级别的问题；2 用法或输入有误（不写出文件）。`,
    `
Examples:
  diming geojson roads.csv -o roads.geojson                    a WKT column; the CRS is detected (e.g. Gauss-Kruger zone 40)
  diming geojson roads.shp --crs EPSG:4528 -o roads.geojson    a Shapefile without .prj needs --crs
  diming geojson roads.xlsx -g existing.csv --boundaries townships.shp -o roads.geojson
  diming geojson roads.geojson -o roads.shp                    Shapefile (UTF-8, with .prj and .cpg)
  diming geojson export.ovkml --crs gcj02 -o roads.kml         convert GCJ-02 (offset) coordinates explicitly
  diming geojson roads.csv --to gcj02 -o preview.geojson       a labelled GCJ-02 preview for web maps only
  diming geojson roads.csv --no-check -o roads.geojsons        geometry only (large tables are streamed)

Error-severity findings (default: refuse): nothing is written and exit code 1; --skip-errors writes the records
without errors (exit 1); --force writes everything with the findings in each feature's validation (exit 1).
Warnings and infos do not stop the export. Nothing half-written is left behind on failure.

Exit codes: 0 written, no errors; 1 error-severity findings; 2 usage or input error (nothing written).`,
  ));
  cmd.action(async (file: string, _opts: Record<string, unknown>, self: Command) => {
    const m = await import('../commands/geojson.js');
    // With globals: -q/--quiet anywhere on the line is parsed by the program.
    process.exitCode = await m.runGeoJsonCommand(file, self.optsWithGlobals() as unknown as import('../commands/geojson.js').GeoJsonCliOptions);
  });
}
