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

  add(e: ReadingEntry): void {
    const list = this.byName.get(e.name);
    if (list) list.push(e);
    else this.byName.set(e.name, [e]);
    this.maxLen = Math.max(this.maxLen, e.name.length);
    this.firstChars.add(String.fromCodePoint(e.name.codePointAt(0) ?? 0));
  }

  addSettled(word: string, syllables: string[]): void {
    this.settled.set(word, syllables);
    this.maxSettledLen = Math.max(this.maxSettledLen, word.length);
    this.settledFirstChars.add(String.fromCodePoint(word.codePointAt(0) ?? 0));
  }

  has(name: string): boolean {
    return this.byName.has(name);
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
    const list = d.charRules.get(char);
    if (list) list.push(rule);
    else d.charRules.set(char, [rule]);
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
