/**
 * Real-client test: the review page (report.html of `diming run` on the sample) in headless Chromium (Debian
 * `chromium`, driven by playwright-core). The page must load with no network request, draw every road in the colour
 * of its worst finding, zoom to a road when its row is clicked (the SVG viewBox before and after), select rows from
 * the map, pan and zoom, and keep hostile text inert. Screenshots go to test/artifacts/report/ (git-ignored).
 *
 * Skipped when /usr/bin/chromium is absent, unless DIMING_REQUIRE_CHROMIUM=1 (CI: .ci/suites/chromium.sh).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_COLORS, renderReviewPage } from '../../src/report/review.js';
import { run, tempDir } from '../helpers.js';
import { SAMPLE } from '../cli/sample-network.js';
import { HAVE, REQUIRED, type WatchedPage, openWatchedPage } from './browser.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/report/', import.meta.url));

type View = { x: number; y: number; w: number; h: number };

function parseView(v: string | null): View {
  const [x, y, w, h] = (v ?? '').split(/\s+/).map(Number);
  return { x, y, w, h };
}

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe.skipIf(!HAVE && !REQUIRED)('review page (report.html) in headless Chromium', () => {
  let browser: WatchedPage | undefined;
  let page: Page;
  let dir = '';
  let requests: string[] = [];
  let problems: string[] = [];
  /** Worst severity per data row, from check.json (0 error … 3 none). */
  const worst = new Map<number, number>();

  beforeAll(async () => {
    dir = join(tempDir('diming-report-'), 'out');
    // Deadline reminders off, so that roads without findings (green) are on the map too.
    const r = run(['run', SAMPLE, '-o', dir, '--authority', '广饶县人民政府', '--date', today(), '--rule', 'filing-deadline=off', '--rule', 'announce-deadline=off', '--boundaries', join(dirname(SAMPLE), 'dawang-boundary.geojson')]);
    expect(r.code, r.stderr).toBe(1);
    const check = JSON.parse(readFileSync(join(dir, 'check.json'), 'utf8')) as { findings: { row: number; severity: string }[] };
    for (const row of Array.from({ length: 41 }, (_, i) => i + 1)) worst.set(row, 3);
    for (const f of check.findings) worst.set(f.row, Math.min(worst.get(f.row)!, { error: 0, warning: 1, info: 2 }[f.severity]!));
    browser = await openWatchedPage({ width: 1400, height: 860 });
    ({ page, requests, problems } = browser);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    await page.waitForSelector('html[data-map-ready="1"]');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no network request and no script error', () => {
    expect(problems).toEqual([]);
    expect(requests.every((u) => u.startsWith('file:') || u.startsWith('data:')), requests.join('\n')).toBe(true);
    expect(requests.filter((u) => u.startsWith('file:'))).toHaveLength(1);
  });

  it('draws every road in the colour of its worst finding, with its name', async () => {
    const paths = await page.$$eval('#map-svg path.road', (els) => els.map((e) => ({ row: Number(e.getAttribute('data-row')), stroke: e.getAttribute('stroke'), computed: getComputedStyle(e).stroke, len: (e as SVGPathElement).getTotalLength() })));
    expect(paths).toHaveLength(41);
    for (const p of paths) {
      const want = REVIEW_COLORS[worst.get(p.row)!];
      expect(p.stroke, `row ${p.row}`).toBe(want);
      expect(p.computed, `row ${p.row}`).toBe(rgb(want));
      expect(p.len).toBeGreaterThan(0);
    }
    // All four colours occur in the sample: errors (3), warnings (3), infos and roads without findings.
    const counts = [0, 0, 0, 0];
    for (const p of paths) counts[worst.get(p.row)!]++;
    expect(counts[0]).toBe(3);
    expect(counts[1]).toBe(3);
    expect(counts[3]).toBeGreaterThan(20);
    expect(await page.textContent('#map-svg path.road[data-row="38"] title')).toContain('威尼斯路');
    const labels = await page.$$eval('#map-labels text', (els) => els.map((e) => ({ text: e.textContent, shown: (e as SVGElement).style.display !== 'none' })));
    expect(labels).toHaveLength(41);
    expect(labels.filter((l) => l.shown).length).toBeGreaterThan(15);
    // The township outline (--boundaries) under the roads, and the whole network in view.
    expect(await page.$$eval('#map-outlines path.outline', (els) => els.length)).toBe(1);
    expect(await page.textContent('#map-outlines path.outline title')).toBe('大王镇');
    const fits = await page.evaluate(() => {
      const svg = document.getElementById('map-svg') as unknown as SVGSVGElement;
      const b = (document.getElementById('map-roads') as unknown as SVGGElement).getBBox();
      const v = svg.viewBox.baseVal;
      return b.x >= v.x && b.y >= v.y && b.x + b.width <= v.x + v.width && b.y + b.height <= v.y + v.height;
    });
    expect(fits).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'report-overview.png') });
  });

  it('a click on a findings row zooms to that road and highlights it', async () => {
    const before = parseView(await page.getAttribute('#map-svg', 'viewBox'));
    await page.click('#findings tbody tr[data-row="14"]');
    const after = parseView(await page.getAttribute('#map-svg', 'viewBox'));
    expect(after).not.toEqual(before);
    expect(after.w).toBeLessThan(before.w / 5);
    const road = await page.evaluate(() => {
      const p = document.querySelector('#map-svg path.road[data-row="14"]') as SVGPathElement;
      const b = p.getBBox();
      return { cls: p.getAttribute('class'), b: { x: b.x, y: b.y, w: b.width, h: b.height } };
    });
    expect(road.cls).toContain('sel');
    expect(road.b.x).toBeGreaterThanOrEqual(after.x);
    expect(road.b.y).toBeGreaterThanOrEqual(after.y);
    expect(road.b.x + road.b.w).toBeLessThanOrEqual(after.x + after.w);
    expect(road.b.y + road.b.h).toBeLessThanOrEqual(after.y + after.h);
    // The road fills a good part of the view.
    expect(Math.max(road.b.w / after.w, road.b.h / after.h)).toBeGreaterThan(0.4);
    expect(await page.getAttribute('#map-svg', 'data-selected')).toBe('14');
    const rowClasses = await page.$$eval('#findings tbody tr[data-row="14"]', (els) => els.map((e) => e.className));
    expect(rowClasses.length).toBeGreaterThan(0);
    expect(rowClasses.every((c) => c.includes('sel'))).toBe(true);
    expect(await page.$$eval('#findings tbody tr.sel', (els) => els.length)).toBe(rowClasses.length);
    await page.screenshot({ path: join(ARTIFACTS, 'report-zoomed-row14.png') });
    // Another row: the view moves on.
    await page.click('#findings tbody tr[data-row="38"]');
    const third = parseView(await page.getAttribute('#map-svg', 'viewBox'));
    expect(third).not.toEqual(after);
    await page.screenshot({ path: join(ARTIFACTS, 'report-zoomed-row38.png') });
    await page.click('#zoom-all');
    expect(parseView(await page.getAttribute('#map-svg', 'viewBox'))).toEqual(before);
  });

  it('a click on a road selects its rows; wheel zooms and drag pans', async () => {
    await page.locator('#map-svg path.road[data-row="37"]').dispatchEvent('click');
    expect(await page.getAttribute('#map-svg', 'data-selected')).toBe('37');
    expect(await page.$$eval('#findings tbody tr.sel', (els) => els.map((e) => e.getAttribute('data-row')))).toEqual(expect.arrayContaining(['37']));
    const box = (await page.locator('#map-svg').boundingBox())!;
    const v0 = parseView(await page.getAttribute('#map-svg', 'viewBox'));
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction((w) => Number((document.getElementById('map-svg')!.getAttribute('viewBox') ?? '').split(' ')[2]) < w, v0.w);
    const v1 = parseView(await page.getAttribute('#map-svg', 'viewBox'));
    expect(v1.w).toBeLessThan(v0.w);
    await page.mouse.move(box.x + 200, box.y + 300);
    await page.mouse.down();
    await page.mouse.move(box.x + 320, box.y + 360, { steps: 5 });
    await page.mouse.up();
    const v2 = parseView(await page.getAttribute('#map-svg', 'viewBox'));
    expect(v2.w).toBeCloseTo(v1.w, 6);
    expect(v2.x).toBeLessThan(v1.x);
    expect(v2.y).toBeLessThan(v1.y);
  });

  it('the severity filter and the search box hide rows', async () => {
    await page.uncheck('input.sevfilter[value="info"]');
    const shown = await page.$$eval('#findings tbody tr[data-row]', (els) => els.filter((e) => (e as HTMLElement).style.display !== 'none').map((e) => e.getAttribute('data-sev')));
    expect(shown.includes('info')).toBe(false);
    expect(shown.length).toBeGreaterThan(0);
    await page.check('input.sevfilter[value="info"]');
    await page.fill('#filter', '威尼斯');
    const names = await page.$$eval('#findings tbody tr[data-row]', (els) => els.filter((e) => (e as HTMLElement).style.display !== 'none').map((e) => e.querySelector('td.nm')!.textContent));
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n === '威尼斯路')).toBe(true);
    await page.fill('#filter', '');
  });

  it('hostile text stays text (names, messages and labels are escaped)', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">路</script><script>window.__pwned=2</script>';
    const html = renderReviewPage(
      { summary: { rows: 1, errors: 1, warnings: 0, infos: 0 }, findings: [{ row: 1, name: evil, rule: 'weird', severity: 'error', message: { zh: evil, en: evil } }], notes: [{ zh: evil, en: evil }] },
      [{ row: 1, id: '"><b>1', name: evil, lines: [[[118.5, 37.0], [118.51, 37.0]]] }],
      { source: evil, profile: 'national', divisionYear: 2023 },
    );
    const p = await browser!.context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.setContent(html);
    await p.waitForSelector('html[data-map-ready="1"]');
    expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await p.$$eval('img', (els) => els.length)).toBe(0);
    expect(await p.textContent('#map-labels text')).toBe(evil);
    expect(await p.textContent('#findings td.nm')).toBe(evil);
    expect(errors).toEqual([]);
    await p.close();
  });
});
