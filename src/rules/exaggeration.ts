import { txt } from '../core/text.js';
import { kindName } from '../name/kind-text.js';
import { divisions } from '../divisions/divisions.js';
import { optionSet } from './util/options.js';
import type { Rule } from './types.js';
import { filled } from './util/fields.js';
import { contentText, findWords, type Hit, inside, ownPlaceNote, takeOwnPlace, provinceOf, spansOf } from './util/words.js';
import { WordSet } from '../lists/wordset.js';

interface Options {
  allow: string[];
  needsApproval: string[];
}

/**
 * Province short names that are also ordinary direction compounds in village names (河南 = south of the river,
 * 山西 = west of the hill): never read as a province inside a 专名.
 */
const DIRECTIONAL_PROVINCES = new Set(['河南', '河北', '山东', '山西', '江西', '湖南', '湖北', '广东', '广西', '海南', '云南']);

let provinces: WordSet<{ code: string; full: boolean }> | undefined;

/** Province names (full and short) from the division list, and the national capital. */
function provinceWords(): WordSet<{ code: string; full: boolean }> {
  if (provinces) return provinces;
  const ws = new WordSet<{ code: string; full: boolean }>();
  for (const d of divisions().byCode.values()) {
    if (d.level !== 1) continue;
    ws.set(d.name, { code: d.code, full: true });
    if (d.short !== d.name && !DIRECTIONAL_PROVINCES.has(d.short)) ws.set(d.short, { code: d.code, full: false });
  }
  provinces = ws;
  return ws;
}

/** 一号/壹号 at the end of a name, or before 院/公馆/府/楼/大厦 there. */
const NUMBER_ONE_RE = /([一壹]号)(?:院|公馆|府|楼|大厦)?$/;

/** 国家 in 卫国家园, 建国家属: the 国 ends the word before; 一品红 is a flower. */
function falseHit(text: string, h: Hit): boolean {
  if (h.word === '一品') return text.startsWith('红', h.end);
  return h.word === '国家' && /^[园属]/.test(text.slice(h.end));
}

/** rules.md §3 `exaggeration`: no exaggerating words (大). */
export const exaggeration: Rule<Options> = {
  meta: {
    id: 'exaggeration',
    alias: 'R-EXAGGERATION',
    group: 'meaning',
    severity: 'error',
    description: txt('不用夸大的词语（“大”类不规范地名）', 'no exaggerating words (the 大 category)'),
    basis: txt(
      '民发〔2018〕146号“大”类标准（宇宙、中央、天下、世界、环球等）；江苏、杭州补充；成都负面清单；东营、宿迁：不得使用大、洋、怪地名',
      '2018 clean-up criteria for 大 names (宇宙, 中央, 天下, 世界, 环球 …); Jiangsu and Hangzhou additions; Chengdu list; Dongying and Suqian bans',
    ),
    fix: txt('换用与地名实体实际规模、地位相称的字词；确经批准使用的，在「特批文件」列写明批准文件', 'use words that fit the real scale of the place; where the word was approved, give the approval document in the special_approval column'),
    options: { allow: [], needsApproval: [] },
  },
  check(ctx) {
    const { rec, lists } = ctx;
    const text = contentText(rec);
    const allow = spansOf(ctx.options.allow, text);
    const needsApproval = optionSet(ctx.options.needsApproval);
    const approved = filled(rec, 'special_approval') !== undefined;
    const hard: string[] = [];
    const soft: string[] = [];
    const add = (list: string[], w: string) => {
      if (!list.includes(w)) list.push(w);
    };
    // The list's soft words go beyond the national 2018 criteria (provincial additions, rank and slogan words): the
    // ministry asked in 2019 not to widen the criteria, so they are checked, not refused (银河路 is an ordinary road).
    const local: [string, string][] = [];
    for (const h of findWords(lists.exaggeration, text)) {
      if (inside(allow, h.index, h.end) || falseHit(text, h)) continue;
      if (takeOwnPlace(local, rec, text, h)) continue;
      if (needsApproval.has(h.word)) {
        if (!approved) add(soft, h.word);
      } else if (approved || h.value.soft) add(soft, h.word);
      else add(hard, h.word);
    }
    // Province names: a full province name claims province rank anywhere; the record's own province's short name and
    // the national capital are the soft case (小地冠大名; out-of-area also sees them).
    const prov = provinceOf(rec);
    for (const h of findWords(provinceWords(), text, 2)) {
      if (inside(allow, h.index, h.end)) continue;
      if (h.value.full) add(approved ? soft : hard, h.word);
      else if (h.value.code === prov || (h.value.code === '11' && prov !== '11')) add(soft, h.word);
    }
    // "No. 1" closing the name of an estate or building claims first rank (广东 2019 list, 大: 领江一号, 琶洲一号,
    // 万科府前一号); a road's 一号 is a number (bare-number).
    if (rec.type !== 'road') {
      const no1 = NUMBER_ONE_RE.exec(rec.full);
      if (no1 && !inside(spansOf(ctx.options.allow, rec.full), no1.index, no1.index + 2)) add(soft, no1[1]);
    }
    if (hard.length) {
      const kind = kindName(rec.kind);
      ctx.report(
        txt(`含有夸大的词语「${hard.join('」「')}」，与${kind.zh}的实际规模、地位不符`, `contains the exaggerating word${hard.length > 1 ? 's' : ''} ${hard.map((w) => `"${w}"`).join(', ')}`),
        { fix: txt(`换用与${kind.zh}实际规模、地位相称的字词；确经批准使用的，在「特批文件」列写明批准文件`, `use words that fit the ${kind.en}'s real scale; where the word was approved, give the approval document in the special_approval column`) },
      );
    }
    if (local.length) {
      const note = ownPlaceNote(local);
      ctx.report(txt(
        `含有「${local.map(([w]) => w).join('」「')}」，有夸大之嫌；${note.zh}`,
        `contains ${local.map(([w]) => `"${w}"`).join(', ')}, which may exaggerate; ${note.en}`,
      ), { soft: true });
    }
    const softLeft = soft.filter((w) => !hard.includes(w));
    if (softLeft.length) {
      ctx.report(txt(
        `含有「${softLeft.join('」「')}」，有夸大之嫌${approved ? '（已注明特批文件，请核对）' : '，须有充分理由并经批准'}`,
        `contains ${softLeft.map((w) => `"${w}"`).join(', ')}, which may exaggerate${approved ? ' (an approval document is given: check it)' : '; it needs strong reasons and approval'}`,
      ), { soft: true });
    }
  },
};
