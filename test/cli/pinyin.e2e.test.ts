import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, run, tempDir } from '../helpers.js';

const F = (name: string) => join(FIXTURES, 'pinyin', name);

describe('diming pinyin (built binary)', () => {
  it('spells names given as arguments', () => {
    const r = run(['pinyin', '幸福东路', '金港一街', '西安路', '-f', 'json']);
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout);
    expect(items.map((i: { sign: string }) => i.sign)).toEqual(['XINGFU DONGLU', 'JINGANG 1 JIE', "XI'AN LU"]);
    expect(Object.keys(items[0])).toEqual(['name', 'type', 'pinyin', 'plain', 'sign', 'review']);
  });

  it.each(['roads-utf8.csv', 'roads-bom.csv', 'roads-gbk.csv', 'roads-utf16.txt', 'roads-title.csv'])(
    'reads %s (encoding and header detected)',
    (file) => {
      const r = run(['pinyin', '--input', F(file), '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const items = JSON.parse(r.stdout) as { name: string; type: string; sign: string; review: boolean }[];
      expect(items.map((i) => [i.name, i.type, i.sign])).toEqual([
        ['幸福东路', 'road', 'XINGFU DONGLU'],
        ['王家堡路', 'road', 'WANGJIAPU LU'], // 北京市 row: the Beijing hint, still for review
        ['单县', 'county', 'SHAN XIAN'], // 山东省 row: the Shandong reading
        ['柳河村', 'village', 'LIUHECUN'],
      ]);
      expect(items[1].review).toBe(true);
      expect(items[2].review).toBe(false);
    },
  );

  it('reads standard input', () => {
    const r = run(['pinyin', '-i', '-', '-f', 'csv'], { input: readFileSync(F('roads-gbk.csv')) });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFFname,type,pinyin,plain,sign,review,alternatives,reason')).toBe(true);
    expect(r.stdout).toContain('XINGFU DONGLU');
  });

  describe('xlsx', () => {
    let file = '';
    beforeAll(async () => {
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('说明').addRow(['本表为示例']);
      const ws = wb.addWorksheet('道路');
      ws.addRow(['大王镇拟命名道路一览表']);
      ws.addRow(['序号', '拟命名名称', '类别']);
      ws.addRow([1, '幸福东路', '道路']);
      ws.addRow([2, '槐荫一巷', '道路']);
      file = join(tempDir(), 'roads.xlsx');
      await wb.xlsx.writeFile(file);
    });

    it('reads a chosen sheet with --sheet', () => {
      const r = run(['pinyin', '-i', file, '--sheet', '道路', '-f', 'json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).map((i: { sign: string }) => i.sign)).toEqual(['XINGFU DONGLU', 'HUAIYIN 1 XIANG']);
    });

    it('says which sheets exist when --sheet is wrong', () => {
      const r = run(['pinyin', '-i', file, '--sheet', '不存在']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('说明、道路');
    });

    it('refuses a corrupt workbook clearly', () => {
      const bad = join(tempDir(), 'bad.xlsx');
      writeFileSync(bad, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]));
      const r = run(['pinyin', '-i', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('无法打开 Excel 文件');
      expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    });
  });

  it('writes -o atomically and leaves no temporary files', () => {
    const dir = tempDir();
    const out = join(dir, '结果.csv');
    const r = run(['pinyin', '-i', F('roads-utf8.csv'), '-f', 'csv', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('LIUHECUN');
    expect(readdirSync(dir)).toEqual(['结果.csv']);
  });

  it('never overwrites its input', () => {
    const dir = tempDir();
    const input = join(dir, 'in.csv');
    writeFileSync(input, readFileSync(F('roads-utf8.csv')));
    const before = statSync(input).mtimeMs;
    const r = run(['pinyin', '-i', input, '-o', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('就是输入文件');
    expect(statSync(input).mtimeMs).toBe(before);
  });

  it('uses --readings entries and the 读音/拼音/专名 columns', () => {
    const a = run(['pinyin', '王家堡路', '--readings', F('readings.tsv'), '--region', '110105', '-f', 'json']);
    expect(JSON.parse(a.stdout)[0]).toMatchObject({ sign: 'WANGJIAPU LU', review: false });
    const b = run(['pinyin', '-i', F('specific.csv'), '-f', 'json']);
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout).map((i: { pinyin: string }) => i.pinyin)).toEqual(['Xiǎo Nánjiē', 'Wángjiābǔ Lù', 'Xingfu Lu']);
  });

  it('escapes formula-like cells in CSV output', () => {
    const r = run(['pinyin', '-i', F('formula.csv'), '-f', 'csv']);
    expect(r.stdout).toContain(`'=HYPERLINK`);
    expect(r.stdout).not.toMatch(/^=HYPERLINK/m);
  });

  it('points to --column when no name column is found (every command that reads a table has it)', () => {
    const p = run(['pinyin', '-i', F('no-name-column.csv')]);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('或用 --column 指定');
    const c = run(['check', F('no-name-column.csv')]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('找不到名称列');
    expect(c.stderr).toContain('或用 --column 指定');
  });

  describe('bad input: a clear Chinese message, exit code 2, no stack trace', () => {
    const cases: [string, string[], string][] = [
      ['empty file', ['-i', F('empty.csv')], '文件是空的'],
      ['no name column (lists the columns found)', ['-i', F('no-name-column.csv')], '编号、长度、宽度'],
      ['neither UTF-8 nor GB18030', ['-i', F('latin1.csv')], '既不是 UTF-8，也不是 GBK/GB18030'],
      ['binary file', ['-i', F('not-text.csv')], '二进制'],
      ['unclosed quote', ['-i', F('unclosed-quote.csv')], '引号没有闭合'],
      ['missing file', ['-i', F('nope.csv')], '找不到文件'],
      ['unknown column', ['-i', F('roads-utf8.csv'), '--column', '道路'], '文件中的列：名称、类别、省、县(区)、备注'],
      ['Latin letters and punctuation', ['-i', F('bad-chars.csv')], '第 2 行（文件第 3 行）'],
      ['empty name argument', [''], '名称为空'],
      ['digits only', ['123'], '没有汉字'],
      ['no names at all', [], '没有给出要拼写的名称'],
      ['unknown region', ['幸福路', '--region', '乌有之乡'], '找不到名为「乌有之乡」的行政区划'],
      ['unknown option', ['幸福路', '--bogus'], '不认识的选项 --bogus'],
      ['bad type', ['幸福路', '--type', 'xx'], '可选'],
    ];
    it.each(cases)('%s', (_label, args, message) => {
      const r = run(['pinyin', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    });

    it('--debug adds the stack trace', () => {
      const r = run(['pinyin', '-i', F('latin1.csv'), '--debug']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/\n\s+at .+:\d+:\d+/);
    });

    it('--lang en switches the messages', () => {
      const r = run(['pinyin', '-i', F('empty.csv'), '--lang', 'en']);
      expect(r.stderr).toContain('the file is empty');
    });
  });

  it('help is Chinese by default and English with --lang en', () => {
    expect(run(['--help']).stdout).toContain('用法');
    expect(run(['pinyin', '--help']).stdout).toContain('示例');
    expect(run(['pinyin', '--help', '--lang', 'en']).stdout).toContain('Usage');
  });
});
