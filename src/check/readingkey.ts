import { pinyin } from 'pinyin-pro';

/**
 * A fast sound key for existing names: the toneless default reading of each character, joined. Existing-name files
 * can hold millions of names; the full orthography engine runs only on candidate pairs (see uniqueness.ts).
 */
const toneless = new Map<string, string>();
const toned = new Map<string, string>();

export function quickSoundKey(text: string, tones = false): string {
  const table = tones ? toned : toneless;
  let out = '';
  for (const ch of text) {
    let s = table.get(ch);
    if (s === undefined) {
      s = pinyin(ch, { toneType: tones ? 'symbol' : 'none', nonZh: 'consecutive', toneSandhi: false }).toLowerCase().replace(/\s+/g, '');
      table.set(ch, s);
    }
    out = out ? `${out} ${s}` : s;
  }
  return out;
}

const firstToneless = new Map<number, string>();
const firstToned = new Map<number, string>();

/**
 * The syllable of one BMP character given by its UTF-16 code, as quickSoundKey spells it, looked up by number (no
 * one-character string is made); '' for surrogates and characters without a syllable.
 */
export function unitSound(code: number, tones = false): string {
  if (!(code >= 0) || (code >= 0xd800 && code <= 0xdfff)) return '';
  const table = tones ? firstToned : firstToneless;
  let s = table.get(code);
  if (s === undefined) table.set(code, (s = quickSoundKey(String.fromCharCode(code), tones)));
  return s;
}

/** The first non-empty syllable of quickSoundKey(text, tones), without building the whole key. */
export function firstSound(text: string, tones = false): string {
  const s = unitSound(text.charCodeAt(0), tones);
  if (s) return s;
  for (const ch of text) {
    const s = quickSoundKey(ch, tones);
    if (s) return s;
  }
  return '';
}

/** Near-sound folding (rules.md near-duplicate option nearSound): n/l, -n/-ng, z/zh, c/ch, s/sh, f/h. */
export function foldNearSound(key: string): string {
  return key
    .replace(/zh/g, 'z').replace(/ch/g, 'c').replace(/sh/g, 's')
    .replace(/ng(?=[^aeiouü]|$)/g, 'n')
    .replace(/l/g, 'n')
    .replace(/h(?=[aeiouü])/g, 'f');
}
