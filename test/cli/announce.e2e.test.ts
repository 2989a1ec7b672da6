/**
 * `diming announce` end to end, on the built binary: every format from a fixture table, refusal of rows with errors,
 * --force marking, templates, injection text, determinism, geometry-derived length and location, bad input.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_CATALOG } from '../../src/announce/model.js';
import { FIXTURES, run, tempDir } from '../helpers.js';
import { entry, parseXml, unzip, xmlTexts } from '../announce/helpers.js';

const ROADS = join(FIXTURES, 'announce', 'roads.csv');
const ROADS_WKT = join(FIXTURES, 'announce', 'roads-wkt.csv');
const MY_TEMPLATE = join(FIXTURES, 'announce', 'my-template.json');
const BAD_TEMPLATE = join(FIXTURES, 'announce', 'bad-template.json');
const APPROVED = ['--authority', '广饶县人民政府', '--date', '2024-03-01'];
const NAMES = ['幸福路', '和谐路', '兴业路', '稻香路', '丰收路', '王口街', '东水路', '黄东巷', '赵庄路'];
const HEADER = 'name,省,市,县(区),乡镇(街道),村(社区),起点,止点,备案时间,公告时间';

/** CSV → rows of cells (the announcement CSV: BOM, quoted cells, no line breaks inside the fixtures' cells). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean)) {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return rows;
}

async function docxText(file: string): Promise<{ xml: string; texts: string[] }> {
  const zip = await unzip(readFileSync(file));
  const xml = await entry(zip, 'word/document.xml');
  parseXml(xml);
  return { xml, texts: xmlTexts(xml, 'w:t') };
}

async function xlsxParts(file: string): Promise<{ sheet: string; strings: string[] }> {
  const zip = await unzip(readFileSync(file));
  const sheet = await entry(zip, 'xl/worksheets/sheet1.xml');
  const strings = await entry(zip, 'xl/sharedStrings.xml');
  parseXml(sheet);
  return { sheet, strings: xmlTexts(strings, 't') };
}

/** A temporary CSV of approved roads (start/end given, filed and announced in time) plus `rows`. */
function roadsCsv(dir: string, name: string, rows: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, [HEADER, ...rows].join('\n') + '\n');
  return file;
}

const row = (name: string, village = '大王东村', township = '大王镇') =>
  `${name},山东省,东营市,广饶县,${township},${village},村西口,村东口,2024-03-10,2024-03-12`;

