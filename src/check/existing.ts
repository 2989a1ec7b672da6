import { baseLists } from '../lists/lists.js';
import type { LocatedName } from './located.js';
import { hasMarked, nameHash, ordinalEndFlags, tradMarks } from './namekeys.js';

/**
 * Existing standard names (--gazetteer), kept only for the scopes the batch needs, so memory does not grow with
 * rows elsewhere. Stored column-wise in typed arrays: five million names cost a few arrays, not five million objects
 * or strings (the names' UTF-16 units are packed in one array; codes are numbers with their digit count, lines and
 * files small integers). A packed name becomes a string only when a scan or a finding needs it.
 */
export interface ExistingEntry {
  name: string;
  /** Normalised name. */
  full: string;
  adminCode?: string;
  type?: string;
  file: string;
  /** 1-based line (CSV) or row (XLSX) or feature number. */
  line: number;
  /** Index in the store. */
  index: number;
}

/** ExistingNames.toState(): the store's arrays and tables, as structured clone carries them between threads. */
export interface ExistingState {
  count: number;
  units: Uint16Array<ArrayBuffer>;
  at: Uint32Array<ArrayBuffer> | undefined;
  columns: {
    start: Uint32Array<ArrayBuffer>; codeNum: Float64Array<ArrayBuffer>; codeLen: Uint8Array<ArrayBuffer>; typeIdx: Uint8Array<ArrayBuffer>; lineNo: Uint32Array<ArrayBuffer>; fileNo: Uint32Array<ArrayBuffer>;
    hash: Uint32Array<ArrayBuffer>; first: Uint32Array<ArrayBuffer>; last: Uint32Array<ArrayBuffer>; plain: Uint8Array<ArrayBuffer>; ordinalEnd: Uint8Array<ArrayBuffer>;
  };
  fullDiff: [number, string][];
  typeList: (string | undefined)[];
  typeOverflow: [number, string][];
  files: string[];
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** A Float64/Uint32/Uint8 column that grows by doubling. */
class Column<A extends Float64Array | Uint32Array | Uint8Array> {
  data: A;
  constructor(private readonly make: (n: number) => A) {
    this.data = make(1024);
  }
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = v;
  }
}

export class ExistingNames {
  /**
   * Existing names with geometry near the batch, from any scope (nearby-duplicate compares by distance, not by area);
   * filled by runCheck (src/check/located.ts) when the rule is on and the batch has geometry.
   */
  located?: LocatedName[];
  /**
   * Are the names without an area compared with every scope of the batch? Decided once by runCheck (which says so in
   * its note, comparesNoArea); a library user who leaves it unset gets the same bound applied by the scan.
   */
  noAreaCompared?: boolean;
  /**
   * Names in reading order, packed: the UTF-16 units of name k are units[start[k] .. start[k+1]) (`at[i]` maps a
   * store index to its place here after sortByScope). Five million strings would cost ~200 MB of heap and GC work.
   */
  private units = new Uint16Array(1 << 16);
  private readonly start = new Column((n) => new Uint32Array(n));
  private count = 0;
  private at: Uint32Array<ArrayBuffer> | undefined;
  /** The normalised name where it differs from `names[i]` (rare: most names arrive normalised). */
  private readonly fullDiff = new Map<number, string>();
  private readonly codeNum = new Column((n) => new Float64Array(n));
  /** Digits of the code (0 = none). */
  private readonly codeLen = new Column((n) => new Uint8Array(n));
  private readonly typeIdx = new Column((n) => new Uint8Array(n));
  private readonly lineNo = new Column((n) => new Uint32Array(n));
  private readonly fileNo = new Column((n) => new Uint32Array(n));
  // Fingerprints of the normalised name for the uniqueness scan (namekeys.ts): hash, first and last UTF-16 unit, and
  // whether it has a traditional/variant character or a surrogate (then the scan reads the string itself).
  private readonly hashCol = new Column((n) => new Uint32Array(n));
  private readonly firstCol = new Column((n) => new Uint32Array(n));
  private readonly lastCol = new Column((n) => new Uint32Array(n));
  private readonly plainCol = new Column((n) => new Uint8Array(n));
  /** ordinalEndFlags of the name: where an ordinal may end before a generic of 1–7 units, and a direction before one. */
  private readonly ordinalEndCol = new Column((n) => new Uint8Array(n));
  private readonly marks = tradMarks(baseLists());
  private readonly typeList: (string | undefined)[] = [undefined];
  private readonly typeOf = new Map<string, number>();
  /** Types beyond 255 distinct values (a damaged type column) are kept as text. */
  private readonly typeOverflow = new Map<number, string>();
  readonly files: string[] = [];
  private table: Uint32Array | undefined;

