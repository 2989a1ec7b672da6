import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, expectFolderRefused, run, tempDir } from '../helpers.js';
import { SAMPLE, expectedPlaces, sampleRoads } from './sample-network.js';

/** Today as YYYY-MM-DD (local): an approval date that no deadline rule complains about. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const APPROVAL = ['--authority', '广饶县人民政府', '--date', today()];
const CHECK_FILES = ['check.csv', 'check.json', 'pinyin.csv', 'report.html'];
const ALL_FILES = [...CHECK_FILES, 'announce.docx', 'announce.xlsx', 'roads.geojson', 'signs'].sort();

interface CheckJson {
  summary: { rows: number; errors: number; warnings: number; infos: number };
  findings: { row: number; name: string; rule: string; severity: string }[];
}


describe('diming run (built binary) on the sample batch', () => {
  describe('without --force: stops before publishing', () => {
    let dir: string;
    let r: ReturnType<typeof run>;
    let check: CheckJson;

    beforeAll(() => {
      dir = join(tempDir('diming-run-stop-'), '输出');
      r = run(['run', SAMPLE, '-o', dir, ...APPROVAL]);
      check = JSON.parse(readFileSync(join(dir, 'check.json'), 'utf8'));
    });

    it('exits 1 and writes only the check report, the pinyin table and the review page', () => {
      expect(r.code).toBe(1);
      expect(readdirSync(dir).sort()).toEqual([...CHECK_FILES].sort());
      expect(r.stdout).toContain('已停在发布之前');
      expect(r.stdout).toMatch(/审查：41 条道路（地图上 41 条）—— 错误 \d+ 条/);
    });

    it('finds every planted problem: homophone, foreign name, traditional character, crossed geometry', () => {
      const has = (name: string, rule: string, severity: string) => check.findings.some((f) => f.name === name && f.rule === rule && f.severity === severity);
      expect(has('富民路', 'homophone', 'warning')).toBe(true);
      expect(has('福民路', 'homophone', 'warning')).toBe(true);
      expect(has('威尼斯路', 'foreign-place', 'error')).toBe(true);
      expect(has('龍泉路', 'traditional-char', 'error')).toBe(true);
      expect(has('周庄路', 'geometry-invalid', 'error')).toBe(true);
      // With the approval given, those three are the only errors.
      expect(check.findings.filter((f) => f.severity === 'error').map((f) => f.name).sort()).toEqual(['周庄路', '威尼斯路', '龍泉路'].sort());
      expect(check.summary.errors).toBe(3);
    });

    it('the review page says it stopped and links only what was written', () => {
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      expect(html).toContain('已停在发布之前');
      expect(html).toContain('href="check.csv"');
      expect(html).not.toContain('href="roads.geojson"');
      expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
    });

    it('the pinyin table is `diming pinyin --input` in CSV', () => {
      const p = run(['pinyin', '--input', SAMPLE, '-f', 'csv']);
      expect(readFileSync(join(dir, 'pinyin.csv'), 'utf8')).toBe(p.stdout);
    });
  });

  describe('with --force: every output', () => {
    let dir: string;
    let r: ReturnType<typeof run>;

    beforeAll(() => {
      dir = join(tempDir('diming-run-force-'), 'out');
      r = run(['run', SAMPLE, '-o', dir, ...APPROVAL, '--force']);
    });

    it('exits 1 (there are errors) and writes everything', () => {
      expect(r.code).toBe(1);
      expect(readdirSync(dir).sort()).toEqual(ALL_FILES);
      for (const f of ['announce.docx', 'announce.xlsx']) expect(readFileSync(join(dir, f)).subarray(0, 2).toString()).toBe('PK');
      expect(r.stdout).toContain('上图数据：41 条道路');
      expect(r.stdout).toContain('备案公告：1 个乡镇（街道），41 条道路（3 条有错误');
      expect(r.stdout).toMatch(/地名标志：\d+ 块/);
      expect(readdirSync(dir).some((n) => n.startsWith('.'))).toBe(false);
    });

    it('roads.geojson: 41 roads in CGCS2000 lon/lat with pinyin and their findings; the crossed road without geometry', () => {
      const fc = JSON.parse(readFileSync(join(dir, 'roads.geojson'), 'utf8'));
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.diming.sourceCrs).toBe('EPSG:4528');
      expect(fc.features).toHaveLength(41);
      const byName = new Map(fc.features.map((f: { properties: { name: string } }) => [f.properties.name, f]));
      const xf = byName.get('幸福路') as { geometry: { coordinates: number[][] }; properties: Record<string, unknown> };
      expect(xf.properties.pinyin).toBe('Xìngfú Lù');
      expect(xf.properties.pinyin_sign).toBe('XINGFU LU');
      for (const [lon, lat] of xf.geometry.coordinates) {
        expect(lon).toBeGreaterThan(118.45);
        expect(lon).toBeLessThan(118.6);
        expect(lat).toBeGreaterThan(36.95);
        expect(lat).toBeLessThan(37.05);
        expect(String(lon).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(7);
      }
      const zhou = byName.get('周庄路') as { geometry: unknown; properties: { validation: { rule: string }[] } };
      expect(zhou.geometry).toBeNull();
      expect(zhou.properties.validation.some((v) => v.rule === 'geometry-invalid')).toBe(true);
    });

    it('signs/: the same schedule as diming signs, a sign at every end and junction', () => {
      const fc = JSON.parse(readFileSync(join(dir, 'signs', 'signs.geojson'), 'utf8'));
      const expected = expectedPlaces(sampleRoads());
      const total = [...expected.values()].reduce((n, p) => n + p.length, 0);
      expect(fc.features).toHaveLength(total);
      expect(readdirSync(join(dir, 'signs', 'svg'))).toHaveLength(total);
      expect(r.stdout).toContain(`地名标志：${total} 块`);
      const alone = join(tempDir('diming-run-signs-'), 's');
      expect(run(['signs', SAMPLE, '-o', alone, '--format', 'geojson,svg']).code).toBe(0);
      const single = JSON.parse(readFileSync(join(alone, 'signs.geojson'), 'utf8'));
      expect(fc.features).toEqual(single.features);
      const csv = parse(readFileSync(join(dir, 'signs', 'signs.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
      expect(csv).toHaveLength(total);
      expect(existsSync(join(dir, 'signs', 'signs.xlsx'))).toBe(true);
      expect(existsSync(join(dir, 'signs', 'signs.html'))).toBe(true);
    });

    it('the review page has every road on the map and every finding in the table', () => {
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      const data = JSON.parse(/<script type="application\/json" id="diming-data">(.*?)<\/script>/s.exec(html)![1]);
      expect(data.roads).toHaveLength(41);
      expect(data.roads.every((x: { l: unknown[] }) => x.l.length > 0)).toBe(true);
      const check = JSON.parse(readFileSync(join(dir, 'check.json'), 'utf8')) as CheckJson;
      expect(html.match(/<tr tabindex="0" data-row=/g)).toHaveLength(check.findings.length);
      expect(html).toContain('href="roads.geojson"');
      expect(html).toContain('href="signs/signs.html"');
    });
  });

  it('a batch without errors publishes without --force and exits 0', () => {
    const t = tempDir('diming-run-clean-');
    const rows = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    const clean = rows.filter((l) => !/^(14|37|38),/.test(l));
    const file = join(t, '道路.csv');
    writeFileSync(file, clean.join('\n') + '\n');
    const dir = join(t, 'out');
    const r = run(['run', file, '-o', dir, ...APPROVAL]);
    expect(r.stderr).not.toContain('错误：');
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(ALL_FILES);
    expect(r.stdout).toContain('错误 0 条');
    expect(r.stdout).not.toContain('停在发布之前');
    // A later run that stops leaves the earlier publication in place but says it is not current.
    const r2 = run(['run', SAMPLE, '-o', dir, ...APPROVAL]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('是以前运行留下的');
  });

  it('the sample is exactly what scripts/make-sample.mjs generates (deterministic)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'make-sample.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('--boundaries: roads checked against the township polygon, its outline on the review page', () => {
    const dir = join(tempDir('diming-run-bnd-'), 'out');
    const boundary = join(ROOT, 'data', 'samples', 'dawang-boundary.geojson');
    const r = run(['run', SAMPLE, '-o', dir, ...APPROVAL, '--boundaries', boundary]);
    expect(r.code).toBe(1);
    const check = JSON.parse(readFileSync(join(dir, 'check.json'), 'utf8')) as CheckJson;
    expect(check.findings.filter((f) => f.rule === 'geometry-outside')).toEqual([]);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const data = JSON.parse(/<script type="application\/json" id="diming-data">(.*?)<\/script>/s.exec(html)![1]);
    expect(data.outlines.map((o: { n: string }) => o.n)).toEqual(['大王镇']);
    // A boundary that misses the roads: every road is outside its township.
    const t = tempDir('diming-run-bnd2-');
    const far = join(t, 'far.geojson');
    writeFileSync(far, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { '乡镇(街道)': '大王镇' }, geometry: { type: 'Polygon', coordinates: [[[118.0, 36.0], [118.1, 36.0], [118.1, 36.1], [118.0, 36.1], [118.0, 36.0]]] } }] }));
    const r2 = run(['run', SAMPLE, '-o', join(t, 'out'), ...APPROVAL, '--boundaries', far]);
    expect(r2.code).toBe(1);
    const check2 = JSON.parse(readFileSync(join(t, 'out', 'check.json'), 'utf8')) as CheckJson;
    expect(check2.findings.filter((f) => f.rule === 'geometry-outside').length).toBe(40);
  });

  it("the profile's settings reach the outputs: ordinals spelled in the pinyin table and on signs, ü as V on signs", () => {
    const t = tempDir('diming-run-settings-');
    const rows = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    const file = join(t, '道路.csv');
    writeFileSync(file, rows.map((l) => l.replace(',曲江路,', ',吕江路,')).join('\n') + '\n');
    const profile = join(t, '本县.json');
    writeFileSync(profile, JSON.stringify({ extends: 'national', settings: { ordinals: 'spelled', signUmlaut: 'v' } }));
    const dir = join(t, 'out');
    const r = run(['run', file, '-o', dir, '--profile', profile, '--force', ...APPROVAL]);
    expect(r.code).toBe(1);
    const pinyin = parse(readFileSync(join(dir, 'pinyin.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(pinyin.find((p) => p.name === '幸福一巷')?.sign).toBe('XINGFU YIXIANG');
    expect(pinyin.find((p) => p.name === '吕江路')?.sign).toBe('LÜJIANG LU');
    const signs = readFileSync(join(dir, 'signs', 'signs.csv'), 'utf8');
    expect(signs).toContain('LVJIANG LU');
    expect(signs).not.toContain('LÜJIANG');
    expect(signs).toContain('XINGFU YIXIANG');
    const geo = JSON.parse(readFileSync(join(dir, 'roads.geojson'), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    expect(JSON.stringify(geo.features.find((f) => Object.values(f.properties).includes('幸福一巷'))?.properties)).toContain('Yīxiàng');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('ordinals: spelled'); // the review page says it departs from rule 7
  });

  it("--profile auto: each row's profile decides its ordinals in the pinyin table and on signs, as in the GeoJSON", () => {
    const t = tempDir('diming-run-auto-');
    // The fallback spells ordinals out; the sample's rows lie in 东营 (3705), where the built-in dongying-village applies.
    const profile = join(t, '本县.json');
    writeFileSync(profile, JSON.stringify({ extends: 'national', settings: { ordinals: 'spelled' } }));
    const dir = join(t, 'out');
    const r = run(['run', SAMPLE, '-o', dir, '--profile', 'auto', '--profile', profile, '--force', ...APPROVAL]);
    expect(r.code).toBe(1);
    const pinyin = parse(readFileSync(join(dir, 'pinyin.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    const geo = JSON.parse(readFileSync(join(dir, 'roads.geojson'), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    const props = geo.features.find((f) => f.properties.name === '幸福一巷')?.properties;
    expect(props?.pinyin_sign).toBe('XINGFU 1 XIANG');
    expect(pinyin.find((p) => p.name === '幸福一巷')?.sign).toBe(props?.pinyin_sign);
    expect(readFileSync(join(dir, 'signs', 'signs.csv'), 'utf8')).toContain('XINGFU 1 XIANG');
  });

  it('English summary with --lang en', () => {
    const dir = join(tempDir('diming-run-en-'), 'out');
    const r = run(['run', SAMPLE, '-o', dir, '--lang', 'en', ...APPROVAL]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Stopped before publishing');
    expect(r.stdout).toMatch(/Check: 41 roads \(41 on the map\) — 3 errors/);
  });

  it('no progress display when stderr is not a terminal', () => {
    const dir = join(tempDir('diming-run-quiet-'), 'out');
    const r = run(['run', SAMPLE, '-o', dir, ...APPROVAL, '--force']);
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).not.toContain('\x1b[');
  });

  it.skipIf(spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).status !== 0)('shows the steps when stderr is a terminal (util-linux script gives it a pty)', () => {
    const dir = join(tempDir('diming-run-tty-'), 'out');
    const q = (a: string) => `'${a.replace(/'/g, "'\\''")}'`;
    const cmd = [process.execPath, join(ROOT, 'bin', 'diming.js'), 'run', SAMPLE, '-o', dir, ...APPROVAL].map(q).join(' ');
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, DIMING_LANG: '' } });
    expect(r.stdout).toContain('✓ 审查');
    expect(r.stdout).toContain('✓ 审查结果页');
    expect(r.stdout).toContain('– 地名标志：跳过');
    expect(r.stdout).toContain('\x1b[K');
    // --quiet: no steps.
    const r2 = spawnSync('script', ['-qec', `${cmd} -q`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, DIMING_LANG: '' } });
    expect(r2.stdout).not.toContain('✓ 审查');
    expect(r2.stdout).toContain('已停在发布之前');
  });

  describe('bad input: exit 2, nothing written', () => {
    it.each([
      ['an unreadable table', (t: string) => { const f = join(t, 'bad.csv'); writeFileSync(f, 'a,b\n1,2\n'); return [f]; }],
      ['a missing file', (t: string) => [join(t, 'nope.csv')]],
      ['a bad --date', () => [SAMPLE, '--date', '2024-13-45']],
      ['an unknown rule', () => [SAMPLE, '--rule', 'no-such-rule=error']],
      ['an unknown profile', () => [SAMPLE, '--profile', 'no-such-profile']],
      ['a bad --precision', () => [SAMPLE, '--precision', '9']],
      ['an unknown sign style', () => [SAMPLE, '--style', 'no-such-style']],
      ['a --crs that does not exist', () => [SAMPLE, '--crs', 'EPSG:99999']],
    ] as const)('%s', (_label, make) => {
      const t = tempDir('diming-run-bad-');
      const args = make(t);
      expectFolderRefused('run', args, t, { 'report.html': 'old', 'signs/signs.csv': 'old' });
    });

    it('never writes over an input file in the output folder', () => {
      const t = tempDir('diming-run-self-');
      const file = join(t, 'pinyin.csv');
      writeFileSync(file, readFileSync(SAMPLE));
      const r = run(['run', file, '-o', t, ...APPROVAL]);
      expect(r.code).toBe(2);
      expect(readFileSync(file, 'utf8')).toBe(readFileSync(SAMPLE, 'utf8'));
      expect(readdirSync(t)).toEqual(['pinyin.csv']);
    });
  });
});
