import { txt } from '../core/text.js';
import { isHan } from '../name/normalize.js';
import { optionSet } from './util/options.js';
import type { Rule } from './types.js';

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
    if (bad.length) {
      ctx.report(txt(
        `「${bad.join('」「')}」不在《通用规范汉字表》中`,
        `${bad.map((c) => `"${c}"`).join(', ')} ${bad.length > 1 ? 'are' : 'is'} not in the table of standard characters`,
      ));
    }
  },
};
