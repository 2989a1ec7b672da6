import { pinyin, polyphonic } from 'pinyin-pro';

/**
 * The general pinyin library (pinyin-pro), used with tone sandhi off and its phrase dictionary on (pinyin.md §5.1).
 * Everything place-specific (dictionary, review, word division) is diming's own.
 */
export function librarySyllables(text: string): string[] {
  return pinyin(text, { type: 'array', toneSandhi: false, nonZh: 'spaced' });
}

const polyCache = new Map<string, string[]>();

/** All tone-marked readings of one character that the library knows. */
export function libraryReadings(ch: string): string[] {
  let r = polyCache.get(ch);
  if (!r) {
    r = polyphonic(ch, { type: 'array' })[0] ?? [];
    polyCache.set(ch, r);
  }
  return r;
}
