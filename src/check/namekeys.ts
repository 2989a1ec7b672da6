import type { Lists } from '../lists/lists.js';
import { isDirectionUnit, isOrdinalEndUnit } from '../name/parse.js';

/**
 * Cheap fingerprints of names for the existing-name scan (uniqueness.ts): computed once when a name is read, while
 * its string is in the cache, so that the scan can dismiss most of millions of names from typed arrays alone.
 */

/** 32-bit FNV-1a over UTF-16 units (equal strings, equal hashes; a filter, confirmed by comparing the strings). */
export function nameHash(s: string): number {
  return fnv(FNV_SEED, s) >>> 0;
}

export const FNV_SEED = 0x811c9dc5 | 0;

/** FNV-1a over s[0, end), continued from the state `h` (signed 32 bits; FNV_SEED to start). */
export function fnv(h: number, s: string, end = s.length): number {
  for (let i = 0; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

const MARKS = new WeakMap<Lists, Uint8Array>();

/** 1 at each UTF-16 unit that may start a traditional or variant character (all high surrogates, to be safe). */
export function tradMarks(lists: Lists): Uint8Array {
  let m = MARKS.get(lists);
  if (!m) {
    m = new Uint8Array(65536);
    m.fill(1, 0xd800, 0xdc00);
    for (const ch of lists.tradMap.keys()) m[ch.charCodeAt(0)] = 1;
    MARKS.set(lists, m);
  }
  return m;
}

/** Does `s` contain a unit marked in `marks`? */
export function hasMarked(s: string, marks: Uint8Array): boolean {
  for (let k = 0; k < s.length; k++) if (marks[s.charCodeAt(k)] === 1) return true;
  return false;
}

/**
 * Bit g-1 is set when the unit g places before the end of `s` may end an ordinal (a numeral or 号), g = 1…7: a name
 * can be member N of a series with a generic of g units only if bit g-1 is set (series-order reads this, not the name).
 * Bit 7 (DIRECTION_END) is set when a direction word stands 1–3 units before the end (槐荫东路, 槐荫东胡同): with the
 * ordinal bits, it tells the uniqueness scan which names may be members of a series (源福三街 beside 源福三路).
 */
export function ordinalEndFlags(s: string): number {
  let f = 0;
  for (let g = 1; g <= 7 && g < s.length; g++) if (isOrdinalEndUnit(s.charCodeAt(s.length - 1 - g))) f |= 1 << (g - 1);
  for (let g = 1; g <= 3 && g < s.length; g++) {
    if (isDirectionUnit(s.charCodeAt(s.length - 1 - g))) {
      f |= DIRECTION_END;
      break;
    }
  }
  return f;
}

/** The ordinal bits of ordinalEndFlags (generics of 1–7 units), and the direction bit. */
export const ORDINAL_END_BITS = 0x7f;
export const DIRECTION_END = 0x80;
