import { txt } from '../core/text.js';
import type { Rule } from './types.js';
import { contentText, findWords, inAutonomousArea, inside, longestTranslitRun, MINORITY_NOTE, ownDivisionNames, ownPlaceNote, takeOwnPlace, PERSON_FINALS, spansOf, translitRuns } from './util/words.js';

/**
 * Listed renderings that are also ordinary Chinese words or names (康德 'health and virtue', 贞德, 歌德, 济慈, 蒙田,
 * 卡门 'checkpoint gate', 甘地 'sweet land'): only the soft case.
 */
const ALSO_CHINESE = new Set(['康德', '贞德', '歌德', '济慈', '蒙田', '卡门', '甘地', '比才', '荣格', '伊索', '雪莱', '雪莉', '修拉', '古诺', '提香', '海顿', '福特', '高更', '罗素', '但丁']);

/** rules.md §4 `foreign-person`: no foreign personal names. */
export const foreignPerson: Rule = {
  meta: {
    id: 'foreign-person',
    alias: 'R-FOREIGN-PERSON',
    group: 'persons',
    severity: 'error',
    description: txt('不以外国人名命名', 'no foreign personal names'),
    basis: txt('《地名管理条例》第九条第（五）项；民发〔2018〕146号“洋”类标准（历史、纪念、友好性地名除外）；河南省地名管理办法', 'Regulations art. 9(5); 2018 洋 criteria (historic, commemorative and friendship names excepted); Henan rules'),
    fix: txt('改用中文字词；纪念国际友人的名称（如白求恩）须经批准', 'use Chinese words; names honouring foreign friends (e.g. 白求恩) need approval'),
  },
  check(ctx) {
    const { rec, lists } = ctx;
    const text = contentText(rec);
    if (text.length < 2) return;
    const hits = findWords(lists.foreignPersons, text, 2);
    const longest = longestTranslitRun(text, lists);
    if (!hits.length && longest < 2) return;
    const allow = [...findWords(lists.friendshipAllow, text, 2), ...findWords(lists.historicAllow, text, 2)];
    const hard: string[] = [];
    const soft: string[] = [];
    const local: [string, string][] = [];
    for (const h of hits) {
      if (inside(allow, h.index, h.end)) continue;
      if (takeOwnPlace(local, rec, text, h)) continue;
      const list = ALSO_CHINESE.has(h.word) ? soft : hard;
      if (!list.includes(h.word)) list.push(h.word);
    }
    if (hard.length) {
      ctx.report(txt(`含有外国人名「${hard.join('」「')}」`, `contains the foreign personal name${hard.length > 1 ? 's' : ''} ${hard.map((w) => `"${w}"`).join(', ')}`));
      return;
    }
    if (local.length) {
      const note = ownPlaceNote(local);
      ctx.report(txt(`含有外国人名「${local.map(([w]) => w).join('」「')}」；${note.zh}`, `contains the foreign personal name${local.length > 1 ? 's' : ''} ${local.map(([w]) => `"${w}"`).join(', ')}; ${note.en}`), { soft: true });
      return;
    }
    // Soft case: a run of transliteration characters shaped like a foreign personal name (安娜, 卡尔 …).
    const exclude = longest >= 2 ? [...hits, ...allow, ...findWords(lists.foreignPlaces, text, 2), ...findWords(lists.loanwords, text, 2), ...spansOf(ownDivisionNames(rec), text)] : undefined;
    for (const r of exclude ? translitRuns(text, lists, exclude) : []) {
      const n = r.text.length;
      if (n < 2 || n > 4 || !PERSON_FINALS.has(r.text[n - 1])) continue;
      if (n === 2 && r.text !== text) continue;
      if (!soft.includes(r.text)) soft.push(r.text);
    }
    if (soft.length) {
      const minority = inAutonomousArea(rec);
      ctx.report(
        txt(`「${soft.join('」「')}」像外国人名的音译${minority ? MINORITY_NOTE.zh : ''}`, `${soft.map((w) => `"${w}"`).join(', ')} looks like a transliterated foreign personal name${minority ? MINORITY_NOTE.en : ''}`),
        minority ? { severity: 'info' } : { soft: true },
      );
    }
  },
};
