import { txt } from '../core/text.js';
import { isHan } from '../name/normalize.js';
import type { Rule } from './types.js';

/** rules.md §2 `han-only`: the Chinese form contains Han characters only. */
export const hanOnly: Rule = {
  meta: {
    id: 'han-only',
    alias: 'R-CHARSET-HAN',
    group: 'characters',
    severity: 'error',
    description: txt('地名的汉字形式只能用汉字', 'the Chinese form uses Han characters only'),
    basis: txt(
      '《地名管理条例》第九条第（三）项：使用国家通用语言文字；宿民发〔2024〕19号：不得使用外文字母、阿拉伯数字和标点',
      'Regulations on Place Names (2022) art. 9(3): the national common language and script; Suqian 2024 guideline: no foreign letters, Arabic numerals or punctuation',
    ),
    fix: txt('删去字母、数字、空格和标点符号；数字用汉字书写（如“二道河路”）', 'remove letters, digits, spaces and punctuation; write numbers in Chinese (e.g. 二道河路)'),
  },
  check(ctx) {
    // NFKC first, so that full-width letters and digits are seen as what they are (rules.md §0.2 step 1).
    const text = ctx.rec.name.normalize('NFKC');
    const bad: string[] = [];
    for (const ch of text) {
      if (isHan(ch)) continue;
      // Characters outside the 8105 table but Han are for standard-char / traditional-char, not this rule.
      if (!bad.includes(ch)) bad.push(ch);
    }
    if (!bad.length) return;
    const shown = bad.map((c) => (c.trim() ? c : c === ' ' ? '空格' : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`));
    ctx.report(txt(
      `名称含有非汉字字符：「${shown.join('」「')}」`,
      `the name contains non-Han characters: ${shown.map((c) => `"${c === '空格' ? 'space' : c}"`).join(', ')}`,
    ));
  },
};
