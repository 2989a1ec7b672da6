import { type Text, txt } from '../../core/text.js';
import { divisions } from '../../divisions/divisions.js';
import { type Lists, divisionNameSet } from '../../lists/lists.js';
import { WordSet } from '../../lists/wordset.js';
import { readDataTable } from '../../data/files.js';
import type { AnalyzedRecord } from '../types.js';

/** A word found in a text: [index, end) in UTF-16 units. */
export interface Hit<V = unknown> {
  word: string;
  index: number;
  end: number;
  value: V;
}

/**
 * One character trie over every word set that rules search (the lists, the division names …): a name is scanned
 * once for all of them, and each rule filters the hits of its own set. Names are short and repeat their 专名, so the
 * raw hits of the last few texts are kept (rules ask about the same 专名 one after another).
 */
interface TrieNode {
  next?: Map<number, TrieNode>;
  /** Words ending here: their numbers in `entries`. */
  ends?: number[];
}

/** A word of a set, where it ends in the trie. */
interface Entry {
  set: number;
  value: unknown;
  word: string;
}

const root: TrieNode = {};
/** The root's children by UTF-16 unit: every position of every text starts here (an array beats a map lookup). */
const top: (TrieNode | undefined)[] = new Array(65536).fill(undefined);
const RECENT = 8;
/**
 * The last texts scanned: their raw hits, and each set's answer once asked. Kept flat and reused, because a million
 * names × a few texts would otherwise allocate millions of short-lived hit objects and maps (most of them never read):
 * `raw` holds (entry number, index, end) triples; `keys`/`answers` the answers by set id and minimum length (a rule asks
 * about a few sets, so a short list is searched).
 */
interface Recent {
  text: string | undefined;
  raw: number[];
  /** Used length of raw, and of keys/answers: the arrays keep their storage from text to text. */
  rawLen: number;
  keys: number[];
  answers: Hit<unknown>[][];
  count: number;
}
const recent: Recent[] = Array.from({ length: RECENT }, () => ({ text: undefined, raw: [], rawLen: 0, keys: [], answers: [], count: 0 }));
let recentAt = 0;
/** Every word of every set in the trie, by the entry number that raw hits hold (a removed set's slots are reused). */
const entries: (Entry | undefined)[] = [];
const freeEntries: number[] = [];
const NO_HITS: Hit<never>[] = Object.freeze([]) as unknown as Hit<never>[];
const CACHE_LIMIT = 400_000;

/**
 * The sets in the trie. Held weakly: a library user who loads many profiles (each with its own copy of a changed
 * list) must not keep every copy's words for good, so a set's words leave the trie when the set is collected.
 */
interface Registered {
  id: number;
  version: number;
  /** Its entry numbers, to take them out again. */
  entries: number[];
}
const registered = new WeakMap<WordSet<unknown>, Registered>();
const freeIds: number[] = [];
let nextId = 0;
const collected = new FinalizationRegistry<Registered>((reg) => {
  removeEntries(reg);
  freeIds.push(reg.id);
});

/** The id of a word set in the trie, adding its words on first use and again after each change to the set. */
function idOf(ws: WordSet<unknown>): number {
  let reg = registered.get(ws);
  if (reg !== undefined && reg.version === ws.version) return reg.id;
  if (reg === undefined) {
    reg = { id: freeIds.pop() ?? nextId++, version: ws.version, entries: [] };
    registered.set(ws, reg);
    collected.register(ws, reg);
  } else {
    // Changed since it was indexed: words may have gone (a profile's remove), so its entries are rebuilt.
    removeEntries(reg);
    reg.version = ws.version;
  }
  for (const w of ws.keys()) {
    let node = root;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(c);
      if (!child) {
        node.next.set(c, (child = {}));
        if (node === root) top[c] = child;
      }
      node = child;
    }
    const e = freeEntries.pop() ?? entries.length;
    entries[e] = { set: reg.id, value: ws.get(w), word: w };
    (node.ends ??= []).push(e);
    reg.entries.push(e);
  }
  // The recent texts' raw hits lack the new words.
  for (const r of recent) r.text = undefined;
  return reg.id;
}

