import { resolveType } from '../name/types.js';
import { libraryReadings } from '../pinyin/library.js';
import type { Orthography } from '../pinyin/orthography.js';
import { stripTones } from '../pinyin/syllable.js';
import { soundKeyOf } from './analyze.js';
import { quickSoundKey } from './readingkey.js';

/**
 * Sound keys of existing names as the orthography engine reads them, as the batch's own keys are read (重庆路 is
 * chong qing, 银行街 yin hang, 厦门路 Xia men). The per-character default reading (quickSoundKey) is right for a
 * name none of whose characters can be read otherwise; for the others the engine runs only when some reading of the
 * name could meet a batch key, because existing-name files hold millions of names.
 */
export class ExistingSoundKeys {
  /** Readings the engine's dictionary gives a character (place names, settled words, character rules), tone-marked. */
  private readonly dictReadings = new Map<string, Set<string>>();
  private readonly byChar: [Map<string, readonly string[]>, Map<string, readonly string[]>] = [new Map(), new Map()];
  private readonly byUnit: [Map<number, readonly string[]>, Map<number, readonly string[]>] = [new Map(), new Map()];

  constructor(private readonly ortho: Orthography) {
    const add = (ch: string, syl: string | undefined) => {
      if (!syl) return;
      let s = this.dictReadings.get(ch);
      if (!s) this.dictReadings.set(ch, (s = new Set()));
      s.add(syl);
    };
    const dict = ortho.dict;
    for (const [name, entries] of dict.byName) {
      const chars = Array.from(name);
      for (const e of entries) chars.forEach((ch, k) => add(ch, e.syllables[k]));
    }
    for (const [word, syllables] of dict.settled) Array.from(word).forEach((ch, k) => add(ch, syllables[k]));
    for (const [ch, rules] of dict.charRules) for (const r of rules) add(ch, r.reading);
  }

  /** Every reading the engine may give one character, spelled as keys spell it; the default reading first. */
  readings(ch: string, tones: boolean): readonly string[] {
    const cache = this.byChar[tones ? 1 : 0];
    let out = cache.get(ch);
    if (out) return out;
    const first = quickSoundKey(ch, tones);
    const all = new Set([first]);
    // Only Han characters have other readings; anything else is spelled as it is.
    if (/\p{Script=Han}/u.test(ch)) {
      const spell = (s: string) => (tones ? s : stripTones(s)).toLowerCase();
      for (const r of libraryReadings(ch)) all.add(spell(r));
      for (const r of this.dictReadings.get(ch) ?? []) all.add(spell(r));
    }
    out = [...all];
    cache.set(ch, out);
    return out;
  }

  /** readings() of a BMP character given by its UTF-16 unit (the scan's first-syllable filter reads no string). */
  unitReadings(code: number, tones: boolean): readonly string[] {
    const cache = this.byUnit[tones ? 1 : 0];
    let out = cache.get(code);
    if (!out) cache.set(code, (out = code >= 0xd800 && code <= 0xdfff ? [] : this.readings(String.fromCharCode(code), tones)));
    return out;
  }

  /** Could the engine read the name otherwise than quickSoundKey does? */
  ambiguous(full: string, tones: boolean): boolean {
    for (const ch of full) if (this.readings(ch, tones).length > 1) return true;
    return false;
  }

  /**
   * Does some reading of the text (its syllables joined by spaces, as keys are) pass `meets`? A filter before the
   * engine runs: true also when the readings are too many to list.
   */
  mayMeet(text: string, tones: boolean, meets: (key: string) => boolean): boolean {
    let combos: string[] = [];
    for (const ch of text) {
      const rs = this.readings(ch, tones);
      if (rs.length === 1 && !rs[0]) continue; // no syllable: quickSoundKey leaves it out too
      if (Math.max(combos.length, 1) * rs.length > MAX_COMBINATIONS) return true;
      if (!combos.length) combos = [...rs];
      else {
        const next: string[] = [];
        for (const c of combos) for (const r of rs) next.push(`${c} ${r}`);
        combos = next;
      }
    }
    return combos.some(meets);
  }

  /** The key the engine gives the name at its place (the default readings when it cannot spell the name). */
  exact(full: string, tones: boolean, region: string | undefined, type: string | undefined): string {
    try {
      const r = this.ortho.romanize(full, { region, type: resolveType(type)?.type });
      return soundKeyOf(r, tones) ?? quickSoundKey(full, tones);
    } catch {
      return quickSoundKey(full, tones);
    }
  }

  /** The key of a name as the batch's keys are made: the engine's reading where it may differ from the default. */
  key(full: string, tones: boolean, region: string | undefined, type: string | undefined): string {
    return this.ambiguous(full, tones) ? this.exact(full, tones, region, type) : quickSoundKey(full, tones);
  }
}

/** Above this many reading combinations the engine is simply asked (rare: long names of many polyphones). */
const MAX_COMBINATIONS = 64;

const perEngine = new WeakMap<Orthography, ExistingSoundKeys>();

/** One ExistingSoundKeys per engine (the scan and nearby-duplicate share its tables). */
export function existingSoundKeys(ortho: Orthography): ExistingSoundKeys {
  let k = perEngine.get(ortho);
  if (!k) perEngine.set(ortho, (k = new ExistingSoundKeys(ortho)));
  return k;
}
