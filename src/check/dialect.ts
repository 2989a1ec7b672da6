import { readFileSync } from 'node:fs';
import { configError } from '../core/errors.js';
import { txt } from '../core/text.js';
import { decodeText } from '../io/encoding.js';
import { quickSoundKey } from './readingkey.js';

/**
 * A local dialect's readings of characters (profile setting `dialectTable`, profiles.md §1.3: 铜陵 counts names with the
 * same dialect reading as homophones; 开平 checks dialect puns). The file has one character and its reading per line,
 * separated by a tab (or comma); # starts a comment. Readings are compared as written (lower case): a table may keep
 * its tone numbers or leave them out, as long as it does so throughout.
 */
export class DialectTable {
  private readonly firstCache = new Map<number, string>();

  constructor(
    readonly file: string,
    private readonly readings: ReadonlyMap<string, string>,
  ) {}

  get size(): number {
    return this.readings.size;
  }

  /** The reading of one character: the table's, else its toneless Mandarin syllable. */
  reading(ch: string): string {
    return this.readings.get(ch) ?? quickSoundKey(ch);
  }

  /** The readings of every character, space-separated: names with the same key sound the same in the dialect. */
  key(text: string): string {
    let out = '';
    for (const ch of text) {
      const r = this.reading(ch);
      if (r) out = out ? `${out} ${r}` : r;
    }
    return out;
  }

  /** The reading of the character given by a BMP code unit (the uniqueness scan's first-syllable filter). */
  unitReading(code: number): string {
    let r = this.firstCache.get(code);
    if (r === undefined) this.firstCache.set(code, (r = this.reading(String.fromCharCode(code))));
    return r;
  }

  /** Syllables of `text` in the dialect, one per character (the pun check). */
  syllables(text: string): string[] {
    return Array.from(text, (ch) => this.reading(ch));
  }
}

const loaded = new Map<string, DialectTable>();

/** Read a dialect table (UTF-8 or GBK), once per file; a malformed line is a configuration error naming it. */
export function loadDialectTable(file: string): DialectTable {
  const known = loaded.get(file);
  if (known) return known;
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw configError(txt('无法读取方言读音表（dialectTable）', 'cannot read the dialect table (dialectTable)'), e, txt('请检查配置中 dialectTable 的路径（相对路径从配置文件所在文件夹算起）。', 'Check the dialectTable path in the profile (relative to the profile file).'), { file });
  }
  const { text } = decodeText(buf, file);
  const readings = new Map<string, string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const [ch, reading, ...rest] = line.split(/\s*[\t,，]\s*|\s+/);
    const chars = Array.from(ch ?? '');
    const r = (reading ?? '').toLowerCase();
    if (chars.length !== 1 || !/^[a-zü0-9]+$/.test(r) || rest.length) {
      throw configError(
        txt(`方言读音表这一行应为「一个字<Tab>读音」：${raw.slice(0, 40)}`, `a dialect table line must be "character<Tab>reading": ${raw.slice(0, 40)}`),
        undefined,
        txt('每行一个字和它的方言读音（字母和数字），用 Tab 或逗号隔开；# 后为注释。', 'One character and its dialect reading (letters and digits) per line, separated by a tab or comma; # starts a comment.'),
        { file, line: i + 1 },
      );
    }
    readings.set(chars[0], r);
  });
  const table = new DialectTable(file, readings);
  loaded.set(file, table);
  return table;
}
