import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import * as zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeShapefile } from '../../src/geo/writers/shapefile.js';
import { FIXTURES, run, tempDir } from '../helpers.js';

/**
 * Malformed input for `diming check` (and `diming pinyin`, --gazetteer, --profile), run through the built binary:
 * exit code 2 with a clear Chinese message naming the file (and the line where there is one), no stack trace, no
 * output file and no temporary file left behind, and the input untouched. Inputs that are odd but readable are
 * read, and their behaviour asserted. Small text fixtures are in test/fixtures/check-bad/; binary and large ones are
 * generated here into a temporary folder.
 */

const BAD = join(FIXTURES, 'check-bad');
const B = (name: string) => join(BAD, name);
const PROFILES = join(BAD, 'profiles');
const STACK = /\n\s+at .+:\d+:\d+/;
const HAN = /[\u4e00-\u9fff]/;

let GEN = '';
const G = (name: string) => join(GEN, name);

// ---------------------------------------------------------------------------------------------- generated inputs

const gbk = (hex: string) => Buffer.from(hex, 'hex');
const utf8 = (s: string) => Buffer.from(s, 'utf8');
/** GBK bytes of 槐荫一巷,道路 (no GBK encoder in Node). */
const GBK_ROW = 'bbb1d2f1d2bbcfef2cb5c0c2b7';
/** GBK bytes of 名称 and 幸福东路. */
const GBK_NAME = 'c3fbb3c6';
const GBK_VALUE = 'd0d2b8a3b6abc2b7';

/** Deterministic pseudo-random bytes in [lo, lo + span). */
function noise(length: number, lo = 0, span = 256, seed = 42): Buffer {
  let s = seed;
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out[i] = lo + (s % span);
  }
  return out;
}

/**
 * A one-entry zip whose entry inflates to `size` zero bytes, from a few hundred KB: 1 MiB deflated with a full flush
 * is a self-contained run of blocks, repeated. `statedSize` is what the headers claim (a disguised bomb lies).
 */
