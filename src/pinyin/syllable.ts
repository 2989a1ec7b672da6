/**
 * Small pure helpers for tone-marked pinyin syllables (pinyin.md §5.4).
 */
const TONED: Record<string, [string, number]> = {
  ā: ['a', 1], á: ['a', 2], ǎ: ['a', 3], à: ['a', 4],
  ē: ['e', 1], é: ['e', 2], ě: ['e', 3], è: ['e', 4],
  ī: ['i', 1], í: ['i', 2], ǐ: ['i', 3], ì: ['i', 4],
  ō: ['o', 1], ó: ['o', 2], ǒ: ['o', 3], ò: ['o', 4],
  ū: ['u', 1], ú: ['u', 2], ǔ: ['u', 3], ù: ['u', 4],
  ǖ: ['ü', 1], ǘ: ['ü', 2], ǚ: ['ü', 3], ǜ: ['ü', 4],
  ń: ['n', 2], ň: ['n', 3], ǹ: ['n', 4], ḿ: ['m', 2],
};
const MARKS: Record<string, string[]> = {
  a: ['a', 'ā', 'á', 'ǎ', 'à'], e: ['e', 'ē', 'é', 'ě', 'è'], i: ['i', 'ī', 'í', 'ǐ', 'ì'],
  o: ['o', 'ō', 'ó', 'ǒ', 'ò'], u: ['u', 'ū', 'ú', 'ǔ', 'ù'], ü: ['ü', 'ǖ', 'ǘ', 'ǚ', 'ǜ'],
};

const COMBINING_RE = /[\u0300-\u036f]/;

/** Remove tone marks, keeping ü (its diaeresis is a letter, not a tone: pinyin.md §2). */
export function stripTones(s: string): string {
  let out = '';
  for (const ch of s) {
    const t = TONED[ch] ?? TONED[ch.toLowerCase()];
    if (t) out += ch === ch.toLowerCase() ? t[0] : t[0].toUpperCase();
    else out += ch;
  }
  // Combining marks left by decomposed input (e.g. a + U+0304), but never U+0308 (the diaeresis of ü).
  if (!COMBINING_RE.test(out)) return out;
  return out.normalize('NFD').replace(/[\u0300-\u0307\u0309-\u036f]/g, '').normalize('NFC');
}

/** Tone number of a syllable (0 = neutral or unmarked). */
export function toneOf(syl: string): number {
  for (const ch of syl.normalize('NFC')) {
    const t = TONED[ch.toLowerCase()];
    if (t) return t[1];
  }
  return 0;
}

/** Put tone `tone` (1–4) on a toneless syllable by the standard placement: a or e, o in ou, else the last vowel. */
export function markTone(base: string, tone: number): string {
  if (tone < 1 || tone > 4) return base;
  const s = base;
  let idx = s.search(/[ae]/);
  if (idx < 0) idx = s.indexOf('ou');
  if (idx < 0) {
    for (let i = s.length - 1; i >= 0; i--) {
      if ('iouü'.includes(s[i])) {
        idx = i;
        break;
      }
    }
  }
  if (idx < 0) return s;
  const v = s[idx];
  return s.slice(0, idx) + MARKS[v][tone] + s.slice(idx + 1);
}

/**
 * Read one syllable written as the user or a data file wrote it: tone marks, tone numbers (lu4), v or u: for ü,
 * any case. Returns the lower-case tone-marked form, or undefined when it is not a syllable-like token.
 */
export function normalizeSyllable(raw: string): string | undefined {
  let s = raw.normalize('NFC').trim().toLowerCase().replace(/u:|v/g, 'ü');
  if (!s) return undefined;
  const m = /^([a-zü\u00e0-\u00fc\u0100-\u01dc\u1e3f]+?)([0-5])?$/.exec(s);
  if (!m) return undefined;
  s = m[1];
  if (m[2] !== undefined && toneOf(s) === 0) s = markTone(s, Number(m[2]));
  return s;
}

/** Does the (toneless) syllable start with a, o or e? Such syllables take an apostrophe inside a word (1984 rule 11). */
export function startsWithAOE(syl: string): boolean {
  const c = stripTones(syl.charAt(0)).toLowerCase();
  return c === 'a' || c === 'o' || c === 'e';
}

/** Upper-case the first letter (tone marks survive: ō → Ō). */
export function capitalize(word: string): string {
  if (!word) return word;
  const first = word.codePointAt(0) ?? 0;
  const len = first > 0xffff ? 2 : 1;
  return word.slice(0, len).toUpperCase() + word.slice(len);
}

/** Join the syllables of one word, with an apostrophe before every non-initial a/o/e syllable. */
export function joinWord(syllables: readonly string[]): string {
  let out = '';
  for (let i = 0; i < syllables.length; i++) {
    const s = syllables[i];
    if (i > 0 && startsWithAOE(s) && !/[0-9]$/.test(out)) out += "'";
    out += s;
  }
  return out;
}
