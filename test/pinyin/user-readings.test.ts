import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDictionary } from '../../src/pipeline/pinyin.js';
import { Orthography } from '../../src/pinyin/orthography.js';

const dir = mkdtempSync(join(tmpdir(), 'diming-readings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};

describe('--readings files on top of the bundled dictionary', () => {
  it('keep the regional character rules (堡 in Beijing is pù)', () => {
    const engine = new Orthography(buildDictionary([file('other.tsv', '幸福路\txìng fú lù\n')]));
    expect(engine.romanize('王家堡路', { region: '110105' }).sign).toBe('WANGJIAPU LU');
  });

  it('find whole-name entries that start with a rare (two-unit) character', () => {
    const engine = new Orthography(buildDictionary([file('rare.tsv', '𠀀家路\tā bā cā\n')]));
    expect(engine.romanize('𠀀家路').plain).toBe('Aba Ca');
  });
});

describe('a record’s 分词 column', () => {
  it('divides that name only, whatever the order of the records', () => {
    const engine = new Orthography();
    const before = engine.romanize('金华山南路').pinyin;
    expect(engine.romanize('金华山北路', { segmentation: '金华/山/北路' }).pinyin).toBe('Jīnhuà Shān Běilù');
    expect(engine.romanize('金华山南路').pinyin).toBe(before);
    expect(engine.romanize('金华山北路').pinyin).toBe(new Orthography().romanize('金华山北路').pinyin);
  });
});