function zipBomb(entry: string, mib: number, statedSize = mib * 1048576): Buffer {
  const seg = zlib.deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const data = Buffer.concat([...Array.from({ length: mib }, () => seg), Buffer.from([0x03, 0x00])]);
  const crcOf = (zlib as unknown as { crc32?: (b: Buffer, c?: number) => number }).crc32;
  let crc = 0;
  if (crcOf) for (let i = 0; i < mib; i++) crc = crcOf(Buffer.alloc(1 << 20), crc);
  const name = Buffer.from(entry);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(statedSize >>> 0, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(statedSize >>> 0, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

async function zipOf(files: Record<string, Buffer | string>): Promise<Buffer> {
  const z = new JSZip();
  for (const [p, data] of Object.entries(files)) z.file(p, data);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ROADS = [
  { geometry: { type: 'LineString' as const, coordinates: [[118.5, 37], [118.51, 37]] }, properties: { 名称: '幸福东路', 类别: '道路' } },
  { geometry: { type: 'LineString' as const, coordinates: [[118.52, 37], [118.53, 37]] }, properties: { 名称: '槐荫一巷', 类别: '道路' } },
];

/** A shapefile set in its own folder (so its sidecars can be hashed and removed). */
async function shapefile(folder: string, features = ROADS): Promise<string> {
  mkdirSync(G(folder), { recursive: true });
  const shp = G(`${folder}/roads.shp`);
  await writeShapefile(shp, features);
  return shp;
}

/** A one-record .dbf with a 名称 field, written in GBK. */
function gbkDbf(): Buffer {
  const dbf = Buffer.alloc(32 + 32 + 1 + 1 + 20 + 1);
  dbf[0] = 3;
  dbf.writeUInt32LE(1, 4);
  dbf.writeUInt16LE(65, 8);
  dbf.writeUInt16LE(21, 10);
  gbk(GBK_NAME).copy(dbf, 32);
  dbf[32 + 11] = 0x43; // C
  dbf[32 + 16] = 20;
  dbf[64] = 0x0d;
  dbf[65] = 0x20;
  Buffer.alloc(20, 0x20).copy(dbf, 66);
  gbk(GBK_VALUE).copy(dbf, 66);
  dbf[86] = 0x1a;
  return dbf;
}

const MB50 = 50 * 1024 * 1024;

beforeAll(async () => {
  GEN = tempDir('diming-bad-input-');
  // CSV
  writeFileSync(G('mixed-utf8-gbk.csv'), Buffer.concat([utf8('名称,类别\n幸福东路,道路\n'), gbk(GBK_ROW), utf8('\n和平西路,道路\n')]));
  writeFileSync(G('utf16le-no-bom.csv'), Buffer.from('名称\t类别\n幸福东路\t道路\n', 'utf16le'));
  writeFileSync(G('utf16be-no-bom.csv'), Buffer.from('名称\t类别\n幸福东路\t道路\n', 'utf16le').swap16());
  writeFileSync(G('binary-garbage.csv'), noise(4096));
  writeFileSync(G('high-byte-garbage.csv'), noise(4096, 0x80, 128));
  writeFileSync(G('nul-bytes.csv'), Buffer.concat([utf8('名称,类别\n幸福东路,道路\n槐荫'), Buffer.from([0]), utf8('一巷,道路\n')]));
  writeFileSync(G('gbk.csv'), Buffer.concat([gbk(`${GBK_NAME}2cc0e0b1f00a`), gbk(GBK_VALUE), gbk('2cb5c0c2b70a')]));
  writeFileSync(G('single-line-50mb.csv'), '幸福路,'.repeat(Math.ceil(MB50 / 10)));
  writeFileSync(G('single-cell-50mb.csv'), 'x'.repeat(MB50));
  writeFileSync(G('name-50mb.csv'), `名称,类别\n${'幸'.repeat(Math.ceil(MB50 / 3))}路,道路\n`);
  writeFileSync(G('long-cell.csv'), `名称,类别,备注\n幸福东路,道路,好\n槐荫一巷,道路,${'很'.repeat(40000)}\n`);
  writeFileSync(G('long-name.csv'), `名称,类别\n${'幸'.repeat(2000)}路,道路\n`);
  // XLSX
  writeFileSync(G('corrupt.xlsx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
  writeFileSync(G('zip-not-xlsx.xlsx'), await zipOf({ 'readme.txt': '这不是 Excel' }));
  writeFileSync(G('no-sheets.xlsx'), await workbook(() => undefined));
  writeFileSync(G('empty-sheet.xlsx'), await workbook((wb) => wb.addWorksheet('空表')));
  writeFileSync(G('roads.xlsx'), await workbook((wb) => {
    wb.addWorksheet('说明').addRow(['本表为示例']);
    const ws = wb.addWorksheet('道路');
    ws.addRow(['名称', '类别']);
    ws.addRow(['幸福东路', '道路']);
  }));
  writeFileSync(G('no-name-column.xlsx'), await workbook((wb) => {
    const ws = wb.addWorksheet('道路');
    ws.addRow(['编号', '长度']);
    ws.addRow([1, 100]);
  }));
  const ole = Buffer.alloc(2048);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(ole, 0);
  writeFileSync(G('old.xls'), ole);
  writeFileSync(G('xls-renamed.xlsx'), ole);
  // Office encrypts a workbook with a password to open into an OLE container with these streams.
  const encrypted = Buffer.from(ole);
  Buffer.from('EncryptionInfo', 'utf16le').copy(encrypted, 1024);
  Buffer.from('EncryptedPackage', 'utf16le').copy(encrypted, 1152);
  writeFileSync(G('encrypted.xlsx'), encrypted);
  writeFileSync(G('empty.xlsx'), Buffer.alloc(0));
  writeFileSync(G('text-as.xlsx'), '名称,类别\n幸福东路,道路\n');
  // Shapefile
  const good = await shapefile('good');
  rmSync(join(dirname(await shapefile('no-dbf')), 'roads.dbf'));
  rmSync(join(dirname(await shapefile('no-prj')), 'roads.prj'));
  const cut = await shapefile('truncated');
  writeFileSync(cut, readFileSync(cut).subarray(0, 130));
  const damaged = await shapefile('damaged');
  writeFileSync(damaged, Buffer.from(readFileSync(damaged)).fill(0x41, 100));
  const wrongCpg = await shapefile('wrong-cpg', [ROADS[0]]);
  writeFileSync(join(dirname(wrongCpg), 'roads.dbf'), gbkDbf());
  writeFileSync(join(dirname(wrongCpg), 'roads.cpg'), 'UTF-8');
  const layer: Record<string, Buffer> = {};
  for (const ext of ['shp', 'shx', 'dbf', 'prj', 'cpg']) {
    const data = readFileSync(join(dirname(good), `roads.${ext}`));
    layer[`a/roads.${ext}`] = data;
    layer[`b/paths.${ext}`] = data;
  }
  writeFileSync(G('two-layers.zip'), await zipOf(layer));
  writeFileSync(G('no-shp.zip'), await zipOf({ 'readme.txt': 'x' }));
  writeFileSync(G('garbage.zip'), noise(300));
  // KML/KMZ
  writeFileSync(G('no-kml.kmz'), await zipOf({ 'readme.txt': 'x', 'images/a.png': Buffer.from([1, 2, 3]) }));
  writeFileSync(G('corrupt.kmz'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
  // Past the reader's 512 MiB cap: refused from the stated size, before anything is inflated …
  writeFileSync(G('bomb.kmz'), zipBomb('doc.kml', 600));
  // … and when the headers lie about the size, as soon as the entry inflates past what they state.
  writeFileSync(G('bomb-disguised.kmz'), zipBomb('doc.kml', 600, 1000));
  writeFileSync(G('bomb.xlsx'), zipBomb('xl/worksheets/sheet1.xml', 600));
}, 120_000);

afterAll(() => {
  if (GEN) rmSync(GEN, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------- assertions

/** The input and its sidecars (roads.shp → roads.dbf, roads.prj …): path → SHA-256. */
function hashes(file: string): Record<string, string> {
  const dir = dirname(file);
  const stem = basename(file, extname(file));
  const out: Record<string, string> = {};
  for (const n of readdirSync(dir)) {
    if (basename(n, extname(n)) !== stem) continue;
    out[n] = createHash('sha256').update(readFileSync(join(dir, n))).digest('hex');
  }
  return out;
}

interface Expect {
  /** Messages stderr must contain. */
  says: (string | RegExp)[];
  /** The line or row the message names ("第 N 行"). */
  line?: number;
  /** What names the file in the message (default: the input's base name). */
  names?: string;
}

/** Run `diming <args>` writing to a fresh folder; the input (and its sidecars) must be unchanged afterwards. */
/** Good headers and 700,000 good rows (over the 16 MB at which existing names are read in a worker), then a bad row. */
function deepBadGazetteer(): string {
  const file = join(tempDir('diming-deep-bad-'), 'existing.csv');
  writeFileSync(file, `标准名称,区划代码\n${'幸福东路,370523101001\n'.repeat(700_000)}"断了的引号,370523101\n`);
  return file;
}

function runInto(args: string[], input: string, output = 'out.json') {
  const out = tempDir('diming-bad-out-');
  const before = hashes(input);
  const r = run([...args, '-o', join(out, output)]);
  return { ...r, files: readdirSync(out), unchanged: JSON.stringify(hashes(input)) === JSON.stringify(before), out };
}

function expectRefused(r: ReturnType<typeof runInto>, input: string, e: Expect): void {
  const why = `stderr: ${r.stderr}`;
  expect(r.code, why).toBe(2);
  expect(r.stderr, why).toMatch(/^错误：/);
  expect(r.stderr, why).toMatch(HAN);
  expect(r.stderr, why).not.toContain('内部错误');
  expect(r.stderr, why).not.toMatch(STACK);
  expect(r.stderr, why).toContain(e.names ?? basename(input));
  for (const m of e.says) {
    if (typeof m === 'string') expect(r.stderr, why).toContain(m);
    else expect(r.stderr, why).toMatch(m);
  }
  if (e.line !== undefined) expect(r.stderr, why).toContain(`第 ${e.line} 行`);
  expect(r.stdout).toBe('');
  expect(r.files, 'no output and no temporary file').toEqual([]);
  expect(r.unchanged, 'input unchanged').toBe(true);
}

function check(input: string, extra: string[] = []) {
  return runInto(['check', input, '-f', 'json', ...extra], input);
}

// ---------------------------------------------------------------------------------------------- cases

type Case = [label: string, input: () => string, e: Expect, extra?: string[]];

const CSV: Case[] = [
  ['truncated mid-row (no final line end, short last row)', () => B('truncated-mid-row.csv'), { says: ['被截断', '最后一行只有 2 列'], line: 4 }],
  ['truncated inside a quoted cell', () => B('truncated-in-quote.csv'), { says: ['引号没有闭合'], line: 3 }],
  ['unbalanced quotes (text after a closing quote)', () => B('unbalanced-quotes.csv'), { says: ['引号用法有误'], line: 3 }],
  ['duplicate header of a known column', () => B('duplicate-known-header.csv'), { says: ['表头「名称」出现了两次（第 1 列和第 3 列）'], line: 1 }],
  ['empty file', () => B('empty.csv'), { says: ['文件是空的'] }],
  ['only a header', () => B('header-only.csv'), { says: ['表头下面没有数据行'] }],
  ['only a BOM', () => B('bom-only.csv'), { says: ['文件是空的'] }],
  ['only blank lines', () => B('whitespace-only.csv'), { says: ['文件是空的'] }],
  ['no name column', () => B('no-name-column.csv'), { says: ['找不到名称列', '编号、长度、宽度'] }],
  ['header below row 10', () => B('header-beyond-row-10.csv'), { says: ['前 10 行中找不到表头', '大王镇拟命名道路一览表'] }],
  ['UTF-8 and GBK lines mixed', () => G('mixed-utf8-gbk.csv'), { says: ['混用了两种编码', '第 1 行是 UTF-8', '第 3 行却不是 UTF-8'], line: 3 }],
  ['UTF-16LE without BOM', () => G('utf16le-no-bom.csv'), { says: ['没有字节顺序标记', 'UTF-16LE', '--encoding utf-16le'] }],
  ['UTF-16BE without BOM', () => G('utf16be-no-bom.csv'), { says: ['UTF-16BE', '--encoding utf-16be'] }],
  ['binary garbage', () => G('binary-garbage.csv'), { says: ['二进制'] }],
  ['binary garbage without NUL bytes', () => G('high-byte-garbage.csv'), { says: ['既不是 UTF-8，也不是 GBK/GB18030'] }],
  ['a NUL byte in a text table', () => G('nul-bytes.csv'), { says: ['二进制', '空字符'], line: 3 }],
  ['a 50 MB single line (5 million cells)', () => G('single-line-50mb.csv'), { says: ['超过表格的上限 16384 列'], line: 1 }],
  ['a 50 MB single cell', () => G('single-cell-50mb.csv'), { says: ['超过单元格的上限 32767 个字符'], line: 1 }],
  ['a 50 MB name', () => G('name-50mb.csv'), { says: ['第 1 列的单元格', '超过单元格的上限'], line: 2 }],
  ['an extremely long cell (40 000 characters)', () => G('long-cell.csv'), { says: ['第 3 列的单元格有 40000 个字符'], line: 3 }],
];

const XLSX: Case[] = [
  ['corrupt zip', () => G('corrupt.xlsx'), { says: ['无法打开 Excel 文件'] }],
  ['a zip that is not a workbook', () => G('zip-not-xlsx.xlsx'), { says: ['不是 Excel 工作簿', 'xl/workbook.xml'] }],
  ['a workbook with no sheets', () => G('no-sheets.xlsx'), { says: ['工作簿中没有工作表'] }],
  ['an empty sheet', () => G('empty-sheet.xlsx'), { says: ['工作表「空表」', '工作表是空的'] }],
  ['wrong --sheet', () => G('roads.xlsx'), { says: ['找不到工作表「不存在」', '说明、道路'] }, ['--sheet', '不存在']],
  ['--sheet number out of range', () => G('roads.xlsx'), { says: ['找不到工作表「9」'] }, ['--sheet', '9']],
  ['no name column', () => G('no-name-column.xlsx'), { says: ['工作表「道路」', '找不到名称列', '编号、长度'] }],
  ['an .xls file', () => G('old.xls'), { says: ['不支持旧版 .xls 格式'] }],
  ['an .xls renamed .xlsx', () => G('xls-renamed.xlsx'), { says: ['旧版 Excel 97-2003'] }],
  ['a password-protected (encrypted) workbook', () => G('encrypted.xlsx'), { says: ['打开密码', '已加密'] }],
  ['an empty .xlsx', () => G('empty.xlsx'), { says: ['文件是空的'] }],
  ['a CSV named .xlsx', () => G('text-as.xlsx'), { says: ['无法打开 Excel 文件'] }],
  ['an .xlsx zip bomb', () => G('bomb.xlsx'), { says: ['超过 512 MB', '压缩炸弹'] }],
];

const GEOJSON: Case[] = [
  ['invalid JSON (truncated)', () => B('invalid-json.geojson'), { says: ['不是有效的 JSON', '数组元素后面缺少逗号或 ]'], line: 3 }],
  ['a NaN literal', () => B('nan-literal.geojson'), { says: ['NaN', '第 105 列'], line: 2 }],
  ['not a FeatureCollection (TopoJSON)', () => B('topology.geojson'), { says: ['不认识的 GeoJSON 类型「Topology」'] }],
  ['a JSON array', () => B('array.geojson'), { says: ['不是 GeoJSON：缺少 type 成员'] }],
  ['no features', () => B('no-features.geojson'), { says: ['文件中没有要素'] }],
  ['properties that are not an object', () => B('bad-properties.geojson'), { says: ['第 2 个要素的 properties 不是对象'], line: 2 }],
  ['no name property', () => B('no-name.geojson'), { says: ['找不到名称列', '编号、长度'] }],
  ['an empty file', () => B('empty.geojson'), { says: ['文件是空的'] }],
];

const SHAPEFILE: Case[] = [
  ['.shp without .dbf', () => G('no-dbf/roads.shp'), { says: ['缺少 .dbf'] }],
  ['.shp without .prj', () => G('no-prj/roads.shp'), { says: ['缺少 .prj', '--crs'] }],
  ['truncated .shp', () => G('truncated/roads.shp'), { says: ['不完整', '276 字节', '130 字节', '被截断'] }],
  ['.shp with a damaged body', () => G('damaged/roads.shp'), { says: ['.shp 文件已损坏'] }],
  ['a text file named .shp', () => B('not-a-shapefile.shp'), { says: ['不是 Shapefile'] }],
  ['a .zip with two layers', () => G('two-layers.zip'), { says: ['多个图层', 'a/roads.shp、b/paths.shp', '--sheet'] }],
  ['a .zip without a .shp', () => G('no-shp.zip'), { says: ['没有 .shp'] }],
  ['a .zip that is not a zip', () => G('garbage.zip'), { says: ['压缩文件已损坏或不是 zip 格式'] }],
];

const KML: Case[] = [
  ['KMZ with no KML', () => G('no-kml.kmz'), { says: ['KMZ 压缩包中没有 KML 文件'] }],
  ['KMZ zip bomb', () => G('bomb.kmz'), { says: ['超过 512 MB', '压缩炸弹'] }],
  ['KMZ zip bomb with lying sizes', () => G('bomb-disguised.kmz'), { says: ['doc.kml', '比压缩文件中记录的大小更大', '压缩炸弹'] }],
  ['corrupt KMZ', () => G('corrupt.kmz'), { says: ['压缩文件已损坏'] }],
  ['malformed XML', () => B('malformed.kml'), { says: ['不是有效的 XML', '开始标签 <Placemark> 与结束标签 </Document> 不匹配'], line: 4 }],
  ['not KML (GPX)', () => B('not-kml.kml'), { says: ['根元素不是 <kml>'] }],
  ['no placemarks', () => B('no-placemarks.kml'), { says: ['文件中没有要素'] }],
  ['an empty file', () => B('empty.kml'), { says: ['文件是空的'] }],
];

describe('diming check: malformed input is refused cleanly (exit 2, Chinese message, no output, input untouched)', () => {
  for (const [group, cases] of [['CSV', CSV], ['XLSX', XLSX], ['GeoJSON', GEOJSON], ['Shapefile', SHAPEFILE], ['KML/KMZ', KML]] as const) {
    describe(group, () => {
      it.each(cases)('%s', (_label, input, e, extra = []) => {
        const file = input();
        // No timing assertion (timing belongs in the bench); the test timeout catches a hang.
        expectRefused(check(file, extra), file, e);
      }, 60_000);
    });
  }

  it('the missing file', () => {
    const r = run(['check', B('nope.csv'), '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到文件');
    expect(r.stderr).toContain('nope.csv');
  });
});

describe('diming check: odd but readable input is read, and its oddity reported', () => {
  const accepted = (input: string, extra: string[] = []) => {
    const r = check(input, extra);
    expect([0, 1], `stderr: ${r.stderr}`).toContain(r.code);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toMatch(/^错误：/m);
    expect(r.files).toEqual(['out.json']);
    expect(r.unchanged).toBe(true);
    const report = JSON.parse(readFileSync(join(r.out, 'out.json'), 'utf8')) as { summary: { rows: number }; findings: { row: number; name: string; rule: string; message: string }[] };
    return { ...r, report };
  };

  it('duplicate unknown headers are renamed and kept, not refused', () => {
    const r = accepted(B('duplicate-unknown-header.csv'));
    expect(r.stderr).toContain('表头「备注」重复，第 4 列改称「备注(2)」');
    expect(r.report.summary.rows).toBe(2);
  });

  it.each(['crlf.csv', 'cr-only.csv', 'semicolon.csv'])('%s: line ends and delimiter detected', (name) => {
    const r = accepted(B(name));
    expect(r.report.summary.rows).toBe(2);
    expect(r.report.findings.some((f) => f.name === '幸福东路' || f.name === '槐荫一巷')).toBe(true);
    expect(r.report.findings.every((f) => f.name === '幸福东路' || f.name === '槐荫一巷')).toBe(true);
  });

  it('a tab-separated file named .csv', () => {
    expect(accepted(B('tab-in-csv.csv')).report.summary.rows).toBe(1);
  });

  it('a GBK file (no mixing) is decoded', () => {
    const r = accepted(G('gbk.csv'));
    expect(r.report.summary.rows).toBe(1);
    expect(JSON.stringify(r.report)).toContain('幸福东路');
  });

  it('a formula-looking header and name: the CSV report neutralises the formula', () => {
    const out = tempDir('diming-bad-out-');
    const r = run(['check', B('formula-header.csv'), '-f', 'csv', '-o', join(out, 'r.csv')]);
    expect(r.code, r.stderr).toBe(1); // =1+1路 is not a place name
    const csv = readFileSync(join(out, 'r.csv'), 'utf8');
    expect(csv).toContain(`'=1+1路`);
    expect(csv).not.toMatch(/(^|,)=/m);
  });

  it('a 2 000-character name is a finding, not a crash', () => {
    const r = accepted(G('long-name.csv'));
    expect(r.report.findings.some((f) => f.row === 1 && f.rule === 'specific-length')).toBe(true);
  });

  it('features without geometry are read as rows without geometry', () => {
    expect(accepted(B('no-geometry.geojson')).report.summary.rows).toBe(2);
  });

  it('a NaN coordinate is a geometry-invalid finding on its row', () => {
    const r = accepted(B('nan-string.geojson'));
    expect(r.code).toBe(1);
    expect(r.report.findings).toContainEqual(expect.objectContaining({ row: 2, rule: 'geometry-invalid' }));
  });

  it('3D coordinates: Z is dropped with a note', () => {
    expect(accepted(B('3d.geojson')).stderr).toContain('含高程');
  });

  it('mixed geometry types: a note', () => {
    expect(accepted(B('mixed-geometry.geojson')).stderr).toContain('几何类型混杂');
  });

  it('a .dbf in GBK whose .cpg says UTF-8 is read as GBK, with a note', () => {
    const r = accepted(G('wrong-cpg/roads.shp'));
    expect(r.stderr).toContain('.cpg 写的是 UTF-8，但 .dbf 内容不是 UTF-8');
    expect(JSON.stringify(r.report)).toContain('幸福东路');
  });

  it('a good .xlsx and a good shapefile (the generators are sound)', () => {
    expect(accepted(G('roads.xlsx'), ['--sheet', '道路']).report.summary.rows).toBe(1);
    expect(accepted(G('good/roads.shp')).report.summary.rows).toBe(2);
  });
});

describe('--gazetteer files: refused before any output', () => {
  const cases: Case[] = [
    ['no name column', () => B('gazetteer-no-name.csv'), { says: ['找不到含「名称」的表头', '编号、长度'] }],
    ['empty', () => B('gazetteer-empty.csv'), { says: ['已有地名文件是空的'] }],
    ['unbalanced quotes', () => B('gazetteer-unbalanced.csv'), { says: ['引号没有闭合'], line: 3 }],
    ['missing', () => B('gazetteer-nope.csv'), { says: ['找不到文件'] }],
    ['GeoJSON without a name property', () => B('no-name.geojson'), { says: ['找不到名称列', '编号、长度'] }],
    // GeoJSON registers are streamed: the same errors as a GeoJSON read whole, with their lines.
    ['GeoJSON: invalid JSON (truncated)', () => B('invalid-json.geojson'), { says: ['不是有效的 JSON', '内容没有结束就到了文件末尾（文件可能被截断）'], line: 3 }],
    ['GeoJSON: a NaN literal', () => B('nan-literal.geojson'), { says: ['NaN'], line: 2 }],
    ['GeoJSON: TopoJSON (read whole)', () => B('topology.geojson'), { says: ['不认识的 GeoJSON 类型「Topology」'] }],
    ['GeoJSON: a JSON array', () => B('array.geojson'), { says: ['不是 GeoJSON：缺少 type 成员'] }],
    ['GeoJSON: no features', () => B('no-features.geojson'), { says: ['文件中没有要素'] }],
    ['GeoJSON: properties that are not an object', () => B('bad-properties.geojson'), { says: ['第 2 个要素的 properties 不是对象'], line: 2 }],
    ['GeoJSON: an empty file', () => B('empty.geojson'), { says: ['文件是空的'] }],
    ['corrupt .xlsx', () => G('corrupt.xlsx'), { says: ['无法打开 Excel 文件'] }],
    ['a KMZ zip bomb', () => G('bomb.kmz'), { says: ['压缩炸弹'] }],
    ['a 50 MB single line (5 million cells)', () => G('single-line-50mb.csv'), { says: ['超过表格的上限 16384 列'], line: 1 }],
    ['a 50 MB name', () => G('name-50mb.csv'), { says: ['名称单元格有', '超过单元格的上限'], line: 2 }],
    ['a broken row at the end of an 18 MB file (read in another thread)', () => deepBadGazetteer(), { says: ['引号没有闭合'], line: 700_002 }],
  ];
  it.each(cases)('%s', (_label, input, e) => {
    const file = input();
    const r = runInto(['check', B('good.csv'), '-f', 'json', '--gazetteer', file], file.endsWith('nope.csv') ? B('good.csv') : file);
    expectRefused(r, file, e);
  }, 60_000);
});

describe('--profile files: refused before anything is checked', () => {
  const P = (name: string) => join(PROFILES, name);
  const cases: [string, string, (string | RegExp)[], string?][] = [
    ['unknown rule id', 'unknown-rule.json', ['未知的规则「no-such-rule」', 'diming rules']],
    ['unknown rule id in overrides', 'overrides-unknown-rule.json', ['overrides中有未知的规则「no-such-rule」']],
    ['unknown option', 'unknown-option.json', ['规则「specific-length」没有选项「maxLength」', 'maxSpecific、maxTotal']],
    ['wrong option type', 'wrong-option-type.json', ['选项「maxSpecific」类型不对（应为 number）']],
    ['an object where the option is an array', 'wrong-option-array.json', ['选项「allow」类型不对（应为 array）']],
    ['bad severity', 'bad-severity.json', ['严重程度「fatal」无效']],
    ['extends cycle', 'cycle-a.json', ['extends 形成循环', 'cycle-a.json → ', 'cycle-b.json → '], 'cycle-b.json'],
    ['extends itself', 'self-extends.json', ['extends 形成循环']],
    ['invalid JSON (a comment)', 'invalid-json.json', ['不是有效的 JSON', '注释', '不能有注释'], undefined],
    ['invalid JSON (trailing comma)', 'trailing-comma.json', ['不是有效的 JSON', '最后一项后面不能有逗号']],
    ['an empty file', 'empty.json', ['不是有效的 JSON', '被截断']],
    ['unknown list id', 'unknown-list.json', ['未知的名录「noSuchList」', 'brands']],
    ['a list change that is not an object', 'list-wrong-shape.json', ['名录「brands」的修改必须是对象']],
    ['unknown top-level key', 'unknown-key.json', ['未知的键「rulez」']],
    ['unknown setting', 'unknown-setting.json', ['未知的设置「uniquenesScope」', 'uniquenessScope']],
    ['not an object', 'not-object.json', ['顶层必须是一个对象']],
    ['extends a missing file', 'extends-missing.json', ['找不到配置文件'], 'no-such-profile.json'],
    ['extends an unknown built-in', 'extends-unknown-builtin.json', ['没有名为「no-such-builtin」的内置配置', 'national'], 'no-such-builtin'],
    ['extends a number', 'extends-number.json', ['extends 必须是配置名或文件路径']],
    ['overrides not an array', 'overrides-not-array.json', ['overrides 必须是数组']],
    ['rules as an array', 'rules-array.json', ['rules 必须是对象']],
  ];
  it.each(cases)('%s', (_label, name, says, names) => {
    const r = runInto(['check', B('good.csv'), '-f', 'json', '--profile', P(name)], P(name));
    expectRefused(r, P(name), { says, names });
  });

  it('a profile error comes before a slow check: also with a good input it is exit 2 and nothing written', () => {
    const r = runInto(['check', G('roads.xlsx'), '--sheet', '道路', '-f', 'json', '--profile', P('unknown-rule.json')], G('roads.xlsx'));
    expectRefused(r, G('roads.xlsx'), { says: ['no-such-rule'], names: 'unknown-rule.json' });
  });

  it('the invalid-JSON message names the line', () => {
    const r = run(['check', B('good.csv'), '--profile', P('invalid-json.json')]);
    expect(r.stderr).toContain('第 3 行');
  });

  it.each([
    ['unknown rule', ['--rule', 'no-such-rule=error'], '未知的规则「no-such-rule」'],
    ['no severity', ['--rule', 'han-only'], '--rule 的写法应为'],
    ['unknown built-in', ['--profile', 'no-such-builtin'], '没有名为「no-such-builtin」的内置配置'],
  ])('--rule/--profile on the command line: %s', (_label, args, says) => {
    const r = runInto(['check', B('good.csv'), '-f', 'json', ...args], B('good.csv'));
    expectRefused(r, B('good.csv'), { says: [says], names: says });
  });
});

describe('diming pinyin -i: the same table inputs are refused the same way', () => {
  const tables = [...CSV, ...XLSX].filter(([label]) => !label.startsWith('--sheet number'));
  it.each(tables)('%s', (_label, input, e, extra = []) => {
    const file = input();
    const r = runInto(['pinyin', '-i', file, '-f', 'csv', ...extra], file, 'out.csv');
    expectRefused(r, file, e);
  }, 60_000);
});

describe('--lang en and --debug', () => {
  it.each([
    ['truncated CSV', () => B('truncated-mid-row.csv'), [], ['may have been cut off', 'line 4']],
    ['mixed encodings', () => G('mixed-utf8-gbk.csv'), [], ['mixes two encodings', 'line 3']],
    ['KMZ zip bomb', () => G('bomb.kmz'), [], ['zip bomb']],
    ['encrypted workbook', () => G('encrypted.xlsx'), [], ['password-protected']],
    ['invalid GeoJSON', () => B('invalid-json.geojson'), [], ['not valid JSON', "Expected ',' or ']'", 'line 3']],
    ['unknown rule in a profile', () => B('good.csv'), ['--profile', join(PROFILES, 'unknown-rule.json')], ['unknown rule "no-such-rule"']],
    ['a list change that is not an object', () => B('good.csv'), ['--profile', join(PROFILES, 'list-wrong-shape.json')], ['list "brands": the change must be an object']],
  ] as [string, () => string, string[], string[]][])('%s', (_label, input, extra, says) => {
    const file = input();
    const r = runInto(['check', file, '-f', 'json', '--lang', 'en', ...extra], file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: /);
    expect(r.stderr).not.toContain('错误：');
    expect(r.stderr).not.toContain('处理办法');
    for (const s of says) expect(r.stderr).toContain(s);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.files).toEqual([]);
  }, 60_000);

  it('--debug adds the stack trace', () => {
    const r = run(['check', B('truncated-mid-row.csv'), '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('被截断');
    expect(r.stderr).toMatch(STACK);
  });
});
