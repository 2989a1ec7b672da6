import { txt } from '../core/text.js';
import { libraryReadings } from '../pinyin/library.js';
import { defaultDictionary } from '../pinyin/readings.js';
import { stripTones } from '../pinyin/syllable.js';
import type { Rule } from './types.js';
import { type Diff, type ExpectedForm, alignSyllables, expectedShown, fold, suppliedReadings } from './util/pinyin.js';

/** May the user's syllable be a local reading the engine could not know (a place-dependent character)? */
function acceptedAlternative(exp: ExpectedForm, d: Diff): boolean {
  const i = d.exp?.charIndex;
  if (i === undefined || !d.sup) return false;
  const ch = exp.chars[i];
  const dict = defaultDictionary();
  if (!dict.placeDependent.has(ch)) return false;
  const src = exp.roman.readingSources[i];
  if (src === 'dictionary' || src === 'override') return false;
  const want = d.sup.plain;
  const readings = [...libraryReadings(ch), ...(dict.charRules.get(ch) ?? []).map((r) => r.reading)];
  return readings.some((r) => fold(stripTones(r).toLowerCase()) === want);
}

/** rules.md §9 `pinyin-reading`: readings follow Mandarin and approved local readings. */
export const pinyinReading: Rule = {
  meta: {
    id: 'pinyin-reading',
    alias: 'R-PINYIN-READING',
    group: 'pinyin',
    severity: 'error',
    description: txt('读音符合普通话和审定的地名读音', 'readings follow Mandarin and the approved local readings'),
    basis: txt('1984年拼写规则第8条；《地名管理条例》第十五条（读音审定）；实施办法（2024）', '1984 rule 8; Regulations art. 15 (reading review); 2024 implementing measures'),
    fix: txt('按审定读音拼写；当地确有特殊读音的，在「读音」列写明', 'spell the approved reading; give a special local reading in the reading (读音) column'),
  },
  check(ctx) {
    const { rec } = ctx;
    for (const { sup, exp, syl, label } of suppliedReadings(rec)) {
      const diffs = alignSyllables(exp.syllables, syl, sup.toned).filter((d) => d.kind !== 'er-split' && d.kind !== 'er-added');
      if (!diffs.length) continue;
      const count = diffs.filter((d) => d.kind === 'missing' || d.kind === 'extra');
      if (count.length) {
        const nExp = exp.syllables.length;
        ctx.report(txt(
          `${label.zh}「${sup.raw}」的音节数与名称「${rec.name}」不符（应为「${expectedShown(exp, sup)}」，${nExp} 个音节）`,
          `the ${label.en} "${sup.raw}" does not have one syllable per character of "${rec.name}" (expected "${expectedShown(exp, sup)}")`,
        ));
        continue;
      }
      const hard: string[] = [];
      const soft: string[] = [];
      for (const d of diffs) {
        if (d.kind === 'number') {
          hard.push(`${d.sup?.text ?? ''}≠${d.exp?.num ?? ''}`);
          continue;
        }
        if (acceptedAlternative(exp, d)) continue;
        const i = d.exp?.charIndex;
        const ch = i !== undefined ? exp.chars[i] : '';
        const src = i !== undefined ? exp.roman.readingSources[i] : undefined;
        const item = `${ch ? `「${ch}」` : ''}${d.sup!.text}（应为 ${d.exp!.syl}）`;
        if (src === 'dictionary' || src === 'override') hard.push(item);
        else soft.push(item);
      }
      if (hard.length) {
        ctx.report(txt(
          `${label.zh}「${sup.raw}」读音有误：${hard.join('；')}；应为「${expectedShown(exp, sup)}」`,
          `the ${label.en} "${sup.raw}" has wrong readings: ${hard.join('; ')}; expected "${expectedShown(exp, sup)}"`,
        ));
      }
      if (soft.length) {
        ctx.report(txt(
          `${label.zh}「${sup.raw}」的读音与通常读音不同：${soft.join('；')}；如为当地审定读音，请在「读音」列写明`,
          `the ${label.en} "${sup.raw}" differs from the usual reading: ${soft.join('; ')}; if it is the approved local reading, give it in the reading column`,
        ), { soft: true });
      }
    }
  },
};