  /**
   * Everything the store holds, for another thread (gazetteer-thread.ts): the typed arrays go as they are (listed in
   * `transfer`, so posting them moves their memory instead of copying it); this store is unusable afterwards.
   */
  toState(): { state: ExistingState; transfer: ArrayBuffer[] } {
    const columns = this.columns();
    const state: ExistingState = {
      count: this.count,
      units: this.units,
      at: this.at,
      columns: Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, c.data])) as ExistingState['columns'],
      fullDiff: [...this.fullDiff],
      typeList: this.typeList,
      typeOverflow: [...this.typeOverflow],
      files: this.files,
    };
    const transfer = [this.units.buffer, ...Object.values(columns).map((c) => c.data.buffer)] as ArrayBuffer[];
    if (this.at) transfer.push(this.at.buffer as ArrayBuffer);
    return { state, transfer };
  }

  /** A store from toState() (on the receiving thread). */
  static fromState(state: ExistingState): ExistingNames {
    const ex = new ExistingNames();
    ex.count = state.count;
    ex.units = state.units;
    ex.at = state.at;
    const columns = ex.columns();
    for (const k of Object.keys(columns) as (keyof ExistingState['columns'])[]) (columns[k] as Column<typeof state.columns[typeof k]>).data = state.columns[k];
    for (const [k, v] of state.fullDiff) ex.fullDiff.set(k, v);
    ex.typeList.splice(0, ex.typeList.length, ...state.typeList);
    state.typeList.forEach((t, i) => t !== undefined && ex.typeOf.set(t, i));
    for (const [k, v] of state.typeOverflow) ex.typeOverflow.set(k, v);
    ex.files.push(...state.files);
    return ex;
  }

  private columns() {
    return {
      start: this.start, codeNum: this.codeNum, codeLen: this.codeLen, typeIdx: this.typeIdx, lineNo: this.lineNo, fileNo: this.fileNo,
      hash: this.hashCol, first: this.firstCol, last: this.lastCol, plain: this.plainCol, ordinalEnd: this.ordinalEndCol,
    };
  }

  /** Register a file; returns its index for `add`. */
  addFile(file: string): number {
    this.files.push(file);
    return this.files.length - 1;
  }

  /** `code` is a normalised administrative code (digits only, as normalizeAdminCode returns). */
  add(name: string, full: string, code: string | undefined, type: string | undefined, file: number, line: number): void {
    if (this.at) throw new Error('add after sortByScope');
    const i = this.count++;
    this.pack(i, name);
    if (full !== name) this.fullDiff.set(i, full);
    // Codes are digits (normalizeAdminCode); anything else is stored as no code rather than as NaN.
    const num = code ? Number(code) : NaN;
    const ok = code !== undefined && code.length <= 15 && Number.isInteger(num);
    this.codeLen.set(i, ok ? code.length : 0);
    this.codeNum.set(i, ok ? num : 0);
    let t = 0;
    if (type !== undefined) {
      const known = this.typeOf.get(type);
      if (known !== undefined) t = known;
      else if (this.typeList.length < 255) {
        t = this.typeList.length;
        this.typeList.push(type);
        this.typeOf.set(type, t);
      } else {
        t = 255;
        this.typeOverflow.set(i, type);
      }
    }
    this.typeIdx.set(i, t);
    this.hashCol.set(i, nameHash(full));
    this.firstCol.set(i, full.charCodeAt(0));
    this.lastCol.set(i, full.charCodeAt(full.length - 1));
    this.plainCol.set(i, full && !hasMarked(full, this.marks) ? 1 : 0);
    this.ordinalEndCol.set(i, ordinalEndFlags(full));
    this.lineNo.set(i, line);
    this.fileNo.set(i, file);
    this.table = undefined;
  }

  get size(): number {
    return this.count;
  }

  private pack(i: number, name: string): void {
    const from = i ? this.start.data[i] : 0;
    if (!i) this.start.set(0, 0);
    const to = from + name.length;
    if (to > this.units.length) {
      let cap = this.units.length * 2;
      while (cap < to) cap *= 2;
      const next = new Uint16Array(cap);
      next.set(this.units.subarray(0, from));
      this.units = next;
    }
    for (let k = 0; k < name.length; k++) this.units[from + k] = name.charCodeAt(k);
    this.start.set(i + 1, to);
  }

  /** Name k in reading order as a string. */
  private unpack(k: number): string {
    const from = this.start.data[k];
    const to = this.start.data[k + 1];
    if (to - from <= 2048) return String.fromCharCode.apply(null, this.units.subarray(from, to) as unknown as number[]);
    let out = '';
    for (let a = from; a < to; a += 2048) out += String.fromCharCode.apply(null, this.units.subarray(a, Math.min(a + 2048, to)) as unknown as number[]);
    return out;
  }

  /**
   * Reorder the store by township (the first nine digits of the code; entries without a code first, file order within
   * a township). A scan in this order meets each scope's data many times in a row and reads every column in sequence,
   * which keeps both in the processor's cache: on a shuffled five-million-name file the uniqueness scan runs three
   * times faster. Indices change; findings cite file and line, not the index.
   */
  sortByScope(): void {
    const n = this.size;
    if (n < 2) return;
    // Counting sort on the township: one slot per distinct township (in order of codes), stable within a slot.
    const town = new Float64Array(n);
    const count = new Map<number, number>();
    let sorted = true;
    for (let i = 0; i < n; i++) {
      const t = Math.max(0, this.codePrefix(i, Math.min(9, this.codeLen.data[i] || 9)));
      town[i] = t;
      count.set(t, (count.get(t) ?? 0) + 1);
      if (i && t < town[i - 1]) sorted = false;
    }
    if (sorted) return;
    const start = new Map<number, number>();
    let at = 0;
    for (const t of [...count.keys()].sort((a, b) => a - b)) {
      start.set(t, at);
      at += count.get(t)!;
    }
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const t = town[i];
      const k = start.get(t)!;
      order[k] = i;
      start.set(t, k + 1);
    }
    // Only the columns the scans read in sequence move; names, types, lines and files stay and are reached through
    // `at` (moving five million strings costs more than it saves).
    for (const col of [this.codeNum, this.codeLen, this.hashCol, this.firstCol, this.lastCol, this.plainCol, this.ordinalEndCol] as Column<Float64Array | Uint32Array | Uint8Array>[]) {
      const old = col.data.slice(0, n);
      for (let k = 0; k < n; k++) col.data[k] = old[order[k]];
    }
    this.at = order;
    this.table = undefined;
  }

  /** Drop entries from `n` on (a file re-read in another encoding). */
  truncate(n: number): void {
    if (this.at) throw new Error('truncate after sortByScope');
    this.count = Math.min(this.count, n);
    for (const m of [this.fullDiff, this.typeOverflow]) for (const k of m.keys()) if (k >= n) m.delete(k);
    this.table = undefined;
  }

  /**
   * Make every fingerprint say "read the string" (the scans then compute every key, as without fingerprints): the
   * reference that tests compare the filtered scan with.
   */
  withoutFingerprints(): this {
    this.plainCol.data.fill(0);
    this.ordinalEndCol.data.fill(0xff);
    return this;
  }

  /** Fingerprint columns (read-only views for the uniqueness scan); `plain[i]` = 0 means: read the string itself. */
  get fingerprints(): { hash: Uint32Array; first: Uint32Array; last: Uint32Array; plain: Uint8Array; ordinalEnd: Uint8Array } {
    return { hash: this.hashCol.data, first: this.firstCol.data, last: this.lastCol.data, plain: this.plainCol.data, ordinalEnd: this.ordinalEndCol.data };
  }

  /** The name as read, and normalised. */
  name(i: number): string {
    return this.unpack(this.at ? this.at[i] : i);
  }

  full(i: number): string {
    const j = this.at ? this.at[i] : i;
    return this.fullDiff.get(j) ?? this.unpack(j);
  }

  /** Number of digits of entry i's administrative code (0 when it has none). */
  codeLength(i: number): number {
    return this.codeLen.data[i];
  }

  /** The first `len` digits of entry i's code as a number, or -1 when its code is shorter (or missing). */
  codePrefix(i: number, len: number): number {
    const have = this.codeLen.data[i];
    if (have < len || !have) return -1;
    return have === len ? this.codeNum.data[i] : Math.floor(this.codeNum.data[i] / POW10[have - len]);
  }

  code(i: number): string | undefined {
    const len = this.codeLen.data[i];
    return len ? String(this.codeNum.data[i]).padStart(len, '0') : undefined;
  }

  type(i: number): string | undefined {
    const j = this.at ? this.at[i] : i;
    const t = this.typeIdx.data[j];
    return t === 255 ? this.typeOverflow.get(j) : this.typeList[t];
  }

  /** One entry as an object (for findings). */
  entry(i: number): ExistingEntry {
    const j = this.at ? this.at[i] : i;
    return {
      name: this.unpack(j),
      full: this.full(i),
      adminCode: this.code(i),
      type: this.type(i),
      file: this.files[this.fileNo.data[j]],
      line: this.lineNo.data[j],
      index: i,
    };
  }

  /**
   * Is `name` an existing standard name (in the loaded scopes)? An open-addressing table of store indices keyed by the
   * name hash already stored (4 bytes a slot, twice the entries), not a Set of five million strings.
   */
  hasName(name: string, _adminCode?: string): boolean {
    const n = this.size;
    if (!n) return false;
    if (!this.table) {
      let cap = 1;
      while (cap < n * 2) cap *= 2;
      const table = new Uint32Array(cap);
      const hash = this.hashCol.data;
      for (let i = 0; i < n; i++) {
        let slot = hash[i] & (cap - 1);
        while (table[slot] !== 0) slot = (slot + 1) & (cap - 1);
        table[slot] = i + 1;
      }
      this.table = table;
    }
    const table = this.table;
    const mask = table.length - 1;
    const h = nameHash(name);
    for (let slot = h & mask; table[slot] !== 0; slot = (slot + 1) & mask) {
      const i = table[slot] - 1;
      if (this.hashCol.data[i] === h && this.fullEquals(i, name)) return true;
    }
    return false;
  }

  /** full(i) === s, compared in the packed units (no string is made: rules ask this for most records). */
  private fullEquals(i: number, s: string): boolean {
    const j = this.at ? this.at[i] : i;
    const diff = this.fullDiff.get(j);
    if (diff !== undefined) return diff === s;
    const from = this.start.data[j];
    if (this.start.data[j + 1] - from !== s.length) return false;
    const units = this.units;
    for (let k = 0; k < s.length; k++) if (units[from + k] !== s.charCodeAt(k)) return false;
    return true;
  }
}

/** A numeric scope key of a code string (its first `len` digits), the same numbers as ExistingNames.codePrefix. */
export function codePrefixOf(code: string | undefined, len: number): number {
  if (!code || code.length < len) return -1;
  return Number(code.length === len ? code : code.slice(0, len));
}
