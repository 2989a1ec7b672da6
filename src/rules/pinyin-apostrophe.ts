import { txt } from '../core/text.js';
import type { Rule } from './types.js';
import { bestExpected, columnLabel, expectedShown, fold, lettersOf, suppliedValues } from './util/pinyin.js';

/** rules.md §9 `pinyin-apostrophe`: apostrophe before a/o/e syllables inside a word. */
export const pinyinApostrophe: Rule = {
  meta: {
    id: 'pinyin-apostrophe',
    alias: 'R-PINYIN-APOSTROPHE',
    group: 'pinyin',
    severity: 'error',
    description: txt('以 a、o、e 开头的非首音节前加隔音符号', 'an apostrophe before every non-initial a/o/e syllable of a word'),
    basis: txt('1984年拼写规则第11条；1981年复函（路牌保留隔音符号）', '1984 rule 11; 1981 reply (signs keep the apostrophe)'),
    fix: txt('在词中以 a、o、e 开头的音节前加「\'」，其他地方不加', 'put \' before each a/o/e syllable inside a word, and nowhere else'),
  },
  check(ctx) {
    const { rec } = ctx;
    for (const sup of suppliedValues(rec)) {
      const exp = bestExpected(rec, sup);
      const label = columnLabel(sup);
      const missing: string[] = [];
      const extra: string[] = [];
      if (exp && fold(lettersOf(sup.text)) === exp.stream) {
        // Syllable starts in the letter stream, from the engine.
        const starts = new Map<number, string>();
        let p = 0;
        for (const s of exp.syllables) {
          starts.set(p, s.plain);
          p += s.plain.length;
        }
        let pos = 0;
        for (const word of sup.words) {
          let wordStart = true;
          let prevApos = false;
          for (const ch of word) {
            if (ch === "'") {
              if (wordStart) extra.push(word);
              prevApos = true;
              continue;
            }
            if (!/[a-zü]/.test(fold(lettersOf(ch)))) {
              // Digits and hyphens start a new part: an a/o/e syllable after them needs no apostrophe.
              if (/[\d-]/.test(ch)) wordStart = true;
              continue;
            }
            const syl = starts.get(pos);
            if (syl !== undefined && !wordStart) {
              const aoe = /^[aoe]/.test(syl);
              if (aoe && !prevApos && !missing.includes(word)) missing.push(word);
              if (!aoe && prevApos && !extra.includes(word)) extra.push(word);
            } else if (syl === undefined && prevApos && !extra.includes(word)) extra.push(word);
            else if (wordStart && prevApos && !extra.includes(word)) extra.push(word);
            wordStart = false;
            prevApos = false;
            pos++;
          }
        }
      } else {
        // Without the engine's syllables only certain errors are reported: an apostrophe at a word start or before
        // a letter other than a, o, e.
        for (const word of sup.words) {
          if (/(^|-)'|'(?![aoeAOEāáǎàēéěèōóǒòĀÁǍÀĒÉĚÈŌÓǑÒ])/.test(word) && !extra.includes(word)) extra.push(word);
        }
      }
      if (!missing.length && !extra.length) continue;
      const want = exp ? `；应为「${expectedShown(exp, sup)}」` : '';
      const wantEn = exp ? `; expected "${expectedShown(exp, sup)}"` : '';
      const parts: { zh: string; en: string }[] = [];
      if (missing.length) parts.push({ zh: `「${missing.join('」「')}」缺少隔音符号`, en: `${missing.map((m) => `"${m}"`).join(', ')} lack${missing.length > 1 ? '' : 's'} an apostrophe` });
      if (extra.length) parts.push({ zh: `「${extra.join('」「')}」的隔音符号多余或位置不对`, en: `${extra.map((m) => `"${m}"`).join(', ')} ha${extra.length > 1 ? 've' : 's'} a needless or misplaced apostrophe` });
      ctx.report(txt(`${label.zh}「${sup.raw}」${parts.map((x) => x.zh).join('；')}${want}`, `the ${label.en} "${sup.raw}": ${parts.map((x) => x.en).join('; ')}${wantEn}`));
    }
  },
};
