import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDialectTable } from '../../src/check/dialect.js';
import { DimingError } from '../../src/core/errors.js';
import { FIXTURES, tempDir } from '../helpers.js';

describe('dialect tables (profile setting dialectTable)', () => {
  it('reads character → reading per line; other characters keep their toneless Mandarin syllable', () => {
    const t = loadDialectTable(join(FIXTURES, 'dialect', 'tongling-example.tsv'));
    expect(t.size).toBe(5);
    expect(t.key('富民路')).toBe('hu min lu');
    expect(t.key('湖鸣路')).toBe('hu min lu');
    expect(t.syllables('北池')).toEqual(['bai', 'chi']);
    expect(t.unitReading('富'.charCodeAt(0))).toBe('hu');
    expect(t.unitReading('路'.charCodeAt(0))).toBe('lu');
  });

  it('accepts commas, comments, blank lines, tone numbers and GBK files', () => {
    const dir = tempDir('diming-dialect-');
    const file = join(dir, 'gbk.csv');
    // '# 开平话\n\n富,fu3\n民 , man4 # 注释\n' in GBK
    writeFileSync(file, Buffer.from([0x23, 0x20, 0xbf, 0xaa, 0xc6, 0xbd, 0xbb, 0xb0, 0xa, 0xa, 0xb8, 0xbb, 0x2c, 0x66, 0x75, 0x33, 0xa, 0xc3, 0xf1, 0x20, 0x2c, 0x20, 0x6d, 0x61, 0x6e, 0x34, 0x20, 0x23, 0x20, 0xd7, 0xa2, 0xca, 0xcd, 0xa]));
    const t = loadDialectTable(file);
    expect(t.key('富民')).toBe('fu3 man4');
  });

  it.each([
    ['two characters', '富民\thu\n'],
    ['no reading', '富\n'],
    ['a reading with punctuation', '富\thu!\n'],
    ['a third column', '富\thu\tx\n'],
  ])('refuses %s, naming the file and line', (_label, text) => {
    const file = join(tempDir('diming-dialect-'), 'bad.tsv');
    writeFileSync(file, `# ok\n民\tmin\n${text}`);
    let err: unknown;
    try {
      loadDialectTable(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DimingError);
    expect((err as DimingError).kind).toBe('config');
    expect((err as DimingError).where).toEqual({ file, line: 3 });
  });

  it('a missing file is a configuration error naming it', () => {
    const file = join(tempDir('diming-dialect-'), 'none.tsv');
    expect(() => loadDialectTable(file)).toThrow(DimingError);
  });
});
