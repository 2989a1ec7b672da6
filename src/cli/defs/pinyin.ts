import { type Command, Option } from 'commander';
import { ENTITY_TYPES } from '../../name/types.js';
import { L } from '../lang.js';
import type { Builder } from './builder.js';
import { encodingArg } from './encodings.js';
import { nameColumnOption } from './name-column.js';

/** `diming pinyin`: options and help; the work is in ../commands/pinyin.ts, loaded only when the command runs. */
export function define(program: Command, b: Builder): void {
  const pinyin = b.configure(program.command('pinyin'))
    .description(L('按《中国地名汉语拼音字母拼写规则》生成地名拼音（公告用、数据用、标志用三种形式）', 'spell place names in pinyin by the official place-name orthography (announcement, plain and sign forms)'))
    .argument('[名称...]', L('要拼写的地名（也可用 --input 读表格）', 'names to spell (or read a table with --input)'))
    .option('-i, --input <文件>', L('从 CSV/XLSX 表格读取名称（- 表示标准输入）', 'read names from a CSV/XLSX table (- for standard input)'))
    .option('--sheet <工作表>', L('XLSX 的工作表名称或序号（默认第一个）', 'XLSX sheet name or number (default: the first)'))
    .option('--encoding <编码>', L('CSV 的编码（默认自动识别 UTF-8/GBK）', 'CSV encoding (default: detect UTF-8/GBK)'), encodingArg)
    .addOption(new Option('-t, --type <类型>', L('地名类型，决定分词连写', 'entity type; it decides word division'))
      .choices(ENTITY_TYPES)
      .default('road'))
    .option('-r, --region <代码或名称>', L('所在地（区划代码前缀或名称，如 37、山东、广饶县），用于地方读音', 'where the places are (code prefix or name, e.g. 37, 山东, 广饶县) for local readings'))
    .option('--readings <文件>', L('补充读音词典（每行：名称<TAB>区划代码<TAB>带调拼音），可重复', 'extra reading dictionary (name<TAB>region<TAB>syllables per line); repeatable'), b.collect, [] as string[])
    .addOption(new Option('--ordinals <方式>', L('道路序数写法：digits（阿拉伯数字，默认，依1984年规则）或 spelled（拼写）', 'ordinals in street names: digits (default, 1984 rule 7) or spelled')).choices(['digits', 'spelled']).default('digits'))
    .addOption(new Option('-f, --format <格式>', L('输出格式', 'output format')).choices(['text', 'json', 'csv']).default('text'))
    .option('-o, --output <文件>', L('写入文件（默认输出到屏幕）', 'write to a file (default: standard output)'));
  nameColumnOption(pinyin);
  b.common(pinyin);
  pinyin.addHelpText('after', L(
    `
类型（--type 或表格中的“类别”列）：
  road 街路巷（默认）  village 村庄（连写）  town 集镇（连写）  township 乡镇街道
  county 县  district 区  city 市  province 省  area 片区（连写）
  natural 山河湖岛  structure 桥梁车站广场水库建筑  scenic 景区

示例：
  diming pinyin 幸福东路 金港一街 西安路
  diming pinyin 王家堡路 --region 11
  diming pinyin --input 道路.xlsx --format csv -o 拼音.csv
  diming pinyin 旧县 --type town

表格中的“拼音”列会原样采用；“读音”列（审定读音）优先于词典。`,
    `
Types (--type or a 类别/type column): road (default), village, town, township, county, district, city,
province, area, natural, structure, scenic.

Examples:
  diming pinyin 幸福东路 金港一街 西安路
  diming pinyin 王家堡路 --region 11
  diming pinyin --input roads.xlsx --format csv -o pinyin.csv

A 拼音 column in the table is taken as given; a 读音 (confirmed reading) column wins over the dictionary.`,
  ));
  pinyin.action(async (names: string[], _opts: Record<string, unknown>, self: Command) => {
    // Global options (-q, --lang) may stand before or after the command name.
    const opts = self.optsWithGlobals();
    const m = await import('../commands/pinyin.js');
    process.exitCode = await m.runPinyin(names, opts as unknown as import('../commands/pinyin.js').PinyinOptions);
  });
}
