import { type Lang, getLang } from '../core/text.js';

/** The language asked for on the command line (--lang en / --lang=en) or in DIMING_LANG; Chinese by default. */
export function langFromArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang' && argv[i + 1]) return argv[i + 1].toLowerCase().startsWith('en') ? 'en' : 'zh';
    if (a.startsWith('--lang=')) return a.slice(7).toLowerCase().startsWith('en') ? 'en' : 'zh';
  }
  const env = process.env.DIMING_LANG;
  return env && env.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** Pick Chinese or English text for help and messages built in the CLI. */
export function L(zh: string, en: string): string {
  return getLang() === 'en' ? en : zh;
}
