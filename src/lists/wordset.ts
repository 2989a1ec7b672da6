/**
 * A set of words that can be searched for inside a name (substring match at every position, longest first).
 * Names are short (≤ 20 characters), so a scan over positions and lengths is as fast as an automaton here.
 */
export class WordSet<V = true> {
  private readonly words = new Map<string, V>();
  private maxLen = 0;
  private changes = 0;

  constructor(entries: Iterable<[string, V]> = []) {
    for (const [w, v] of entries) this.set(w, v);
  }

  set(word: string, value: V): void {
    if (!word) return;
    this.words.set(word, value);
    if (word.length > this.maxLen) this.maxLen = word.length;
    this.changes++;
  }

  delete(word: string): void {
    if (this.words.delete(word)) this.changes++;
  }

  /** Grows with every change (searches that index the words re-read them when it moved). */
  get version(): number {
    return this.changes;
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
}
