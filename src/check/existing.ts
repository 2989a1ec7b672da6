import type { LocatedName } from './located.js';

/**
 * Existing standard names (--gazetteer), kept only for the scopes the batch needs, so memory does not grow with
 * rows elsewhere. Stored column-wise: millions of names cost a few arrays, not millions of objects.
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

export class ExistingNames {
  /**
   * Existing names with geometry near the batch, from any scope (nearby-duplicate compares by distance, not by area);
   * filled by runCheck (src/check/located.ts) when the rule is on and the batch has geometry.
   */
  located?: LocatedName[];
  readonly names: string[] = [];
  readonly fulls: string[] = [];
  readonly codes: (string | undefined)[] = [];
  readonly types: (string | undefined)[] = [];
  readonly lines: number[] = [];
  readonly fileOf: number[] = [];
  readonly files: string[] = [];
  private nameSet: Set<string> | undefined;

  /** Register a file; returns its index for `add`. */
  addFile(file: string): number {
    this.files.push(file);
    return this.files.length - 1;
  }

  add(name: string, full: string, code: string | undefined, type: string | undefined, file: number, line: number): void {
    this.names.push(name);
    this.fulls.push(full);
    this.codes.push(code);
    this.types.push(type);
    this.lines.push(line);
    this.fileOf.push(file);
    this.nameSet = undefined;
  }

  get size(): number {
    return this.names.length;
  }

  /** Drop entries from `n` on (a file re-read in another encoding). */
  truncate(n: number): void {
    for (const a of [this.names, this.fulls, this.codes, this.types, this.lines, this.fileOf] as unknown[][]) a.length = n;
    this.nameSet = undefined;
  }

  /** One entry as an object (for findings). */
  entry(i: number): ExistingEntry {
    return {
      name: this.names[i],
      full: this.fulls[i],
      adminCode: this.codes[i],
      type: this.types[i],
      file: this.files[this.fileOf[i]],
      line: this.lines[i],
      index: i,
    };
  }

  /** Is `name` an existing standard name (in the loaded scopes)? */
  hasName(name: string, _adminCode?: string): boolean {
    this.nameSet ??= new Set(this.fulls);
    return this.nameSet.has(name);
  }
}
