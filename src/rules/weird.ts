import { txt } from '../core/text.js';
import { isFormalNumeral } from '../name/numerals.js';
import type { Rule } from './types.js';
import { findWords, inAutonomousArea, inside, ownDivisionNames, spansOf, translitRuns } from './util/words.js';

const PROMO_ZHI = ['之光', '之星', '之窗', '之心', '之巅', '之城', '之都', '之境', '之门', '之约', '之恋', '之梦', '之韵', '之魅'];
/** Measure words that do not occur in place words: one numeral + such a word is already odd (三瓶, 八栋, 十克拉). */
const STRONG_MEASURES = ['克拉', '哩', '瓶', '杯', '碗', '栋', '吨', '斤', '件', '盒', '箱', '碟', '罐', '袋', '克'];
/** Measure words that do occur in place words (五斗, 三尺, 十亩): odd only with another numeral + measure. */
const WEAK_MEASURES = ['斗', '升', '尺', '丈', '亩', '两', '寸', '分', '担'];
/** Arabic digits too: the criteria's own examples are 24克拉 and 8哩岛 (han-only reports the digits themselves). */
const NUMERALS = '一二三四五六七八九十百千万两半壹贰叁肆伍陆柒捌玖拾佰仟0123456789';

function measureRuns(s: string): { text: string; strong: boolean; index: number }[] {
  const out: { text: string; strong: boolean; index: number }[] = [];
  for (let i = 0; i < s.length; i++) {
    if (!NUMERALS.includes(s[i])) continue;
    let j = i;
    while (j < s.length && NUMERALS.includes(s[j])) j++;
    const rest = s.slice(j);
    const strong = STRONG_MEASURES.find((m) => rest.startsWith(m));
    const weak = strong ? undefined : WEAK_MEASURES.find((m) => rest.startsWith(m));
    if (strong || weak) {
      const m = (strong ?? weak)!;
      out.push({ text: s.slice(i, j) + m, strong: Boolean(strong), index: i });
      i = j + m.length - 1;
    } else i = j - 1;
  }
  return out;
}

/** rules.md §3 `weird`: odd or incomprehensible names (怪): heuristics that raise candidates for a human. */
export const weird: Rule = {
  meta: {
    id: 'weird',
    alias: 'R-WEIRD',
    group: 'meaning',
    severity: 'warning',
    description: txt('名称不宜怪诞、费解或像广告语', 'the name should not be bizarre, incomprehensible or read like advertising'),
    basis: txt('民发〔2018〕146号“怪”标准（二）；民政部2019年提醒：严格按标准、不得扩大范围', '2018 clean-up criteria, 怪 (b); MCA 2019 reminder to apply the criteria strictly and not widen them'),
    fix: txt('改用含义明确、符合地名习惯的字词', 'use plain words that read like a place name'),
  },
  check(ctx) {
    const { rec, lists } = ctx;
    const s = rec.parsed.specific;
    if (!s) return;
    const reasons: { zh: string; en: string }[] = [];
    const promo = PROMO_ZHI.find((z) => s.endsWith(z) && s.length > z.length);
    if (promo) reasons.push({ zh: `以「${promo}」结尾，像广告语`, en: `ends in "${promo}", like advertising copy` });
    // The record's own village or township name is what it is (托万克墩其格村: 万克 is no "ten thousand grams").
    let runs = measureRuns(s);
    if (runs.length) {
      const own = spansOf(ownDivisionNames(rec), s);
      runs = runs.filter((r) => !inside(own, r.index, r.index + r.text.length));
    }
    if (runs.some((r) => r.strong) || runs.length >= 2) {
      reasons.push({ zh: `「${runs.map((r) => r.text).join('」「')}」是数量词组合`, en: `"${runs.map((r) => r.text).join('", "')}" are numeral + measure-word phrases` });
    }
    // More than half of the 专名 is transliteration characters (not in division, feature or native words).
    const core = s.replace(/[村庄屯寨营集店铺湾坝堡]$/, '');
    let raw = 0;
    for (let i = 0; i < core.length; i++) if (lists.translitChars.has(core[i])) raw++;
    // Not in autonomous areas, whose minority-language names are transliterated so (foreign-word and foreign-person
    // still give their hint), nor for the record's own village or township name.
    if (core.length >= 3 && raw * 2 > core.length && !rec.parsed.specificKind.startsWith('comm') && !inAutonomousArea(rec)) {
      const exclude = [...findWords(lists.foreignPlaces, core, 2), ...findWords(lists.loanwords, core, 2), ...findWords(lists.foreignPersons, core, 2), ...spansOf(ownDivisionNames(rec), core)];
      const n = translitRuns(core, lists, exclude).reduce((k, r) => k + r.text.length, 0);
      if (n * 2 > core.length) reasons.push({ zh: `专名多半由音译用字组成，像外文译名`, en: 'most of the specific is transliteration characters, like a foreign name' });
    }
    if (!reasons.length) return;
    const formal = Array.from(s).filter(isFormalNumeral);
    if (formal.length) reasons.push({ zh: `并使用了大写数字「${formal.join('')}」`, en: `and uses formal numerals "${formal.join('')}"` });
    ctx.report(txt(`名称可能怪诞费解：${reasons.map((r) => r.zh).join('；')}`, `the name may be odd: ${reasons.map((r) => r.en).join('; ')}`));
  },
};
