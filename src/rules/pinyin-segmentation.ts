import { txt } from '../core/text.js';
import type { AnalyzedRecord, Rule } from './types.js';
import { type ExpectedForm, type Supplied, columnLabel, expectedForm, expectedShown, fold, lettersOf, suppliedSyllables, suppliedValues } from './util/pinyin.js';

const NUMERAL_SYLLABLES = /^(?:yi|er|san|si|wu|liu|qi|ba|jiu|shi|bai|ling|di)+$/;

/** Words as toneless letter strings; digit runs as '#', hyphens dropped (Dì-9 → di#). */
function wordKeys(words: readonly string[]): string[] {
  return words.map((raw) => {
    let out = '';
    for (const piece of raw.match(/\d+|[^\d]+/g) ?? []) out += /^\d+$/.test(piece) ? '#' : fold(lettersOf(piece));
    return out;
  });
}

function expectedKeys(exp: ExpectedForm): string[] {
  return wordKeys(exp.roman.words.map((w) => w.text));
}

/** Compare the word division of a supplied string with one expected form; undefined when the letters differ. */
function compare(sup: Supplied, exp: ExpectedForm): { same: boolean; keys: string[]; expKeys: string[] } | undefined {
  const expKeys = expectedKeys(exp);
  let keys = wordKeys(sup.words);
  // A spelled ordinal where the engine writes digits is pinyin-numeral's business: treat it as the digit token.
  if (keys.length === expKeys.length) keys = keys.map((k, i) => (expKeys[i].includes('#') && NUMERAL_SYLLABLES.test(k) ? expKeys[i] : k));
  if (keys.join('') === expKeys.join('')) return { same: keys.join(' ') === expKeys.join(' '), keys, expKeys };
  // Different readings (猪行 háng/xíng): compare word starts syllable by syllable when the syllables line up.
  const syl = suppliedSyllables(sup, undefined);
  if (!syl || syl.length !== exp.syllables.length || syl.some((x, i) => (x.num === undefined) !== (exp.syllables[i].num === undefined))) return undefined;
  const same = syl.every((x, i) => x.wordStart === exp.syllables[i].wordStart);
  return { same, keys, expKeys };
}

function describe(rec: AnalyzedRecord, keys: string[], expKeys: string[], exp: ExpectedForm): { zh: string; en: string } {
  const syllableCount = exp.syllables.length;
  if (keys.length >= syllableCount && syllableCount > expKeys.length) return { zh: '逐个音节分写', en: 'every syllable is written apart' };
  if (keys.length === 1 && expKeys.length > 1) return { zh: '专名和通名连写成了一个词', en: 'the specific and the generic are run together' };
  if (keys.length < expKeys.length) return { zh: '应分写的词连写了', en: 'words that are written apart are joined' };
  if (keys.length > expKeys.length) {
    return rec.type === 'village' || rec.type === 'town' || rec.parsed.specificKind === 'village'
      ? { zh: '村镇名称被拆开了（自然村镇名称连写）', en: 'a village name is split (village names are one word)' }
      : { zh: '应连写的词分写了', en: 'a word is split' };
  }
  return { zh: '分词连写的位置不对', en: 'the word boundaries are in the wrong place' };
}

/** rules.md §9 `pinyin-segmentation`: words are divided as the rules say. */
export const pinyinSegmentation: Rule = {
  meta: {
    id: 'pinyin-segmentation',
    alias: 'R-PINYIN-SEGMENT',
    group: 'pinyin',
    severity: 'error',
    description: txt('按规则分词连写：专名与通名分写，单音节修饰成分连写，村镇名称连写', 'words are divided by the rules: specific and generic apart, one-syllable modifiers joined, village names whole'),
    basis: txt('1984年拼写规则第1—5条；GB/T 16159-2012 第6.2.2条', '1984 rules 1–5; GB/T 16159-2012 §6.2.2'),
    fix: txt('按规定分词连写', 'divide the words as the rules say'),
  },
  check(ctx) {
    const { rec } = ctx;
    for (const sup of suppliedValues(rec)) {
      const digits = expectedForm(rec, 'digits');
      if (!digits) return;
      const forms = [digits];
      if (rec.parsed.ordinal) {
        const spelled = expectedForm(rec, 'spelled');
        if (spelled) forms.push(spelled);
      }
      let verdict: { same: boolean; keys: string[]; expKeys: string[]; exp: ExpectedForm } | undefined;
      for (const exp of forms) {
        const c = compare(sup, exp);
        if (!c) continue;
        if (c.same) {
          verdict = undefined;
          break;
        }
        verdict ??= { ...c, exp };
      }
      if (!verdict) continue;
      const d = describe(rec, verdict.keys, verdict.expKeys, verdict.exp);
      const label = columnLabel(sup);
      ctx.report(txt(
        `${label.zh}「${sup.raw}」分词连写不当：${d.zh}；应为「${expectedShown(verdict.exp, sup)}」`,
        `the ${label.en} "${sup.raw}" divides words wrongly: ${d.en}; expected "${expectedShown(verdict.exp, sup)}"`,
      ));
    }
  },
};
