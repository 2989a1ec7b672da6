import { txt } from '../core/text.js';
import { divisions, nameForms } from '../divisions/divisions.js';
import type { Rule } from './types.js';
import { contentText, divisionHits, findWords, inside, ownLocalNames, provinceOf, spansOf, straddles, townshipNameCount } from './util/words.js';

/** Types for which taking the own city's or county's name is 小地冠大名. */
const SMALL_TYPES = new Set(['road', 'structure', 'area']);
/** localUse above this: the feature's name is a common element of local names (黄山, 长江, 泰山): soft case. */
const COMMON_LOCAL_USE = 20;
/**
 * Landform words that make a division name part of a local feature's name (罗山垭 is a pass on a hill called 罗山, in
 * 丹江口, not 河南's 罗山县): such a hit is the soft case, to be checked, not a name taken from elsewhere.
 */
const LANDFORM_AFTER = new Set(Array.from('垭坳沟岭坡峪洼冲坪嘴咀岗梁峁塬坎坝滩湾垄畈'));

const LEVEL_ZH: Record<number, string> = { 1: '省级', 2: '地级', 3: '县级' };

/**
 * Characters of good wishes and virtues. A two-character division name made only of them (泰安, 承德, 安康, 仁寿, 福安,
 * 泰和) reads as a wish in a road name as often as it names that place (approved village roads 承德街, 泰和路, 福安巷):
 * the soft case.
 */
const WISH_CHARS = new Set(Array.from('安康泰宁福寿仁德和乐吉祥兴永长平顺昌盛富丰广承崇怀建明善信义礼智忠孝贤惠嘉庆瑞荣华'));

interface WordInfo {
  /** Province, prefecture and county codes carrying the name. */
  upper: string[];
  /** Township codes carrying the name. */
  townships: string[];
  namesakes: number;
  /** Shared by a few townships, or only a city district's name (槐荫, 江汉: descriptive words): the soft case. */
  common: boolean;
  /** Made only of WISH_CHARS, and not common: soft too, said so. */
  wish: boolean;
  what: [string, string];
}

const infoCache = new Map<string, WordInfo>();

/** What the division list says about a name, computed once per name. */
function wordInfo(word: string, codes: readonly string[]): WordInfo {
  let info = infoCache.get(word);
  if (!info) {
    const idx = divisions();
    const upper = codes.filter((c) => c.length <= 6 && idx.byCode.get(c)?.name !== '市辖区');
    const namesakes = townshipNameCount(word);
    const levels = [...new Set(upper.map((c) => (c.length === 2 ? 1 : c.length === 4 ? 2 : 3)))].sort();
    const common = namesakes >= 2 || (upper.length > 0 && upper.every((c) => c.length === 6 && /区$/.test(idx.byCode.get(c)?.name ?? '')));
    info = {
      upper,
      townships: codes.filter((c) => c.length === 9),
      namesakes,
      common,
      // A wish word shared by townships is already the common case (and said so as such).
      wish: !common && word.length === 2 && WISH_CHARS.has(word[0]) && WISH_CHARS.has(word[1]),
      what: [`外地${levels.map((l) => LEVEL_ZH[l]).join('、')}政区名`, 'division name elsewhere'],
    };
    infoCache.set(word, info);
  }
  return info;
}

interface Options {
  /** The profile's cityName/countyName settings: the own city and county where the division list cannot name them. */
  cityName?: string | null;
  countyName?: string | null;
}

