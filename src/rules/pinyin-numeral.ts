import { txt } from '../core/text.js';
import type { Rule } from './types.js';
import { columnLabel, expectedForm, suppliedValues } from './util/pinyin.js';

interface Options {
  ordinals: 'digits' | 'spelled';
}

/** rules.md §9 `pinyin-numeral`: ordinals as Arabic digits, other numbers spelled. */
export const pinyinNumeral: Rule<Options> = {
  meta: {
    id: 'pinyin-numeral',
    alias: 'R-PINYIN-NUMERAL',
    group: 'pinyin',
    severity: 'warning',
    description: txt('街巷名称中的序数用阿拉伯数字，其他数词用拼音拼写', 'ordinals in street names are Arabic digits; other numbers are spelled'),
    basis: txt('1984年拼写规则第6、7条', '1984 rules 6 and 7'),
    fix: txt('序数写作单独的阿拉伯数字（第N写作 Dì-N）；纪念日和地名中的数词用拼音拼写', 'write an ordinal as a separate digit token (第N as Dì-N); spell commemorative numbers and numerals inside place words'),
    options: { ordinals: 'digits' },
  },
  check(ctx) {
    const { rec } = ctx;
    const mode = ctx.options.ordinals === 'spelled' ? 'spelled' : 'digits';
    const ord = rec.parsed.ordinal;
    for (const sup of suppliedValues(rec)) {
      const label = columnLabel(sup);
      const problems: { zh: string; en: string }[] = [];
      const glued = sup.words.filter((w) => w.split('-').some((p) => /\d/.test(p) && /[A-Za-zÀ-ɏ]/.test(p)));
      if (glued.length) problems.push({ zh: `数字与字母连在一起（「${glued.join('」「')}」）`, en: `digits glued to letters (${glued.join(', ')})` });
      const digitRuns = (sup.text.match(/\d+/g) ?? []).map(Number);
      const exp = expectedForm(rec, 'digits');
      const expNums = exp ? exp.syllables.filter((s) => s.num !== undefined).map((s) => s.num!) : [];
      if (mode === 'digits') {
        if (ord && !/[0-9]/.test(ord.text) && !digitRuns.includes(ord.value)) {
          problems.push({ zh: `序数「${ord.text.replace(/号$/, '')}」应写作阿拉伯数字 ${ord.di ? `Dì-${ord.value}` : ord.value}`, en: `the ordinal "${ord.text}" is written as ${ord.di ? `Dì-${ord.value}` : ord.value}` });
        }
        const extra = digitRuns.filter((n) => !expNums.includes(n));
        if (extra.length && exp) problems.push({ zh: `「${extra.join('、')}」不是序数或代码，应按读音拼写（如纪念日、地名中的数词）`, en: `${extra.join(', ')} ${extra.length > 1 ? 'are' : 'is'} not an ordinal or code and should be spelled` });
      } else if (digitRuns.length && ord && digitRuns.includes(ord.value)) {
        problems.push({ zh: '本地规定序数用拼音拼写，不用阿拉伯数字', en: 'the local rule spells ordinals out instead of digits' });
      }
      if (problems.length) {
        ctx.report(txt(`${label.zh}「${sup.raw}」数字写法不当：${problems.map((p) => p.zh).join('；')}`, `the ${label.en} "${sup.raw}": ${problems.map((p) => p.en).join('; ')}`));
      }
    }
  },
};
