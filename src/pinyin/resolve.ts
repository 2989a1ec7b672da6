import { type Text, txt } from '../core/text.js';
import { libraryReadings, librarySyllables } from './library.js';
import type { ReadingDictionary, ReadingSource } from './readings.js';

/** A reading the program could not settle: the approving body decides (pinyin.md §8.1). */
export interface ReviewNote {
  /** Character index in the resolved text. */
  index: number;
  char: string;
  chosen: string;
  alternatives: string[];
  reason: Text;
}

export interface Resolved {
  /** One tone-marked syllable per character ('' when no reading is known). */
  syllables: string[];
  sources: ReadingSource[];
  reviews: ReviewNote[];
}

const PINYIN_RE = /^[a-zü\u00e0-\u01dc\u1e3f]+$/;

/**
 * Readings for each character of `text` (pinyin.md §8.2): dictionary entries (full and contained names, longest region
 * prefix), settled words, character rules, then the library. Place-dependent characters read by the library are
 * marked for review with their alternatives, never guessed silently.
 */
export function resolveReadings(text: string, region: string | undefined, dict: ReadingDictionary): Resolved {
  const chars = Array.from(text);
  const n = chars.length;
  const lib = librarySyllables(text);
  const syllables = chars.map((c, i) => (lib[i] !== undefined ? lib[i] : c));
  const sources: ReadingSource[] = new Array(n).fill('library');
  const fixed: boolean[] = new Array(n).fill(false);
  const reviews: ReviewNote[] = [];

  // 1. Dictionary: at each position the longest entry, region-matched entries being accepted, others only candidates.
  for (let i = 0; i < n; ) {
    let step = 1;
    if (!dict.firstChars.has(chars[i])) {
      i++;
      continue;
    }
    for (let len = Math.min(dict.maxLen, n - i); len >= 1; len--) {
      const key = len === 1 ? chars[i] : chars.slice(i, i + len).join('');
      const hit = dict.best(key, region);
      if (!hit) continue;
      const { entry, regionMatch } = hit;
      const accepted = regionMatch && entry.confidence !== 'low';
      for (let k = 0; k < len; k++) {
        const j = i + k;
        const before = syllables[j];
        syllables[j] = entry.syllables[k] ?? syllables[j];
        sources[j] = accepted ? 'dictionary' : 'dictionary:other-region';
        fixed[j] = true;
        if (!accepted && (dict.placeDependent.has(chars[j]) || before !== syllables[j])) {
          reviews.push({
            index: j,
            char: chars[j],
            chosen: syllables[j],
            alternatives: alternativesFor(chars[j], syllables[j], dict),
            reason: entry.confidence === 'low'
              ? txt(
                  `「${entry.name}」的读音（${entry.syllables.join(' ')}）有争议，须由审批机关审定`,
                  `the reading of "${entry.name}" (${entry.syllables.join(' ')}) is disputed and must be decided by the approving body`,
                )
              : txt(
                  `「${chars[j]}」按「${entry.name}」（${regionLabel(entry.region)}）的读音 ${syllables[j]} 拼写，但本记录的所在地${region ? '不同' : '未给出'}，请确认`,
                  `"${chars[j]}" follows the reading ${syllables[j]} of "${entry.name}" (${regionLabel(entry.region, 'en')}), but this record is ${region ? 'elsewhere' : 'not located'}; please confirm`,
                ),
          });
        }
      }
      step = len;
      break;
    }
    i += step;
  }

  // 2. Settled words: common words in which a polyphone has one reading anywhere (长江, 银行 …).
  if (dict.settled.size) {
    for (let i = 0; i < n; ) {
      let step = 1;
      if (!dict.settledFirstChars.has(chars[i])) {
        i++;
        continue;
      }
      for (let len = Math.min(dict.maxSettledLen, n - i); len >= 2; len--) {
        let free = true;
        for (let k = 0; k < len; k++) if (fixed[i + k]) free = false;
        if (!free) continue;
        const w = dict.settled.get(chars.slice(i, i + len).join(''));
        if (!w) continue;
        for (let k = 0; k < len; k++) {
          syllables[i + k] = w[k];
          sources[i + k] = 'settled';
          fixed[i + k] = true;
        }
        step = len;
        break;
      }
      i += step;
    }
  }

  // 3. Character rules, then 4. the review of place-dependent characters read by the library.
  for (let i = 0; i < n; i++) {
    if (fixed[i]) continue;
    const ch = chars[i];
    const rule = dict.charRules.size ? dict.charRule(ch, region) : undefined;
    if (rule) {
      syllables[i] = rule.reading;
      if (rule.mode === 'auto' && rule.confidence !== 'low') {
        sources[i] = 'dictionary';
        continue;
      }
      sources[i] = 'dictionary:other-region';
      reviews.push({
        index: i,
        char: ch,
        chosen: rule.reading,
        alternatives: alternativesFor(ch, rule.reading, dict),
        reason: txt(
          `「${ch}」在${regionLabel(rule.region)}地名中常读 ${rule.reading}，但各地不一，须由审批机关审定读音`,
          `"${ch}" is often read ${rule.reading} in place names of ${regionLabel(rule.region, 'en')}, but readings vary; the approving body must decide`,
        ),
      });
      continue;
    }
    if (dict.placeDependent.has(ch)) {
      reviews.push({
        index: i,
        char: ch,
        chosen: syllables[i],
        alternatives: alternativesFor(ch, syllables[i], dict),
        reason: txt(
          `「${ch}」是多音字，地名中的读音因地而异（${[syllables[i], ...alternativesFor(ch, syllables[i], dict)].join('、')}），当地未审定读音，暂按 ${syllables[i]} 拼写`,
          `"${ch}" is read differently in different places (${[syllables[i], ...alternativesFor(ch, syllables[i], dict)].join(', ')}); no decided reading for this place, spelled ${syllables[i]} for now`,
        ),
      });
    } else if (!PINYIN_RE.test(syllables[i]) && isHanChar(ch)) {
      syllables[i] = '';
      reviews.push({
        index: i,
        char: ch,
        chosen: '',
        alternatives: [],
        reason: txt(`不知道「${ch}」的读音，请在「读音」列填写`, `the reading of "${ch}" is unknown; give it in the 读音 (reading) column`),
      });
    }
  }
  return { syllables, sources, reviews };
}

