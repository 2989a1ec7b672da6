/**
 * Real clients open every output of `diming run` on the sample (CI: .ci/suites/pipeline.sh):
 *   GDAL   reads the sample table itself (WKT in EPSG:4528), roads.geojson and signs/signs.geojson; its own
 *          transform and its own spatial SQL (SpatiaLite) cross-check ours: coordinates, the crossed line, lengths
 *          against the table, and which roads meet (= the junctions on the signs);
 *   LibreOffice converts announce.docx, announce.xlsx and signs/signs.xlsx to PDF, and pdftotext finds the names;
 *   Chromium   renders report.html (every road drawn) and sign SVGs (text inside the panel).
 * Each part is skipped when its tool is missing, unless DIMING_REQUIRE_GDAL / _LIBREOFFICE / _CHROMIUM=1.
 * Screenshots and PDF page images go to test/artifacts/run/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers.js';
import { SAMPLE, sampleRoads } from '../cli/sample-network.js';

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

const ARTIFACTS = fileURLToPath(new URL('../artifacts/run/', import.meta.url));
const GDAL = Boolean(which('ogrinfo') && which('ogr2ogr'));
const SOFFICE = which('soffice') ?? which('libreoffice');
const PDFTOTEXT = which('pdftotext');
const PDFTOPPM = which('pdftoppm');
const LIBREOFFICE = Boolean(SOFFICE && PDFTOTEXT && PDFTOPPM);
const CHROMIUM = process.env.DIMING_CHROMIUM || '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const NEED = {
  gdal: process.env.DIMING_REQUIRE_GDAL === '1',
  libreoffice: process.env.DIMING_REQUIRE_LIBREOFFICE === '1',
  chromium: process.env.DIMING_REQUIRE_CHROMIUM === '1',
};

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function sh(cmd: string, args: string[], opts: { timeout?: number; env?: NodeJS.ProcessEnv } = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: opts.timeout ?? 120_000, env: opts.env ?? process.env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

let dir = '';
let code = -1;

beforeAll(() => {
  dir = join(tempDir('diming-run-clients-'), 'out');
  const r = run(['run', SAMPLE, '-o', dir, '--authority', '广饶县人民政府', '--date', today(), '--force', '--boundaries', join(dirname(SAMPLE), 'dawang-boundary.geojson')]);
  code = r.code;
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);

describe('diming run on the sample', () => {
  it('wrote every output (with --force; exit 1 for the planted errors)', () => {
    expect(code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['announce.docx', 'announce.xlsx', 'check.csv', 'check.json', 'pinyin.csv', 'report.html', 'roads.geojson', 'signs']);
  });
});

for (const [tool, have, need] of [['GDAL', GDAL, NEED.gdal], ['LibreOffice', LIBREOFFICE, NEED.libreoffice], ['Chromium', HAVE_CHROMIUM, NEED.chromium]] as const) {
  if (!have && need) {
    describe(tool, () => {
      it('is installed (DIMING_REQUIRE_*=1)', () => expect.fail(`${tool} is missing — see .ci/suites/pipeline.sh for the packages`));
    });
  }
}

describe.skipIf(!GDAL)('GDAL (ogrinfo, ogr2ogr) reads the sample and the GeoJSON outputs', () => {
  const CSV_OO = ['-oo', 'GEOM_POSSIBLE_NAMES=WKT', '-oo', 'KEEP_GEOM_COLUMNS=NO'];
  const layer = 'dawang-roads';

  it('roads.geojson: 41 line strings in lon/lat with the published properties', () => {
    const r = sh('ogrinfo', ['-ro', '-so', '-al', join(dir, 'roads.geojson')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Geometry: Line String/);
    expect(r.out).toMatch(/Feature Count: 41/);
    expect(r.out).toMatch(/Extent: \(118\.\d+, 36\.9\d+\) - \(118\.\d+, 37\.0\d+\)/);
    for (const field of ['name', 'pinyin', 'pinyin_sign', 'location_desc', 'length_m', 'validation_summary']) expect(r.out).toContain(`${field}:`);
  });

  it('signs/signs.geojson: one point per sign', () => {
    const fc = JSON.parse(readFileSync(join(dir, 'signs', 'signs.geojson'), 'utf8'));
    const r = sh('ogrinfo', ['-ro', '-so', '-al', join(dir, 'signs', 'signs.geojson')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Geometry: Point/);
    expect(r.out).toContain(`Feature Count: ${fc.features.length}`);
  });

  it('GDAL/PROJ transforms the sample from EPSG:4528 to the same lon/lat as diming (≤ 1e-6°)', () => {
    const t = tempDir('diming-gdal-');
    const out = join(t, 'sample.geojson');
    const r = sh('ogr2ogr', ['-f', 'GeoJSON', '-s_srs', 'EPSG:4528', '-t_srs', 'EPSG:4490', '-lco', 'RFC7946=YES', '-lco', 'COORDINATE_PRECISION=8', ...CSV_OO, out, SAMPLE]);
    expect(r.code, r.err).toBe(0);
    const gdal = new Map((JSON.parse(readFileSync(out, 'utf8')).features as { properties: Record<string, string>; geometry: { coordinates: number[][] } }[]).map((f) => [f.properties['名称'], f.geometry.coordinates]));
    const ours = JSON.parse(readFileSync(join(dir, 'roads.geojson'), 'utf8')).features as { properties: { name: string }; geometry: { coordinates: number[][] } | null }[];
    let compared = 0;
    for (const f of ours) {
      if (!f.geometry) continue; // the crossed line is published without geometry
      const g = gdal.get(f.properties.name)!;
      expect(f.geometry.coordinates).toHaveLength(g.length);
      f.geometry.coordinates.forEach((p, i) => {
        expect(Math.abs(p[0] - g[i][0])).toBeLessThan(1e-6);
        expect(Math.abs(p[1] - g[i][1])).toBeLessThan(1e-6);
      });
      compared++;
    }
    expect(compared).toBe(40);
  });

  it('SpatiaLite: only 周庄路 crosses itself, and every length matches the table within 1 %', () => {
    const r = sh('ogrinfo', ['-ro', '-dialect', 'SQLite', '-sql', `SELECT "序号" AS id, "名称" AS name, ST_IsSimple(GEOMETRY) AS simple, ST_Length(GEOMETRY) AS len, "长度(米)" AS want FROM "${layer}"`, ...CSV_OO, SAMPLE]);
    expect(r.code, r.err).toBe(0);
    const rows = [...r.out.matchAll(/name \(String\) = (.+)\n\s+simple \(Integer\) = (\d)\n\s+len \(Real\) = ([\d.]+)\n\s+want \([A-Za-z]+\) = ([\d.]+)/g)].map((m) => ({ name: m[1], simple: m[2] === '1', len: Number(m[3]), want: Number(m[4]) }));
    expect(rows).toHaveLength(41);
    expect(rows.filter((x) => !x.simple).map((x) => x.name)).toEqual(['周庄路']);
    for (const x of rows) expect(Math.abs(x.len - x.want) / x.want, x.name).toBeLessThan(0.01);
  });

  it('SpatiaLite: the roads that meet are exactly the roads the signs name at junctions and ends', () => {
    // A self-join needs a real database (OGR's virtual tables refuse it): copy the table into SpatiaLite first.
    const db = join(tempDir('diming-gdal-'), 'roads.sqlite');
    const c = sh('ogr2ogr', ['-f', 'SQLite', '-dsco', 'SPATIALITE=YES', '-a_srs', 'EPSG:4528', '-nln', 'roads', ...CSV_OO, db, SAMPLE]);
    expect(c.code, c.err).toBe(0);
    const r = sh('ogrinfo', ['-ro', '-sql', 'SELECT a."名称" AS a, b."名称" AS b FROM roads a, roads b WHERE a."序号" <> b."序号" AND ST_Distance(a.GEOMETRY, b.GEOMETRY) < 0.05', db]);
    expect(r.code, r.err).toBe(0);
    const pairs = new Set([...r.out.matchAll(/ a \(String\) = (.+)\n\s+b \(String\) = (.+)/g)].map((m) => `${m[1]}|${m[2]}`));
    expect(pairs.size).toBeGreaterThan(40);
    const fc = JSON.parse(readFileSync(join(dir, 'signs', 'signs.geojson'), 'utf8')) as { features: { properties: { road_name: string; with: string[] } }[] };
    const fromSigns = new Set(fc.features.flatMap((f) => f.properties.with.map((w) => `${f.properties.road_name}|${w}`)));
    expect([...fromSigns].sort()).toEqual([...pairs].sort());
    // And every road of the table has its two end signs.
    for (const road of sampleRoads()) {
      const own = fc.features.filter((f) => f.properties.road_name === road.name);
      expect(own.length, road.name).toBeGreaterThanOrEqual(2);
    }
  });
});

describe.skipIf(!LIBREOFFICE)('LibreOffice opens the announcement (DOCX, XLSX) and the sign schedule (XLSX)', () => {
  const files = ['announce.docx', 'announce.xlsx', join('signs', 'signs.xlsx')];
  const text: Record<string, string> = {};
  const status: Record<string, { code: number | null; err: string }> = {};
  let work = '';

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'diming-lo-run-'));
    const profile = join(work, 'profile');
    // One soffice start for all three files.
    const r = sh(SOFFICE!, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', work, ...files.map((f) => join(dir, f))], { timeout: 300_000, env: { ...process.env, HOME: work } });
    for (const f of files) {
      const base = f.split('/').pop()!.replace(/\.(docx|xlsx)$/, '');
      const pdf = join(work, `${base}.pdf`);
      status[f] = { code: existsSync(pdf) ? r.code : -1, err: r.err };
      if (!existsSync(pdf)) continue;
      text[f] = sh(PDFTOTEXT!, ['-enc', 'UTF-8', pdf, '-']).out;
      const png = join(ARTIFACTS, `${f.replace('/', '-').replace('.', '-')}-page1`);
      sh(PDFTOPPM!, ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
    }
  }, 400_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it.each(files)('%s converts to PDF', (f) => {
    expect(status[f].code, status[f].err).toBe(0);
    expect(text[f]?.length ?? 0).toBeGreaterThan(100);
  });

  it('the announcement holds every road name, its pinyin and the township', () => {
    for (const f of ['announce.docx', 'announce.xlsx']) {
      const t = squash(text[f] ?? '');
      expect(t).toContain('大王镇');
      expect(t).toContain('广饶县人民政府');
      for (const road of sampleRoads()) expect(t, `${f}: ${road.name}`).toContain(road.name);
      expect(t).toContain(squash('Xìngfú Lù'));
      // --force: the rows with errors are marked.
      expect(t).toContain('未通过审查');
    }
  });

  it('the sign schedule lists the signs with their pinyin', () => {
    const t = squash(text[join('signs', 'signs.xlsx')] ?? '');
    expect(t).toContain('标志编号');
    expect(t).toContain('XINGFULU');
  });
});

describe.skipIf(!HAVE_CHROMIUM)('Chromium renders report.html and the sign SVGs', () => {
  it('report.html draws all 41 roads; a sign SVG keeps its text inside the panel', async () => {
    const { chromium } = await import('playwright-core');
    const userDataDir = mkdtempSync(join(tmpdir(), 'diming-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      viewport: { width: 1400, height: 860 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(join(dir, 'report.html')).href);
      await page.waitForSelector('html[data-map-ready="1"]');
      expect(await page.$$eval('#map-svg path.road', (els) => els.length)).toBe(41);
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'report.png') });
      // Two signs: a short name and the longest name of the sample.
      const csv = readFileSync(join(dir, 'signs', 'signs.csv'), 'utf8');
      for (const id of ['1-01', '38-01']) {
        expect(csv).toContain(`svg/${id}.svg`);
        await page.setViewportSize({ width: 1040, height: 640 });
        await page.goto(pathToFileURL(join(dir, 'signs', 'svg', `${id}.svg`)).href);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const m = await page.evaluate(() => {
          const svg = document.documentElement as unknown as SVGSVGElement;
          const v = svg.viewBox.baseVal;
          return { v: { w: v.width, h: v.height }, texts: Array.from(svg.querySelectorAll('text')).map((t) => { const b = t.getBBox(); return { s: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height }; }) };
        });
        expect(m.texts.length).toBeGreaterThanOrEqual(2);
        for (const t of m.texts) {
          expect(t.w, t.s ?? '').toBeGreaterThan(0);
          expect(t.x).toBeGreaterThanOrEqual(-0.05);
          expect(t.y).toBeGreaterThanOrEqual(-0.05);
          expect(t.x + t.w).toBeLessThanOrEqual(m.v.w + 0.05);
          expect(t.y + t.h).toBeLessThanOrEqual(m.v.h + 0.05);
        }
        await page.screenshot({ path: join(ARTIFACTS, `sign-${id}.png`) });
      }
    } finally {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });
});
