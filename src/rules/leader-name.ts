import { txt } from '../core/text.js';
import type { Lists } from '../lists/lists.js';
import { WordSet } from '../lists/wordset.js';
import type { Rule } from './types.js';
import { filled } from './util/fields.js';
import { contentText, findWords } from './util/words.js';

/**
 * Full names on the legal list that are also ordinary words (黄菊 'yellow chrysanthemum', 康生 'healthy life'): like
 * the list's ordinaryWord entries (汪洋, 万里, 高岗) they are matched only as the whole 专名 or with a naming reason
 * about the person.
 */
const ALSO_ORDINARY = new Set(['黄菊', '康生']);

const givenNames = new WeakMap<Lists, WordSet<string>>();

/** Distinctive given names (泽东, 恩来 …) → the leader's full name. */
function distinctiveGivenNames(lists: Lists): WordSet<string> {
  let ws = givenNames.get(lists);
  if (!ws) {
    ws = new WordSet<string>();
    for (const name of lists.leaders.keys()) {
      const v = lists.leaders.get(name);
      if (v?.distinctive && name.length >= 3) ws.set(name.slice(1), name);
    }
    givenNames.set(lists, ws);
  }
  return ws;
}

/** rules.md §4 `leader-name`: never a state leader's name. */
export const leaderName: Rule = {
  meta: {
    id: 'leader-name',
    alias: 'R-LEADER-NAME',
    group: 'persons',
    severity: 'error',
    description: txt('不以国家领导人的名字命名', 'never a state leader\'s name'),
    basis: txt('《地名管理条例》第九条第（四）项：不以国家领导人的名字作地名；西安、青岛、河南地名规定', 'Regulations art. 9(4): names of state leaders are never used; Xi\'an, Qingdao, Henan rules'),
    fix: txt('另取名称；此项没有例外', 'choose another name; there is no exception'),
  },
  check(ctx) {
    const { rec, lists } = ctx;
    const text = contentText(rec);
    if (text.length < 2) return;
    const reason = filled(rec, 'naming_reason') ?? '';
    const found: string[] = [];
    const weak: string[] = [];
    for (const h of findWords(lists.leaders, text, 2)) {
      const ordinary = h.value.ordinaryWord || ALSO_ORDINARY.has(h.word);
      if (!ordinary || reason.includes(h.word)) {
        if (!found.includes(h.word)) found.push(h.word);
      } else if (h.word === text && !weak.includes(h.word)) weak.push(h.word);
    }
    for (const h of findWords(distinctiveGivenNames(lists), text, 2)) {
      if (found.some((f) => f.includes(h.word))) continue;
      found.push(`${h.word}（${h.value}）`);
    }
    if (found.length) {
      ctx.report(txt(`含有国家领导人的姓名「${found.join('」「')}」`, `contains the name of a state leader: ${found.join(', ')}`));
    } else if (weak.length) {
      ctx.report(txt(
        `专名「${weak[0]}」与一位国家领导人同名；若与其人无特定联系可以使用，请在命名理由中说明含义`,
        `the specific "${weak[0]}" equals a state leader's name; usable only with no specific link to the person (state the meaning in the naming reason)`,
      ), { soft: true });
    }
  },
};
