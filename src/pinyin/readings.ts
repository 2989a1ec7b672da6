import { readFileSync } from 'node:fs';
import { inputError } from '../core/errors.js';
import { type Text, txt } from '../core/text.js';
import { readDataTable } from '../data/files.js';
import { normalizeName } from '../name/normalize.js';
import { normalizeSyllable } from './syllable.js';

export type Confidence = 'high' | 'medium' | 'low' | 'user';

/** One place-name reading (pinyin.md §8.2 record format). */
export interface ReadingEntry {
  name: string;
  /** Admin-code prefix (2–12 digits); '' = any region. */
  region: string;
  syllables: string[];
  type?: string;
  confidence: Confidence;
  source: string;
  note?: string;
}

/** A character-level reading (place-chars.tsv): `auto` readings apply, `hint` readings only suggest. */
export interface CharRule {
  char: string;
  region: string;
  reading: string;
  mode: 'auto' | 'hint';
  confidence: Confidence;
  source: string;
}

/** Where a syllable came from (pinyin.md §8.1: a reading must never change silently between runs). */
export type ReadingSource = 'override' | 'dictionary' | 'dictionary:other-region' | 'settled' | 'library';

export class ReadingDictionary {
  readonly byName = new Map<string, ReadingEntry[]>();
  readonly charRules = new Map<string, CharRule[]>();
  readonly placeDependent = new Set<string>();
  readonly settled = new Map<string, string[]>();
  maxLen = 1;
  maxSettledLen = 1;
  /** First characters of dictionary names and settled words: positions starting elsewhere are skipped quickly. */
  readonly firstChars = new Set<string>();
  readonly settledFirstChars = new Set<string>();

  /** Region prefixes that some entry or character rule names, and their lengths (longest first). */
  private readonly regionSet = new Set<string>();
  private regionLens: number[] = [];

  /** Character rules bound to a region, and the first characters of region-bound entries. */
  private readonly regionalChars = new Set<string>();
  /** charReadings' table, made on first use and dropped when an entry is added. */
  private readingsByChar: Map<string, Set<string>> | undefined;
  private readonly regionalFirst = new Set<string>();
  private regionalMaxLen = 0;

  /**
   * Does the place change anything for this name? Only when it contains a region-bound entry (十里堡, 单县 …) or a
   * character with a regional rule (堡, 泊 …); otherwise every place reads it alike and the caches are shared.
   */
  regionMatters(name: string): boolean {
    const n = name.length;
    for (let i = 0; i < n; i++) {
      // Whole characters: a rare character is two UTF-16 units, and the sets hold characters.
      const c = name.charCodeAt(i);
      const ch = c >= 0xd800 && c <= 0xdbff ? name.slice(i, i + 2) : name[i];
      if (this.regionalChars.has(ch)) return true;
      if (!this.regionalFirst.has(ch)) continue;
      for (let len = Math.min(this.regionalMaxLen, n - i); len >= 1; len--) {
        const list = this.byName.get(name.slice(i, i + len));
        if (list && list.some((e) => e.region)) return true;
      }
      if (ch.length === 2) i++;
    }
    return false;
  }

  private noteRegion(r: string): void {
    if (!r || this.regionSet.has(r)) return;
    this.regionSet.add(r);
    if (!this.regionLens.includes(r.length)) this.regionLens = [...this.regionLens, r.length].sort((a, b) => b - a);
  }

  /**
   * The part of an admin code that can matter for readings: its longest prefix named by some entry, or '-' when no
   * entry names any part of it (a known place with no special readings). Results are the same as with the full code,
   * and the engine's caches then work per province or county instead of per village.
   */
  effectiveRegion(code: string | undefined): string | undefined {
    if (code === undefined || code === '') return code;
    for (const len of this.regionLens) if (code.length >= len && this.regionSet.has(code.slice(0, len))) return code.slice(0, len);
    return '-';
  }

  add(e: ReadingEntry): void {
    this.noteRegion(e.region);
    if (e.region) {
      this.regionalFirst.add(String.fromCodePoint(e.name.codePointAt(0) ?? 0));
      this.regionalMaxLen = Math.max(this.regionalMaxLen, e.name.length);
    }
    const list = this.byName.get(e.name);
    if (list) list.push(e);
    else this.byName.set(e.name, [e]);
    this.readingsByChar = undefined;
    this.maxLen = Math.max(this.maxLen, e.name.length);
    this.firstChars.add(String.fromCodePoint(e.name.codePointAt(0) ?? 0));
  }

  addCharRule(rule: CharRule): void {
    this.noteRegion(rule.region);
    if (rule.region) this.regionalChars.add(rule.char);
    const list = this.charRules.get(rule.char);
    if (list) list.push(rule);
    else this.charRules.set(rule.char, [rule]);
    this.readingsByChar = undefined;
  }

