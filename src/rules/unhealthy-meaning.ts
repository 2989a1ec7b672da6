import { txt } from '../core/text.js';
import type { Lists } from '../lists/lists.js';
import { libraryReadings, librarySyllables } from '../pinyin/library.js';
import { stripTones } from '../pinyin/syllable.js';
import { loadDialectTable } from '../check/dialect.js';
import type { Rule } from './types.js';
import { contentText, divisionHits, findWords, inside, ownDivisionNames, ownPlaceNote, takeOwnPlace, spansOf } from './util/words.js';

interface Options {
  allowWords: string[];
  /** A dialect table (character → reading): puns in the local dialect are checked too. */
  dialectTable: string | null;
}

const tonelessCache = new Map<string, string[]>();

/** Toneless syllables of a 专名 (library readings; the pun check needs no place-specific accuracy). */
function toneless(s: string): string[] {
  let r = tonelessCache.get(s);
  if (!r) {
    r = librarySyllables(s).map((x) => stripTones(x).toLowerCase());
    if (tonelessCache.size >= 100_000) tonelessCache.clear();
    tonelessCache.set(s, r);
  }
  return r;
}

const charReadings = new Map<string, string[]>();

/** Every toneless reading of one character (cached; about 8 000 characters ever occur). */
function readingsOf(ch: string): string[] {
  let r = charReadings.get(ch);
  if (!r) {
    r = [...new Set(libraryReadings(ch).map((x) => stripTones(x).toLowerCase()))];
    charReadings.set(ch, r);
  }
  return r;
}

const punIndex = new WeakMap<Lists, { puns: string[][]; first: Set<string> }>();

function punsOf(lists: Lists): { puns: string[][]; first: Set<string> } {
  let p = punIndex.get(lists);
  if (!p) {
    const puns = [...lists.unhealthyPuns.values()].map((v) => v.split(/\s+/).filter(Boolean));
    p = { puns, first: new Set(puns.map((x) => x[0])) };
    punIndex.set(lists, p);
  }
  return p;
}

/** Could some reading of the characters spell a listed pun? (A cheap test before the real pinyin.) */
function mayPun(text: string, lists: Lists): boolean {
  const { puns, first } = punsOf(lists);
  const chars = Array.from(text);
  for (let i = 0; i + 1 < chars.length; i++) {
    const r0 = readingsOf(chars[i]);
    if (!r0.some((r) => first.has(r))) continue;
    for (const pun of puns) {
      if (i + pun.length > chars.length) continue;
      let ok = true;
      for (let k = 0; k < pun.length && ok; k++) ok = readingsOf(chars[i + k]).includes(pun[k]);
      if (ok) return true;
    }
  }
  return false;
}

