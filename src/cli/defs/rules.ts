import { type Command, Option } from 'commander';
import { L } from '../lang.js';
import type { Builder } from './builder.js';

/** `diming rules`: options and help; the work is in ../commands/rules.ts, loaded only when the command runs. */
export function define(program: Command, b: Builder): void {
  const rules = b.configure(program.command('rules'))
    .description(L('列出全部规则及其在所选配置中的级别和依据', 'list every rule with its severity in a profile and its basis'))
    .option('-p, --profile <配置>', L('规则配置（默认 national）；可重复；auto 列出各地区选用的内置配置', 'rule profile (default national); repeatable; auto lists which built-in profile each area gets'), b.collect, [] as string[])
    .addOption(new Option('-f, --format <格式>', L('输出格式', 'output format')).choices(['text', 'json', 'csv']).default('text'))
    .option('-o, --output <文件>', L('写入文件', 'write to a file'));
  b.common(rules);
  rules.action(async (_opts: Record<string, unknown>, self: Command) => {
    const opts = self.optsWithGlobals();
    const m = await import('../commands/rules.js');
    process.exitCode = await m.runRulesCommand(opts as unknown as import('../commands/rules.js').RulesCliOptions);
  });
}
