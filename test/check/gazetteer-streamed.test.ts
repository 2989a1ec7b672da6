import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AdminResolver } from '../../src/check/admin.js';
import type { ExistingNames } from '../../src/check/existing.js';
import { ScopeNeeds, loadGazetteers } from '../../src/check/gazetteer.js';
import { DimingError } from '../../src/core/errors.js';
import { writeShapefile } from '../../src/geo/writers/shapefile.js';
import { readAnyDataset } from '../../src/io/read-any.js';
import { FIXTURES, tempDir } from '../helpers.js';

// Which files are read whole (the common readers hold a file and its records in memory).
const whole = vi.hoisted(() => ({ files: [] as string[] }));
vi.mock('../../src/io/read-any.js', async (original) => (await import('./whole-reads.js')).recordingReadAny(original, whole.files));

function contents(ex: ExistingNames) {
  return Array.from({ length: ex.size }, (_, i) => ({ full: ex.full(i), line: ex.entry(i).line, type: ex.entry(i).type, prefix: ex.codePrefix(i, 9) }));
}

function needs(...prefixes: string[]): ScopeNeeds {
  const n = new ScopeNeeds();
  for (const p of prefixes) n.add(p);
  return n;
}

const feature = (properties: Record<string, unknown> | null) => ({ type: 'Feature', properties, geometry: null });

/** A register from a GIS: codes, a type, a bracketed note, features of other scopes, one without properties or name. */
const FEATURES = [
  feature({ 标准名称: '槐荫路', 区划代码: '370523101201', 地名类别: '道路' }),
  feature({ 标准名称: '兴业路', 区划代码: '410102001001', 地名类别: '道路' }),
  feature(null),
  feature({ 区划代码: '370523101201' }),
  // Another set of keys (a merged register), and both 名称 and 标准名称: the more specific alias is the name.
  feature({ 名称: '旧称', 标准名称: '幸福路（东段）', 乡镇: '大王镇', 县: '广饶县' }),
  feature({ 标准名称: '和谐街', 区划代码: 370523101, 地名类别: '街巷' }),
];

