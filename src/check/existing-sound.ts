import { resolveType } from '../name/types.js';
import { libraryReadings } from '../pinyin/library.js';
import type { Orthography } from '../pinyin/orthography.js';
import { stripTones } from '../pinyin/syllable.js';
import { soundKeyOf } from './analyze.js';
import { fnv } from './namekeys.js';
import { quickSoundKey } from './readingkey.js';

/**
 * Sound keys of existing names as the orthography engine reads them, as the batch's own keys are read (重庆路 is
 * chong qing, 银行街 yin hang, 厦门路 Xia men). The per-character default reading (quickSoundKey) is right for a
 * name none of whose characters can be read otherwise; for the others the engine runs only when some reading of the
 * name could meet a batch key, because existing-name files hold millions of names.
 */
export class ExistingSoundKeys {
  private readonly byChar: [Map<string, readonly string[]>, Map<string, readonly string[]>] = [new Map(), new Map()];
  private readonly byUnit: [Map<number, readonly string[]>, Map<number, readonly string[]>] = [new Map(), new Map()];
  private readonly unitKinds: [Uint8Array, Uint8Array] = [new Uint8Array(65536), new Uint8Array(65536)];

  constructor(private readonly ortho: Orthography) {}

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
      for (const r of this.ortho.dict.charReadings(ch) ?? []) all.add(spell(r));
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

  /**
   * Is the name Han characters only (of the BMP), each of one reading? Then the engine reads it as quickSoundKey does,
   * and a batch record's key needs no engine. One pass over the units, each judged once.
   */
  plainHan(full: string, tones: boolean): boolean {
    if (!full) return false;
    const kinds = this.unitKinds[tones ? 1 : 0];
    for (let i = 0; i < full.length; i++) {
      const c = full.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) return false;
      let k = kinds[c];
      if (k === 0) kinds[c] = k = unitKind(this, String.fromCharCode(c), tones);
      if (k !== 1) return false;
    }
    return true;
  }

  /** Could the engine read the name otherwise than quickSoundKey does? */
  ambiguous(full: string, tones: boolean): boolean {
    // Per UTF-16 unit: 0 not known yet, 1 a Han character of one reading, 2 several readings, 3 one reading, not Han.
    const kinds = this.unitKinds[tones ? 1 : 0];
    for (let i = 0; i < full.length; i++) {
      const c = full.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) return true; // outside the BMP: let the engine decide
      let k = kinds[c];
      if (k === 0) kinds[c] = k = unitKind(this, full[i], tones);
      if (k === 2) return true;
    }
    return false;
  }

  /**
   * Does some reading of the text, its syllables joined by spaces as keys are, hash (FNV-1a from `seed`, 30 bits) to
   * a member of `hashes`? A filter before the engine runs, with no string built: true also when the readings are too
   * many to list.
   */
  mayMeet(text: string, tones: boolean, seed: number, hashes: { has(h: number): boolean }): boolean {
    let states = STATES_A;
    let next = STATES_B;
    let n = 1;
    states[0] = seed;
    let first = true;
    for (const ch of text) {
      const rs = this.readings(ch, tones);
      if (rs.length === 1 && !rs[0]) continue; // no syllable: quickSoundKey leaves it out too
      if (n * rs.length > MAX_COMBINATIONS) return true;
      let m = 0;
      for (let a = 0; a < n; a++) {
        const h0 = first ? states[a] : fnv(states[a], ' ');
        for (const r of rs) next[m++] = fnv(h0, r);
      }
      [states, next] = [next, states];
      n = m;
      first = false;
    }
    for (let a = 0; a < n; a++) if (hashes.has(states[a] & 0x3fffffff)) return true;
    return false;
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

const HAN = /\p{Script=Han}/u;

/** A unit's kind for ExistingSoundKeys' tables: 1 Han of one reading, 2 several readings, 3 one reading, not Han. */
function unitKind(keys: ExistingSoundKeys, ch: string, tones: boolean): number {
  if (keys.readings(ch, tones).length > 1) return 2;
  return HAN.test(ch) ? 1 : 3;
}

/** Above this many reading combinations the engine is simply asked (rare: long names of many polyphones). */
const MAX_COMBINATIONS = 64;
const STATES_A = new Int32Array(MAX_COMBINATIONS);
const STATES_B = new Int32Array(MAX_COMBINATIONS);

const perEngine = new WeakMap<Orthography, ExistingSoundKeys>();

/** One ExistingSoundKeys per engine (the scan and nearby-duplicate share its tables). */
export function existingSoundKeys(ortho: Orthography): ExistingSoundKeys {
  let k = perEngine.get(ortho);
  if (!k) perEngine.set(ortho, (k = new ExistingSoundKeys(ortho)));
  return k;
}
