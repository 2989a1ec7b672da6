import { Command, CommanderError, Help, Option } from 'commander';
import { DimingError } from '../core/errors.js';
import { setLang, txt } from '../core/text.js';
import { L, langFromArgv } from './lang.js';
import { printError } from './report.js';

export const VERSION = '0.1.0';

/** Exit codes: 0 fine, 1 findings at error severity, 2 usage or input error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Options every command accepts, wherever they stand on the command line. */
function common(cmd: Command): Command {
  return cmd
    .addOption(new Option('--lang <lang>', L('界面语言：zh（中文，默认）或 en', 'language of messages: zh (default) or en')).choices(['zh', 'en']))
    .option('--debug', L('出错时显示程序内部的调用栈', 'show stack traces on errors'))
    .option('-q, --quiet', L('不显示进度', 'no progress display'));
}

class LocalHelp extends Help {
  override commandUsage(cmd: Command): string {
    return L(super.commandUsage(cmd).replace('[options]', '[选项]').replace('[command]', '[命令]'), super.commandUsage(cmd));
  }

  override subcommandTerm(cmd: Command): string {
    return L(super.subcommandTerm(cmd).replace('[options]', '[选项]'), super.subcommandTerm(cmd));
  }

  override optionDescription(option: Option): string {
    if (L('zh', 'en') === 'en') return super.optionDescription(option);
    const extra: string[] = [];
    if (option.argChoices) extra.push(`可选：${option.argChoices.join('、')}`);
    if (option.defaultValue !== undefined && !(Array.isArray(option.defaultValue) && option.defaultValue.length === 0)) {
      extra.push(`默认：${String(option.defaultValue)}`);
    }
    return extra.length ? `${option.description}（${extra.join('；')}）` : option.description;
  }

  override styleTitle(str: string): string {
    const zh: Record<string, string> = { 'Usage:': '用法：', 'Arguments:': '参数：', 'Options:': '选项：', 'Commands:': '命令：', 'Global Options:': '全局选项：' };
    return L(zh[str] ?? str, str);
  }
}

function configure(cmd: Command): Command {
  cmd.createHelp = () => Object.assign(new LocalHelp(), cmd.configureHelp());
  cmd.helpOption('-h, --help', L('显示帮助', 'show help'));
  cmd.exitOverride();
  cmd.configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  return cmd;
}

