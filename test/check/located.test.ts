import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadLocatedNames } from '../../src/check/located.js';
import { writeShapefile } from '../../src/geo/writers/shapefile.js';
import { FIXTURES, tempDir } from '../helpers.js';

// Files read whole by the common readers (which hold a file and its records): none of the streamed formats.
const whole = vi.hoisted(() => ({ files: [] as string[] }));
vi.mock('../../src/io/read-any.js', async (original) => (await import('./whole-reads.js')).recordingReadAny(original, whole.files));
afterEach(() => {
  whole.files.length = 0;
});

/** 6,000 roads 100 m apart going east along 37°N from 118°E (more positions than the CRS is told from), codes in 大王镇. */
const ROADS = Array.from({ length: 6000 }, (_, i) => {
  const x = 118 + i * 0.00112;
  return { name: `测试${i}路`, code: '370523101001', coords: [[x, 37], [x + 0.0005, 37]] };
});
/** Around roads 5,500 to 5,509 only: after the CRS was decided on the first 5,000 positions. */
const AREA: [number, number, number, number] = [118 + 5500 * 0.00112 - 0.0001, 36.99, 118 + 5509 * 0.00112 + 0.0006, 37.01];

function expectedNear(lineOf: (i: number) => number) {
  return ROADS.slice(5500, 5510).map((r, k) => ({ name: r.name, adminCode: '370523101001', line: lineOf(5500 + k) }));
}

function summary(names: Awaited<ReturnType<typeof loadLocatedNames>>['names']) {
  return names.map((n) => ({ name: n.name, adminCode: n.adminCode, line: n.line }));
}

