import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run, snapshot, tempDir } from '../helpers.js';

/**
 * --built-up (rules.md §0.3, scope builtUpArea): built-up-area polygons; the profile of the fixtures compares
 * duplicate, homophone and near-duplicate within the area a road lies in. Two areas of one township (稻庄镇):
 * 城关建成区 holds rows 1, 3, 4, 6, 7, 10; 工业园建成区 rows 2, 8, 9; row 5 lies outside both. Existing names: 光明路 with
 * geometry in 城关建成区, 胜利路 with geometry outside both, 和谐路 without geometry in the same GeoJSON, 团结路 in a
 * table without geometry.
 */
const DIR = join(FIXTURES, 'geo', 'built-up');
const ROADS = join(DIR, 'roads.geojson');
const AREAS = join(DIR, 'areas.geojson');
const PROFILE = join(DIR, 'profile.json');
const EXISTING = join(DIR, 'existing.geojson');
const NO_GEOMETRY = join(DIR, 'existing-nogeo.csv');

/** The JSON report (the run's notes are in the text report: 注意：…). */
interface Report {
  findings: { row: number; rule: string; severity: string; message: string; related?: { name: string; row?: number; file?: string }[] }[];
}

function check(args: string[]): { code: number; json: Report; notes: string } {
  const r = run(['check', ROADS, '--profile', PROFILE, '-f', 'json', ...args]);
  const text = run(['check', ROADS, '--profile', PROFILE, ...args]);
  return { code: r.code, json: JSON.parse(r.stdout) as Report, notes: text.stdout };
}

describe('--built-up (built binary)', () => {
  it('diming check compares the roads of one built-up area, the others by township, and says how', () => {
    const before = snapshot(DIR);
    const { code, json, notes } = check(['--built-up', AREAS, '-g', EXISTING, '-g', NO_GEOMETRY]);
    expect(code).toBe(1);
    const dup = json.findings.filter((f) => f.rule === 'duplicate').map((f) => `${f.row} ${f.severity} ${f.message.replace(/（[^（）]*existing[^（）]*）/, '')}`);
    expect(dup).toEqual([
      '3 error 与本表第 4 行「和平路」重名（同一建成区「城关建成区」内）',
      '4 error 与本表第 3 行「和平路」重名（同一建成区「城关建成区」内）',
      // Row 5 lies outside both areas: compared by township, where row 6 lies; row 6 (in an area) does not count row 5.
      '5 error 与本表第 6 行「兴旺路」重名（同一乡镇（街道）内）',
      '7 error 与已有地名「光明路」重名（同一建成区「城关建成区」内）',
      // 团结路 of a register without geometry, and 和谐路 without geometry in a register with it, cannot be placed: by
      // township, one level lower, said so.
      expect.stringContaining('8 warning 与已有地名「团结路」') as unknown as string,
      expect.stringContaining('10 warning 与已有地名「和谐路」') as unknown as string,
    ]);
    for (const row of [8, 10]) expect(json.findings.find((f) => f.row === row)!.message).toContain('该已有地名没有几何，无法判断是否在建成区内');
    // 幸福路 (rows 1 and 2) lie in two areas, 胜利路 (row 9) apart from the existing one: not reported.
    expect(json.findings.filter((f) => [1, 2, 6, 9].includes(f.row) && f.rule === 'duplicate')).toEqual([]);
    expect(notes).toContain('读取建成区 2 个');
    expect(notes).toContain('本表 9 条位于建成区内，按所在建成区比较重名、同音和近似；其余 1 条按同一乡镇（街道）比较；已有地名中 1 条带几何且位于建成区内');
    expect(notes).not.toContain('需要建成区面图层');
    expect(snapshot(DIR)).toEqual(before);
  });

  it('without --built-up the same profile compares by township and says what is missing', () => {
    const { json, notes } = check(['-g', EXISTING, '-g', NO_GEOMETRY]);
    const rows = json.findings.filter((f) => f.rule === 'duplicate').map((f) => f.row);
    expect(rows).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(notes).toContain('需要建成区面图层（--built-up）；未提供，按同一乡镇（街道）比较');
  });

  it('says when it cannot use the areas: a table without geometry, a profile without the scope', () => {
    const dir = tempDir('diming-built-up-');
    const csv = join(dir, 'roads.csv');
    writeFileSync(csv, '名称,区划代码\n和平路,370523102\n和平路,370523102\n');
    const r = run(['check', csv, '--profile', PROFILE, '--built-up', AREAS, '-f', 'json']);
    const json = JSON.parse(r.stdout) as Report;
    expect(run(['check', csv, '--profile', PROFILE, '--built-up', AREAS]).stdout).toContain('但本表没有几何，无法判断道路是否在建成区内；按同一乡镇（街道）比较');
    expect(json.findings.filter((f) => f.rule === 'duplicate').map((f) => f.row)).toEqual([1, 2]);

    const national = run(['check', ROADS, '--built-up', AREAS, '--lang', 'en']);
    expect(national.stdout).toContain('no rule of the profile uses the builtUpArea scope');
  });

  it('refuses a file without polygons, clearly and before writing anything', () => {
    const dir = tempDir('diming-built-up-');
    const out = join(dir, 'report.json');
    const r = run(['check', ROADS, '--profile', PROFILE, '--built-up', ROADS, '-f', 'json', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('建成区文件中没有面要素');
    expect(r.stderr).toContain('roads.geojson');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('diming announce takes it: its check reports the same pairs', () => {
    const dir = tempDir('diming-built-up-');
    const r = run(['announce', ROADS, '--profile', PROFILE, '--built-up', AREAS, '-o', join(dir, 'announce.csv')]);
    expect(r.code).toBe(1);
    const dup = (r.stdout + r.stderr).split('\n').filter((l) => l.includes('duplicate'));
    expect(dup.map((l) => l.split(/\s+/)[0])).toEqual(['3', '4', '5']);
    expect(dup[0]).toContain('同一建成区「城关建成区」');
  });

  it('diming geojson and diming run take it too; geojson --no-check refuses it', () => {
    const dir = tempDir('diming-built-up-');
    const g = run(['geojson', ROADS, '--profile', PROFILE, '--built-up', AREAS, '--force', '-o', join(dir, 'roads.geojson')]);
    expect(g.code).toBe(1);
    const fc = JSON.parse(readFileSync(join(dir, 'roads.geojson'), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    expect(JSON.stringify(fc.features[2].properties)).toContain('同一建成区「城关建成区」');
    expect(JSON.stringify(fc.features[0].properties)).not.toContain('重名');

    const noCheck = run(['geojson', ROADS, '--no-check', '--built-up', AREAS, '-o', join(dir, 'plain.geojson')]);
    expect(noCheck.code).toBe(2);
    expect(noCheck.stderr).toContain('--built-up');

    const out = join(dir, 'run');
    const r = run(['run', ROADS, '--profile', PROFILE, '--built-up', AREAS, '-o', out, '-q']);
    expect(r.code).toBe(1);
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    expect(report).toContain('同一建成区「城关建成区」');
  });
});
