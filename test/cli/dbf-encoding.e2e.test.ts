import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeShapefile } from '../../src/geo/writers/shapefile.js';
import { run, tempDir } from '../helpers.js';

/**
 * --dbf-encoding reaches every shapefile a command reads: the input, the existing names (--gazetteer, for the scope
 * filter and for nearby-duplicate) and the boundaries. The files here are UTF-8 .dbf files whose .cpg says GBK, as
 * after re-saving in another program: read by the .cpg their field names are garbled.
 */
describe('--dbf-encoding for every shapefile of a command (built binary)', () => {
  let dir: string;
  let roads: string;
  let register: string;
  const line = (x: number, y: number) => ({ type: 'LineString' as const, coordinates: [[x, y], [x + 0.01, y]] });

  beforeAll(async () => {
    dir = tempDir('diming-dbf-');
    roads = join(dir, 'roads.shp');
    register = join(dir, 'register.shp');
    await writeShapefile(roads, [
      { geometry: line(118.495, 37.0), properties: { 名称: '槐荫路', 区划代码: '370523101' } },
      { geometry: line(118.495, 37.02), properties: { 名称: '幸福路', 区划代码: '370523101' } },
    ], { meta: {} });
    await writeShapefile(register, [
      { geometry: line(118.6, 37.02), properties: { 标准名称: '幸福路', 区划代码: '370523101001' } },
      { geometry: line(118.5, 37.005), properties: { 标准名称: '槐荫路', 区划代码: '370523102001' } },
    ], { meta: {} });
    for (const f of ['roads.cpg', 'register.cpg']) writeFileSync(join(dir, f), 'GBK');
  });

  interface Json { findings: { row: number; rule: string; related?: { name: string; source: string; line?: number }[] }[] }

  it('diming check: without it the register is refused with a hint; with it, duplicate and nearby-duplicate find its names', () => {
    const csv = join(dir, 'roads.csv');
    writeFileSync(csv, '名称,区划代码,WKT\n槐荫路,370523101,"LINESTRING (118.495 37, 118.505 37)"\n幸福路,370523101,"LINESTRING (118.495 37.02, 118.505 37.02)"\n');
    const bad = run(['check', csv, '--gazetteer', register, '-f', 'json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('找不到名称列');
    expect(bad.stderr).toContain('--dbf-encoding');
    expect(bad.stdout).toBe('');

    const r = run(['check', csv, '--gazetteer', register, '--dbf-encoding', 'utf-8', '-f', 'json']);
    expect(r.code, r.stderr).toBe(1);
    const found = (JSON.parse(r.stdout) as Json).findings.filter((f) => f.rule === 'duplicate' || f.rule === 'nearby-duplicate');
    expect(found.map((f) => [f.row, f.rule, f.related?.[0].name, f.related?.[0].line])).toEqual([
      [1, 'nearby-duplicate', '槐荫路', 2],
      [2, 'duplicate', '幸福路', 1],
    ]);
  });

  it('diming run, announce and signs take it for their shapefile input and registers', () => {
    const out = join(dir, 'run');
    const bad = run(['run', roads, '-o', out, '--gazetteer', register]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--dbf-encoding');

    const ok = run(['run', roads, '-o', out, '--gazetteer', register, '--dbf-encoding', 'utf-8', '--force', '-q']);
    expect(ok.code, ok.stderr).toBe(1);
    const check = JSON.parse(readFileSync(join(out, 'check.json'), 'utf8')) as Json;
    expect(check.findings.find((f) => f.rule === 'duplicate')?.related?.[0]).toMatchObject({ name: '幸福路', source: 'gazetteer' });
    expect(readFileSync(join(out, 'pinyin.csv'), 'utf8')).toContain('槐荫路');

    const a = run(['announce', roads, '-f', 'csv', '--dbf-encoding', 'utf-8', '--authority', '广饶县人民政府', '--force']);
    expect(a.stdout).toContain('槐荫路');
    // A file without a name column is no announcement: refused as diming check refuses it.
    const noName = run(['announce', roads, '-f', 'csv']);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain('找不到名称列');

    const signs = join(dir, 'signs');
    const unnamed = run(['signs', roads, '-o', signs, '-f', 'csv']);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('找不到名称列');
    const s = run(['signs', roads, '-o', signs, '--dbf-encoding', 'utf-8', '-f', 'csv']);
    expect(s.code, s.stderr).toBe(0);
    expect(readFileSync(join(signs, 'signs.csv'), 'utf8')).toContain('幸福路');
  }, 60_000);

  it('a wrong --encoding or --dbf-encoding is a usage error at once, whatever the input (it passed silently without a CSV or a shapefile)', () => {
    const csv = join(dir, 'plain.csv');
    writeFileSync(csv, '名称,区划代码\n槐荫路,370523101\n');
    const before = readFileSync(csv);
    for (const [cmd, opt, value, says] of [
      ['check', '--dbf-encoding', 'latin9', '选项 --dbf-encoding 的值「latin9」不是支持的 DBF 编码'],
      ['run', '--dbf-encoding', 'utf-16le', '不是支持的 DBF 编码'],
      ['announce', '--dbf-encoding', 'big5', '不是支持的 DBF 编码'],
      ['signs', '--encoding', 'big5', '选项 --encoding 的值「big5」不是支持的编码'],
      ['geojson', '--encoding', 'latin1', '不是支持的编码'],
    ]) {
      const out = join(dir, `bad-${cmd}`);
      const r = run([cmd, csv, opt, value, '-o', out]);
      expect(r.code, `${cmd} ${opt}`).toBe(2);
      expect(r.stderr).toContain(says);
      expect(r.stderr).toContain('可用');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
      expect(existsSync(out)).toBe(false);
    }
    expect(readFileSync(csv)).toEqual(before);
    // pinyin takes names on the command line too, and --encoding for its --input table.
    const p = run(['pinyin', '槐荫路', '--encoding', 'x', '--lang', 'en']);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('--encoding: unsupported encoding "x"');
    // Accepted labels still work (and a CSV ignores --dbf-encoding).
    const ok = run(['check', csv, '--encoding', 'UTF8', '--dbf-encoding', 'GBK', '-f', 'json']);
    expect(ok.code, ok.stderr).toBe(0);
  });
});