/** Takes a set's words out of the trie (its nodes stay: other sets mostly share them) and forgets recent hits. */
function removeEntries(reg: Registered): void {
  for (const e of reg.entries) {
    const entry = entries[e];
    if (!entry) continue;
    let node: TrieNode | undefined = root;
    for (let i = 0; i < entry.word.length && node; i++) node = node.next?.get(entry.word.charCodeAt(i));
    const ends = node?.ends;
    const at = ends ? ends.indexOf(e) : -1;
    if (ends && at >= 0) ends.splice(at, 1);
    if (node && ends && !ends.length) node.ends = undefined;
    entries[e] = undefined;
    freeEntries.push(e);
  }
  reg.entries = [];
  // Raw hits hold entry numbers, which are now free for reuse.
  for (const r of recent) r.text = undefined;
}

/** Words in the trie now (for tests: a collected set's words must leave it). */
export function trieWordCount(): number {
  return entries.length - freeEntries.length;
}

/** Every word of every registered set occurring in `text`, by start position and then length. */
function recentOf(text: string): Recent {
  // Newest first: rules ask about one record's texts one after another.
  for (let k = 0, at = recentAt; k < RECENT; k++, at = (at + RECENT - 1) % RECENT) {
    if (recent[at].text === text) return recent[at];
  }
  recentAt = (recentAt + 1) % RECENT;
  const r = recent[recentAt];
  r.text = text;
  r.count = 0;
  const raw = r.raw;
  let len = 0;
  const n = text.length;
  if (root.next) {
    for (let i = 0; i < n; i++) {
      let node = top[text.charCodeAt(i)];
      let j = i + 1;
      while (node) {
        const ends = node.ends;
        if (ends) {
          for (let e = 0; e < ends.length; e++) {
            raw[len] = ends[e];
            raw[len + 1] = i;
            raw[len + 2] = j;
            len += 3;
          }
        }
        if (!node.next || j >= n) break;
        node = node.next.get(text.charCodeAt(j));
        j++;
      }
    }
  }
  r.rawLen = len;
  return r;
}

/**
 * Listed words in `text`, leftmost-longest: a hit that lies inside a longer hit is dropped (普罗旺斯 hides 罗旺),
 * overlapping hits are kept (both may matter: 中华 and 华夏 in 中华夏). Callers must not modify the result.
 */
export function findWords<V>(ws: WordSet<V>, text: string, minLen = 1): Hit<V>[] {
  if (!text || ws.size === 0) return NO_HITS;
  const id = idOf(ws as WordSet<unknown>);
  const r = recentOf(text);
  // Several rules ask about the same set in the same text (division names: five rules): answered once.
  const key = id * 64 + Math.min(minLen, 63);
  for (let k = 0; k < r.count; k++) if (r.keys[k] === key) return r.answers[k] as Hit<V>[];
  const raw = r.raw;
  const len = r.rawLen;
  let out: Hit<V>[] | undefined;
  for (let k = 0; k < len; k += 3) {
    const e = entries[raw[k]]!;
    const index = raw[k + 1];
    const end = raw[k + 2];
    if (e.set !== id || end - index < minLen) continue;
    // The longest hit of this set at this position comes last among the hits starting here.
    let longest = true;
    for (let m = k + 3; m < len && raw[m + 1] === index; m += 3) {
      if (entries[raw[m]]!.set === id) {
        longest = false;
        break;
      }
    }
    if (!longest) continue;
    if (out && out.some((o) => o.index <= index && o.end >= end)) continue;
    (out ??= []).push({ word: e.word, index, end, value: e.value as V });
  }
  // Frozen: the answer is shared by every rule that asks (a caller that changed it would break the others).
  const result = out ? (Object.freeze(out) as Hit<V>[]) : (NO_HITS as Hit<V>[]);
  r.keys[r.count] = key;
  r.answers[r.count] = result as Hit<unknown>[];
  r.count++;
  return result;
}

/** Is [index, end) inside one of the spans? */
export function inside(spans: readonly { index: number; end: number }[], index: number, end: number): boolean {
  for (const s of spans) if (s.index <= index && s.end >= end) return true;
  return false;
}

/** Does [index, end) overlap one of the spans? */
export function overlaps(spans: readonly { index: number; end: number }[], index: number, end: number): boolean {
  for (const s of spans) if (s.index < end && s.end > index) return true;
  return false;
}

/** Occurrences of the given words (an allowlist option) in `text`. */
export function spansOf(words: readonly string[] | undefined, text: string): { index: number; end: number }[] {
  const out: { index: number; end: number }[] = [];
  if (!words) return out;
  for (const w of words) {
    if (!w) continue;
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) out.push({ index: i, end: i + w.length });
  }
  return out;
}

/** Chinese division names (province … township, full and short, ≥ 2 characters) found in `text`. */
export function divisionHits(text: string): Hit<string[]>[] {
  return findWords(divisionNameSet(), text, 2);
}