function alternativesFor(ch: string, chosen: string, dict: ReadingDictionary): string[] {
  const set = new Set<string>(libraryReadings(ch));
  for (const r of dict.charRules.get(ch) ?? []) set.add(r.reading);
  set.delete(chosen);
  return [...set];
}

function isHanChar(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch);
}

const PROVINCES: Record<string, [string, string]> = {
  '11': ['北京', 'Beijing'], '12': ['天津', 'Tianjin'], '13': ['河北', 'Hebei'], '14': ['山西', 'Shanxi'],
  '15': ['内蒙古', 'Inner Mongolia'], '21': ['辽宁', 'Liaoning'], '22': ['吉林', 'Jilin'], '23': ['黑龙江', 'Heilongjiang'],
  '31': ['上海', 'Shanghai'], '32': ['江苏', 'Jiangsu'], '33': ['浙江', 'Zhejiang'], '34': ['安徽', 'Anhui'],
  '35': ['福建', 'Fujian'], '36': ['江西', 'Jiangxi'], '37': ['山东', 'Shandong'], '41': ['河南', 'Henan'],
  '42': ['湖北', 'Hubei'], '43': ['湖南', 'Hunan'], '44': ['广东', 'Guangdong'], '45': ['广西', 'Guangxi'],
  '46': ['海南', 'Hainan'], '50': ['重庆', 'Chongqing'], '51': ['四川', 'Sichuan'], '52': ['贵州', 'Guizhou'],
  '53': ['云南', 'Yunnan'], '54': ['西藏', 'Tibet'], '61': ['陕西', 'Shaanxi'], '62': ['甘肃', 'Gansu'],
  '63': ['青海', 'Qinghai'], '64': ['宁夏', 'Ningxia'], '65': ['新疆', 'Xinjiang'],
};

function regionLabel(region: string, lang: 'zh' | 'en' = 'zh'): string {
  if (!region) return lang === 'en' ? 'any region' : '各地';
  const p = PROVINCES[region.slice(0, 2)];
  const name = p ? p[lang === 'en' ? 1 : 0] : '';
  return region.length > 2 ? `${name} ${region}` : `${name}${lang === 'en' ? ' ' : ''}${region}`.trim();
}
