import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run, tempDir } from '../helpers.js';

const F = (name: string) => join(FIXTURES, 'geo', name);

interface FC {
  type: string;
  diming: Record<string, unknown> & { coordinates: { crs: string; statement: string; statement_zh: string; preview?: boolean } };
  features: { id: unknown; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } | null }[];
}

const readFc = (file: string): FC => JSON.parse(readFileSync(file, 'utf8'));

/** Every number of the coordinates, flattened. */
function numbers(c: unknown): number[] {
  return Array.isArray(c) ? c.flatMap(numbers) : typeof c === 'number' ? [c] : [];
}

function positions(c: unknown): number[][] {
  if (Array.isArray(c) && typeof c[0] === 'number') return [c as number[]];
  return Array.isArray(c) ? c.flatMap(positions) : [];
}

/** A GeoJSON text sequence line without its RS (0x1E) prefix. */
const unRs = (l: string) => (l.startsWith('\u001e') ? l.slice(1) : l);

const decimals = (v: number) => (String(v).split('.')[1] ?? '').length;

describe('diming geojson (built binary)', () => {
  it('writes RFC 7946 GeoJSON from a Gauss-Krüger WKT table, with the diming member', () => {
    const dir = tempDir();
    const out = join(dir, '道路.geojson');
    const r = run(['geojson', F('roads-gk.csv'), '-o', out]);
    expect(r.stderr).toContain('EPSG:4528');
    expect(r.code).toBe(0);
    const fc = readFc(out);
    expect(fc.type).toBe('FeatureCollection');
    expect('crs' in fc).toBe(false);
    expect(fc.diming).toMatchObject({ version: expect.any(String), profile: 'national', sourceCrs: 'EPSG:4528', divisionCodeYear: 2023 });
    expect(fc.diming.generated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(fc.diming.coordinates.crs).toBe('EPSG:4490');
    expect(fc.diming.coordinates.statement).toMatch(/CGCS2000.*WGS84-compatible/);
    expect(fc.features).toHaveLength(3);
    for (const f of fc.features) {
      for (const [lon, lat] of positions(f.geometry!.coordinates)) {
        expect(lon).toBeGreaterThan(120.1);
        expect(lon).toBeLessThan(120.2);
        expect(lat).toBeGreaterThan(30.2);
        expect(lat).toBeLessThan(30.3);
      }
      expect(Math.max(...numbers(f.geometry!.coordinates).map(decimals))).toBeLessThanOrEqual(7);
    }
    const p = fc.features[0].properties;
    expect(p).toMatchObject({ id: '1', name: '东风路', specific: '东风', generic: '路', pinyin: 'Dōngfēng Lù', pinyin_plain: 'Dongfeng Lu', pinyin_sign: 'DONGFENG LU', pinyin_needs_review: false, grade: '村道', length_source: 'geometry', orientation: 'EW', profile: 'national' });
    expect(p.length_m).toBeGreaterThan(200);
    expect(p.validation_summary).toEqual({ error: 0, warning: 0, info: 1 });
  });

  it('publishes the properties of formats.md §4.1 and passes unknown columns through', () => {
    const dir = tempDir();
    const out = join(dir, 'town.geojson');
    const r = run(['geojson', F('town-roads.csv'), '-o', out, '-g', F('town-gazetteer.csv'), '--skip-errors']);
    expect(r.code, r.stderr).toBe(1); // 幸福路 duplicates an existing name
    const fc = readFc(out);
    expect(fc.features.map((f) => f.properties.name)).toEqual(['槐荫路', '槐荫路', '杏园路', '和平路']);
    const [first, second] = fc.features;
    expect(first.properties).toMatchObject({
      id: '1',
      admin_code: '370523101',
      admin_path: '山东省/东营市/广饶县/大王镇',
      location_desc: '位于大王镇，西起幸福村，东至和平村',
      start: '幸福村',
      end: '和平村',
      width_m: 6,
      naming_reason: '寓意绿树成荫',
      approval_body: '广饶县人民政府',
      approval_date: '2024-03-01',
      filing_date: '2024-03-10',
      announce_date: '2024-03-12',
      备注: '新修',
      pinyin: 'Huáiyīn Lù',
    });
    expect(second.properties.width_m).toEqual({ min: 5, max: 7 });
    expect((first.properties.validation as { rule: string }[]).map((v) => v.rule)).toContain('nearby-duplicate');
    const hp = fc.features[3].properties.validation as { rule: string; message: string }[];
    expect(hp.find((v) => v.rule === 'nearby-duplicate')?.message).toMatch(/town-gazetteer\.csv.*相距约 1\.0 公里/);
    expect(r.stderr).toContain('1 条有错误的记录未写出');
  });

  describe('error-severity findings', () => {
    const args = (out: string) => ['geojson', F('town-roads.csv'), '--boundaries', F('townships-dawang.geojson'), '-o', out];
    it('refuses by default: nothing written, exit 1, the finding and the choices explained', () => {
      const dir = tempDir();
      const out = join(dir, 'x.geojson');
      const r = run(args(out));
      expect(r.code).toBe(1);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir)).toEqual([]);
      expect(r.stderr).toContain('geometry-outside');
      expect(r.stderr).toContain('道路完全在所属乡镇大王镇的边界之外');
      expect(r.stderr).toMatch(/未生成 .*x\.geojson/);
      expect(r.stderr).toContain('--skip-errors');
      expect(r.stderr).toContain('--force');
    });
    it('--skip-errors writes the other records', () => {
      const out = join(tempDir(), 'x.geojson');
      const r = run([...args(out), '--skip-errors']);
      expect(r.code).toBe(1);
      expect(readFc(out).features.map((f) => f.properties.name)).toEqual(['槐荫路', '槐荫路', '幸福路', '和平路']);
    });
    it('--force writes everything with the findings in validation', () => {
      const out = join(tempDir(), 'x.geojson');
      const r = run([...args(out), '--force']);
      expect(r.code).toBe(1);
      const fc = readFc(out);
      expect(fc.features).toHaveLength(5);
      expect(fc.features[2].properties.validation_summary).toMatchObject({ error: 1 });
      expect(fc.features[2].geometry?.type).toBe('LineString');
    });
    it('--force and --skip-errors together are a usage error', () => {
      const out = join(tempDir(), 'x.geojson');
      const r = run([...args(out), '--force', '--skip-errors']);
      expect(r.code).toBe(2);
      expect(existsSync(out)).toBe(false);
    });
  });

  describe('bad inputs: a finding, or a clear Chinese error with exit code 2 and no output file', () => {
    const cases: [string, string[], number, RegExp][] = [
      ['a .shp without .prj', [F('noprj/roads.shp')], 2, /缺少 \.prj.*\n.*--crs/],
      ['Xian 1980 .prj', [F('xian80/roads.shp')], 2, /1980西安坐标系.*不转换/],
      ['broken GeoJSON', [F('broken.geojson')], 2, /不是有效的 JSON/],
      ['a table without geometry', [F('no-geometry.csv')], 2, /没有几何/],
      ['Gauss-Krüger without zone prefix', [F('roads-gk-cm.csv')], 2, /无法判断坐标系.*--crs/],
      ['broken WKT and other unusable lines', [F('roads-bad.csv')], 1, /几何无法读取：WKT 格式错误/],
      ['mixed geometry types', [F('mixed.geojson')], 1, /道路应为线.*Polygon/],
      ['an old datum given with --crs', [F('roads-gk.csv'), '--crs', 'EPSG:2364'], 2, /1980西安坐标系/],
      ['an unknown --crs', [F('roads-gk.csv'), '--crs', 'EPSG:9999'], 2, /不认识的坐标系/],
      ['a projected --to', [F('roads-gk.csv'), '--to', 'EPSG:4528'], 2, /不支持的输出坐标系/],
      ['--precision 9', [F('roads-gk.csv'), '--precision', '9'], 2, /--precision 的值「9」无效：应为 1–7 之间的整数/],
      ['--precision abc', [F('roads-gk.csv'), '--precision', 'abc'], 2, /--precision 的值「abc」无效/],
      ['--no-check with --gazetteer', [F('roads-gk.csv'), '--no-check', '-g', F('town-gazetteer.csv')], 2, /--no-check/],
      ['a missing file', [F('nothing-here.csv')], 2, /找不到文件/],
    ];
    it.each(cases)('%s', (_label, a, code, message) => {
      const dir = tempDir();
      const out = join(dir, 'out.geojson');
      const r = run(['geojson', ...a, '-o', out]);
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/内部错误|at .*\.js:\d+/);
      expect(readdirSync(dir)).toEqual([]);
    });
    it('a Shapefile to standard output is a usage error', () => {
      const r = run(['geojson', F('roads-gk.csv'), '--format', 'shp']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('-o');
    });
    it('never overwrites the input', () => {
      const dir = tempDir();
      const input = join(dir, 'in.geojson');
      writeFileSync(input, readFileSync(F('roads-4490.geojson')));
      const r = run(['geojson', input, '-o', input]);
      expect(r.code).toBe(2);
      expect(readFileSync(input, 'utf8')).toBe(readFileSync(F('roads-4490.geojson'), 'utf8'));
    });
    it('leaves nothing half-written when the writer fails (a Shapefile of points and lines)', () => {
      const dir = tempDir();
      const r = run(['geojson', F('mixed.geojson'), '--force', '-o', join(dir, 'm.shp')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('几何类型混杂');
      expect(readdirSync(dir)).toEqual([]);
    });
  });

  it('reads a .shp without .prj with --crs (GBK attributes without .cpg)', () => {
    const out = join(tempDir(), 'x.geojson');
    const r = run(['geojson', F('noprj/roads.shp'), '--crs', 'EPSG:4528', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('GBK');
    const fc = readFc(out);
    expect(fc.features.map((f) => f.properties.name)).toEqual(['东风路', '西风路']);
    expect(fc.diming.sourceCrs).toBe('EPSG:4528');
  });

  it('swaps lat/lon and says so (crs-suspect)', () => {
    const out = join(tempDir(), 'x.geojson');
    const r = run(['geojson', F('roads-swapped.csv'), '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/crs-suspect.*经纬度顺序颠倒/);
    const [lon, lat] = positions(readFc(out).features[0].geometry!.coordinates)[0];
    expect([lon, lat]).toEqual([118.495, 37]);
  });

  it('Gauss-Krüger without zone prefix with --crs', () => {
    const out = join(tempDir(), 'x.geojson');
    const r = run(['geojson', F('roads-gk-cm.csv'), '--crs', 'EPSG:4549', '-o', out]);
    expect(r.code).toBe(0);
    const [lon, lat] = positions(readFc(out).features[0].geometry!.coordinates)[0];
    expect(lon).toBeCloseTo(118.5, 1);
    expect(lat).toBeCloseTo(37.0, 1);
  });

  describe('奥维 .ovkml (GCJ-02)', () => {
    it('warns and does not convert without --crs', () => {
      const out = join(tempDir(), 'x.geojson');
      const r = run(['geojson', F('roads.ovkml'), '-o', out]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/crs-suspect.*GCJ-02/);
      expect(positions(readFc(out).features[0].geometry!.coordinates)[0]).toEqual([118.5058, 37.0012]);
    });
    it('converts with --crs gcj02 and prints the legal notice', () => {
      const out = join(tempDir(), 'x.geojson');
      const r = run(['geojson', F('roads.ovkml'), '--crs', 'gcj02', '-o', out]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('《测绘法》');
      const [lon, lat] = positions(readFc(out).features[0].geometry!.coordinates)[0];
      // The GCJ-02 offset near 118.5°E 37°N is a few hundred metres (mostly westwards once removed).
      const dx = (lon - 118.5058) * 88800, dy = (lat - 37.0012) * 111000;
      expect(Math.hypot(dx, dy)).toBeGreaterThan(100);
      expect(Math.hypot(dx, dy)).toBeLessThan(1000);
    });
  });

  it('--to gcj02 writes a labelled preview', () => {
    const dir = tempDir();
    const out = join(dir, 'p.geojson');
    const r = run(['geojson', F('roads-gk.csv'), '--to', 'gcj02', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('《测绘法》');
    const fc = readFc(out);
    expect(fc.diming.coordinates).toMatchObject({ crs: 'gcj02', preview: true });
    expect(fc.diming.coordinates.statement_zh).toContain('预览');
    const seq = join(dir, 'p.geojsons');
    expect(run(['geojson', F('roads-gk.csv'), '--to', 'gcj02', '-o', seq]).code).toBe(0);
    const first = JSON.parse(unRs(readFileSync(seq, 'utf8').split('\n')[0]));
    expect(first.properties.preview_crs).toBe('GCJ-02');
  });

  it('writes each format: GeoJSONSeq, KML, Shapefile, standard output', () => {
    const dir = tempDir();
    expect(run(['geojson', F('roads-gk.csv'), '-o', join(dir, 'a.geojsons')]).code).toBe(0);
    const lines = readFileSync(join(dir, 'a.geojsons'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.startsWith('\x1e{"type":"Feature"'))).toBe(true);
    expect(run(['geojson', F('roads-gk.csv'), '-o', join(dir, 'a.kml')]).code).toBe(0);
    const kml = readFileSync(join(dir, 'a.kml'), 'utf8');
    expect(kml).toContain('<name>东风路</name>');
    expect(kml).toContain('<Data name="pinyin"><value>Dōngfēng Lù</value></Data>');
    expect(run(['geojson', F('roads-gk.csv'), '-o', join(dir, 'a.shp')]).code).toBe(0);
    for (const ext of ['shp', 'shx', 'dbf', 'prj', 'cpg']) expect(existsSync(join(dir, `a.${ext}`)), ext).toBe(true);
    expect(readFileSync(join(dir, 'a.prj'), 'utf8')).toContain('China_Geodetic_Coordinate_System_2000');
    const r = run(['geojson', F('roads-gk.csv'), '--format', 'geojson', '--precision', '5']);
    expect(r.code).toBe(0);
    const fc = JSON.parse(r.stdout) as FC;
    expect(fc.features).toHaveLength(3);
    expect(Math.max(...fc.features.flatMap((f) => numbers(f.geometry!.coordinates)).map(decimals))).toBeLessThanOrEqual(5);
    expect(readdirSync(dir).filter((f) => f.includes('diming-tmp'))).toEqual([]);
  });

  describe('--no-check: geometry only', () => {
    it('streams a CSV table (no pinyin, no validation)', () => {
      const out = join(tempDir(), 'x.geojsons');
      const r = run(['geojson', F('roads-gk.csv'), '--no-check', '-o', out]);
      expect(r.code, r.stderr).toBe(0);
      const f = JSON.parse(unRs(readFileSync(out, 'utf8').split('\n')[0]));
      expect(f.properties).toMatchObject({ name: '东风路', length_source: 'geometry', orientation: 'EW' });
      expect(f.properties.pinyin).toBeUndefined();
    });
    it('refuses bad rows unless told, and then leaves them out', () => {
      const dir = tempDir();
      const out = join(dir, 'x.geojsons');
      const r = run(['geojson', F('roads-bad.csv'), '--no-check', '-o', out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/第 6 行.*WKT 格式错误/);
      expect(readdirSync(dir)).toEqual([]);
      const s = run(['geojson', F('roads-bad.csv'), '--no-check', '--skip-errors', '-o', out]);
      expect(s.code).toBe(1);
      expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(3);
    });
    it('converts a geometry file without checking names', () => {
      const out = join(tempDir(), 'x.geojson');
      const r = run(['geojson', F('roads.geojsons'), '--no-check', '-o', out]);
      expect(r.code).toBe(0); // 一号路 is a bare number, but names are not checked
      const fc = readFc(out);
      expect(fc.features).toHaveLength(2);
      expect(fc.diming.checked).toBe(false);
      expect(fc.features[0].properties.pinyin).toBeUndefined();
    });
  });

  it('is listed in diming --help and has a Chinese help with examples', () => {
    expect(run(['--help']).stdout).toMatch(/geojson/);
    const h = run(['geojson', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('示例');
    expect(h.stdout).toContain('--skip-errors');
    expect(h.stdout).toContain('默认拒绝导出');
  });
});
