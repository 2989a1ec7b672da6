import { Command, CommanderError, Help, Option } from 'commander';
import { DimingError } from '../core/errors.js';
import { setLang, txt } from '../core/text.js';
import { L, langFromArgv } from './lang.js';
import type { Builder } from './defs/builder.js';
import { define as announceCommand } from './defs/announce.js';
import { define as checkCommand } from './defs/check.js';
import { define as geojsonCommand } from './defs/geojson.js';
import { define as pinyinCommand } from './defs/pinyin.js';
import { define as rulesCommand } from './defs/rules.js';
import { define as runCommand } from './defs/run.js';
import { define as signsCommand } from './defs/signs.js';
import { printError } from './report.js';

/** The commands, in the order `diming --help` lists them. */
const COMMANDS = [pinyinCommand, checkCommand, geojsonCommand, announceCommand, signsCommand, runCommand, rulesCommand];

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

  const builder: Builder = { configure, common, collect };
  // One module per command; add new commands to COMMANDS (src/cli/defs/<name>.ts).
  for (const define of COMMANDS) define(program, builder);
  return program;
}

function collect(value: string, previous: string[]): string[] {
  return previous.concat([value]);
}

/** Entry point used by bin/diming.js. */
export async function main(argv: string[]): Promise<void> {
  setLang(langFromArgv(argv));
  quietOnClosedPipe();
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

/**
 * `diming rules | head` closes the pipe before we finish writing: the reader has what it wanted, so stop quietly
 * (as other command-line tools do) instead of printing Node's EPIPE stack trace.
 */
function quietOnClosedPipe(): void {
  if (process.stdout.listenerCount('error')) return;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw e;
  });
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
