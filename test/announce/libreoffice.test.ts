/**
 * Real-client test: LibreOffice opens the DOCX and XLSX we write and converts them to PDF; pdftotext must find every
 * name, pinyin and township, and the table header on every page; page 1 is rendered to PNG in test/artifacts/.
 * Skipped when soffice is absent, unless DIMING_REQUIRE_LIBREOFFICE=1 (CI: .ci/suites/libreoffice.sh), then it fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/announce/writers/docx.js';
import { renderXlsx } from '../../src/announce/writers/xlsx.js';
import { type AnnouncementDoc, cleanText } from '../../src/announce/index.js';
import { FIXTURES, ROOT, run, tempDir } from '../helpers.js';
import { sampleDoc } from './helpers.js';

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

const SOFFICE = which('soffice') ?? which('libreoffice');
const PDFTOTEXT = which('pdftotext');
const PDFTOPPM = which('pdftoppm');
const REQUIRED = process.env.DIMING_REQUIRE_LIBREOFFICE === '1';
const AVAILABLE = Boolean(SOFFICE && PDFTOTEXT && PDFTOPPM);
const ARTIFACTS = join(ROOT, 'test', 'artifacts');

if (!AVAILABLE && REQUIRED) {
  describe('LibreOffice', () => {
    it('soffice, pdftotext and pdftoppm are installed (DIMING_REQUIRE_LIBREOFFICE=1)', () => {
      expect.fail(`missing: ${[!SOFFICE && 'soffice', !PDFTOTEXT && 'pdftotext', !PDFTOPPM && 'pdftoppm'].filter(Boolean).join(', ')}` +
        ' — apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk');
    });
  });
}

/** Text for comparison: NFC, no whitespace (table cells wrap names and pinyin across lines). */
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

interface Word {
  x: number;
  y: number;
  text: string;
}

/** Words with positions per page, from `pdftotext -bbox`. */
function bboxPages(html: string): Word[][] {
  const unesc = (s: string) => s.replace(/&(lt|gt|quot|apos|amp|#39);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", amp: '&' })[e]!);
  return html.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: unesc(m[3]) })),
  );
}

/**
 * Reading a table back from a PDF: a cell whose text wraps puts its lines between the lines of its neighbours in
 * plain pdftotext output. Left-aligned columns start every line at the same x, so the frequent x positions are the
 * column edges; each word goes to the column of the nearest edge at or left of it, and each column's words in
 * reading order (y, then x) give that column's text with wrapped cells joined again.
 */
function columnTexts(words: Word[]): string[] {
  const key = (x: number) => Math.round(x * 2) / 2;
  const counts = new Map<number, number>();
  for (const w of words) counts.set(key(w.x), (counts.get(key(w.x)) ?? 0) + 1);
  const edges = [...counts].filter(([, n]) => n >= 5).map(([x]) => x).sort((a, b) => a - b);
  const cols: Word[][] = edges.map(() => []);
  for (const w of words) {
    let i = -1;
    while (i + 1 < edges.length && edges[i + 1] <= w.x + 0.3) i++;
    if (i >= 0) cols[i].push(w);
  }
  return cols.map((c) => c.sort((a, b) => a.y - b.y || a.x - b.x).map((w) => w.text).join(''));
}