const ownCache = new Map<string, string[]>();
// The last record asked about: the per-record rules ask one record after another (no million-entry WeakMap).
let ownRec: AnalyzedRecord | undefined;
let ownNames: string[] = [];

/** The record's own division names (full and short) at every level it gives, village included. */
export function ownDivisionNames(rec: AnalyzedRecord): string[] {
  if (rec !== ownRec) {
    ownNames = computeOwnNames(rec);
    ownRec = rec;
  }
  return ownNames;
}

function computeOwnNames(rec: AnalyzedRecord): string[] {
  const a = rec.admin;
  const f0 = rec.record.fields;
  const key = `${a.code ?? ''}\u0001${a.province ?? ''}\u0001${a.township ?? ''}\u0001${a.village ?? ''}\u0001${f0.township ?? ''}\u0001${f0.village ?? ''}`;
  const hit = ownCache.get(key);
  if (hit) return hit;
  const out: string[] = [];
  const add = (n: string | undefined) => {
    if (!n) return;
    out.push(n);
    // Twice: 王府社区居委会 → 王府社区 → 王府; 中华村村委会 → 中华村 → 中华.
    for (let s = n, k = 0; k < 2; k++) {
      const t = s.replace(/(?:村民委员会|居民委员会|村委会|居委会|委员会|社区|街道办事处|街道|特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|省|市|县|区|旗|镇|乡|村)$/, '');
      if (t.length < 2 || t === s) break;
      out.push((s = t));
    }
  };
  add(a.province);
  add(a.city);
  add(a.county);
  add(a.township);
  add(a.village);
  const f = rec.record.fields;
  add(f.township?.trim());
  add(f.village?.trim());
  if (ownCache.size >= CACHE_LIMIT) ownCache.clear();
  ownCache.set(key, out);
  return out;
}

/**
 * The record's own division name (its village, township, county …) that holds text[index, end), if any: a road named
 * after its own village keeps that approved name, so the meaning rules check such a word rather than refuse it.
 */
function ownPlaceAround(rec: AnalyzedRecord, text: string, index: number, end: number): string | undefined {
  let best: string | undefined;
  for (const n of ownDivisionNames(rec)) {
    if (n.length < end - index) continue;
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) {
      if (i <= index && i + n.length >= end && (!best || n.length > best.length)) best = n;
    }
  }
  return best;
}

/**
 * Is the hit inside one of the record's own division names (ownPlaceAround)? Then the word and that name are kept in
 * `local` (once per word), for the rule to report as the soft case with ownPlaceNote.
 */
export function takeOwnPlace(local: [string, string][], rec: AnalyzedRecord, text: string, h: { word: string; index: number; end: number }): boolean {
  const place = ownPlaceAround(rec, text, h.index, h.end);
  if (!place) return false;
  if (!local.some(([w]) => w === h.word)) local.push([h.word, place]);
  return true;
}

/** 「中华」是本地地名「中华村」的一部分…: said of the words that ownPlaceAround found. */
export function ownPlaceNote(found: readonly (readonly [word: string, place: string])[]): Text {
  return txt(
    `${found.map(([w, p]) => (w === p ? `「${w}」是本地地名` : `「${w}」是本地地名「${p}」的一部分`)).join('，')}，以本地地名命名的可以沿用，请核实`,
    `${found.map(([w, p]) => (w === p ? `"${w}" is a local place name` : `"${w}" is part of the local name ${p}`)).join(', ')}; a name taken from the local place may keep it: please check`,
  );
}

/**
 * Does the record lie in an ethnic autonomous area (自治区, 自治州, 自治县, 自治旗)? Names there are often transliterated
 * from a minority language (扎兰希伯嘎查, 布拉克, 巴格), which the transliteration heuristics would take for foreign words.
 */
export function inAutonomousArea(rec: AnalyzedRecord): boolean {
  const a = rec.admin;
  return Boolean(a.province?.includes('自治') || a.city?.includes('自治') || a.county?.includes('自治'));
}

/** Said of a transliteration guess in an autonomous area (inAutonomousArea). */
export const MINORITY_NOTE = txt('；民族自治地方的少数民族语地名音译也常用这些字，请确认', '; minority-language place names of autonomous areas are transliterated with these characters too: please check');

let namingWords: WordSet<true> | undefined;

/**
 * Does a common naming word (data/lexicon/naming-words.txt) cross the start or the end of text[index, end)? Then the
 * hit straddles two words of the 专名 (青松 + 阳光 holds 松阳; 夏荷 + 兰花 holds 荷兰) and is only the soft case.
 */
