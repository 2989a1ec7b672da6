/**
 * Real-client test: the HTML report of `diming check -f html` in headless Chromium (Debian `chromium`, driven by
 * playwright-core). The report must load with no network request and no script error, group findings by township,
 * sort a table when its header is clicked (numerically for rows), filter rows from the search box, and keep hostile
 * names as text.
 *
 * Skipped when /usr/bin/chromium is absent, unless DIMING_REQUIRE_CHROMIUM=1 (CI: .ci/suites/chromium.sh).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers.js';
import { HAVE, REQUIRED, type WatchedPage, openWatchedPage } from './browser.js';

/** Twelve rows in two townships of 广饶县: duplicates (rows 1, 2, 11), foreign and exaggerating names, a hostile name. */
const ROWS = [
  ['幸福路', '大王镇'], ['幸福路', '大王镇'], ['巴黎路', '大王镇'], ['中华巷', '大王镇'], ['和谐路', '大王镇'],
  ['<img src=x onerror=alert(1)>路', '大王镇'], ['宇宙路', '稻庄镇'], ['纽约街', '稻庄镇'], ['兴业路', '稻庄镇'],
  ['富民路', '稻庄镇'], ['幸福路', '大王镇'], ['环球大道', '稻庄镇'],
];

describe.skipIf(!HAVE && !REQUIRED)('check report (diming check -f html) in headless Chromium', () => {
  let browser: WatchedPage | undefined;
  let page: Page;
  let requests: string[] = [];
  let problems: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    const dir = tempDir('diming-check-html-');
    const csv = join(dir, 'roads.csv');
    writeFileSync(csv, ['名称,省,市,县,乡镇', ...ROWS.map(([n, t]) => `"${n}",山东省,东营市,广饶县,${t}`)].join('\n') + '\n');
    const out = join(dir, 'report.html');
    const r = run(['check', csv, '-f', 'html', '-o', out]);
    expect(r.code, r.stderr).toBe(1);
    browser = await openWatchedPage({ width: 1400, height: 900 });
    ({ page, requests, problems } = browser);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(out).href);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const rowsOf = (section: number) =>
    page.$$eval(`section:nth-of-type(${section}) tbody tr`, (trs) => trs.filter((tr) => (tr as HTMLElement).style.display !== 'none').map((tr) => Number(tr.cells[0].textContent)));

  it('loads with no network request, no script error and no dialog', () => {
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), requests.join('\n')).toEqual([]);
  });

  it('groups the findings by township', async () => {
    const heads = await page.$$eval('section h2', (hs) => hs.map((h) => h.firstChild?.textContent?.trim()));
    expect(heads.sort()).toEqual(['大王镇', '稻庄镇']);
  });

  it('sorts a table by the clicked column, rows as numbers, and back', async () => {
    const section = (await page.$$eval('section h2', (hs) => hs.map((h) => h.firstChild?.textContent?.trim()))).indexOf('大王镇') + 1;
    const before = await rowsOf(section);
    expect(before.length).toBeGreaterThan(3);
    // Row 11 must sort after row 2 (numbers, not text: "11" < "2" as text).
    expect(before).toContain(11);
    const header = page.locator(`section:nth-of-type(${section}) th`).first();
    await header.click();
    const asc = await rowsOf(section);
    expect(asc).toEqual([...before].sort((a, b) => a - b));
    await header.click();
    expect(await rowsOf(section)).toEqual([...asc].reverse());
    // The severity column sorts errors first.
    await page.locator(`section:nth-of-type(${section}) th`).nth(2).click();
    const levels = await page.$$eval(`section:nth-of-type(${section}) tbody tr`, (trs) => trs.map((tr) => tr.className));
    expect(levels.indexOf('error')).toBe(0);
    expect(levels.lastIndexOf('error')).toBeLessThan(levels.indexOf('warning') < 0 ? levels.length : levels.indexOf('warning'));
  });

  it('filters rows from the search box, and shows them all again', async () => {
    await page.fill('#filter', '纽约');
    const shown = await page.$$eval('tbody tr', (trs) => trs.filter((tr) => (tr as HTMLElement).style.display !== 'none').map((tr) => tr.cells[1].textContent));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((n) => n === '纽约街')).toBe(true);
    await page.fill('#filter', '');
    const all = await page.$$eval('tbody tr', (trs) => trs.filter((tr) => (tr as HTMLElement).style.display !== 'none').length);
    expect(all).toBe(await page.$$eval('tbody tr', (trs) => trs.length));
  });

  it('shows a hostile name as text', async () => {
    expect(await page.$$eval('img', (imgs) => imgs.length)).toBe(0);
    const names = await page.$$eval('tbody tr td:nth-child(2)', (tds) => tds.map((td) => td.textContent));
    expect(names).toContain('<img src=x onerror=alert(1)>路');
  });
});
