/**
 * Real-client test: renders signs in headless Chromium (Debian `chromium`, driven by playwright-core), measures every
 * text element and its ink, and keeps PNG screenshots in test/artifacts/signs/ (git-ignored).
 *
 * Skipped when /usr/bin/chromium is absent, unless DIMING_REQUIRE_CHROMIUM=1 (CI: .ci/suites/chromium.sh), which
 * makes a missing browser a failure.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Box, layoutSign, type SignContent } from '../../src/signs/layout.js';
import { buildSchedule } from '../../src/signs/schedule.js';
import { renderContactSheet, sheetItemsFromSchedule } from '../../src/signs/sheet.js';
import { defaultSignStyle, loadSignStyle, type SignStyle } from '../../src/signs/style.js';
import { renderSignSvg } from '../../src/signs/svg.js';

/** Debian's chromium; DIMING_CHROMIUM overrides the path (other distributions). */
const CHROMIUM = process.env.DIMING_CHROMIUM || '/usr/bin/chromium';
const REQUIRED = process.env.DIMING_REQUIRE_CHROMIUM === '1';
const HAVE = existsSync(CHROMIUM);
const ARTIFACTS = fileURLToPath(new URL('../artifacts/signs/', import.meta.url));
/** Rendering scale: device pixels per millimetre for the ink scan. */
const SCALE = 1;
/** Tolerances: getBBox is exact to rounding (0.01 mm in the SVG); ink is measured on a 1 mm pixel grid (antialiasing). */
const BOX_TOL = 0.05;
const INK_TOL = 1.5;

interface Case {
  label: string;
  content: SignContent;
  style?: () => SignStyle;
}

// Pinyin as the orthography engine spells these names (sign form); long 专名 stay one word (1984 rule 3).
const CASES: Case[] = [
  { label: '02-xinjie', content: { name: '新街', pinyin: 'XIN JIE', arrow: 'right' } },
  { label: '04-xingfu-donglu', content: { name: '幸福东路', pinyin: 'XINGFU DONGLU', arrow: 'both' } },
  { label: '05-wangjiazhuang-donglu', content: { name: '王家庄东路', pinyin: 'WANGJIAZHUANG DONGLU', arrow: 'left' } },
  { label: '06-wangjiazhuangcun-donglu', content: { name: '王家庄村东路', pinyin: 'WANGJIAZHUANGCUN DONGLU', arrow: 'both' } },
  { label: '08-dawangzhen-wangjiazhuang-donglu', content: { name: '大王镇王家庄东路', pinyin: 'DAWANGZHENWANGJIAZHUANG DONGLU', arrow: 'none' } },
  { label: '08-xixincun-lushuiwan-donglu', content: { name: '西辛村绿水湾东路', pinyin: 'XIXINCUNLÜSHUIWAN DONGLU', arrow: 'right' } },
  { label: '10-guangraoxian-xingfu-donglu', content: { name: '广饶县大王镇幸福东路', pinyin: 'GUANGRAOXIANDAWANGZHENXINGFU DONGLU', arrow: 'both' } },
  { label: '12-guangraoxian-dong-2-lu', content: { name: '广饶县大王镇王家庄东二路', pinyin: 'GUANGRAOXIANDAWANGZHENWANGJIAZHUANG DONG 2 LU', arrow: 'both' } },
  { label: '12-long-words-one-line', content: { name: '广饶县大王镇王家庄东二路', pinyin: 'WANGJIAZHUANG DONGLU' } },
  { label: '05-heritage-red', content: { name: '王家庄东路', pinyin: 'WANGJIAZHUANG DONGLU', arrow: 'right' }, style: () => loadSignStyle('heritage-red') },
  {
    label: '07-brand-side-arrows',
    content: { name: '王家庄新村东路', pinyin: 'WANGJIAZHUANGXINCUN DONG 1 XIANG', arrow: 'both' },
    style: () => {
      const s = defaultSignStyle();
      s.brand = { text: '广饶县民政局监制', position: 'bottom', heightRatio: 0.1 };
      s.arrow.placement = 'side';
      s.dividerMm = 4;
      return s;
    },
  },
  {
    label: '04-narrow-fallback-font',
    content: { name: '幸福东路', pinyin: 'XINGFU DONGLU', arrow: 'left' },
    style: () => {
      // Fonts that are not installed and a wide fallback: the pinned textLength must still hold.
      const s = defaultSignStyle();
      s.fontLatin = ['No Such Font', 'DejaVu Sans'];
      s.fontCjk = ['No Such CJK Font'];
      return s;
    },
  },
];