export function straddles(text: string, index: number, end: number): boolean {
  if (!namingWords) {
    namingWords = new WordSet<true>();
    for (const [w] of readDataTable('lexicon/naming-words.txt')) namingWords.set(w, true);
  }
  for (const w of findWords(namingWords, text, 2)) {
    const crossesStart = w.index < index && index < w.end && w.end <= end;
    const crossesEnd = index <= w.index && w.index < end && end < w.end;
    if (crossesStart || crossesEnd) return true;
  }
  return false;
}

/** The record's own village and township names: its columns and the resolved area (any may be missing). */
export function ownLocalNames(rec: AnalyzedRecord): (string | undefined)[] {
  const f = rec.record.fields;
  return [f.village, f.township, rec.admin.village, rec.admin.township];
}

/** Province code (2 digits) of the record, when known. */
export function provinceOf(rec: AnalyzedRecord): string | undefined {
  return rec.admin.code && rec.admin.code.length >= 2 ? rec.admin.code.slice(0, 2) : undefined;
}

/** The text the content rules read: the 专名, or the whole name when the parse found none. */
export function contentText(rec: AnalyzedRecord): string {
  return rec.parsed.specific || rec.full;
}

/**
 * Chinese words made only of typical transliteration characters (the heuristics of foreign-person, foreign-word and
 * weird must not fire on them). Kept short: the list files and the division list cover most others.
 */
const NATIVE_TRANSLIT_WORDS = new Set([
  '博爱', '吉利', '卓尔', '斯文', '阿拉', '巴扎', '哈达', '卡拉', '沙拉', '米兰', '莉莉', '菲菲', '瑟瑟', '德泽', '泽兰', '佩兰',
  '博雅', '普济', '利民', '弗兰', '乌兰', '乌拉', '卡伦', '巴特', '达拉', '塔拉', '阿尔', '伊尔', '沙尔', '特尔', '吉尔',
  '博士', '伯爵', '格格', '雷锋', '泰山', '莫愁', '伊犁', '拉萨',
]);

export interface TranslitRun {
  index: number;
  end: number;
  text: string;
}

/**
 * Maximal runs of transliteration characters in `text` that are not inside a Chinese division name, a famous
 * feature, a word of the given allowlists or a native word made of such characters.
 */
export function translitRuns(text: string, lists: Lists, exclude: readonly { index: number; end: number }[] = [], minRun = 2): TranslitRun[] {
  if (longestTranslitRun(text, lists) < minRun) return [];
  const covered = [
    ...divisionHits(text),
    ...findWords(lists.famousFeatures, text, 2),
    ...findWords(lists.historicAllow, text, 2),
    ...findWords(lists.friendshipAllow, text, 2),
    ...spansOf([...NATIVE_TRANSLIT_WORDS], text),
    ...exclude,
  ];
  const out: TranslitRun[] = [];
  let i = 0;
  while (i < text.length) {
    if (!lists.translitChars.has(text[i]) || overlaps(covered, i, i + 1)) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && lists.translitChars.has(text[j]) && !overlaps(covered, j, j + 1)) j++;
    out.push({ index: i, end: j, text: text.slice(i, j) });
    i = j;
  }
  return out;
}

/** Length of the longest run of transliteration characters (a cheap test before the full analysis). */
export function longestTranslitRun(text: string, lists: Lists): number {
  let best = 0;
  let cur = 0;
  for (let i = 0; i < text.length; i++) {
    if (lists.translitChars.has(text[i])) {
      cur++;
      if (cur > best) best = cur;
    } else cur = 0;
  }
  return best;
}

/** Typical last characters of transliterated personal names (安娜, 卡尔, 牛顿 …): foreign-person's soft case. */
export const PERSON_FINALS = new Set(Array.from('斯尔顿德娜莎丝妮琳娅蒂特克曼伦逊夫诺莉黛薇茜琪妲芙蕾森'));

let commonDivisionWords: Map<string, number> | undefined;

/** How many township-level divisions carry this name (short or full): a high count means an ordinary place word. */
export function townshipNameCount(word: string): number {
  if (!commonDivisionWords) {
    commonDivisionWords = new Map();
    for (const [name, list] of divisions().byName) {
      let n = 0;
      for (const d of list) if (d.level === 4) n++;
      if (n) commonDivisionWords.set(name, n);
    }
  }
  return commonDivisionWords.get(word) ?? 0;
}