describe('existing names with geometry are read a batch at a time, keeping those near the batch', () => {
  it('a CSV with WKT: physical lines; only the names in the area are kept', async () => {
    const file = join(tempDir(), 'register.csv');
    writeFileSync(file, ['标准名称,区划代码,WKT', ...ROADS.map((r) => `${r.name},${r.code},"LINESTRING (${r.coords.map((c) => c.join(' ')).join(', ')})"`)].join('\n'));
    const { names, notes } = await loadLocatedNames([file], AREA);
    expect(summary(names)).toEqual(expectedNear((i) => i + 2));
    expect(names[0].geometry).toEqual({ type: 'LineString', coordinates: ROADS[5500].coords });
    expect(notes[0].zh).toContain('6000 条带几何，其中 10 条在本表道路附近');
    // A road read before the CRS was decided (held back, then placed).
    const early = await loadLocatedNames([file], [118 + 10 * 0.00112 - 0.0001, 36.99, 118 + 10 * 0.00112 + 0.0006, 37.01]);
    expect(summary(early.names)).toEqual([{ name: '测试10路', adminCode: '370523101001', line: 12 }]);
    expect(whole.files).toEqual([]);
  });

  it('a GeoJSON FeatureCollection and a shapefile: feature numbers, the same names', async () => {
    const dir = tempDir();
    const features = ROADS.map((r) => ({ type: 'Feature' as const, properties: { 标准名称: r.name, 区划代码: r.code }, geometry: { type: 'LineString' as const, coordinates: r.coords } }));
    const geojson = join(dir, 'register.geojson');
    writeFileSync(geojson, JSON.stringify({ type: 'FeatureCollection', features }));
    expect(summary((await loadLocatedNames([geojson], AREA)).names)).toEqual(expectedNear((i) => i + 1));

    const shp = join(dir, 'register.shp');
    await writeShapefile(shp, features, { meta: {} });
    const fromShp = await loadLocatedNames([shp], AREA);
    expect(summary(fromShp.names)).toEqual(expectedNear((i) => i + 1));
    expect(fromShp.names[9].geometry.type).toBe('LineString');
    expect(whole.files).toEqual([]);
    // A wrong .cpg (GBK on this UTF-8 .dbf) garbles the field names unless --dbf-encoding says otherwise.
    writeFileSync(join(dir, 'register.cpg'), 'GBK');
    expect((await loadLocatedNames([shp], AREA)).names.map((n) => n.name)).not.toContain(ROADS[5500].name);
    expect(summary((await loadLocatedNames([shp], AREA, { dbfEncoding: 'utf-8' })).names)).toEqual(expectedNear((i) => i + 1));
  }, 60_000);

  it('lists the rows without geometry of a file that has geometry (built-up areas compare those by township)', async () => {
    const dir = tempDir();
    const csv = join(dir, 'register.csv');
    const rows = ROADS.slice(0, 20).map((r, i) => `${r.name},${r.code},${i % 7 === 3 ? '' : `"LINESTRING (${r.coords.map((c) => c.join(' ')).join(', ')})"`}`);
    writeFileSync(csv, ['标准名称,区划代码,WKT', ...rows].join('\n'));
    // Rows 4, 11 and 18 (physical lines 5, 12, 19) have no WKT.
    expect([...(await loadLocatedNames([csv], AREA)).placedFiles.get(csv)!].sort((a, b) => a - b)).toEqual([5, 12, 19]);

    const geojson = join(dir, 'register.geojson');
    const features = ROADS.slice(0, 5).map((r, i) => ({ type: 'Feature', properties: { 标准名称: r.name, 区划代码: r.code }, geometry: i === 2 ? null : { type: 'LineString', coordinates: r.coords } }));
    writeFileSync(geojson, JSON.stringify({ type: 'FeatureCollection', features }));
    expect([...(await loadLocatedNames([geojson], AREA)).placedFiles.get(geojson)!]).toEqual([3]);
    const shp = join(dir, 'register.shp');
    await writeShapefile(shp, features as Parameters<typeof writeShapefile>[1], { meta: {} });
    expect([...(await loadLocatedNames([shp], AREA)).placedFiles.get(shp)!]).toEqual([3]);

    // A file without geometry, and one where more rows than Unplaced.CAP have none, count as files without geometry.
    const plain = join(dir, 'plain.csv');
    writeFileSync(plain, '标准名称,区划代码\n幸福路,370523101\n');
    const sparse = join(dir, 'sparse.csv');
    writeFileSync(sparse, ['标准名称,区划代码,WKT', `${ROADS[0].name},370523101,"LINESTRING (118 37, 118.001 37)"`, ...Array.from({ length: 50_001 }, (_, i) => `路${i},370523101,`)].join('\n'));
    const { placedFiles } = await loadLocatedNames([plain, sparse, csv], AREA);
    expect([...placedFiles.keys()]).toEqual([csv]);
  }, 60_000);

  it('a GeoJSON with an old-style crs member (Gauss-Krüger metres), and a GBK CSV read once', async () => {
    const dir = tempDir();
    const gk = JSON.parse(readFileSync(join(FIXTURES, 'geo', 'roads-gk.geojson'), 'utf8')) as { crs?: unknown };
    gk.crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4528' } };
    const file = join(dir, 'gk.geojson');
    writeFileSync(file, JSON.stringify(gk, null, 1));
    const { names } = await loadLocatedNames([file], [110, 20, 125, 40]);
    expect(names.map((n) => n.name)).toEqual(['东风路', '西风路']);
    // Zone 40 (central meridian 120°E), about 3,350 km north: near 120.16°E, 30.27°N.
    const [lon, lat] = (names[0].geometry as { coordinates: number[][] }).coordinates[0];
    expect(lon).toBeCloseTo(120.16, 1);
    expect(lat).toBeCloseTo(30.27, 1);

    // 幸福路, 和平路 in GBK bytes (Node cannot encode GBK): the file is read as UTF-8 first, then again as GB18030.
    const GBK: Record<string, number[]> = { 幸: [0xd0, 0xd2], 福: [0xb8, 0xa3], 路: [0xc2, 0xb7], 和: [0xba, 0xcd], 平: [0xc6, 0xbd], 名: [0xc3, 0xfb], 称: [0xb3, 0xc6] };
    const text = '名称,WKT\n幸福路,"LINESTRING (118.505 37.020, 118.505 37.030)"\n和平路,"POINT (118.52 37.045)"\n';
    const bytes: number[] = [];
    for (const ch of text) bytes.push(...(GBK[ch] ?? [...Buffer.from(ch)]));
    const gbk = join(dir, 'gbk.csv');
    writeFileSync(gbk, Buffer.from(bytes));
    expect((await loadLocatedNames([gbk], [118, 37, 119, 38])).names.map((n) => [n.name, n.line])).toEqual([['幸福路', 2], ['和平路', 3]]);
  });

  it('leaves out the geometry of a register in a datum it cannot use (Xian 1980), saying so', async () => {
    const { names, notes } = await loadLocatedNames([join(FIXTURES, 'geo', 'xian80', 'roads.shp')], [70, 15, 140, 55]);
    expect(names).toEqual([]);
    expect(notes[0].zh).toMatch(/1980西安坐标系.*其几何未用于附近重名/);
  });
});
