/**
 * The batch's series members (源福三路, 槐荫东路) by scope and by a hash of the name less its generic (uniqueness.ts:
 * one member under another generic, 源福三街, is the same name to people). A million-name batch holds some 500,000
 * members: kept as a Map and a Set per scope they cost some 60 MB of heap; here they are three numbers each, in chunks
 * that never need copying (a grown array leaves its old copy to the allocator, which keeps it: +15 MB of RSS).
 * A filter of (scope, first unit) lets the existing-name scan skip most names without reading their strings.
 * Keys are 32-bit hashes: a lookup may meet another name, which the caller confirms (uniqueness.ts `exclude`).
 */
export class SeriesIndex<T> {
  /** Per member, three Int32 slots: key, next member in the bucket + 1, item index × 16 + scope length. */
  private readonly chunks: Int32Array[] = [];
  private count = 0;
  /** Bucket → first member + 1 (0: empty); built by `seal`. */
  private buckets = new Int32Array(1);
  private mask = 0;
  /** One bit per (scope, first unit) hash: may a member of this scope start with this unit? */
  private firsts: Uint8Array | undefined;

  /**
   * `items` are what `add` numbers; `scopeOf(item, len)` gives an item's scope code at a scope length, as `add` was
   * given it (confirms a hash's scope).
   */
  constructor(private readonly items: readonly T[], private readonly scopeOf: (item: T, len: number) => number) {}

  get size(): number {
    return this.count;
  }

  /** Member items[index]: its scope (length and code as a number), hash of the name less its generic, first unit. */
  add(len: number, scope: number, hash: number, first: number, index: number): void {
    const e = this.count++;
    if ((e & CHUNK_MASK) === 0) this.chunks.push(new Int32Array(CHUNK * 3));
    const c = this.chunks[e >>> CHUNK_BITS];
    const at = (e & CHUNK_MASK) * 3;
    c[at] = keyOf(len, scope, hash);
    c[at + 2] = index * 16 + len;
    const bit = firstBit(len, scope, first);
    this.firsts ??= new Uint8Array(FIRST_BITS >>> 3);
    this.firsts[bit >>> 3] |= 1 << (bit & 7);
  }

  /** Build the buckets once every member is added (before any lookup). */
  seal(): void {
    let size = 16;
    while (size < this.count * 2) size *= 2;
    this.buckets = new Int32Array(size);
    this.mask = size - 1;
    for (let e = this.count - 1; e >= 0; e--) {
      const c = this.chunks[e >>> CHUNK_BITS];
      const at = (e & CHUNK_MASK) * 3;
      const b = bucketOf(c[at]) & this.mask;
      c[at + 1] = this.buckets[b];
      this.buckets[b] = e + 1;
    }
  }

  /** May a member of this scope start with this unit? (False: certainly not.) */
  mayStartWith(len: number, scope: number, first: number): boolean {
    if (!this.firsts) return false;
    const bit = firstBit(len, scope, first);
    return (this.firsts[bit >>> 3] & (1 << (bit & 7))) !== 0;
  }

  /** The members of this scope whose key matches this hash, in the order they were added. */
  forEach(len: number, scope: number, hash: number, fn: (item: T) => void): void {
    if (!this.count) return;
    const key = keyOf(len, scope, hash);
    for (let e = this.buckets[bucketOf(key) & this.mask] - 1; e >= 0;) {
      const c = this.chunks[e >>> CHUNK_BITS];
      const at = (e & CHUNK_MASK) * 3;
      const slot = c[at + 2];
      if (c[at] === key && (slot & 15) === len) {
        const item = this.items[slot >>> 4];
        if (this.scopeOf(item, len) === scope) fn(item);
      }
      e = c[at + 1] - 1;
    }
  }

  /** Every two members with one key and one scope (both orders), for the pairs inside the batch. */
  forEachPair(fn: (a: T, b: T) => void): void {
    for (let e = 0; e < this.count; e++) {
      const c = this.chunks[e >>> CHUNK_BITS];
      const at = (e & CHUNK_MASK) * 3;
      for (let f = c[at + 1] - 1; f >= 0;) {
        const d = this.chunks[f >>> CHUNK_BITS];
        const bt = (f & CHUNK_MASK) * 3;
        if (d[bt] === c[at] && (d[bt + 2] & 15) === (c[at + 2] & 15)) {
          const len = c[at + 2] & 15;
          const a = this.items[c[at + 2] >>> 4];
          const b = this.items[d[bt + 2] >>> 4];
          if (this.scopeOf(a, len) === this.scopeOf(b, len)) {
            fn(a, b);
            fn(b, a);
          }
        }
        f = d[bt + 1] - 1;
      }
    }
  }
}

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;
const FIRST_BITS = 1 << 23;

/** The scope code folded to 32 bits (codes have up to 12 digits), with the length. */
function scopeBits(len: number, scope: number): number {
  return Math.imul((scope % 0x7fffffff) ^ Math.floor(scope / 0x7fffffff), 0x9e3779b1) ^ len;
}

function keyOf(len: number, scope: number, hash: number): number {
  return Math.imul(scopeBits(len, scope) ^ hash, 0x85ebca6b) ^ hash;
}

function bucketOf(key: number): number {
  return Math.imul(key ^ (key >>> 16), 0x7feb352d);
}

function firstBit(len: number, scope: number, first: number): number {
  return (Math.imul(scopeBits(len, scope) ^ Math.imul(first, 0x27d4eb2d), 0x85ebca6b) >>> 9) & (FIRST_BITS - 1);
}