/** rules.md §3 `out-of-area`: no big names for small places, no names from elsewhere. */
export const outOfArea: Rule<Options> = {
  meta: {
    id: 'out-of-area',
    alias: 'R-OUT-OF-AREA',
    group: 'meaning',
    severity: 'warning',
    description: txt('不用外地的政区名和著名自然地理实体名，不以小地冠大名', 'no names of divisions or famous features elsewhere; a small place does not take a big unit\'s name'),
    basis: txt(
      '《地名管理条例》第九条第（九）项；宿迁：不使用本地以外的自然地理实体和行政区划名称；大名：不以小地冠大名；成都：政区名须位于该政区内',
      'Regulations art. 9(9); Suqian: no names of features or divisions beyond the local area; Daming: no 小地冠大名; Chengdu: a division name only inside it',
    ),
    fix: txt('改用本地的村名、地片名、自然实体名或有本地含义的字词', 'use a local village, locality or natural-feature name, or words with local meaning'),
    // Set from the profile's cityName/countyName settings (profiles.md §1.3).
    options: { cityName: null, countyName: null },
  },
  check(ctx) {
    const { rec, lists } = ctx;
    const code = rec.admin.code;
    if (!code) return; // without a location nothing can be judged
    const text = contentText(rec);
    if (text.length < 2) return;
    const features = findWords(lists.famousFeatures, text, 2);
    const hits = divisionHits(text);
    // The profile's own city and county names (a code the division list lacks: a new county, a test area).
    const settingHits = settingOwnNames(ctx.options).filter((s) => text.includes(s.word));
    if (!features.length && !hits.length && !settingHits.length) return;
    const prov = provinceOf(rec)!;
    const allow = findWords(lists.historicAllow, text, 2);
    const idx = divisions();
    const local = new Set<string>();
    /** straddle: the word straddles two naming words of the 专名 (青松 + 阳光 holds 松阳). */
    const elsewhere: { word: string; soft: boolean; wish: boolean; straddle: boolean; what: [string, string] }[] = [];
    const own: OwnName[] = [];

    // The record's own village and township names are local, whatever else bears them (洮河镇 in 吉林 is named after
    // no river of 甘肃; a road there called 洮河路 takes the town's name).
    const ownNames = ownLocalNames(rec);
    // Famous natural features.
    for (const h of features) {
      if (inside(allow, h.index, h.end)) continue;
      if (h.value.provinces.includes(prov) || ownNames.some((n) => n && n.includes(h.word))) {
        local.add(h.word);
        continue;
      }
      const straddle = straddles(text, h.index, h.end);
      elsewhere.push({ word: h.word, soft: h.value.localUse >= COMMON_LOCAL_USE || straddle, wish: false, straddle, what: ['著名自然地理实体', 'famous natural feature'] });
    }
    // Division names (province, prefecture, county); township names of the own county and the record's own village
    // and township names are local.
    for (const h of hits) {
      if (local.has(h.word)) continue;
      const info = wordInfo(h.word, h.value);
      if (!info.upper.length || inside(allow, h.index, h.end)) continue;
      const mine = info.upper.find((c) => code.startsWith(c));
      if (mine) {
        if (SMALL_TYPES.has(rec.type)) own.push({ word: h.word, what: idx.byCode.get(mine)?.name ?? h.word });
        continue;
      }
      // A name shared by many townships is an ordinary place word (和平, 新华, 红旗): not judged.
      if (info.namesakes >= 5) continue;
      if (code.length >= 6 && info.townships.some((c) => c.startsWith(code.slice(0, 6)))) continue;
      if (ownNames.some((n) => n && n.includes(h.word))) continue;
      const straddle = straddles(text, h.index, h.end);
      const soft = info.common || info.wish || straddle || LANDFORM_AFTER.has(text.charAt(h.end));
      const already = elsewhere.find((e) => e.word === h.word);
      if (already) {
        already.soft &&= soft;
        already.wish &&= info.wish;
        already.straddle &&= straddle;
        continue;
      }
      elsewhere.push({ word: h.word, soft, wish: info.wish, straddle, what: info.what });
    }
    for (const s of settingHits) {
      // Found in the division list as this area's name already, or inside a longer own name: reported once.
      if (own.some((o) => o.word.includes(s.word)) || settingHits.some((o) => o !== s && o.word.length > s.word.length && o.word.includes(s.word))) continue;
      if (SMALL_TYPES.has(rec.type)) own.push(s);
      for (let k = elsewhere.length - 1; k >= 0; k--) if (s.word.includes(elsewhere[k].word)) elsewhere.splice(k, 1);
    }
    // A word inside a longer reported word is not reported again.
    const words = elsewhere.filter((e) => !elsewhere.some((o) => o !== e && o.word.length > e.word.length && o.word.includes(e.word)));
    const hard = words.filter((e) => !e.soft);
    const soft = words.filter((e) => e.soft);
    if (hard.length) {
      ctx.report(txt(
        `使用了${hard.map((e) => `${e.what[0]}「${e.word}」`).join('、')}，与所在地无关，容易误导`,
        `uses ${hard.map((e) => `the ${e.what[1]} "${e.word}"`).join(', ')}, which does not belong to the place`,
      ));
    }
    if (soft.length) {
      const wishes = soft.every((e) => e.wish);
      const straddling = !wishes && soft.every((e) => e.straddle);
      ctx.report(txt(
        `使用了${soft.map((e) => `${e.what[0]}「${e.word}」`).join('、')}；${wishes ? '这些字也是常用的吉祥、美德字词，请确认不是借用外地地名' : straddling ? '这些字也可能只是前后两个词相连，请确认不是借用外地地名' : '这些字也常见于各地地名，请确认与本地有关'}`,
        `uses ${soft.map((e) => `the ${e.what[1]} "${e.word}"`).join(', ')}; ${wishes ? 'also words of good wishes or virtues, check that the name is not borrowed from there' : straddling ? 'the characters may just join two words, check that the name is not borrowed from there' : 'common in local names too, check the local link'}`,
      ), { soft: true });
    }
    if (own.length && !spansOf(own.map((o) => o.word), text).every((s) => inside(allow, s.index, s.end))) {
      ctx.report(txt(
        `以所属${own.map((o) => `「${o.what}」`).join('、')}的名称「${own.map((o) => o.word).join('」「')}」命名小范围地物，属小地冠大名`,
        `a small entity takes the name of the larger unit it belongs to (${own.map((o) => o.what).join(', ')})`,
      ), { soft: true });
    }
  },
};

interface OwnName {
  word: string;
  what: string;
}
const NO_OWN_NAMES: readonly OwnName[] = [];
const ownNamesByOptions = new WeakMap<Options, readonly OwnName[]>();

/**
 * The own names a profile's settings give (full and short), with the name to show in the message: once per options
 * object, as the rule runs on every record.
 */
function settingOwnNames(o: Options): readonly OwnName[] {
  if (!o.cityName && !o.countyName) return NO_OWN_NAMES;
  let out = ownNamesByOptions.get(o);
  if (!out) {
    const names: OwnName[] = [];
    for (const [name, level] of [[o.cityName, 2], [o.countyName, 3]] as const) {
      for (const word of nameForms(name, level)) names.push({ word, what: name!.trim() });
    }
    ownNamesByOptions.set(o, (out = names));
  }
  return out;
}
