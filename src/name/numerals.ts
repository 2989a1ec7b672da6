/** Chinese numerals as used in ordinals of street names (一 … 九十九, with 百 for completeness). */
const DIGIT: Record<string, number> = {
  '〇': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};
const UNIT: Record<string, number> = { '十': 10, '百': 100 };
const FORMAL = '壹贰叁肆伍陆柒捌玖拾佰仟';

const NUMERAL_CHARS = new Set([...Object.keys(DIGIT), ...Object.keys(UNIT), ...'0123456789']);

export function isNumeralChar(ch: string): boolean {
  return NUMERAL_CHARS.has(ch);
}

export function isFormalNumeral(ch: string): boolean {
  return FORMAL.includes(ch);
}

/**
 * Value of a Chinese numeral written positionally (十二, 二十一, 一百零五) or a run of Arabic digits.
 * Returns undefined for strings that are not a well-formed number (四十二十, 一二 as a date …).
 */
export function numeralValue(s: string): number | undefined {
  if (!s) return undefined;
  if (/^[0-9]+$/.test(s)) return Number(s);
  let total = 0;
  let pending: number | undefined;
  let lastUnit = Infinity;
  let sawZero = false;
  for (const ch of s) {
    if (ch in DIGIT) {
      if (pending !== undefined) return undefined; // two digits in a row (一二): not positional
      pending = DIGIT[ch];
      if (pending === 0) {
        if (lastUnit === Infinity || sawZero) return undefined;
        sawZero = true;
        pending = undefined;
      }
    } else if (ch in UNIT) {
      const u = UNIT[ch];
      if (u >= lastUnit) return undefined;
      if (pending === undefined) {
        if (total !== 0 || u !== 10) return undefined; // only a leading 十 may omit its digit
        pending = 1;
      }
      total += pending * u;
      pending = undefined;
      lastUnit = u;
      sawZero = false;
    } else {
      return undefined;
    }
  }
  if (pending !== undefined) {
    if (sawZero || lastUnit === Infinity || lastUnit === 10) total += pending;
    else return undefined; // 一百五 (= 150 colloquially) is not used in ordinals
  }
  return total > 0 ? total : undefined;
}

const SPELL = ['', 'yī', 'èr', 'sān', 'sì', 'wǔ', 'liù', 'qī', 'bā', 'jiǔ'];

/** Tone-marked syllables of a number written in Chinese (for the `spelled` ordinal mode). */
export function spellNumber(n: number): string[] {
  if (n <= 0 || n >= 1000) return String(n).split('');
  const out: string[] = [];
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const o = n % 10;
  if (h) out.push(SPELL[h], 'bǎi');
  if (t) {
    if (h || t > 1) out.push(SPELL[t]);
    out.push('shí');
  } else if (h && o) out.push('líng');
  if (o) out.push(SPELL[o]);
  return out;
}
