import { txt } from '../core/text.js';
import { optionSet } from './util/options.js';
import type { Rule } from './types.js';
import { provinceOf } from './util/words.js';

interface Options {
  allowChars: string[];
  level2: 'off' | 'info';
}

/** rules.md §2 `rare-char`: avoid rare characters (生僻字): level 3 of the 8105 table. */
export const rareChar: Rule<Options> = {
  meta: {
    id: 'rare-char',
    alias: 'R-RARE-CHAR',
    group: 'characters',
    severity: 'warning',
    description: txt('避免使用生僻字（《通用规范汉字表》三级字）', 'avoid rare characters (level 3 of the standard table)'),
    basis: txt('《地名管理条例》第九条第（三）项；民发〔2000〕102号（生僻字分级）；西安道路命名导则', 'Regulations art. 9(3); MCA 2000 review of rare characters in division names; Xi\'an guideline'),
    fix: txt('改用常用字；本地地名常用的字可加入配置的 allowChars', 'use a common character; a character normal in local place names goes into the allowChars option'),
    options: { allowChars: [], level2: 'off' },
  },
  check(ctx) {
    const { rec, lists } = ctx;
    const allow = optionSet(ctx.options.allowChars);
    const prov = provinceOf(rec);
    const hard: string[] = [];
    const regionalElsewhere: string[] = [];
    const level2: string[] = [];
    for (const ch of rec.full) {
      const level = lists.chars8105.get(ch);
      if (level === undefined || level === 1 || allow.has(ch)) continue;
      if (level === 2) {
        if (ctx.options.level2 === 'info' && rec.parsed.specific.includes(ch) && !level2.includes(ch)) level2.push(ch);
        continue;
      }
      if (hard.includes(ch) || regionalElsewhere.includes(ch)) continue;
      const provs = lists.regionalRareChars.get(ch);
      if (provs && (provs.includes('') || (prov !== undefined && provs.includes(prov)))) continue;
      // A toponymic character of some province, and the record's province is not known: only the soft case.
      if (provs && prov === undefined) regionalElsewhere.push(ch);
      else hard.push(ch);
    }
    if (hard.length) {
      ctx.report(txt(`「${hard.join('」「')}」是生僻字（《通用规范汉字表》三级字）`, `${hard.map((c) => `"${c}"`).join(', ')} ${hard.length > 1 ? 'are rare characters' : 'is a rare character'} (level 3)`));
    }
    if (regionalElsewhere.length) {
      ctx.report(txt(
        `「${regionalElsewhere.join('」「')}」是三级字，在部分省份的地名中常用；记录未给出所在地，无法判断是否为本地用字`,
        `${regionalElsewhere.map((c) => `"${c}"`).join(', ')}: level-3 characters used in place names of some provinces; the record gives no location`,
      ), { soft: true });
    }
    if (level2.length) {
      ctx.report(txt(`专名使用了二级字「${level2.join('」「')}」（较少用）`, `the specific uses the less common level-2 characters ${level2.map((c) => `"${c}"`).join(', ')}`), { severity: 'info' });
    }
  },
};
