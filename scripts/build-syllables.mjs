// Derives data/lexicon/syllables.txt: every toneless Hanyu Pinyin syllable that pinyin-pro gives for any of the
// 8105 standard characters (data/chars/tgscc_8105.txt), plus the interjection syllables of the 汉语拼音方案 table that no
// standard character needs. Run by hand when pinyin-pro is upgraded: node scripts/build-syllables.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { pinyin, polyphonic } from 'pinyin-pro';

const chars = readFileSync(new URL('../data/chars/tgscc_8105.txt', import.meta.url), 'utf8').split(/\r?\n/).filter(Boolean);
const set = new Set();
for (const ch of chars) {
  for (const p of polyphonic(ch, { type: 'array', toneType: 'none' })[0] ?? []) set.add(p);
  set.add(pinyin(ch, { toneType: 'none' }));
}
for (const s of ['ê', 'm', 'n', 'ng', 'hm', 'hng', 'o', 'yo', 'lo']) set.add(s);
const list = [...set].filter((s) => /^[a-zü]+$/.test(s)).sort();
writeFileSync(
  new URL('../data/lexicon/syllables.txt', import.meta.url),
  '# Toneless Hanyu Pinyin syllables (rules.md §12 list 24), derived by scripts/build-syllables.mjs from the readings\n' +
    '# pinyin-pro (MIT) gives the 8105 characters of 《通用规范汉字表》, plus interjection syllables of the 汉语拼音方案.\n' +
    list.join('\n') + '\n',
);
console.log(list.length, 'syllables');
