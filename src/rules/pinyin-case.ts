import { txt } from '../core/text.js';
import { markTone, stripTones, toneOf } from '../pinyin/syllable.js';
import type { Rule } from './types.js';
import { bestExpected, columnLabel, suppliedSyllables, suppliedValues } from './util/pinyin.js';

const LETTER = /[A-Za-zÀ-ɏḾḿ]/;
/** Syllables that are often neutral (when the engine gives no alignment). */
const NEUTRAL = new Set(['tong', 'zi', 'tou', 'de', 'le', 'men', 'me', 'ba', 'zhe', 'li', 'shang', 'xia']);

/** rules.md §9 `pinyin-case`: capitals and tone marks fit the form. */
export const pinyinCase: Rule = {
  meta: {
    id: 'pinyin-case',
    alias: 'R-PINYIN-CASE-TONE',
    group: 'pinyin',
    severity: 'error',
    description: txt('大小写与声调符号符合所用形式', 'capitals and tone marks fit the form'),
    basis: txt('1984年拼写规则第9、10条；1981年中国地名委员会办公室关于路牌拼音的复函（全大写、不标调、保留隔音符号）', '1984 rules 9–10; 1981 reply on street-sign pinyin (capitals, no tones, apostrophe kept)'),
    fix: txt('文本形式每个词首字母大写、其余小写；标志形式全部大写、不标声调；声调要么全标、要么不标', 'text form: capitalise each word, the rest lower case; sign form: all capitals, no tone marks; mark every tone or none'),
  },
  check(ctx) {
    const { rec } = ctx;
    for (const sup of suppliedValues(rec)) {
      const label = columnLabel(sup);
      const problems: { zh: string; en: string }[] = [];
      if (sup.isSign) {
        if (sup.toned) problems.push({ zh: '全大写的标志形式不标声调', en: 'the all-capitals sign form carries no tone marks' });
      } else {
        const badWords = sup.words.filter((w) => {
          const letters = Array.from(w).filter((c) => LETTER.test(stripTones(c)));
          if (!letters.length) return false;
          const [first, ...rest] = letters;
          return first !== first.toUpperCase() || rest.some((c) => c !== c.toLowerCase());
        });
        if (badWords.length) problems.push({ zh: `「${badWords.join('」「')}」大小写不对（每个词首字母大写，其余小写）`, en: `wrong case in ${badWords.map((w) => `"${w}"`).join(', ')} (capitalise each word, the rest lower case)` });
      }
      if (sup.toned) {
        const exp = bestExpected(rec, sup);
        const syl = suppliedSyllables(sup, exp);
        if (syl) {
          const guided = exp && syl.length === exp.syllables.length;
          const unmarked: string[] = [];
          const misplaced: string[] = [];
          syl.forEach((s, i) => {
            if (s.num !== undefined || !s.plain) return;
            const marks = Array.from(s.text).filter((c) => stripTones(c) !== c).length;
            if (marks === 0) {
              const neutral = guided ? toneOf(exp!.syllables[i].syl) === 0 : NEUTRAL.has(s.plain);
              if (!neutral) unmarked.push(s.text);
              return;
            }
            const low = s.text.toLowerCase();
            if (marks > 1 || markTone(stripTones(low), toneOf(low)) !== low) misplaced.push(s.text);
          });
          if (unmarked.length) problems.push({ zh: `声调标注不全（「${unmarked.join('」「')}」未标调）`, en: `tone marks are incomplete (${unmarked.map((u) => `"${u}"`).join(', ')} unmarked)` });
          if (misplaced.length) problems.push({ zh: `「${misplaced.join('」「')}」的调号位置不对`, en: `the tone mark of ${misplaced.map((u) => `"${u}"`).join(', ')} is on the wrong vowel` });
        }
      }
      if (problems.length) {
        ctx.report(txt(`${label.zh}「${sup.raw}」${problems.map((p) => p.zh).join('；')}`, `the ${label.en} "${sup.raw}": ${problems.map((p) => p.en).join('; ')}`));
      }
    }
  },
};