  addSettled(word: string, syllables: string[]): void {
    this.settled.set(word, syllables);
    this.readingsByChar = undefined;
    this.maxSettledLen = Math.max(this.maxSettledLen, word.length);
    this.settledFirstChars.add(String.fromCodePoint(word.codePointAt(0) ?? 0));
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /**
   * Every reading this dictionary gives one character (place names, settled words, character rules), tone-marked:
   * besides the library's readings, 百 is bó in 百色路 (上海).
   */
  charReadings(ch: string): ReadonlySet<string> | undefined {
    if (!this.readingsByChar) {
      const m = new Map<string, Set<string>>();
      const add = (c: string, syl: string | undefined) => {
        if (!syl) return;
        let s = m.get(c);
        if (!s) m.set(c, (s = new Set()));
        s.add(syl);
      };
      for (const [name, entries] of this.byName) {
        const chars = Array.from(name);
        for (const e of entries) chars.forEach((c, k) => add(c, e.syllables[k]));
      }
      for (const [word, syllables] of this.settled) Array.from(word).forEach((c, k) => add(c, syllables[k]));
      for (const [c, rules] of this.charRules) for (const r of rules) add(c, r.reading);
      this.readingsByChar = m;
    }
    return this.readingsByChar.get(ch);
  }

  /** The best entry for exactly this name: region-matched (longest prefix) first, else any (a candidate only). */
  best(name: string, region: string | undefined): { entry: ReadingEntry; regionMatch: boolean } | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    let best: ReadingEntry | undefined;
    for (const e of list) {
      if (!regionMatches(e.region, region)) continue;
      // A user's own entry (--readings) wins; otherwise the longest matching region prefix.
      if (!best || rank(e) > rank(best)) best = e;
    }
    if (best) return { entry: best, regionMatch: true };
    return { entry: list[0], regionMatch: false };
  }

  /** The character rule for a region (longest prefix), if any. */
  charRule(ch: string, region: string | undefined): CharRule | undefined {
    const list = this.charRules.get(ch);
    if (!list) return undefined;
    let best: CharRule | undefined;
    for (const r of list) {
      if (regionMatches(r.region, region) && (!best || r.region.length > best.region.length)) best = r;
    }
    return best;
  }
}

const rank = (e: ReadingEntry): number => (e.confidence === 'user' ? 100 : 0) + e.region.length;

/** An entry for region P applies to a record in region R when R starts with P ('' applies everywhere). */
export function regionMatches(entryRegion: string, region: string | undefined): boolean {
  if (!entryRegion) return true;
  return region !== undefined && region.startsWith(entryRegion);
}

let builtIn: ReadingDictionary | undefined;

/** The bundled dictionary (data/readings/), loaded once. */
export function defaultDictionary(): ReadingDictionary {
  if (builtIn) return builtIn;
  const d = new ReadingDictionary();
  for (const row of readDataTable('readings/place-names.tsv')) {
    const e = entryFromRow(row, 'place-names.tsv');
    if (e) d.add(e);
  }
  for (const [char, region, reading, mode, confidence, source] of readDataTable('readings/place-chars.tsv')) {
    const rule: CharRule = { char, region, reading, mode: mode === 'auto' ? 'auto' : 'hint', confidence: confidence as Confidence, source };
    d.addCharRule(rule);
  }
  for (const [ch] of readDataTable('readings/place-dependent.txt')) d.placeDependent.add(ch);
  for (const [word, syl] of readDataTable('readings/settled-words.tsv')) d.addSettled(word, syl.split(/\s+/));
  builtIn = d;
  return d;
}

function entryFromRow(row: string[], file: string, confidenceDefault: Confidence = 'medium'): ReadingEntry | undefined {
  const [name, region = '', syl = '', type = '', confidence = '', source = file, note = ''] = row;
  const syllables = syl.split(/\s+/).filter(Boolean).map((s) => normalizeSyllable(s) ?? s);
  if (!name || syllables.length === 0) return undefined;
  return {
    name: normalizeName(name),
    region: region.replace(/\D/g, ''),
    syllables,
    type: type || undefined,
    confidence: (['high', 'medium', 'low', 'user'].includes(confidence) ? confidence : confidenceDefault) as Confidence,
    source,
    note: note || undefined,
  };
}

/**
 * Read a user readings file (`--readings FILE`): the §8.2 TSV record format, or a two-column `name<TAB>syllables`
 * list. User entries are trusted (confidence `user`) where their region matches.
 */
export function loadUserReadings(file: string): ReadingEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw inputError(txt('无法读取读音文件', 'cannot read the readings file'), { file }, undefined, e);
  }
  const out: ReadingEntry[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (!raw.trim() || raw.trimStart().startsWith('#')) return;
    const cells = raw.split('\t').map((c) => c.trim());
    if (i === 0 && /^(name|名称|地名)$/i.test(cells[0])) return; // a header line
    // Two columns: name, syllables. Three or more: the §8.2 record (name, region, syllables, type, confidence, source, note).
    const row = cells.length === 2 ? [cells[0], '', cells[1]] : cells;
    const e = entryFromRow(row, file, 'user');
    if (!e) throw inputError(txt('读音文件格式不对', 'malformed readings file'), { file, line: i + 1 }, READINGS_HINT);
    const n = [...e.name].length;
    if (e.syllables.length !== n) {
      throw inputError(
        txt(`「${e.name}」有 ${n} 个字，却给了 ${e.syllables.length} 个音节`, `"${e.name}" has ${n} characters but ${e.syllables.length} syllables`),
        { file, line: i + 1 },
        READINGS_HINT,
      );
    }
    if (e.confidence !== 'low') e.confidence = 'user';
    out.push(e);
  });
  return out;
}

const READINGS_HINT: Text = txt(
  '每行：名称<TAB>区划代码前缀（可空）<TAB>带调拼音（音节以空格分开），如「十里堡<TAB>11<TAB>shí lǐ pù」；或两列「名称<TAB>拼音」。',
  'One entry per line: name<TAB>admin-code prefix (may be empty)<TAB>tone-marked syllables separated by spaces, e.g. "十里堡<TAB>11<TAB>shí lǐ pù"; or two columns "name<TAB>syllables".',
);