/** rules.md §3 `unhealthy-meaning`: healthy, clear meaning. */
export const unhealthyMeaning: Rule<Options> = {
  meta: {
    id: 'unhealthy-meaning',
    alias: 'R-MEANING-HEALTHY',
    group: 'meaning',
    severity: 'error',
    description: txt('含义健康明确，不违背公序良俗', 'the meaning is clear and healthy and respects public order and good customs'),
    basis: txt(
      '《地名管理条例》第四条、第九条第（一）项；民发〔2018〕146号“怪”标准（含义怪诞、低俗）；开平（方言谐音）；青岛（低俗谐音）',
      'Regulations arts. 4 and 9(1); 2018 clean-up criteria (bizarre, vulgar meanings); Kaiping (dialect puns); Qingdao (vulgar near-sounds)',
    ),
    fix: txt('换用含义健康、明确的字词；当地确有来历的旧地名可加入 allowWords', 'choose words with a clear, healthy meaning; an old local name with a real history goes into allowWords'),
    options: { allowWords: [], dialectTable: null },
  },
  check(ctx) {
    const { rec, lists } = ctx;
    const text = contentText(rec);
    const allow = spansOf(ctx.options.allowWords, text);
    const hits = findWords(lists.unhealthy, text);
    let hard: string[] = [];
    let soft: string[] = [];
    /** Hard words inside the record's own village (township …) name, with that name. */
    const local: [string, string][] = [];
    if (hits.length) {
      // Soft (superstition, gloomy) characters inside a place name are ordinary (佛山, 仙居, 神木, 孤山).
      const places = [...divisionHits(text), ...findWords(lists.famousFeatures, text, 2), ...findWords(lists.historicAllow, text, 2), ...spansOf(ownDivisionNames(rec), text)];
      for (const h of hits) {
        if (inside(allow, h.index, h.end)) continue;
        if (h.value.level === 'hard') {
          if (!takeOwnPlace(local, rec, text, h) && !hard.includes(h.word)) hard.push(h.word);
        } else if (!inside(places, h.index, h.end) && !soft.includes(h.word)) soft.push(h.word);
      }
      // A soft word inside a reported hard word is not reported again (鬼 in 鬼门).
      soft = soft.filter((w) => !hard.some((x) => x.includes(w)) && !local.some(([x]) => x.includes(w)));
      hard = hard.filter((w, i) => !hard.some((x, j) => j !== i && x.length > w.length && x.includes(w)));
    }
    if (hard.length) {
      ctx.report(txt(`含有不健康、不吉利或有冒犯含义的词「${hard.join('」「')}」`, `contains the unhealthy, ominous or offensive word${hard.length > 1 ? 's' : ''} ${hard.map((w) => `"${w}"`).join(', ')}`));
    }
    if (local.length) {
      const note = ownPlaceNote(local);
      ctx.report(txt(
        `含有不健康、不吉利或有冒犯含义的词「${local.map(([w]) => w).join('」「')}」；${note.zh}`,
        `contains the unhealthy, ominous or offensive word${local.length > 1 ? 's' : ''} ${local.map(([w]) => `"${w}"`).join(', ')}; ${note.en}`,
      ), { soft: true });
    }
    if (soft.length) {
      ctx.report(txt(
        `含有「${soft.join('」「')}」，可能带有迷信或消极含义，请确认有无当地来历`,
        `contains ${soft.map((w) => `"${w}"`).join(', ')}, which may read as superstitious or gloomy; check for a local origin`,
      ), { soft: true });
    }
    if (hard.length || !lists.unhealthyPuns.size || text.length < 2) return;
    const allowed = (chars: string) => allow.some((s) => text.slice(s.index, s.end).includes(chars));
    // Pun check on the toneless pinyin of the 专名.
    const pun = mayPun(text, lists) ? punIn(toneless(text), text, lists, allowed) : undefined;
    if (pun) {
      ctx.report(txt(`「${pun.chars}」读作 ${pun.reading}，与低俗词语谐音`, `"${pun.chars}" sounds like a vulgar word (${pun.reading})`), { soft: true });
      return;
    }
    // And in the local dialect, when the profile gives its readings (开平: dialect puns).
    if (typeof ctx.options.dialectTable === 'string') {
      const dpun = punIn(loadDialectTable(ctx.options.dialectTable).syllables(text), text, lists, allowed);
      if (dpun) {
        ctx.report(txt(`「${dpun.chars}」在方言中读作 ${dpun.reading}，与低俗词语谐音`, `"${dpun.chars}" sounds like a vulgar word in the local dialect (${dpun.reading})`), { soft: true });
      }
    }
  },
};

/** The first run of syllables (one per character) that spells a listed pun, unless an allowed word holds it. */
function punIn(syl: readonly string[], text: string, lists: Lists, allowed: (chars: string) => boolean): { chars: string; reading: string } | undefined {
  const chars = Array.from(text);
  for (let i = 0; i < syl.length; i++) {
    let acc = '';
    for (let j = i; j < syl.length && j - i < 6; j++) {
      acc += syl[j];
      if (j > i && lists.unhealthyPuns.has(acc)) {
        const run = chars.slice(i, j + 1).join('');
        if (allowed(run)) continue;
        return { chars: run, reading: syl.slice(i, j + 1).join(' ') };
      }
    }
  }
  return undefined;
}
