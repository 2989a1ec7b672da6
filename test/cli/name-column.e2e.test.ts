import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../helpers.js';

/**
 * --column: every command that reads a table takes the column of names by its header, for sheets whose header is none
 * of the aliases (here 道路拟用名, in the bundled sample with its 名称 header renamed).
 */
describe('--column for check, run, announce, signs and geojson (built binary)', () => {
  let dir: string;
  let csv: string;
  let sample: string;

  beforeAll(() => {
    dir = tempDir('diming-column-');
    csv = join(dir, 'roads.csv');
    sample = readFileSync(join(ROOT, 'data', 'samples', 'dawang-roads.csv'), 'utf8');
    writeFileSync(csv, sample.replace(/^序号,名称,/, '序号,道路拟用名,'));
  });

  it('diming check: without it the table is refused with a hint to it; with it, every row is checked by that name', () => {
    const before = readFileSync(csv);
    const bad = run(['check', csv, '-f', 'json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('找不到名称列');
    expect(bad.stderr).toContain('道路拟用名');
    expect(bad.stderr).toContain('或用 --column 指定');
    expect(bad.stdout).toBe('');

    const r = run(['check', csv, '--column', '道路拟用名', '-f', 'json']);
    expect([0, 1]).toContain(r.code);
    const json = JSON.parse(r.stdout) as { summary: { rows: number }; findings: { row: number; name: string }[] };
    expect(json.summary.rows).toBe(41);
    // Every finding names its road (with no name column read, each row would be 缺少名称).
    expect(json.findings.length).toBeGreaterThan(0);
    for (const f of json.findings) expect(sample.split('\n')[f.row]).toContain(`,${f.name},`);

    const wrong = run(['check', csv, '--column', '路名']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('找不到列「路名」');
    expect(readFileSync(csv)).toEqual(before);
  });

  it('diming run, announce, signs and geojson read the names from it', () => {
    const out = join(dir, 'run');
    const r = run(['run', csv, '--column', '道路拟用名', '-o', out, '--authority', '广饶县人民政府', '--date', '2024-03-01', '--force', '-q']);
    expect([0, 1], r.stderr).toContain(r.code);
    expect(readFileSync(join(out, 'pinyin.csv'), 'utf8')).toContain('Xìngfú Lù');
    expect(readFileSync(join(out, 'roads.geojson'), 'utf8')).toContain('幸福路');

    const a = run(['announce', csv, '--column', '道路拟用名', '-f', 'csv', '--authority', '广饶县人民政府', '--date', '2024-03-01', '--force']);
    expect(a.stdout, a.stderr).toContain('幸福路');

    const signs = join(dir, 'signs');
    const s = run(['signs', csv, '--column', '道路拟用名', '-o', signs, '-f', 'csv']);
    expect(s.code, s.stderr).toBe(0);
    expect(readFileSync(join(signs, 'signs.csv'), 'utf8')).toContain('幸福路');

    for (const extra of [[], ['--no-check']]) {
      const geo = join(dir, `roads${extra.length}.geojson`);
      const g = run(['geojson', csv, '--column', '道路拟用名', '-o', geo, '--force', ...extra]);
      expect([0, 1], g.stderr).toContain(g.code);
      expect(existsSync(geo)).toBe(true);
      expect(readFileSync(geo, 'utf8')).toContain('"幸福路"');
    }
  }, 120_000);
});