describe.skipIf(!AVAILABLE)('LibreOffice opens our DOCX and XLSX (real client)', () => {
  let dir: string;
  let doc: AnnouncementDoc;
  const pages: Record<string, string[]> = {};
  const columns: Record<string, string> = {};
  const convert: Record<string, { status: number | null; stderr: string; stdout: string }> = {};

  beforeAll(async () => {
    dir = tempDir('diming-lo-');
    // Enough rows for several pages per township; three townships; the hostile rows in the first.
    doc = sampleDoc({ roads: 120, townships: 3 });
    writeFileSync(join(dir, 'announce-docx.docx'), await renderDocx(doc));
    writeFileSync(join(dir, 'announce-xlsx.xlsx'), await renderXlsx(doc));
    const profile = join(dir, 'profile');
    for (const f of ['announce-docx.docx', 'announce-xlsx.xlsx']) {
      const r = spawnSync(
        SOFFICE!,
        [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', dir, join(dir, f)],
        { encoding: 'utf8', timeout: 180_000, env: { ...process.env, HOME: dir } },
      );
      convert[f] = { status: r.status, stderr: r.stderr, stdout: r.stdout };
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const base of ['announce-docx', 'announce-xlsx']) {
      const pdf = join(dir, `${base}.pdf`);
      if (!existsSync(pdf)) continue;
      const t = spawnSync(PDFTOTEXT!, ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      pages[base] = t.stdout.split('\f').filter((p) => p.trim());
      const bbox = spawnSync(PDFTOTEXT!, ['-bbox', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      columns[base] = bboxPages(bbox.stdout).flatMap(columnTexts).map(squash).join('\n');
      for (const old of readdirSync(ARTIFACTS).filter((n) => n.startsWith(`${base}-page1`))) rmSync(join(ARTIFACTS, old));
      spawnSync(PDFTOPPM!, ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(ARTIFACTS, `${base}-page1`)]);
    }
  }, 400_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const base of ['announce-docx', 'announce-xlsx']) {
    describe(base.endsWith('docx') ? 'DOCX (Writer)' : 'XLSX (Calc)', () => {
      it('converts to PDF without errors', () => {
        const c = convert[`${base}.${base.slice(-4)}`];
        expect(c.status, c.stderr).toBe(0);
        expect(c.stdout).toMatch(/convert .* -> .*\.pdf/);
        expect(c.stderr).not.toMatch(/Error|general input\/output error|corrupt/i);
        expect(existsSync(join(dir, `${base}.pdf`))).toBe(true);
      });

      it('the PDF holds every name, pinyin and township', () => {
        const text = squash(pages[base].join('\n'));
        const cols = columns[base];
        const missing: string[] = [];
        for (const g of doc.groups) {
          if (!text.includes(squash(g.township))) missing.push(g.township);
          for (const r of g.rows) {
            for (const v of [r.name, r.pinyin]) {
              const s = squash(cleanText(v));
              if (s && !text.includes(s) && !cols.includes(s)) missing.push(String(v));
            }
          }
        }
        expect(missing).toEqual([]);
      });

      it('is several pages long and the table header appears on every page', () => {
        const p = pages[base];
        expect(p.length).toBeGreaterThanOrEqual(3);
        p.forEach((page, i) => {
          const s = squash(page);
          expect(s.includes('标准名称') && s.includes('罗马字母拼写') && s.includes('批准时间'), `header missing on page ${i + 1}`).toBe(true);
        });
      });

      it('page 1 rendered to test/artifacts/', () => {
        expect(existsSync(join(ARTIFACTS, `${base}-page1.png`))).toBe(true);
      });
    });
  }

  it('the DOCX has page numbers in the footer (— 1 — on page 1, — 2 — on page 2)', () => {
    const p = pages['announce-docx'];
    expect(squash(p[0])).toContain('—1—');
    expect(squash(p[1])).toContain('—2—');
  });
});

/** `diming announce` output (built binary), not just the writers: LibreOffice opens what the command writes. */
describe.skipIf(!AVAILABLE)('LibreOffice opens the DOCX and XLSX written by diming announce (real client)', () => {
  let dir: string;
  const text: Record<string, string> = {};
  const result: Record<string, { code: number; convert: number | null; stderr: string }> = {};
  const NAMES = ['幸福路', '和谐路', '兴业路', '稻香路', '丰收路', '王口街', '东水路', '黄东巷', '赵庄路'];
  const FILES = { docx: 'cmd.docx', xlsx: 'cmd.xlsx', forced: 'cmd-forced.docx' } as const;

  beforeAll(() => {
    dir = tempDir('diming-lo-cmd-');
    const roads = join(FIXTURES, 'announce', 'roads.csv');
    const approved = ['--date', '2024-03-01', '--doc-no', '广政字〔2024〕12号'];
    const profile = join(dir, 'profile');
    for (const [key, file] of Object.entries(FILES)) {
      const forced = key === 'forced';
      const r = run(['announce', roads, '--authority', forced ? '大王镇人民政府' : '广饶县人民政府', ...approved, '-o', join(dir, file), ...(forced ? ['--force'] : [])]);
      const c = spawnSync(
        SOFFICE!,
        [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', dir, join(dir, file)],
        { encoding: 'utf8', timeout: 180_000, env: { ...process.env, HOME: dir } },
      );
      result[key] = { code: r.code, convert: c.status, stderr: r.stderr + c.stderr };
      const pdf = join(dir, file.replace(/\.\w+$/, '.pdf'));
      if (existsSync(pdf)) text[key] = squash(spawnSync(PDFTOTEXT!, ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).stdout);
    }
  }, 600_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const key of ['docx', 'xlsx', 'forced'] as const) {
    it(`${FILES[key]}: written (exit ${key === 'forced' ? 1 : 0}) and converted to PDF`, () => {
      expect(result[key].code, result[key].stderr).toBe(key === 'forced' ? 1 : 0);
      expect(result[key].convert, result[key].stderr).toBe(0);
      expect(text[key]).toBeTruthy();
    });

    it(`${FILES[key]}: the PDF has the title, the township sections with counts, every name and pinyin`, () => {
      const t = text[key];
      const missing = [
        '关于乡村道路命名的公告', '一、大王镇（共3条）', '二、稻庄镇（共3条）', '三、李鹊镇（共3条）', '标准名称', '罗马字母拼写',
        ...NAMES, 'XìngfúLù', 'WángkǒuJiē', 'HuángdōngXiàng', '2024年3月1日',
      ].filter((s) => !t.includes(squash(s)));
      expect(missing).toEqual([]);
    });
  }

  it('the forced draft shows the 备注 column, the marks and the closing note', () => {
    const t = text.forced;
    expect(t).toContain('备注');
    expect(t.split('未通过审查').length - 1).toBeGreaterThanOrEqual(9);
    expect(t).toContain(squash('须核实处理后方可公告'));
  });
});
