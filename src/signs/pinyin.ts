import { readDataTable } from '../data/files.js';
import { stripTones } from '../pinyin/syllable.js';
import type { Umlaut } from './style.js';

/**
 * Sign-form pinyin for the renderer (pinyin.md §2): ALL CAPITALS, no tones, apostrophes kept, one space between
 * words; ü written as chosen by the style (`keep` → Ü, `u` → U, `v` → V). And the line-break options of 1984 rule 13:
 * between words first, else between syllables with a hyphen at the line end, never inside a syllable.
 */

/** Normalise any pinyin form (tone-marked, plain or sign) to the sign form with the given ü option. */
export function signPinyin(raw: string, umlaut: Umlaut = 'keep'): string {
  let s = stripTones(raw.normalize('NFC'))
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/u:/gi, 'ü')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
  if (umlaut === 'u') s = s.replace(/Ü/g, 'U');
  else if (umlaut === 'v') s = s.replace(/Ü/g, 'V');
  return s;
}

/** How a piece joins the next one: a word space, a syllable boundary inside a word, after a written hyphen, or not breakable. */
export type Joint = 'space' | 'syllable' | 'hyphen' | 'none' | 'end';

/** A run of the pinyin that is never broken, and how it joins the next run. */
export interface Piece {
  text: string;
  joint: Joint;
}

let syllableSet: Set<string> | undefined;

/** The toneless Hanyu Pinyin syllables (data/lexicon/syllables.txt), lower case with ü. */
function syllables(): Set<string> {
  if (!syllableSet) syllableSet = new Set(readDataTable('lexicon/syllables.txt').map((r) => r[0].toLowerCase()));
  return syllableSet;
}

/**
 * Split a run of letters into syllables. Inside a word without an apostrophe no syllable after the first starts with
 * a, o or e (1984 rule 11 puts an apostrophe there), which settles xian vs xi'an. Fewest syllables wins, then the
 * longest first syllable. Returns undefined when the run is not pinyin (the run then stays unbroken).
 */
export function splitSyllables(run: string, umlaut: Umlaut = 'keep'): string[] | undefined {
  const set = syllables();
  const low = run.toLowerCase();
  const norm = umlaut === 'v' ? low.replace(/v/g, 'ü') : low;
  const n = norm.length;
  if (!n || !/^[a-zü]+$/.test(norm)) return undefined;
  // best[i] = fewest syllables covering norm[i..]; next[i] = end of the first syllable in that split.
  const best = new Array<number>(n + 1).fill(Infinity);
  const next = new Array<number>(n + 1).fill(-1);
  best[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    if (i > 0 && 'aoe'.includes(norm[i])) continue;
    for (let j = Math.min(n, i + 6); j > i; j--) {
      if (best[j] === Infinity) continue;
      const syl = norm.slice(i, j);
      if (!set.has(syl) && !(umlaut === 'u' && set.has(syl.replace(/u/g, 'ü')))) continue;
      if (best[j] + 1 < best[i]) {
        best[i] = best[j] + 1;
        next[i] = j;
      }
    }
  }
  if (best[0] === Infinity) return undefined;
  const out: string[] = [];
  for (let i = 0; i < n; i = next[i]) out.push(run.slice(i, next[i]));
  return out;
}

/**
 * The sign pinyin as unbreakable pieces with their joints: words are joined by `space`; inside a word, letters split
 * into syllables (`syllable`), a written hyphen (Dì-3 → DI- | 3) joins by `hyphen`; an apostrophe syllable and digit
 * runs are not split off (`none`).
 */
export function pinyinPieces(sign: string, umlaut: Umlaut = 'keep'): Piece[] {
  const pieces: Piece[] = [];
  const words = sign.split(' ').filter(Boolean);
  for (const word of words) {
    // Hyphen-separated parts keep their hyphen on the left part.
    const parts = word.split(/(?<=-)/);
    for (const part of parts) {
      // Apostrophe chunks: the apostrophe stays with the following chunk, and that boundary is not broken.
      const chunks = part.split(/(?=')/);
      for (const chunk of chunks) {
        const lead = chunk.startsWith("'") ? "'" : '';
        const body = chunk.slice(lead.length);
        const m = /^([A-ZÜa-zü]+)(.*)$/.exec(body);
        const syl = m ? splitSyllables(m[1], umlaut) : undefined;
        if (m && syl && syl.length > 1) {
          syl.forEach((s, i) => pieces.push({ text: (i === 0 ? lead : '') + s + (i === syl.length - 1 ? m[2] : ''), joint: 'syllable' }));
        } else pieces.push({ text: chunk, joint: 'syllable' });
        pieces[pieces.length - 1].joint = 'none';
      }
      pieces[pieces.length - 1].joint = part.endsWith('-') ? 'hyphen' : 'none';
    }
    pieces[pieces.length - 1].joint = 'space';
  }
  if (pieces.length) pieces[pieces.length - 1].joint = 'end';
  return pieces;
}

/** Join pieces into lines, breaking after the given piece indexes (rule 13: a hyphen ends a line broken inside a word). */
export function joinLines(pieces: readonly Piece[], breaks: readonly number[]): string[] {
  const lines: string[] = [];
  let cur = '';
  const set = new Set(breaks);
  pieces.forEach((p, i) => {
    cur += p.text;
    if (set.has(i)) {
      if (p.joint === 'syllable') cur += '-';
      lines.push(cur);
      cur = '';
    } else if (p.joint === 'space') cur += ' ';
  });
  if (cur) lines.push(cur);
  return lines;
}

/** Break positions allowed at a level: `word` = word spaces only; `syllable` = also syllable boundaries and hyphens. */
export function breakCandidates(pieces: readonly Piece[], level: 'word' | 'syllable'): number[] {
  const out: number[] = [];
  pieces.forEach((p, i) => {
    if (p.joint === 'space' || (level === 'syllable' && (p.joint === 'syllable' || p.joint === 'hyphen'))) out.push(i);
  });
  return out;
}

/**
 * The best way to set the pinyin in `n` lines at a break level: the break positions that minimise the widest line
 * (by `width`); undefined when there are not enough break positions.
 */
export function bestBreak(
  pieces: readonly Piece[],
  n: number,
  level: 'word' | 'syllable',
  width: (line: string) => number,
): { lines: string[]; widest: number } | undefined {
  if (n <= 1) {
    const lines = joinLines(pieces, []);
    return { lines, widest: Math.max(0, ...lines.map(width)) };
  }
  const cand = breakCandidates(pieces, level);
  if (cand.length < n - 1) return undefined;
  let best: { lines: string[]; widest: number } | undefined;
  const pick: number[] = [];
  const visit = (start: number): void => {
    if (pick.length === n - 1) {
      const lines = joinLines(pieces, pick);
      const widest = Math.max(...lines.map(width));
      if (!best || widest < best.widest - 1e-9) best = { lines, widest };
      return;
    }
    for (let k = start; k < cand.length; k++) {
      pick.push(cand[k]);
      visit(k + 1);
      pick.pop();
    }
  };
  visit(0);
  return best;
}
