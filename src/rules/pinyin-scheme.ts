import { txt } from '../core/text.js';
import { stripTones } from '../pinyin/syllable.js';
import type { Rule } from './types.js';
import { columnLabel, splitLetters, suppliedValues } from './util/pinyin.js';

/** English generic words that translate the 通名 (rules.md pinyin-scheme). */
const ENGLISH = new Set(['road', 'rd', 'street', 'st', 'avenue', 'ave', 'av', 'lane', 'ln', 'alley', 'boulevard', 'blvd', 'bridge', 'village', 'town', 'drive', 'dr', 'way', 'square', 'sq', 'park', 'hutong', 'district', 'county', 'city', 'east', 'west', 'south', 'north', 'middle', 'the', 'of']);
/** Words that are also pinyin syllables (hutong is Hanyu Pinyin; st is not a word otherwise). */
const ALSO_PINYIN = new Set(['hutong']);

/** Wade-Giles or postal spelling traits that Hanyu Pinyin does not have. */
function oldSpelling(token: string): string | undefined {
  const t = token.toLowerCase();
  if (/^hs/.test(t)) return 'hs-';
  if (/(?:ch|k|p|t|ts|tz)'/.test(t)) return "ch'/k'/p'/t'";
  if (/ieh$/.test(t)) return '-ieh';
  if (/ung$/.test(t)) return '-ung';
  if (/^(?:tz|ts|sz)/.test(t)) return 'tz-/ts-';
  if (/ih$/.test(t)) return '-ih';
  if (/(?:^|[^n])j[aeiou]/.test(t) && /^j[eu]n?g?$/.test(t)) return 'j- (for r-)';
  return undefined;
}

/** rules.md §9 `pinyin-scheme`: Hanyu Pinyin only; no English, no old spellings. */
export const pinyinScheme: Rule = {
  meta: {
    id: 'pinyin-scheme',
    alias: 'R-PINYIN-SCHEME',
    group: 'pinyin',
    severity: 'error',
    description: txt('只用汉语拼音拼写，不用英文，不用威妥玛式等旧拼法', 'Hanyu Pinyin only: no English words, no Wade-Giles or postal spellings'),
    basis: txt('《地名管理条例》第十五条；中地发〔1987〕21号、厅办函〔1998〕166号（地名标志只用汉语拼音）；1984年拼写规则', 'Regulations art. 15; 1987 and 1998 circulars (signs in Hanyu Pinyin only); 1984 rules'),
    fix: txt('专名和通名都用汉语拼音拼写（如「Huáiyīn Lù」），不译成英文', 'spell both parts in Hanyu Pinyin (e.g. Huáiyīn Lù); do not translate them'),
  },
  check(ctx) {
    for (const sup of suppliedValues(ctx.rec)) {
      const english: string[] = [];
      const old: string[] = [];
      const bad: string[] = [];
      for (const word of sup.words) {
        for (const token of word.split('-')) {
          const bare = token.replace(/[.,;:!?()]+$/g, '');
          if (!bare) continue;
          const plain = stripTones(bare).toLowerCase().replace(/\d+/g, '');
          if (!plain) continue;
          if (ENGLISH.has(plain) && !ALSO_PINYIN.has(plain)) {
            english.push(bare);
            continue;
          }
          const letters = plain.replace(/'/g, '');
          // An apostrophe after an initial (Ch'ang, K'ai) is the Wade-Giles aspiration mark, even when the letters
          // happen to spell a pinyin syllable.
          if (/(?:^|[^a-z])(?:ch|k|p|t|ts|tz)'/i.test(bare) || /^hs/i.test(bare)) {
            old.push(`${bare}（${oldSpelling(bare) ?? "ch'/k'/p'/t'"}）`);
            continue;
          }
          if (/[^a-züv]/.test(letters) || !splitLetters(letters, false)) {
            const o = oldSpelling(bare);
            if (o) old.push(`${bare}（${o}）`);
            else bad.push(bare);
          }
        }
      }
      const label = columnLabel(sup);
      if (english.length) {
        ctx.report(txt(`${label.zh}「${sup.raw}」用了英文「${english.join('」「')}」；地名不意译，通名也用汉语拼音`, `the ${label.en} "${sup.raw}" uses the English word${english.length > 1 ? 's' : ''} ${english.map((e) => `"${e}"`).join(', ')}; place names are not translated`));
      }
      if (old.length) {
        ctx.report(txt(`${label.zh}「${sup.raw}」中的「${old.join('」「')}」是威妥玛式或邮政式旧拼法`, `the ${label.en} "${sup.raw}" uses Wade-Giles or postal spellings: ${old.join(', ')}`));
      }
      if (bad.length) {
        ctx.report(txt(`${label.zh}「${sup.raw}」中的「${bad.join('」「')}」不是汉语拼音音节`, `the ${label.en} "${sup.raw}": ${bad.map((b) => `"${b}"`).join(', ')} ${bad.length > 1 ? 'are' : 'is'} not Hanyu Pinyin`));
      }
    }
  },
};