describe('GeoJSON existing-name files are streamed', () => {
  afterAll(() => {
    // Only the single Feature.
    expect(whole.files.map((f) => f.split('/').pop())).toEqual(['one.geojson']);
    whole.files.length = 0;
  });

  const expected = [
    { full: '槐荫路', line: 1, type: '道路', prefix: 370523101 },
    { full: '幸福路', line: 5, type: undefined, prefix: 370523101 },
    { full: '和谐街', line: 6, type: '街巷', prefix: 370523101 },
  ];

  it('keeps the features of the batch scopes, numbered as features, through the table header aliases', async () => {
    const file = join(tempDir(), 'register.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: FEATURES }, null, 1));
    const { existing, stats } = await loadGazetteers([file], needs('370523101'), new AdminResolver());
    expect(contents(existing)).toEqual(expected);
    expect(stats[0]).toMatchObject({ read: 4, kept: 3 });
  });

  it('reads a GeoJSON sequence, a GBK file (once, not twice) and a single Feature the same way', async () => {
    const dir = tempDir();
    const seq = join(dir, 'register.geojsonl');
    writeFileSync(seq, FEATURES.map((f) => JSON.stringify(f)).join('\n'));
    expect(contents((await loadGazetteers([seq], needs('370523101'), new AdminResolver())).existing)).toEqual(expected);

    // GB18030 bytes of 槐荫路 (Node cannot encode GBK): the file is read as UTF-8, then again as GBK, and kept once.
    const gbk = join(dir, 'gbk.geojson');
    const GBK: Record<string, number[]> = { 槐: [0xbb, 0xb1], 荫: [0xd2, 0xf1], 路: [0xc2, 0xb7] };
    const bytes: number[] = [];
    const gbkFeatures = [feature({ name: '槐荫路', admin_code: '410102001001' }), feature({ name: '槐荫路', admin_code: '370523101201' })];
    for (const ch of JSON.stringify({ type: 'FeatureCollection', features: gbkFeatures })) bytes.push(...(GBK[ch] ?? [...Buffer.from(ch)]));
    writeFileSync(gbk, Buffer.from(bytes));
    const read = await loadGazetteers([gbk], needs('370523101'), new AdminResolver());
    expect(contents(read.existing)).toEqual([{ ...expected[0], type: undefined, line: 2 }]);
    expect(read.stats[0]).toMatchObject({ read: 2, kept: 1 });

    const one = join(dir, 'one.geojson');
    writeFileSync(one, JSON.stringify(FEATURES[0]));
    expect(contents((await loadGazetteers([one], needs('370523101'), new AdminResolver())).existing)).toEqual([{ ...expected[0] }]);
  });
});

describe('Shapefile existing-name files: the .dbf is streamed, the shapes are not read', () => {
  /** 30,000 roads (a .dbf of 2 MB, read in several batches), every other one in 大王镇. */
  async function register(dir: string): Promise<string> {
    const file = join(dir, 'register.shp');
    const features = Array.from({ length: 30_000 }, (_, i) => ({
      geometry: { type: 'Point' as const, coordinates: [118.5 + i * 1e-5, 37] },
      properties: { 标准名称: `幸福${i}路`, 区划代码: i % 2 ? '410102001001' : '370523101201', 地名类别: '道路' },
    }));
    await writeShapefile(file, features, { meta: {} });
    return file;
  }

  it('keeps the same names, codes, types and feature numbers as reading the shapefile whole, from a folder and a .zip', async () => {
    const dir = tempDir();
    const shp = await register(dir);
    const ds = await readAnyDataset(shp, { requireName: true });
    whole.files.length = 0;
    const expected = ds.records
      .filter((r) => r.fields.admin_code?.startsWith('370523101'))
      .map((r) => ({ full: r.name, line: r.row, type: r.fields.type, prefix: 370523101 }));
    expect(expected).toHaveLength(15_000);

    const fromFolder = await loadGazetteers([shp], needs('370523101'), new AdminResolver());
    expect(contents(fromFolder.existing)).toEqual(expected);
    expect(fromFolder.stats[0]).toMatchObject({ read: 30_000, kept: 15_000 });

    const zip = new JSZip();
    for (const ext of ['shp', 'shx', 'dbf', 'prj', 'cpg']) zip.file(`register.${ext}`, readFileSync(join(dir, `register.${ext}`)));
    const zipFile = join(dir, 'register.zip');
    writeFileSync(zipFile, await zip.generateAsync({ type: 'nodebuffer' }));
    expect(contents((await loadGazetteers([zipFile], needs('370523101'), new AdminResolver())).existing)).toEqual(expected);
    expect(whole.files).toEqual([]);
  }, 60_000);

  it('needs no .prj (the shapes are not used), and decodes a GBK .dbf without .cpg', async () => {
    const dir = tempDir();
    for (const ext of ['shp', 'shx', 'dbf']) copyFileSync(join(FIXTURES, 'geo', 'noprj', `roads.${ext}`), join(dir, `roads.${ext}`));
    const { existing, stats } = await loadGazetteers([join(dir, 'roads.shp')], needs('370523101'), new AdminResolver());
    expect(Array.from({ length: existing.size }, (_, i) => existing.full(i))).toEqual(['东风路', '西风路']);
    expect(stats[0]).toMatchObject({ read: 2 });
  });

  it('reads the .dbf in the code page --dbf-encoding gives, over a wrong .cpg', async () => {
    const dir = tempDir();
    const shp = join(dir, 'roads.shp');
    await writeShapefile(shp, [{ geometry: { type: 'Point' as const, coordinates: [118.5, 37] }, properties: { 标准名称: '槐荫路', 区划代码: '370523101201' } }], { meta: {} });
    // A UTF-8 .dbf whose .cpg says GBK (re-saved by another program): read by the .cpg, the field names are garbled.
    writeFileSync(join(dir, 'roads.cpg'), 'GBK');
    const byCpg = await loadGazetteers([shp], needs('370523101'), new AdminResolver()).catch((e: unknown) => e);
    expect((byCpg as DimingError).text.zh).toBe('找不到名称列');
    expect((byCpg as DimingError).hint?.zh).toContain('如列名是乱码，请用 --dbf-encoding 指定 .dbf 的编码');
    const given = await loadGazetteers([shp], needs('370523101'), new AdminResolver(), undefined, { dbfEncoding: 'utf-8' });
    expect(contents(given.existing)).toEqual([{ full: '槐荫路', line: 1, type: undefined, prefix: 370523101 }]);
    const wrong = await loadGazetteers([shp], needs('370523101'), new AdminResolver(), undefined, { dbfEncoding: 'latin9' }).catch((e: unknown) => e);
    expect((wrong as DimingError).text.zh).toContain('不支持的 DBF 编码「latin9」');
    expect((wrong as DimingError).where?.file).toBe(join(dir, 'roads.dbf'));
  });

  it('refuses a shapefile without .dbf, a .dbf without a name field, and a damaged .dbf, naming the file', async () => {
    const dir = tempDir();
    const shp = await register(dir);
    const refusal = async () => {
      const e = await loadGazetteers([shp], needs('370523101'), new AdminResolver()).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DimingError);
      return e as DimingError;
    };
    const dbf = join(dir, 'register.dbf');
    const good = readFileSync(dbf);
    // The first field's name (标准名称, 12 bytes of UTF-8 cut to 10) becomes NOTNAME.
    const renamed = Buffer.from(good);
    renamed.fill(0, 32, 43).write('NOTNAME', 32, 'latin1');
    writeFileSync(dbf, renamed);
    const noName = await refusal();
    expect(noName.text.zh).toContain('找不到名称列');
    expect(noName.hint?.zh).toContain('NOTNAME');
    expect(noName.where?.file).toBe(dbf);

    writeFileSync(dbf, good.subarray(0, 20));
    expect((await refusal()).text.zh).toContain('.dbf 文件已损坏');

    rmSync(dbf);
    const missing = await refusal();
    expect(missing.text.zh).toContain('缺少 .dbf 文件');
    expect(missing.where?.file).toBe(shp);
  }, 60_000);
});
