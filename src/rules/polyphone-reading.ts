import { txt } from '../core/text.js';
import { libraryReadings } from '../pinyin/library.js';
import { defaultDictionary } from '../pinyin/readings.js';
import type { Rule } from './types.js';
import { filled } from './util/fields.js';
import { spansOf } from './util/words.js';

interface Options {
  mode: 'place-dependent' | 'all';
  settledWords: string[];
}

/**
 * Where the reading of character `i` comes from, as the orthography engine decides it (pinyin.md §8.2), without
 * spelling the whole name: a region-matched dictionary entry or automatic character rule (`dictionary`), a settled
 * word (`settled`), or nothing better than the library or another region's entry (`open`).
 */
function sourceOf(chars: readonly string[], i: number, region: string | undefined, dict: ReturnType<typeof defaultDictionary>): 'dictionary' | 'settled' | 'open' {
  const n = chars.length;
  // Dictionary entries (the full name or a name inside it) that cover the character; the longest wins.
  let best: 'dictionary' | 'open' | undefined;
  let bestLen = 0;
  for (let start = Math.max(0, i - dict.maxLen + 1); start <= i; start++) {
    if (!dict.firstChars.has(chars[start])) continue;
    for (let end = Math.min(n, start + dict.maxLen); end > i; end--) {
      if (end - start <= bestLen) break;
      const hit = dict.best(chars.slice(start, end).join(''), region);
      if (!hit) continue;
      best = hit.regionMatch && hit.entry.confidence !== 'low' ? 'dictionary' : 'open';
      bestLen = end - start;
      break;
    }
  }
  if (best) return best;
  for (let start = Math.max(0, i - dict.maxSettledLen + 1); start <= i; start++) {
    if (!dict.settledFirstChars.has(chars[start])) continue;
    for (let end = Math.min(n, start + dict.maxSettledLen); end > i && end - start >= 2; end--) {
      if (dict.settled.has(chars.slice(start, end).join(''))) return 'settled';
    }
  }
  const rule = dict.charRule(chars[i], region);
  if (rule && rule.mode === 'auto' && rule.confidence !== 'low') return 'dictionary';
  return 'open';
}

/** rules.md §2 `polyphone-reading`: place-dependent readings must be decided (读音审定). */
export const polyphoneReading: Rule<Options> = {
  meta: {
    id: 'polyphone-reading',
    alias: 'R-POLYPHONE',
    group: 'characters',
    severity: 'warning',
    description: txt('因地而异的多音字须审定读音', 'characters read differently in different places need a decided reading'),
    basis: txt(
      '1984年拼写规则第8条（多音字按审音委员会审定的读音）；《地名管理条例》第十五条；实施办法（2024）读音审定；大名：新地名不用多音字',
      '1984 rule 8 (approved readings of polyphones); Regulations art. 15; 2024 implementing measures (reading review); Daming: no polyphones in new names',
    ),
    fix: txt('由审批机关审定读音，并填入「读音」或「拼音」列', 'have the approving body decide the reading and give it in the reading (读音) or pinyin column'),
    options: { mode: 'place-dependent', settledWords: [] },
  },
  check(ctx) {
    const { rec } = ctx;
    if (filled(rec, 'reading') || filled(rec, 'pinyin') || filled(rec, 'pinyin_sign')) return;
    const p = rec.parsed;
    const dict = defaultDictionary();
    if (ctx.options.mode !== 'all') {
      // Most names have no place-dependent character: decide that before any allocation.
      const scan = p.generic && p.specific ? p.specific : rec.full;
      let any = false;
      for (const ch of scan) if (dict.placeDependent.has(ch)) any = true;
      if (!any) return;
    }
    const chars = Array.from(rec.full);
    // Only the 专名 (and the whole name when it has no generic): modifiers and generics have fixed readings.
    const scope = p.generic && p.specific ? Array.from(p.specific).length : chars.length;
    const settled = spansOf(ctx.options.settledWords, rec.full);
    const isSettled = (i: number) => {
      const at = Array.from(rec.full).slice(0, i).join('').length;
      return settled.some((s) => s.index <= at && s.end > at);
    };

    if (ctx.options.mode === 'all') {
      const poly: string[] = [];
      for (let i = 0; i < scope; i++) {
        const ch = chars[i];
        if (poly.includes(ch) || isSettled(i)) continue;
        if (libraryReadings(ch).length > 1) poly.push(ch);
      }
      if (poly.length) {
        ctx.report(txt(
          `含有多音字${poly.map((c) => `「${c}」（${libraryReadings(c).join('、')}）`).join('')}，本地规定新地名不用多音字`,
          `polyphonic characters ${poly.map((c) => `"${c}" (${libraryReadings(c).join(', ')})`).join(', ')}: the local rule bars them from new names`,
        ));
      }
      return;
    }

    const candidates: number[] = [];
    for (let i = 0; i < scope; i++) if (dict.placeDependent.has(chars[i])) candidates.push(i);
    if (!candidates.length) return;
    const region = rec.admin.code;
    const open: string[] = [];
    const fromDict: string[] = [];
    for (const i of candidates) {
      if (isSettled(i)) continue;
      const src = sourceOf(chars, i, region, dict);
      if (src === 'settled') continue;
      const ch = chars[i];
      if (src === 'dictionary') {
        if (!fromDict.includes(ch)) fromDict.push(ch);
      } else if (!open.includes(ch)) open.push(ch);
    }
    // The spelling is only needed for the message.
    const roman = open.length || fromDict.length ? rec.romanization : undefined;
    if (open.length) {
      // The library's readings and the place-name readings (百: bǎi, and bó in 百色路).
      const readings = (c: string) => [...new Set([...libraryReadings(c), ...(dict.charReadings(c) ?? [])])];
      ctx.report(txt(
        `${open.map((c) => `「${c}」`).join('')}是地名多音字（${open.map((c) => `${c}：${readings(c).join('、')}`).join('；')}），读音因地而异，本记录未给出审定读音；现暂拼作 ${roman?.pinyin ?? '（无）'}`,
        `${open.map((c) => `"${c}"`).join(', ')} ${open.length > 1 ? 'are' : 'is'} read differently in different places (${open.map((c) => `${c}: ${readings(c).join(', ')}`).join('; ')}); no decided reading is given; spelled ${roman?.pinyin ?? '(none)'} for now`,
      ), roman?.alternatives?.length ? { fix: txt(`请审定读音，可选：${[roman.pinyin, ...roman.alternatives].join('、')}`, `decide the reading; candidates: ${[roman.pinyin, ...roman.alternatives].join(', ')}`) } : undefined);
    } else if (fromDict.length) {
      ctx.report(txt(
        `${fromDict.map((c) => `「${c}」`).join('')}的读音按本地地名读音词典拼作 ${roman?.pinyin ?? ''}，请审批机关确认`,
        `the reading of ${fromDict.map((c) => `"${c}"`).join(', ')} follows the local place-name dictionary (${roman?.pinyin ?? ''}); the approving body should confirm it`,
      ), { soft: true });
    }
  },
};