const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!HAVE && !REQUIRED)('signs in headless Chromium', () => {
  let context: BrowserContext | undefined;
  let page: Page;
  let userDataDir = '';

  beforeAll(async () => {
    if (!HAVE) throw new Error(`DIMING_REQUIRE_CHROMIUM=1 but ${CHROMIUM} does not exist (apt-get install -y chromium fonts-noto-cjk)`);
    const { chromium } = await import('playwright-core');
    userDataDir = mkdtempSync(join(tmpdir(), 'diming-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS, viewport: { width: 1200, height: 800 } });
    page = context.pages()[0] ?? (await context.newPage());
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(`${c.label}: every text element lies inside its band and the artboard, and nothing is clipped`, async () => {
      const style = c.style ? c.style() : defaultSignStyle();
      const layout = layoutSign(c.content, style);
      const svg = renderSignSvg(c.content, style).replace(/^<\?xml[^>]*>\s*/, '');
      const W = style.widthMm;
      const H = style.heightMm;
      // 1 CSS px per mm, so client rectangles are in millimetres too.
      await page.setViewportSize({ width: Math.ceil(W) + 40, height: Math.ceil(H) + 40 });
      await page.setContent(
        `<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}#wrap{padding:20px}svg{display:block;width:${W}px;height:${H}px}</style></head>` +
          `<body><div id="wrap">${svg}</div></body></html>`,
      );
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const measured = await page.evaluate(() => {
        const root = document.querySelector('svg') as SVGSVGElement;
        const r = root.getBoundingClientRect();
        return {
          root: { x: r.x, y: r.y, w: r.width, h: r.height },
          texts: Array.from(root.querySelectorAll('text')).map((t) => {
            const b = t.getBBox();
            const cr = t.getBoundingClientRect();
            return { cls: t.getAttribute('class'), text: t.textContent, bbox: { x: b.x, y: b.y, w: b.width, h: b.height }, rect: { x: cr.x, y: cr.y, w: cr.width, h: cr.height }, computed: t.getComputedTextLength() };
          }),
        };
      });
      expect(measured.texts).toHaveLength(layout.lines.length);
      const board: Box = { x: 0, y: 0, w: W, h: H };
      measured.texts.forEach((m, i) => {
        const line = layout.lines[i];
        expect(m.text).toBe(line.text);
        // Pinned to textLength (Chromium is exact for the first font; within 0.2 % when glyphs come from fallback fonts).
        expect(Math.abs(m.bbox.w - line.width), `${line.text}: rendered width ${m.bbox.w} pinned to textLength ${line.width}`).toBeLessThanOrEqual(0.002 * line.width + 0.05);
        expect(m.bbox.w).toBeGreaterThan(0);
        expect(within(m.bbox, line.band, BOX_TOL), `${line.role} "${line.text}" getBBox ${fmt(m.bbox)} inside band ${fmt(line.band)}`).toBe(true);
        expect(within(m.bbox, board, BOX_TOL)).toBe(true);
        const rel = { x: m.rect.x - measured.root.x, y: m.rect.y - measured.root.y, w: m.rect.w, h: m.rect.h };
        expect(within(rel, line.band, BOX_TOL), `${line.role} "${line.text}" client rect ${fmt(rel)} inside band`).toBe(true);
        expect(within(rel, { x: 0, y: 0, w: measured.root.w, h: measured.root.h }, BOX_TOL)).toBe(true);
      });

      // Ink: draw each text element alone into a canvas and find its painted pixels.
      const inks = await page.evaluate(
        async ({ scale }) => {
          const root = document.querySelector('svg') as SVGSVGElement;
          const W = root.viewBox.baseVal.width;
          const H = root.viewBox.baseVal.height;
          const texts = Array.from(root.querySelectorAll('text'));
          const out: ({ x: number; y: number; w: number; h: number } | null)[] = [];
          for (let i = 0; i < texts.length; i++) {
            const clone = root.cloneNode(true) as SVGSVGElement;
            clone.setAttribute('width', String(W * scale));
            clone.setAttribute('height', String(H * scale));
            clone.removeAttribute('style');
            for (const el of Array.from(clone.querySelectorAll('rect,path,line,title,desc,metadata'))) el.remove();
            Array.from(clone.querySelectorAll('text')).forEach((t, j) => {
              if (j !== i) t.remove();
              else t.setAttribute('fill', '#000');
            });
            const src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(clone));
            const img = new Image();
            img.src = src;
            await img.decode();
            const canvas = document.createElement('canvas');
            canvas.width = Math.ceil(W * scale);
            canvas.height = Math.ceil(H * scale);
            const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
            ctx.drawImage(img, 0, 0);
            const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
            let x0 = Infinity;
            let y0 = Infinity;
            let x1 = -Infinity;
            let y1 = -Infinity;
            for (let y = 0; y < canvas.height; y++) {
              for (let x = 0; x < canvas.width; x++) {
                if (data[(y * canvas.width + x) * 4 + 3] > 24) {
                  if (x < x0) x0 = x;
                  if (x > x1) x1 = x;
                  if (y < y0) y0 = y;
                  if (y > y1) y1 = y;
                }
              }
            }
            out.push(x1 < 0 ? null : { x: x0 / scale, y: y0 / scale, w: (x1 + 1 - x0) / scale, h: (y1 + 1 - y0) / scale });
          }
          return out;
        },
        { scale: SCALE },
      );
      inks.forEach((ink, i) => {
        const line = layout.lines[i];
        expect(ink, `${line.text}: painted`).not.toBeNull();
        expect(within(ink!, line.band, INK_TOL), `${line.role} "${line.text}" ink ${fmt(ink!)} inside band ${fmt(line.band)}`).toBe(true);
        // Glyphs really are squeezed or stretched to the pinned width (side bearings aside).
        expect(ink!.w).toBeLessThanOrEqual(line.width + INK_TOL);
        expect(ink!.w).toBeGreaterThan(line.width * 0.85);
        for (const a of layout.arrows) expect(overlap(ink!, a.box), `${line.text} ink clear of the ${a.side} arrow`).toBe(false);
      });

      await page.locator('svg').screenshot({ path: join(ARTIFACTS, `${c.label}.png`) });
    });
  }

  it('the contact sheet of the sample network shows every sign', async () => {
    const net = JSON.parse(readFileSync(new URL('../fixtures/signs/network.geojson', import.meta.url), 'utf8'));
    const schedule = buildSchedule(net);
    const style = defaultSignStyle();
    const html = renderContactSheet(sheetItemsFromSchedule(schedule, 'zh'), style, { perPage: 12 });
    await page.setViewportSize({ width: 900, height: 1200 });
    await page.setContent(html);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const cards = await page.evaluate(() =>
      Array.from(document.querySelectorAll('figure.card')).map((f) => {
        const svg = f.querySelector('svg') as SVGSVGElement;
        const use = svg.querySelector('use') as SVGUseElement;
        const r = svg.getBoundingClientRect();
        const u = use.getBoundingClientRect();
        return { caption: f.querySelector('figcaption')?.textContent ?? '', svg: { x: r.x, y: r.y, w: r.width, h: r.height }, use: { x: u.x, y: u.y, w: u.width, h: u.height } };
      }),
    );
    expect(cards).toHaveLength(schedule.signs.length);
    for (const c of cards) {
      expect(c.use.w).toBeGreaterThan(0);
      expect(within(c.use, c.svg, 0.5)).toBe(true);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'contact-sheet.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.length).toBeGreaterThan(1000);
  });
});

function within(a: Box, b: Box, tol: number): boolean {
  return a.x >= b.x - tol && a.y >= b.y - tol && a.x + a.w <= b.x + b.w + tol && a.y + a.h <= b.y + b.h + tol;
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function fmt(b: Box): string {
  return `[${b.x.toFixed(1)}, ${b.y.toFixed(1)}, ${b.w.toFixed(1)} × ${b.h.toFixed(1)}]`;
}
