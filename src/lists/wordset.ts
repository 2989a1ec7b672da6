/**
 * A set of words that can be searched for inside a name (substring match at every position, longest first).
 * Names are short (≤ 20 characters), so a scan over positions and lengths is as fast as an automaton here.
 */
export class WordSet<V = true> {
  private readonly words = new Map<string, V>();
  private maxLen = 0;

  constructor(entries: Iterable<[string, V]> = []) {
    for (const [w, v] of entries) this.set(w, v);
  }

  set(word: string, value: V): void {
    if (!word) return;
    this.words.set(word, value);
    if (word.length > this.maxLen) this.maxLen = word.length;
  }

  delete(word: string): void {
    this.words.delete(word);
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  get(word: string): V | undefined {
    return this.words.get(word);
  }

  get size(): number {
    return this.words.size;
  }

  keys(): IterableIterator<string> {
    return this.words.keys();
  }

  /** Every listed word occurring in `text` (overlapping allowed), with its position; longest first per position. */
  findAll(text: string, minLen = 1): { word: string; index: number; value: V }[] {
    const out: { word: string; index: number; value: V }[] = [];
    const n = text.length;
    for (let i = 0; i < n; i++) {
      for (let len = Math.min(this.maxLen, n - i); len >= minLen; len--) {
        const w = text.slice(i, i + len);
        const v = this.words.get(w);
        if (v !== undefined) {
          out.push({ word: w, index: i, value: v });
          break;
        }
      }
    }
    return out;
  }

  /** The first listed word occurring in `text`, or undefined. */
  find(text: string, minLen = 1): { word: string; index: number; value: V } | undefined {
    return this.findAll(text, minLen)[0];
  }
}
