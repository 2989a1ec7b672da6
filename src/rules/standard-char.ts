import { txt } from '../core/text.js';
import { isHan } from '../name/normalize.js';
import { optionSet } from './util/options.js';
import type { Rule } from './types.js';
import { localNameWith, localScope } from './util/local-chars.js';

interface Options {
  allowChars: string[];
}

/** rules.md §2 `standard-char`: every character is in 《通用规范汉字表》. */
export const standardChar: Rule<Options> = {
  meta: {
    id: 'standard-char',
    alias: 'R-CHAR-STANDARD',
    group: 'characters',
    severity: 'error',
    description: txt('每个字都在《通用规范汉字表》内', 'every character is in the Table of General Standard Chinese Characters'),
    basis: txt(
      '《通用规范汉字表》（国务院，2013）；《地名管理条例》第九条第（三）项；1987年地名用字规定（不用自造字）',
      'Table of General Standard Chinese Characters (State Council, 2013); Regulations art. 9(3); 1987 rules on place-name characters',
    ),
    fix: txt('改用规范字；确需保留的地名用字（经读音审定）加入配置的 allowChars', 'use a standard character; an approved special character goes into the allowChars option'),
    options: { allowChars: [] },
  },
  check(ctx) {
    const allow = optionSet(ctx.options.allowChars);
    const bad: string[] = [];
    for (const ch of ctx.rec.full) {
      if (!isHan(ch) || ctx.lists.chars8105.has(ch) || allow.has(ch)) continue;
      // Traditional and variant forms that map to a standard character are reported by traditional-char.
      if (ctx.lists.tradMap.has(ch)) continue;
      if (!bad.includes(ch)) bad.push(ch);
    }
    if (!bad.length) return;
    // A character of a township or village name of the record's own county (周砦村, 程家垅村), else province, is the
    // local place names' own, which a road named after such a place keeps: checked (a reading review, then
    // allowChars), not refused.
    const unusual = (c: string) => !ctx.lists.chars8105.has(c);
    const local = bad.map((ch) => localNameWith(ctx.rec, ch, unusual));
    const hard = bad.filter((_, i) => !local[i]);
    if (hard.length) {
      ctx.report(txt(
        `「${hard.join('」「')}」不在《通用规范汉字表》中`,
        `${hard.map((c) => `"${c}"`).join(', ')} ${hard.length > 1 ? 'are' : 'is'} not in the table of standard characters`,
      ));
    }
    const soft = bad.flatMap((ch, i) => (local[i] ? [[ch, local[i]!] as const] : []));
    if (soft.length) {
      const where = localScope(soft.map(([, l]) => l));
      ctx.report(txt(
        `${soft.map(([c]) => `「${c}」`).join('')}不在《通用规范汉字表》中，但${where.zh}的已有地名${soft.map(([, l]) => `「${l.name}」`).join('')}用此字；沿用地名的可以保留（经读音审定后列入 allowChars），请核实`,
        `${soft.map(([c]) => `"${c}"`).join(', ')} ${soft.length > 1 ? 'are' : 'is'} not in the table of standard characters, but ${where.en} name${soft.length > 1 ? 's' : ''} ${soft.map(([, l]) => l.name).join(', ')} use${soft.length > 1 ? '' : 's'} it; a name that keeps a place's name may keep it (after a reading review, list it in allowChars): please check`,
      ), { soft: true });
    }
  },
};

