import { txt } from '../core/text.js';
import type { Rule } from './types.js';
import { alignSyllables, suppliedReadings } from './util/pinyin.js';

/** rules.md §9 `pinyin-erhua`: r only where 儿 is written. */
export const pinyinErhua: Rule = {
  meta: {
    id: 'pinyin-erhua',
    alias: 'R-PINYIN-ERHUA',
    group: 'pinyin',
    severity: 'error',
    description: txt('写出“儿”字的儿化音在前一音节后加 r；未写“儿”字的不加', 'a written 儿 is an r on the previous syllable; no r where 儿 is not written'),
    basis: txt('1984年拼写规则第12条', '1984 rule 12'),
    fix: txt('「花儿巷」拼作 Huār Xiàng；名称中没有「儿」字就不加 r', 'spell 花儿巷 as Huār Xiàng; add no r where the name has no 儿'),
  },
  check(ctx) {
    const { rec } = ctx;
    for (const { sup, exp, syl, label } of suppliedReadings(rec)) {
      for (const d of alignSyllables(exp.syllables, syl, false)) {
        if (d.kind === 'er-split') {
          ctx.report(txt(
            `${label.zh}「${sup.raw}」把儿化的「儿」拼成了单独的音节「${d.sup!.text}${d.er!.text}」，应拼作「${d.exp!.syl}」`,
            `the ${label.en} "${sup.raw}" spells the 儿 of erhua as a separate syllable ("${d.sup!.text}${d.er!.text}"); write "${d.exp!.syl}"`,
          ));
        } else if (d.kind === 'er-added') {
          ctx.report(txt(
            `${label.zh}「${sup.raw}」中的「${d.sup!.text}」加了儿化 r，但名称中没有写「儿」字`,
            `the ${label.en} "${sup.raw}" adds an erhua r ("${d.sup!.text}") where the name has no 儿`,
          ));
        }
      }
    }
  },
};
