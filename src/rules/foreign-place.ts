import { txt } from '../core/text.js';
import { divisionNameSet } from '../lists/lists.js';
import { readDataTable } from '../data/files.js';
import { WordSet } from '../lists/wordset.js';
import type { RecordContext, Rule } from './types.js';
import { contentText, divisionHits, findWords, type Hit, inside, ownDivisionNames, ownPlaceNote, spansOf, straddles, takeOwnPlace } from './util/words.js';

/** Characters that make 国 the start of another word (精英国际, 华美国度, 品德国学): the 国 does not end a country name. */
const GUO_WORD_NEXT = new Set(Array.from('际家度学民道防庆营企有土画医货税标宝色风花门内外泰粹魂旗策情'));
/** Words that end in the first character of a country name (精英, 华美, 品德): the country name starts mid-word. */
const WORDS_BEFORE = new Set(['精英', '群英', '育英', '华英', '秀英', '俊英', '桂英', '蓉英', '华美', '完美', '优美', '甜美', '秀美', '健美', '赞美', '审美', '品德', '明德', '厚德', '崇德', '尚德', '美德', '道德', '同德', '国泰', '民泰', '安泰', '康泰', '通泰', '和泰', '中华', '智利', '以色']);
function falseBoundary(text: string, h: Hit): boolean {
  if (h.word.length === 2 && h.word.endsWith('国') && GUO_WORD_NEXT.has(text[h.end] ?? '')) return true;
  if (h.index > 0 && WORDS_BEFORE.has(text[h.index - 1] + text[h.index])) return true;
  return false;
}

type Span = { index: number; end: number };

/** Kinds whose names borrow foreign places for their sound (洋 estate and building names). */
const ESTATE_KINDS = new Set(['residential', 'building', 'square']);

let alsoDivisions: WordSet<{ zh: string; en: string }> | undefined;

/** Foreign place names that are also Chinese division names (data/lists/foreign-places-also-divisions.tsv). */
function foreignAlsoDivisions(): WordSet<{ zh: string; en: string }> {
  if (alsoDivisions) return alsoDivisions;
  const ws = new WordSet<{ zh: string; en: string }>();
  for (const [w, zh, en] of readDataTable('lists/foreign-places-also-divisions.tsv')) ws.set(w, { zh: zh ?? '', en: en ?? '' });
  return (alsoDivisions = ws);
}

/**
 * An estate or building named after a foreign place that a Chinese division also bears (益田米兰公馆): the soft case,
 * unless the record lies in that division or the text names the division in full (米兰镇).
 */
function estateHits(ctx: RecordContext, text: string, own: readonly Span[], chinese: readonly Span[]): Hit<{ zh: string; en: string }>[] {
  if (!ESTATE_KINDS.has(ctx.rec.kind)) return [];
  return findWords(foreignAlsoDivisions(), text, 2).filter((h) =>
    !inside(own, h.index, h.end) && !chinese.some((c) => c.index <= h.index && c.end >= h.end && c.end - c.index > h.end - h.index));
}

/** rules.md §4 `foreign-place`: no foreign place names. */
export const foreignPlace: Rule = {
  meta: {
    id: 'foreign-place',
    alias: 'R-FOREIGN-PLACE',
    group: 'persons',
    severity: 'error',
    description: txt('不以外国地名命名', 'no foreign place names'),
    basis: txt('《地名管理条例》第九条第（五）项；民发〔2018〕146号“洋”类标准（外国地名或其简称）；成都；河南', 'Regulations art. 9(5); 2018 洋 criteria (foreign place names or their short forms); Chengdu; Henan'),
    fix: txt('改用本地的地名或有本地含义的中文字词', 'use a local place name or Chinese words with local meaning'),
  },
  check(ctx) {
    const { rec, lists } = ctx;
    // The 专名 is searched (a generic is no place name), unless a listed name runs into the generic: 华尔街 is 华尔 + 街.
    // Not through a direction or ordinal into the generic: 城西西里 is 城西 + 西 + 里, no 西西里 (Sicily); 法兰西花园
    // keeps its 法兰西.
    let text = contentText(rec);
    if (text !== rec.full && rec.full.startsWith(text)) {
      const p = rec.parsed;
      const modified = p.direction !== undefined || p.ordinal !== undefined;
      const genericStart = rec.full.length - (p.generic?.length ?? 0);
      const whole = findWords(lists.foreignPlaces, rec.full, 3);
      if (whole.some((h) => h.index < text.length && h.end > text.length && !(modified && h.end > genericStart))) text = rec.full;
    }
    if (text.length < 2) return;
    const hits = findWords(lists.foreignPlaces, text, 2);
    // Most names have neither: nothing more is looked up (this runs for every record).
    if (!hits.length && !ESTATE_KINDS.has(rec.kind)) return;
    // Chinese division names (德州, 巴西镇 …) and the record's own places are never foreign.
    const own = spansOf(ownDivisionNames(rec), text);
    const chinese = [...divisionHits(text), ...own, ...findWords(lists.historicAllow, text, 2)];
    const estate = estateHits(ctx, text, own, chinese);
    if (estate.length) {
      const words = [...new Map(estate.map((h) => [h.word, h.value])).entries()];
      ctx.report(txt(
        `含有「${words.map(([w, v]) => `${w}」（${v.zh}`).join('）「')}），也是国内政区名；楼盘、建筑物名称与该政区无关时属于“洋”地名，请确认`,
        `contains ${words.map(([w, v]) => `"${w}" (${v.en})`).join(', ')}, also a Chinese division name; an estate or building name unrelated to that division borrows a foreign place: please check`,
      ), { soft: true });
    }
    if (!hits.length) return;
    const divisions = divisionNameSet();
    const hard: string[] = [];
    const soft: string[] = [];
    const local: [string, string][] = [];
    for (const h of hits) {
      if (divisions.has(h.word) || falseBoundary(text, h)) continue;
      // The record's own village (township …) bears the name (华沙村): its approved name, kept by a road named after it.
      if (takeOwnPlace(local, rec, text, h)) continue;
      // A foreign name inside a longer Chinese place name (长岛 in 长岛县) is Chinese.
      if (chinese.some((c) => c.index <= h.index && c.end >= h.end && c.end - c.index > h.end - h.index)) continue;
      if (inside(chinese, h.index, h.end) && h.value.ambiguous) continue;
      // A name straddling two words of the 专名 (夏荷 + 兰花, 牡丹 + 麦香, 河北 + 美丽) is only the soft case.
      const list = h.value.ambiguous || straddles(text, h.index, h.end) ? soft : hard;
      if (!list.includes(h.word)) list.push(h.word);
    }
    if (hard.length) {
      ctx.report(txt(`含有外国地名「${hard.join('」「')}」`, `contains the foreign place name${hard.length > 1 ? 's' : ''} ${hard.map((w) => `"${w}"`).join(', ')}`));
    }
    if (local.length) {
      const note = ownPlaceNote(local);
      ctx.report(txt(`含有外国地名「${local.map(([w]) => w).join('」「')}」；${note.zh}`, `contains the foreign place name${local.length > 1 ? 's' : ''} ${local.map(([w]) => `"${w}"`).join(', ')}; ${note.en}`), { soft: true });
    }
    const softLeft = soft.filter((w) => !hard.includes(w));
    if (softLeft.length) {
      ctx.report(txt(`「${softLeft.join('」「')}」与外国地名相同（也可能是中文词语或本地地名），请确认`, `${softLeft.map((w) => `"${w}"`).join(', ')} equals a foreign place name (it may also be a Chinese word or local name); please check`), { soft: true });
    }
  },
};
