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

/** Near-sound folding (rules.md near-duplicate option nearSound): n/l, -n/-ng, z/zh, c/ch, s/sh, f/h. */
export function foldNearSound(key: string): string {
  return key
    .replace(/zh/g, 'z').replace(/ch/g, 'c').replace(/sh/g, 's')
    .replace(/ng(?=[^aeiouü]|$)/g, 'n')
    .replace(/l/g, 'n')
    .replace(/h(?=[aeiouü])/g, 'f');
}
