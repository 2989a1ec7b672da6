import { txt } from '../core/text.js';
import type { Rule } from './types.js';
import { contentText, divisionHits, findWords, inside, overlaps, ownDivisionNames, spansOf } from './util/words.js';

/** rules.md §3 `feudal`: no emperor titles, court words or old official ranks. */
export const feudal: Rule = {
  meta: {
    id: 'feudal',
    alias: 'R-FEUDAL',
    group: 'meaning',
    severity: 'error',
    description: txt('不用帝王称号、宫廷用语和旧官职等封建色彩词语', 'no emperor titles, court words or old official ranks'),
    basis: txt(
      '民发〔2018〕146号“怪”标准（四）：皇帝、皇庭、御府、帝都、王府、相府等；西安、成都、上海、阜平、大名地名规定',
      '2018 clean-up criteria, 怪 (d): 皇帝, 皇庭, 御府, 帝都, 王府, 相府 and similar; Xi\'an, Chengdu, Shanghai, Fuping, Daming rules',
    ),
    fix: txt('换用没有封建色彩的字词；确有历史来历的旧地名、寺庙名可加入历史地名白名单', 'use words without a feudal flavour; a revived historic name or temple name goes on the historic allowlist'),
    existingNames: true,
  },
  check(ctx) {
    const { rec, lists } = ctx;
    const text = contentText(rec);
    const hits = findWords(lists.feudal, text);
    if (!hits.length) return;
    // Exempt: allowlisted words (皇甫, 关帝, 王府井, 御河 …), place names (秦皇岛, 皇姑区), the record's own places.
    // A division name counts only when it is longer than the feudal word (秦皇岛 hides 皇; a township somewhere
    // called 皇城 does not make 皇城路 acceptable elsewhere).
    const exempt = [
      ...findWords(lists.feudalAllow, text),
      ...findWords(lists.historicAllow, text),
      ...divisionHits(text).filter((d) => hits.some((h) => d.index <= h.index && d.end >= h.end && d.end - d.index > h.end - h.index)),
      ...spansOf(ownDivisionNames(rec), text),
    ];
    // An existing place of that name (an old village called 皇庄 …) is historic.
    if (ctx.isExistingName(text) && text !== rec.full) return;
    const hard: string[] = [];
    const soft: string[] = [];
    const ranks: string[] = [];
    for (const h of hits) {
      if (inside(exempt, h.index, h.end)) continue;
      if (h.value.rank) {
        if (!ranks.includes(h.word)) ranks.push(h.word);
      } else if (h.value.soft) {
        // A lone 皇/帝/御 only at the start of a word (the 专名), and not inside a longer exempt word.
        if (h.index !== 0 || overlaps(exempt, h.index, h.end)) continue;
        if (!soft.includes(h.word)) soft.push(h.word);
      } else if (!hard.includes(h.word)) hard.push(h.word);
    }
    if (hard.length) {
      const all = [...hard, ...ranks];
      ctx.report(txt(`含有帝王、宫廷或旧官职用语「${all.join('」「')}」，封建色彩浓厚`, `contains the feudal word${all.length > 1 ? 's' : ''} ${all.map((w) => `"${w}"`).join(', ')} (emperor, court or old rank)`));
    } else if (ranks.length) {
      // The national criteria name imperial and palace words; an old post stands in approved historic names (御史巷).
      ctx.report(txt(
        `含有旧官职用语「${ranks.join('」「')}」，可能带有封建色彩；沿用的旧街巷名或纪念本地历史人物的可以保留，请核实来历`,
        `contains the old official post${ranks.length > 1 ? 's' : ''} ${ranks.map((w) => `"${w}"`).join(', ')}, which may carry a feudal flavour; an old street name or one for a local historical figure may stay: check its origin`,
      ), { soft: true });
    } else if (soft.length) {
      ctx.report(txt(`专名以「${soft.join('」「')}」开头，可能带有封建色彩`, `the specific starts with ${soft.map((w) => `"${w}"`).join(', ')}, which may carry a feudal flavour`), { soft: true });
    }
  },
};
