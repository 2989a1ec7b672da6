import { txt } from '../core/text.js';
import type { Rule } from './types.js';
import { contentText, findWords, inAutonomousArea, inside, longestTranslitRun, MINORITY_NOTE, ownDivisionNames, PERSON_FINALS, spansOf, translitRuns } from './util/words.js';

/** rules.md §4 `foreign-word`: no foreign words, transliterations or Latin spellings. */
export const foreignWord: Rule = {
  meta: {
    id: 'foreign-word',
    alias: 'R-FOREIGN-WORD',
    group: 'persons',
    severity: 'error',
    description: txt('不用外来词、音译词和洋化的风格词', 'no foreign words, transliterations or imported style words'),
    basis: txt('民发〔2018〕146号“洋”类标准；阜平；大名（不用外文词和直译）；西安；青岛', '2018 洋 criteria; Fuping; Daming (no foreign words or literal translations); Xi\'an; Qingdao'),
    fix: txt('改用中文固有词语', 'use native Chinese words'),
  },
  check(ctx) {
    const { rec, lists } = ctx;
    const text = contentText(rec);
    if (text.length < 2) return;
    const loanHits = findWords(lists.loanwords, text, 2);
    if (!loanHits.length && longestTranslitRun(text, lists) < 3) return;
    const allow = [...findWords(lists.historicAllow, text, 2), ...findWords(lists.friendshipAllow, text, 2)];
    // Style words that are also foreign places (普罗旺斯, 托斯卡纳, 香榭) are reported here too: the 2018 criteria name
    // them as 洋 style words, and rules.md lists them under this rule.
    const places = findWords(lists.foreignPlaces, text, 2);
    const persons = findWords(lists.foreignPersons, text, 2);
    const hard: string[] = [];
    for (const h of loanHits) {
      if (inside(allow, h.index, h.end)) continue;
      if (!hard.includes(h.word)) hard.push(h.word);
    }
    if (hard.length) {
      ctx.report(txt(`含有外来词或洋化的风格词「${hard.join('」「')}」`, `contains the foreign or imported style word${hard.length > 1 ? 's' : ''} ${hard.map((w) => `"${w}"`).join(', ')}`));
      return;
    }
    // Soft case: three or more transliteration characters in a row that are no known word; runs shaped like a
    // personal name (ending in 斯, 娜, 顿 …) are foreign-person's soft case.
    if (longestTranslitRun(text, lists) < 3) return;
    const loan = loanHits;
    // The record's own village or township names are local words, however they sound (扎兰希伯嘎查).
    const soft = translitRuns(text, lists, [...allow, ...places, ...persons, ...loan, ...spansOf(ownDivisionNames(rec), text)], 3)
      .filter((r) => r.text.length >= 3 && !(r.text.length <= 4 && PERSON_FINALS.has(r.text[r.text.length - 1])))
      .map((r) => r.text);
    if (soft.length) {
      const minority = inAutonomousArea(rec);
      ctx.report(
        txt(`「${soft.join('」「')}」由音译用字连缀而成，像外来词的音译${minority ? MINORITY_NOTE.zh : ''}`, `${soft.map((w) => `"${w}"`).join(', ')} strings transliteration characters together, like a transliterated foreign word${minority ? MINORITY_NOTE.en : ''}`),
        minority ? { severity: 'info' } : { soft: true },
      );
    }
  },
};
