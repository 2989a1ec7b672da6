import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, run, tempDir } from '../helpers.js';

// Each area of diming check keeps its own describe block in this file.

describe('diming check: geometry (--crs, --boundaries, --dbf-encoding, geometry rules)', () => {
  const G = (name: string) => join(FIXTURES, 'geo', name);
  interface Json { summary: { errors: number; warnings: number }; findings: { row: number; rule: string; severity: string; message: string; related?: { name: string; distance?: number }[] }[] }
  const json = (args: string[]) => {
    const r = run(['check', ...args, '--format', 'json']);
    return { ...r, data: r.code === 2 ? undefined : (JSON.parse(r.stdout) as Json) };
  };

  it('runs the national profile (all geometry and nearby rules are known)', () => {
    const r = run(['check', join(ROOT, 'data', 'samples', 'dawang-roads.csv')]);
    expect(r.stderr).not.toContain('未知的规则');
    expect([0, 1]).toContain(r.code);
  });

  it('refuses a .shp without .prj unless --crs is given, saying so', () => {
    const r = run(['check', G('noprj/roads.shp')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Shapefile 缺少 .prj 文件，不知道坐标系');
    expect(r.stderr).toContain('--crs');
    expect(r.stdout).toBe('');
    const ok = json([G('noprj/roads.shp'), '--crs', 'EPSG:4528']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.data!.findings.filter((f) => f.rule.startsWith('geometry') || f.rule === 'crs-suspect')).toEqual([]);
  });

  it('--dbf-encoding decides the .dbf code page', () => {
    const r = json([G('noprj/roads.shp'), '--crs', 'EPSG:4528', '--dbf-encoding', 'gbk']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('按指定的编码');
    expect(r.data!.findings.some((f) => f.rule === 'han-only')).toBe(false);
  });

  it('rejects an unknown --crs and an old datum before reading (exit 2)', () => {
    const a = run(['check', G('roads-gk.csv'), '--crs', 'EPSG:9999']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('不认识的坐标系「EPSG:9999」');
    const b = run(['check', G('roads-gk.csv'), '--crs', '西安80']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('1980西安坐标系');
  });

  it('prints what the CRS detection decided and why', () => {
    const r = run(['check', G('roads-gk.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/坐标系：.*带号 40.*EPSG:4528/);
  });

  it('reports unusable geometry (geometry-invalid) but no missing geometry in a plain check', () => {
    const r = json([G('roads-bad.csv')]);
    expect(r.code).toBe(1);
    const rows = r.data!.findings.filter((f) => f.rule === 'geometry-invalid').map((f) => [f.row, f.severity]);
    expect(rows).toEqual([[2, 'error'], [4, 'error'], [5, 'error'], [6, 'error'], [8, 'warning']]);
  });

  it('--boundaries: a road in the wrong township (geometry-outside)', () => {
    const r = json([G('town-roads.csv'), '--boundaries', G('townships-dawang.geojson')]);
    expect(r.code).toBe(1);
    const f = r.data!.findings.filter((x) => x.rule === 'geometry-outside');
    expect(f.map((x) => [x.row, x.severity])).toEqual([[3, 'error']]);
    expect(f[0].message).toContain('完全在所属乡镇大王镇的边界之外');
  });

  it('nearby-duplicate: across the township line, against the batch and existing names with geometry', () => {
    const r = json([G('town-roads.csv'), '--gazetteer', G('town-gazetteer.csv')]);
    const near = r.data!.findings.filter((x) => x.rule === 'nearby-duplicate');
    expect(near.map((x) => x.row)).toEqual([1, 2, 5]);
    expect(near[2].related).toEqual([expect.objectContaining({ name: '和平路', source: 'gazetteer', line: 3 })]);
    // (118.500–118.510, 37.040) to (118.520–118.530, 37.045): √(889² + 555²) ≈ 1048 m on GRS80.
    expect(Math.abs(near[2].related![0].distance! - 1048)).toBeLessThanOrEqual(2);
    // 幸福路 duplicates an existing name of its own township: duplicate reports it, nearby-duplicate does not.
    expect(r.data!.findings.filter((x) => x.row === 4).map((x) => x.rule)).toEqual(['duplicate']);
  });

  it('奥维 .ovkml: crs-suspect without --crs; with --crs gcj02 the legal notice', () => {
    const a = json([G('roads.ovkml')]);
    expect(a.code).toBe(0);
    expect(a.data!.findings.filter((f) => f.rule === 'crs-suspect').map((f) => f.message)).toEqual([expect.stringContaining('GCJ-02')]);
    const b = run(['check', G('roads.ovkml'), '--crs', 'gcj02']);
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('《测绘法》');
    const dir = tempDir();
    const c = run(['check', G('roads.ovkml'), '--crs', 'gcj02', '-o', join(dir, 'r.txt')]);
    expect(c.stderr).toContain('《测绘法》');
  });

  it('swapped lat/lon and Gauss-Krüger metres declared as lon/lat (crs-suspect)', () => {
    const a = json([G('roads-swapped.csv')]);
    expect(a.data!.findings.filter((f) => f.rule === 'crs-suspect').map((f) => f.message)).toEqual([expect.stringContaining('经纬度顺序颠倒')]);
    const b = json([G('roads-gk.csv'), '--crs', 'EPSG:4490']);
    expect(b.code).toBe(1);
    expect(b.data!.findings.find((f) => f.rule === 'crs-suspect')?.message).toContain('EPSG:4528');
    expect(b.data!.findings.filter((f) => f.rule === 'geometry-outside')).toHaveLength(3);
  });

  it('Gauss-Krüger without zone prefix needs --crs (exit 2, clear message)', () => {
    const r = run(['check', G('roads-gk-cm.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/无法判断坐标系.*\n处理办法：.*--crs/);
    expect(run(['check', G('roads-gk-cm.csv'), '--crs', 'EPSG:4549']).code).toBe(0);
  });

  it('a broken boundary file is an input error, and nothing is written', () => {
    const dir = tempDir();
    const r = run(['check', G('town-roads.csv'), '--boundaries', G('broken.geojson'), '-o', join(dir, 'r.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.geojson');
    expect(existsSync(join(dir, 'r.txt'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('diming check: large inputs', () => {
  it('a 17 MB existing-name file (over the worker threshold) gives the same output as a small one', () => {
    const dir = tempDir('diming-large-');
    const batch = join(dir, 'roads.csv');
    writeFileSync(batch, '名称,区划代码\n幸福路,370523101\n和平东路,370523101\n槐荫路,370523101\n');
    const small = '标准名称,区划代码\n和平路,370523101\n槐荫路,370523101\n';
    const filler = '远方路,110101001\n'.repeat(Math.ceil((17 * 1024 * 1024) / Buffer.byteLength('远方路,110101001\n')));
    writeFileSync(join(dir, 'small.csv'), small);
    writeFileSync(join(dir, 'large.csv'), small + filler);
    const a = run(['check', batch, '--gazetteer', join(dir, 'small.csv'), '-f', 'json']);
    const b = run(['check', batch, '--gazetteer', join(dir, 'large.csv'), '-f', 'json']);
    expect(a.code).toBe(1); // 槐荫路 exists already
    expect(b.code).toBe(a.code);
    expect(b.stdout.replaceAll('large.csv', 'small.csv')).toBe(a.stdout);
    // A bad large file: the usual error and exit code.
    writeFileSync(join(dir, 'bad.csv'), 'x,y\n' + '1,2\n'.repeat(5 * 1024 * 1024));
    const bad = run(['check', batch, '--gazetteer', join(dir, 'bad.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.csv');
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('a table of 24 MB or more runs in a Node with lean heap growth: exit code and messages come through', () => {
    const dir = tempDir('diming-large-');
    const table = join(dir, 'roads.csv');
    writeFileSync(table, Buffer.alloc(25 * 1024 * 1024)); // NUL bytes: not a table
    const r = run(['check', table]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('roads.csv');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(r.stdout).toBe('');
  });
});
