import { readDataTable } from '../data/files.js';

export type GenericClass =
  | 'road' | 'regional-road' | 'settlement' | 'building' | 'open-space' | 'improper'
  | 'admin' | 'natural' | 'structure' | 'scenic';

export interface GenericEntry {
  text: string;
  /** Tone-marked syllables, one per character. */
  syllables: string[];
  cls: GenericClass;
}

export interface Lexicon {
  /** All entries by text. */
  byText: Map<string, GenericEntry>;
  /** Longest generic length in characters, to bound suffix search. */
  maxLen: number;
  /** Entries by the UTF-16 code of their last character, longest first (suffix search without slicing). */
  byLast: Map<number, GenericEntry[]>;
}

let cached: Lexicon | undefined;

/** The generic-term table of data/lexicon/generics.tsv, loaded once. */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const byText = new Map<string, GenericEntry>();
  let maxLen = 1;
  for (const [text, py, cls] of readDataTable('lexicon/generics.tsv')) {
    const syllables = py.split(/\s+/);
    byText.set(text, { text, syllables, cls: cls as GenericClass });
    maxLen = Math.max(maxLen, [...text].length);
  }
  cached = { byText, maxLen, byLast: indexByLast(byText) };
  return cached;
}

function indexByLast(byText: Map<string, GenericEntry>): Map<number, GenericEntry[]> {
  const m = new Map<number, GenericEntry[]>();
  for (const e of byText.values()) {
    const last = e.text.charCodeAt(e.text.length - 1);
    const list = m.get(last);
    if (list) list.push(e);
    else m.set(last, [e]);
  }
  for (const list of m.values()) list.sort((a, b) => b.text.length - a.text.length);
  return m;
}