export function buildProgram(): Command {
  const program = configure(new Command('diming'));
  program
    .description(L(
      'diming（地名）：乡村道路命名的审查、地名拼音、上图数据、备案公告与地名标志工具',
      'diming: checks, romanises and publishes village road names (pinyin, map data, announcements, signs)',
    ))
    .version(VERSION, '-V, --version', L('显示版本号', 'show the version'))
    .helpCommand('help [命令]', L('显示某个命令的帮助', 'show help for a command'))
    .showHelpAfterError(false);
  common(program);
  program.addHelpText('after', L(
    `
示例：
  diming pinyin 幸福东路 槐荫一巷             按地名拼写规则生成拼音
  diming pinyin --input 道路.csv -o 拼音.csv   为整张表生成拼音
  diming pinyin 单县 --type county --region 37  行政区划名称，按山东读音
  diming <命令> --help                          查看某个命令的说明

退出码：0 正常；1 有“错误”级别的问题；2 命令用法或输入文件有误。`,
    `
Examples:
  diming pinyin 幸福东路 槐荫一巷             spell names by the place-name rules
  diming pinyin --input roads.csv -o out.csv   add pinyin to a whole table
  diming pinyin 单县 --type county --region 37  a county name, Shandong readings
  diming <command> --help                      help for one command

Exit codes: 0 fine; 1 findings at error severity; 2 usage or input error.`,
  ));

  const pinyin = configure(program.command('pinyin'))
    .description(L('按《中国地名汉语拼音字母拼写规则》生成地名拼音（公告用、数据用、标志用三种形式）', 'spell place names in pinyin by the official place-name orthography (announcement, plain and sign forms)'))
    .argument('[名称...]', L('要拼写的地名（也可用 --input 读表格）', 'names to spell (or read a table with --input)'))
    .option('-i, --input <文件>', L('从 CSV/XLSX 表格读取名称（- 表示标准输入）', 'read names from a CSV/XLSX table (- for standard input)'))
    .option('--column <列名>', L('名称所在的列（默认自动识别“名称”列）', 'the column with the names (default: the 名称/name column)'))
    .option('--sheet <工作表>', L('XLSX 的工作表名称或序号（默认第一个）', 'XLSX sheet name or number (default: the first)'))
    .option('--encoding <编码>', L('CSV 的编码（默认自动识别 UTF-8/GBK）', 'CSV encoding (default: detect UTF-8/GBK)'))
    .addOption(new Option('-t, --type <类型>', L('地名类型，决定分词连写', 'entity type; it decides word division'))
      .choices(['road', 'village', 'town', 'township', 'county', 'district', 'city', 'province', 'area', 'natural', 'structure', 'scenic'])
      .default('road'))
    .option('-r, --region <代码或名称>', L('所在地（区划代码前缀或名称，如 37、山东、广饶县），用于地方读音', 'where the places are (code prefix or name, e.g. 37, 山东, 广饶县) for local readings'))
    .option('--readings <文件>', L('补充读音词典（每行：名称<TAB>区划代码<TAB>带调拼音），可重复', 'extra reading dictionary (name<TAB>region<TAB>syllables per line); repeatable'), collect, [] as string[])
    .addOption(new Option('--ordinals <方式>', L('道路序数写法：digits（阿拉伯数字，默认，依1984年规则）或 spelled（拼写）', 'ordinals in street names: digits (default, 1984 rule 7) or spelled')).choices(['digits', 'spelled']).default('digits'))
    .addOption(new Option('-f, --format <格式>', L('输出格式', 'output format')).choices(['text', 'json', 'csv']).default('text'))
    .option('-o, --output <文件>', L('写入文件（默认输出到屏幕）', 'write to a file (default: standard output)'));
  common(pinyin);
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
  pinyin.action(async (names: string[], opts: Record<string, unknown>) => {
    const m = await import('./commands/pinyin.js');
    process.exitCode = await m.runPinyin(names, opts as unknown as import('./commands/pinyin.js').PinyinOptions);
  });
  const check = configure(program.command('check'))
    .description(L('按《地名管理条例》、实施办法和本地规范审查拟命名名称（含重名、同音）', 'check proposed names against the law, local guidelines and existing names (duplicates, homophones)'))
    .argument('<文件>', L('拟命名表格（CSV/XLSX）、GeoJSON、Shapefile 或 KML/KMZ；- 表示标准输入', 'proposal table (CSV/XLSX), GeoJSON, Shapefile or KML/KMZ; - for standard input'))
    .option('-p, --profile <配置>', L('规则配置：national（默认）、内置地方配置名、JSON 文件路径，或 auto（按区划代码自动选择）；可重复', 'rule profile: national (default), a built-in overlay, a JSON file, or auto; repeatable'), collect, [] as string[])
    .option('--rule <规则=级别>', L('本次运行改变某条规则的级别，如 homophone=error；可重复', 'override one rule for this run, e.g. homophone=error; repeatable'), collect, [] as string[])
    .option('-g, --gazetteer <文件>', L('已有标准地名（CSV/XLSX/GeoJSON/SHP），用于查重名、同音；可重复', 'existing standard names (CSV/XLSX/GeoJSON/SHP) for duplicates and homophones; repeatable'), collect, [] as string[])
    .addOption(new Option('-t, --type <类型>', L('没有“类别”列时的地名类型', 'entity type when there is no 类别/type column'))
      .choices(['road', 'village', 'town', 'township', 'county', 'district', 'city', 'province', 'area', 'natural', 'structure', 'scenic']))
    .option('--sheet <工作表>', L('XLSX 的工作表名称或序号', 'XLSX sheet name or number'))
    .option('--encoding <编码>', L('CSV 的编码（默认自动识别）', 'CSV encoding (default: detect)'))
    .addOption(new Option('-f, --format <格式>', L('输出格式', 'output format')).choices(['text', 'json', 'csv', 'html']).default('text'))
    .option('-o, --output <文件>', L('写入文件（默认输出到屏幕）', 'write to a file (default: standard output)'))
    .option('-v, --verbose', L('屏幕输出中也显示“提示”级别', 'also show info-level findings in the terminal'))
    .option('--max-warnings <数量>', L('警告超过此数量时退出码为 1', 'exit with 1 when there are more warnings than this'));
  common(check);
  check.addHelpText('after', L(
    `
示例：
  diming check 道路.xlsx
  diming check 道路.csv --gazetteer 标准地名录.csv --format html -o 审查报告.html
  diming check 道路.csv --profile dongying-village --rule homophone=error
  diming check 道路.geojson --profile auto --format json

退出码：0 没有“错误”；1 有“错误”级别的问题；2 用法或输入有误。`,
    `
Examples:
  diming check roads.xlsx
  diming check roads.csv --gazetteer existing.csv --format html -o report.html
  diming check roads.csv --profile dongying-village --rule homophone=error

Exit codes: 0 no errors; 1 error-severity findings; 2 usage or input error.`,
  ));
  check.action(async (file: string, opts: Record<string, unknown>) => {
    const m = await import('./commands/check.js');
    process.exitCode = await m.runCheckCommand(file, opts as unknown as import('./commands/check.js').CheckCliOptions);
  });

  const rules = configure(program.command('rules'))
    .description(L('列出全部规则及其在所选配置中的级别和依据', 'list every rule with its severity in a profile and its basis'))
    .option('-p, --profile <配置>', L('规则配置（默认 national）；可重复', 'rule profile (default national); repeatable'), collect, [] as string[])
    .addOption(new Option('-f, --format <格式>', L('输出格式', 'output format')).choices(['text', 'json', 'csv']).default('text'))
    .option('-o, --output <文件>', L('写入文件', 'write to a file'));
  common(rules);
  rules.action(async (opts: Record<string, unknown>) => {
    const m = await import('./commands/rules.js');
    process.exitCode = await m.runRulesCommand(opts as unknown as import('./commands/rules.js').RulesCliOptions);
  });
  return program;
}