describe('diming announce (built binary)', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('diming-announce-');
  });

  describe('every format from one table', () => {
    it('DOCX: title, township sections with counts, every name and its tone-marked pinyin, the signature', async () => {
      const out = join(dir, 'all.docx');
      const r = run(['announce', ROADS, ...APPROVED, '-o', out]);
      expect(r.stderr).toContain('3 个乡镇（街道），共 9 条道路（大王镇 3 条，稻庄镇 3 条，李鹊镇 3 条）');
      expect(r.code, r.stderr).toBe(0);
      const { texts } = await docxText(out);
      const all = texts.join('');
      expect(all).toContain('广饶县人民政府关于乡村道路命名的公告');
      for (const h of ['一、大王镇（共3条）', '二、稻庄镇（共3条）', '三、李鹊镇（共3条）']) expect(texts).toContain(h);
      for (const n of NAMES) expect(texts).toContain(n);
      for (const p of ['Xìngfú Lù', 'Héxié Lù', 'Wángkǒu Jiē', 'Huángdōng Xiàng']) expect(texts).toContain(p);
      expect(texts).toContain('山东省东营市广饶县大王镇大王东村');
      expect(texts).toContain('位于大王镇大王东村，西起大王东村村委会，东至东外环路');
      expect(all).toContain('2024年3月1日');
      expect(all).not.toContain('未通过审查');
    });

    it('XLSX: string cells only, the same rows', async () => {
      const out = join(dir, 'all.xlsx');
      const r = run(['announce', ROADS, ...APPROVED, '-o', out]);
      expect(r.code, r.stderr).toBe(0);
      const { sheet, strings } = await xlsxParts(out);
      expect(sheet).not.toMatch(/<f[ >]/);
      for (const n of NAMES) expect(strings).toContain(n);
      expect(strings).toContain('一、大王镇（共3条）');
      expect(strings).toContain('Dàoxiāng Lù');
      expect(strings).toContain('2024年3月1日');
    });

    it('HTML and Markdown: one table per township', () => {
      const html = join(dir, 'all.html');
      expect(run(['announce', ROADS, ...APPROVED, '-o', html]).code).toBe(0);
      const h = readFileSync(html, 'utf8');
      expect(h.match(/<table/g)).toHaveLength(3);
      for (const n of NAMES) expect(h).toContain(n);
      const md = run(['announce', ROADS, ...APPROVED, '--format', 'md']);
      expect(md.code, md.stderr).toBe(0);
      expect(md.stdout).toContain('## 一、大王镇（共3条）');
      expect(md.stdout).toContain('| 1 | 幸福路 | Xìngfú Lù |');
      expect(md.stdout).toContain('| 9 | 赵庄路 |');
    });

    it('CSV: BOM, the township column added, 序号 1…9 in document order, dates as 2024年3月1日', () => {
      const out = join(dir, 'all.csv');
      expect(run(['announce', ROADS, ...APPROVED, '--doc-no', '广政字〔2024〕12号', '-o', out]).code).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const rows = csvRows(text);
      expect(rows[0]).toEqual(['序号', '乡镇（街道）', '标准名称', '罗马字母拼写', '所属政区', '位置描述', '长度(米)', '宽度(米)', '走向', '命名含义', '批准机关', '批准文号', '批准时间']);
      expect(rows.slice(1).map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
      expect(rows.slice(1).map((r) => r[2])).toEqual(NAMES);
      expect(rows[1]).toEqual(['1', '大王镇', '幸福路', 'Xìngfú Lù', '山东省东营市广饶县大王镇大王东村', '位于大王镇大王东村，西起大王东村村委会，东至东外环路', '880', '4.5', '东西', '寓意村民生活幸福美满', '广饶县人民政府', '广政字〔2024〕12号', '2024年3月1日']);
      expect(rows[4][1]).toBe('稻庄镇');
    });

    it('the format comes from -o, else --format; html, md and csv go to standard output without -o', () => {
      const r = run(['announce', ROADS, ...APPROVED, '--format', 'csv']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.startsWith('\uFEFF序号,乡镇（街道）,标准名称')).toBe(true);
      const h = run(['announce', ROADS, ...APPROVED, '-f', 'html']);
      expect(h.stdout).toMatch(/^<!DOCTYPE html>/i);
    });

    it('-q: nothing on standard error when all is well', () => {
      const r = run(['announce', ROADS, ...APPROVED, '--format', 'md', '-q']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('# 广饶县人民政府关于乡村道路命名的公告');
    });

    it('standard input and a binary format to a pipe with -o -', () => {
      const md = run(['announce', '-', ...APPROVED, '--format', 'md', '-q'], { input: readFileSync(ROADS) });
      expect(md.code, md.stderr).toBe(0);
      expect(md.stdout).toContain('## 三、李鹊镇（共3条）');
      const docx = run(['announce', ROADS, ...APPROVED, '--format', 'docx', '-o', '-', '-q']);
      expect(docx.code, docx.stderr).toBe(0);
      expect(docx.stdout.startsWith('PK')).toBe(true);
    });

    it('a supplied 拼音 column wins over the engine', () => {
      const file = join(dir, 'supplied.csv');
      writeFileSync(file, `${HEADER},拼音\n${row('堡子路')},BUZI LU\n${row('和平路', '大王西村')},Hépíng Lù\n`);
      const r = run(['announce', file, ...APPROVED, '--format', 'csv', '--template', 'minimum']);
      expect(r.code, r.stderr).toBe(0);
      const rows = csvRows(r.stdout);
      // Sign form normalised as diming pinyin does; a tone-marked value as written.
      expect(rows.map((x) => x[2])).toEqual(['罗马字母拼写', 'Buzi Lu', 'Hépíng Lù']);
    });

    it('length and 位置描述 from the geometry when the table has none (geodesic length, ends named after the crossing roads)', () => {
      const r = run(['announce', ROADS_WKT, ...APPROVED, '--format', 'csv']);
      expect(r.stderr).not.toMatch(/错误/);
      expect(r.code, r.stderr).toBe(0);
      const rows = csvRows(r.stdout);
      const xingfu = rows.find((x) => x[2] === '幸福路')!;
      expect(xingfu[5]).toBe('位于大王镇大王东村，西起和平路，东至建设路');
      expect(Number(xingfu[6])).toBeGreaterThan(885);
      expect(Number(xingfu[6])).toBeLessThan(895);
      expect(xingfu[8]).toBe('东西');
      const heping = rows.find((x) => x[2] === '和平路')!;
      expect(heping[5]).toBe('位于大王镇大王东村，南起村南排水沟，北至村北农田');
      expect(Number(heping[6])).toBeGreaterThan(1100);
    });
  });

  describe('rows with errors are refused unless --force', () => {
    it('a township government as approving body: findings listed, exit 1, nothing written', () => {
      const out = join(dir, 'refused.docx');
      const r = run(['announce', ROADS, '--authority', '大王镇人民政府', '--date', '2024-03-01', '-o', out]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('approval-authority');
      expect(r.stderr).toContain('大王镇人民政府');
      expect(r.stderr).toContain('9 行有“错误”级别的问题，未生成公告');
      expect(r.stderr).toContain('--force');
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.includes('diming-tmp'))).toEqual([]);
    });

    it('missing required fields (no 位置描述, no 批准机关/批准时间): each reported, nothing written', () => {
      const file = join(dir, 'missing.csv');
      writeFileSync(file, '名称,省,市,县(区),乡镇(街道),村(社区)\n幸福路,山东省,东营市,广饶县,大王镇,大王东村\n');
      const out = join(dir, 'missing.csv.html');
      const r = run(['announce', file, '-o', out]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('announce-fields');
      for (const f of ['位置描述', '批准机关', '批准时间']) expect(r.stderr).toContain(`缺少公告必备内容「${f}」`);
      expect(r.stderr).not.toContain('「罗马字母拼写」'); // generated
      expect(r.stderr).not.toContain('「所属政区」'); // resolved
      expect(existsSync(out)).toBe(false);
    });

    it('only the rows with errors block: one bad row among good ones still refuses the whole announcement', () => {
      const file = roadsCsv(dir, 'one-bad.csv', [row('幸福路'), row('龍泉路', '大王西村')]);
      const r = run(['announce', file, ...APPROVED, '--format', 'csv']);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('traditional-char');
      expect(r.stderr).toContain('1 行有“错误”级别的问题');
    });

    it('--force keeps them, marks them in 备注 (with the table’s own remark), adds a closing note, exit 1', async () => {
      const csv = run(['announce', ROADS, '--authority', '大王镇人民政府', '--date', '2024-03-01', '--format', 'csv', '--force']);
      expect(csv.code, csv.stderr).toBe(1);
      expect(csv.stderr).toContain('approval-authority');
      expect(csv.stderr).toContain('已按 --force 保留 9 行');
      const rows = csvRows(csv.stdout);
      expect(rows[0].at(-1)).toBe('备注');
      expect(rows).toHaveLength(10);
      for (const r of rows.slice(1)) expect(r.at(-1)).toMatch(/^未通过审查：批准机关「大王镇人民政府」是乡镇/);
      expect(rows[1].at(-1)).toMatch(/；道路已硬化$/);

      const out = join(dir, 'forced.docx');
      expect(run(['announce', ROADS, '--authority', '大王镇人民政府', '--date', '2024-03-01', '-o', out, '--force']).code).toBe(1);
      const { texts } = await docxText(out);
      expect(texts).toContain('备注');
      expect(texts.filter((t) => t.startsWith('未通过审查'))).toHaveLength(9);
      expect(texts.join('')).toContain('注：本稿中有9条道路名称未通过审查（见“备注”栏），须核实处理后方可公告。');
    });

    it('--force with some good rows: only the bad row is marked', () => {
      const file = roadsCsv(dir, 'mixed.csv', [row('幸福路'), row('龍泉路', '大王西村'), row('和谐路', '大王南村')]);
      const r = run(['announce', file, ...APPROVED, '--format', 'csv', '--force', '--template', 'minimum']);
      expect(r.code, r.stderr).toBe(1);
      const rows = csvRows(r.stdout);
      expect(rows.map((x) => x.at(-1))).toEqual(['备注', '', expect.stringMatching(/^未通过审查：.*龙/), '']);
    });

    it('--rule lowers a rule for this run (here approval-authority to a warning): written, exit 0', () => {
      const r = run(['announce', ROADS, '--authority', '大王镇人民政府', '--date', '2024-03-01', '--format', 'md', '--rule', 'approval-authority=warning']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('警告');
      expect(r.stdout).not.toContain('未通过审查');
    });

    it('--authority fills only rows without one; a row’s own body is judged as written', () => {
      const file = join(dir, 'own-body.csv');
      writeFileSync(file, `${HEADER},批准机关\n${row('幸福路')},\n${row('和谐路', '大王西村')},大王镇人民政府\n`);
      const r = run(['announce', file, ...APPROVED, '--format', 'csv']);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/2\s+和谐路\s+错误\s+approval-authority/);
      expect(r.stderr).not.toMatch(/1\s+幸福路\s+错误/);
    });
  });

  describe('templates', () => {
    it('--template minimum: the six legal columns', () => {
      const r = run(['announce', ROADS, ...APPROVED, '--format', 'csv', '--template', 'minimum']);
      expect(r.code, r.stderr).toBe(0);
      expect(csvRows(r.stdout)[0]).toEqual(['乡镇（街道）', '标准名称', '罗马字母拼写', '所属政区', '位置描述', '批准机关', '批准时间']);
    });

    it('--template full (the default) and announce-full', () => {
      const a = run(['announce', ROADS, ...APPROVED, '--format', 'csv', '--template', 'full']);
      const b = run(['announce', ROADS, ...APPROVED, '--format', 'csv']);
      const c = run(['announce', ROADS, ...APPROVED, '--format', 'csv', '--template', 'announce-full']);
      expect(a.code, a.stderr).toBe(0);
      expect(a.stdout).toBe(b.stdout);
      expect(a.stdout).toBe(c.stdout);
      expect(csvRows(a.stdout)[0]).toHaveLength(13);
    });

    it('--template FILE: own headers, start/end columns, a pass-through column; 位置描述 then carries the length', () => {
      const r = run(['announce', ROADS, ...APPROVED, '--format', 'csv', '--template', MY_TEMPLATE]);
      expect(r.code, r.stderr).toBe(0);
      const rows = csvRows(r.stdout);
      expect(rows[0]).toEqual(['序号', '乡镇（街道）', '标准名称', '汉语拼音', '俗称', '起点', '止点', '长度(米)', '备注']);
      expect(rows[1]).toEqual(['1', '大王镇', '幸福路', 'Xìngfú Lù', '', '大王东村村委会', '东外环路', '880', '道路已硬化']);
    });

    it('the length goes into 位置描述 when the template has no length column', () => {
      const file = join(dir, 'loc-template.json');
      writeFileSync(file, JSON.stringify({ columns: ['name', 'location_desc'] }));
      const r = run(['announce', ROADS, ...APPROVED, '--format', 'csv', '--template', file]);
      expect(r.code, r.stderr).toBe(0);
      expect(csvRows(r.stdout)[1]).toEqual(['大王镇', '幸福路', '位于大王镇大王东村，西起大王东村村委会，东至东外环路，全长约880米']);
    });

    it('a bad template file: exit 2, the column named, nothing written', () => {
      const out = join(dir, 'bad-template.docx');
      const r = run(['announce', ROADS, ...APPROVED, '--template', BAD_TEMPLATE, '-o', out]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('road_colour');
      expect(r.stderr).not.toMatch(/at .*\.js/);
      expect(existsSync(out)).toBe(false);
    });
  });

  describe('names that try injection print as plain text in every format', () => {
    let file = '';
    const EVIL = ['=HYPERLINK("http://x","y")路', '<script>alert(1)</script>巷', '+SUM(A1)路', '@cmd街'];
    beforeAll(() => {
      file = join(dir, 'evil.csv');
      const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
      writeFileSync(file, `${HEADER},命名含义\n${EVIL.map((n, i) => `${row(q(n), ['大王东村', '大王西村', '大王南村', '小李村'][i])},${q('-1+2 <b>x</b>')}`).join('\n')}\n`);
    });

    it('CSV: formula starts neutralised with an apostrophe', () => {
      const r = run(['announce', file, ...APPROVED, '--format', 'csv', '--force']);
      expect(r.code, r.stderr).toBe(1); // han-only and friends
      const rows = csvRows(r.stdout);
      expect(rows.slice(1).map((x) => x[2])).toEqual(["'=HYPERLINK(\"http://x\",\"y\")路", '<script>alert(1)</script>巷', "'+SUM(A1)路", "'@cmd街"]);
      expect(rows[1][9]).toBe("'-1+2 <b>x</b>");
    });

    it('HTML and Markdown: escaped, no live markup', () => {
      const h = run(['announce', file, ...APPROVED, '--format', 'html', '--force']).stdout;
      expect(h).toContain('&lt;script&gt;alert(1)&lt;/script&gt;巷');
      expect(h).not.toContain('<script>');
      expect(h).not.toContain('<b>x');
      expect(h).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)路');
      const md = run(['announce', file, ...APPROVED, '--format', 'md', '--force']).stdout;
      expect(md).not.toContain('<script>');
      expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;巷');
    });

    it('DOCX: literal text runs, no fields or hyperlinks', async () => {
      const out = join(dir, 'evil.docx');
      run(['announce', file, ...APPROVED, '-o', out, '--force']);
      const { xml, texts } = await docxText(out);
      for (const n of EVIL) expect(texts).toContain(n);
      expect(xml).not.toMatch(/<w:fldSimple|<w:instrText[^>]*>\s*HYPERLINK|<w:hyperlink/);
      expect(xml).not.toContain('<script>');
    });

    it('XLSX: string cells, never formulas', async () => {
      const out = join(dir, 'evil.xlsx');
      run(['announce', file, ...APPROVED, '-o', out, '--force']);
      const { sheet, strings } = await xlsxParts(out);
      expect(sheet).not.toMatch(/<f[ >]/);
      for (const n of EVIL) expect(strings).toContain(n);
    });
  });

  it('deterministic: the same input gives byte-identical DOCX and XLSX', () => {
    for (const ext of ['docx', 'xlsx']) {
      const a = join(dir, `det-a.${ext}`);
      const b = join(dir, `det-b.${ext}`);
      expect(run(['announce', ROADS, ...APPROVED, '-o', a]).code).toBe(0);
      expect(run(['announce', ROADS, ...APPROVED, '-o', b]).code).toBe(0);
      expect(readFileSync(a).equals(readFileSync(b)), ext).toBe(true);
    }
  });

  describe('bad input: exit 2, a clear message, no output file', () => {
    const cases: [string, string[], RegExp][] = [
      ['a missing input file', ['announce', 'no-such-file.csv', ...APPROVED], /no-such-file\.csv/],
      ['an invalid --date', ['announce', ROADS, '--authority', '广饶县人民政府', '--date', '2024-02-30'], /--date 的值「2024-02-30」不是有效日期/],
      ['an unknown --format', ['announce', ROADS, ...APPROVED, '--format', 'pdf'], /不支持的公告格式「pdf」/],
      ['--format contradicting the extension', ['announce', ROADS, ...APPROVED, '--format', 'xlsx'], /与输出文件的扩展名「\.docx」不符/],
      ['an empty --authority', ['announce', ROADS, '--authority', ' ', '--date', '2024-03-01'], /--authority 的值是空的/],
      ['an unknown --rule', ['announce', ROADS, ...APPROVED, '--rule', 'no-such-rule=error'], /no-such-rule/],
    ];
    it.each(cases)('%s', (_label, args, message) => {
      const out = join(dir, `bad-${_label.replace(/\W+/g, '-')}.docx`);
      const r = run([...args, '-o', out]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/内部错误|Internal error|\n\s+at /);
      expect(existsSync(out)).toBe(false);
    });

    it('DOCX without -o: exit 2, says to use -o', () => {
      const r = run(['announce', ROADS, ...APPROVED]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('DOCX 公告需要用 -o 指定输出文件');
      expect(r.stdout).toBe('');
    });

    it('an output extension that names no format', () => {
      const out = join(dir, 'announce.txt');
      const r = run(['announce', ROADS, ...APPROVED, '-o', out]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('无法从扩展名「.txt」判断公告格式');
      expect(existsSync(out)).toBe(false);
    });

    it('an empty table', () => {
      const file = join(dir, 'empty.csv');
      writeFileSync(file, '');
      const out = join(dir, 'empty.docx');
      const r = run(['announce', file, ...APPROVED, '-o', out]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('文件是空的');
      expect(existsSync(out)).toBe(false);
    });

    it('the output is the input: refused before anything is read', () => {
      const file = join(dir, 'self.csv');
      writeFileSync(file, readFileSync(ROADS));
      const r = run(['announce', file, ...APPROVED, '-o', file]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('就是输入文件');
      expect(readFileSync(file).equals(readFileSync(ROADS))).toBe(true);
    });

    it('English messages with --lang en', () => {
      const r = run(['announce', ROADS, ...APPROVED, '--lang', 'en']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('a DOCX announcement needs an output file (-o)');
    });
  });

  it('--help: Chinese help with examples and every template column', () => {
    const r = run(['announce', '--help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('示例：');
    expect(r.stdout).toContain('--force');
    for (const c of COLUMN_CATALOG) expect(r.stdout, c.key).toContain(`${c.key} `);
    expect(run(['--help']).stdout).toContain('announce');
  });
});
