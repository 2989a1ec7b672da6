import { describe, expect, it } from 'vitest';
import { soundKeyOf } from '../../src/check/analyze.js';
import { analyzeDataset } from '../../src/check/engine.js';
import { existingSoundKeys } from '../../src/check/existing-sound.js';
import { buildDataset } from '../../src/io/dataset.js';
import { Orthography } from '../../src/pinyin/orthography.js';
import { loadProfile } from '../../src/profiles/profile.js';
import { RULES } from '../../src/rules/registry.js';

/**
 * A record's sound key skips the orthography engine when every character has one reading (Analyzed.sound). The key
 * must be the engine's all the same, for plain names and for those the engine reads by place or by word.
 */
describe('sound keys of batch records', () => {
  const names: [string, string][] = [
    ['幸福东路', '370523101'], ['和平路', '370523101'], ['重庆路', '370523101'], ['银行街', '110101001'], ['厦门路', '350203001'],
    ['十里堡路', '110105001'], ['六安路', '341502001'], ['长安街', '110101001'], ['小孩儿胡同', '110101001'], ['朝阳北路', '110105001'],
    ['乐清路', '370202001'], ['莘县路', '370202001'], ['绿洲路', '640104001'], ['女儿河路', '211402001'], ['翟家庄路', '410102001'],
    ['B幸福路', '370523101'], ['幸福2路', '370523101'],
  ];
  const ortho = new Orthography();
  const ds = buildDataset({ rows: [['名称', '区划代码'], ...names.map(([n, c]) => [n, c])], lines: names.map((_, i) => i + 1).concat(names.length + 1) }, 't.csv');
  const { records } = analyzeDataset(ds, { profiles: [loadProfile('national', RULES)], orthography: ortho });

  it.each([false, true])('equal the engine\'s key (tones: %s)', (tones) => {
    for (const rec of records) {
      let engine: string | undefined;
      try {
        engine = soundKeyOf(ortho.romanize(rec.full, { type: rec.type, region: rec.admin.code }), tones);
      } catch {
        engine = undefined; // a name the engine cannot spell has no sound key
      }
      expect(rec.sound!(tones), rec.name).toBe(engine);
    }
  });

  it('take the shortcut for names of one reading per character, and only for them', () => {
    const keys = existingSoundKeys(ortho);
    const plain = records.filter((r) => keys.plainHan(r.full, false)).map((r) => r.name);
    // 和 (hé, hè, huó …), 重, 行, 厦, 堡, 六, 长, 乐, 莘, 绿, 朝, 女 and 翟 can each be read two ways; B and 2 are not Han.
    expect(plain).toEqual(['幸福东路', '小孩儿胡同']);
    // The shortcut keeps no romanization (only the key strings are kept).
    const rec = records.find((r) => r.name === '幸福东路')!;
    expect((rec as unknown as { roman?: unknown }).roman).toBeUndefined();
  });

  it('a reading given in the table is the key, even for characters of one reading', () => {
    const withReading = buildDataset({ rows: [['名称', '区划代码', '读音'], ['幸福路', '370523101', 'xīng fú lù']], lines: [1, 2] }, 't.csv');
    const [rec] = analyzeDataset(withReading, { profiles: [loadProfile('national', RULES)], orthography: ortho }).records;
    expect(rec.record.fields.reading).toBe('xīng fú lù');
    expect(rec.sound!(true)).toBe('xīng fú lù');
  });
});