function collect(value: string, previous: string[]): string[] {
  return previous.concat([value]);
}

/** Entry point used by bin/diming.js. */
export async function main(argv: string[]): Promise<void> {
  setLang(langFromArgv(argv));
  const debug = argv.includes('--debug');
  const program = buildProgram();
  try {
    if (argv.length <= 2) {
      process.stdout.write(program.helpInformation());
      process.exitCode = EXIT.ok;
      return;
    }
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') {
        process.exitCode = EXIT.ok;
        return;
      }
      printError(new DimingError('usage', commanderText(e), { hint: txt('用 diming --help 或 diming <命令> --help 查看用法。', 'See diming --help or diming <command> --help.') }), debug);
      process.exitCode = EXIT.usage;
      return;
    }
    printError(e, debug);
    process.exitCode = EXIT.usage;
  }
}

/** Commander's English messages, in the user's language. */
function commanderText(e: CommanderError): { zh: string; en: string } {
  const msg = e.message.replace(/^error:\s*/, '');
  const q = /'([^']+)'/.exec(msg)?.[1] ?? '';
  switch (e.code) {
    case 'commander.unknownOption':
      return txt(`不认识的选项 ${q}`, msg);
    case 'commander.unknownCommand':
      return txt(`没有「${q}」这个命令`, msg);
    case 'commander.missingArgument':
      return txt(`缺少参数 ${q}`, msg);
    case 'commander.optionMissingArgument':
      return txt(`选项 ${q} 后面缺少值`, msg);
    case 'commander.missingMandatoryOptionValue':
      return txt(`必须给出选项 ${q}`, msg);
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.+)\./.exec(msg)?.[1];
      const val = /argument '([^']+)' is invalid/.exec(msg)?.[1] ?? '';
      return txt(`选项 ${q} 的值「${val}」无效${choices ? `，可选：${choices}` : ''}`, msg);
    }
    case 'commander.excessArguments':
      return txt(`参数太多：${msg}`, msg);
    default:
      return txt(`命令行有误：${msg}`, msg);
  }
}
