import { describe, expect, it } from 'vitest';
import { renderXlsx, rowHeight } from '../../src/announce/writers/xlsx.js';
import { cleanText } from '../../src/announce/index.js';
import { HOSTILE, entry, parseXml, sampleDoc, unzip, xmlTexts } from './helpers.js';

describe('XLSX writer', () => {
  const doc = sampleDoc({ roads: 30, townships: 3 });

  async function parts(bytes?: Uint8Array) {
    const zip = await unzip(bytes ?? (await renderXlsx(doc)));
    return {
      zip,
      sheet: await entry(zip, 'xl/worksheets/sheet1.xml'),
      strings: await entry(zip, 'xl/sharedStrings.xml'),
      workbook: await entry(zip, 'xl/workbook.xml'),
    };
  }

  it('is well-formed', async () => {
    const { zip } = await parts();
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) parseXml(await entry(zip, name));
  });

  it('no formulas anywhere: every non-empty cell is a string cell, injection text is stored literally', async () => {
    const { sheet, strings } = await parts();
    expect(sheet).not.toMatch(/<f[ >]/);
    const cells = [...sheet.matchAll(/<c r="[A-Z]+\d+"([^>]*?)(?:\/>|>(.*?)<\/c>)/g)].filter((c) => c[2] !== undefined);
    expect(cells.length).toBeGreaterThan(30 * 12);
    for (const c of cells) {
      expect(c[1]).toMatch(/t="s"/);
      expect(c[2]).toMatch(/^<v>\d+<\/v>$/);
    }
    const texts = new Set(xmlTexts(strings, 't'));
    for (const r of HOSTILE) {
      for (const v of Object.values(r)) expect(texts.has(cleanText(v))).toBe(true);
    }
    expect(texts.has('=HYPERLINK("http://x","y")路')).toBe(true);
    expect(texts.has('<script>alert(1)</script>巷')).toBe(true);
    expect(texts.has('+SUM(A1:A9)')).toBe(true);
    expect(texts.has('@SUM(1)')).toBe(true); // leading tab trimmed; stays text
    expect(strings).not.toContain('<script>');
  });

  it('title, meta line, header row frozen and printed on every page', async () => {
    const { sheet, strings, workbook } = await parts();
    expect(sheet).toMatch(/<pane [^>]*ySplit="3"[^>]*state="frozen"/);
    expect(workbook).toMatch(/<definedName name="_xlnm.Print_Titles"[^>]*>(&apos;)?备案公告(&apos;)?!\$3:\$3<\/definedName>/);
    const texts = xmlTexts(strings, 't');
    expect(texts[0]).toBe('广饶县人民政府关于乡村道路命名的公告');
    expect(texts).toContain('广政字〔2024〕12号　　广饶县人民政府　　2024年3月1日');
    expect(texts).toContain('一、大王镇（共13条）');
    // Row 3 is the header.
    const row3 = /<row r="3"[^>]*>(.*?)<\/row>/.exec(sheet)![1];
    expect(row3.match(/<c /g)).toHaveLength(12);
    expect(sheet).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/);
  });

  it('column widths from the template (all 12 written)', async () => {
    const { sheet } = await parts();
    const cols = [...sheet.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)];
    const covered = cols.reduce((a, m) => a + Number(m[2]) - Number(m[1]) + 1, 0);
    expect(covered).toBe(12);
    expect(cols.find((m) => m[1] === '5')![3]).toBe('36'); // 位置描述
  });

  it('row heights are written for wrapped text', async () => {
    const { sheet } = await parts();
    const dataRow = /<row r="5"([^>]*)>/.exec(sheet)![1];
    expect(dataRow).toMatch(/ht="[\d.]+" customHeight="1"/);
    expect(rowHeight(['短'], [10])).toBe(17.5);
    expect(rowHeight(['一二三四五六七八九十'], [6])).toBeGreaterThan(rowHeight(['一二'], [6]));
    expect(rowHeight(['第一行\n第二行'], [40])).toBe(31);
  });

  it('is deterministic, with fixed workbook dates', async () => {
    const a = await renderXlsx(doc);
    await new Promise((r) => setTimeout(r, 1100));
    const b = await renderXlsx(sampleDoc({ roads: 30, townships: 3 }));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const { zip } = await parts(a);
    const core = await entry(zip, 'docProps/core.xml');
    expect(core).toContain('>2024-03-01T00:00:00Z</dcterms:created>');
    expect(core).toContain('>2024-03-01T00:00:00Z</dcterms:modified>');
    for (const f of Object.values(zip.files)) expect(f.date.toISOString().slice(0, 10)).toBe('2024-03-01');
  });

  it('10,000 roads (timing printed, not asserted)', async () => {
    const big = sampleDoc({ roads: 10_000, townships: 40, hostile: false });
    const t0 = performance.now();
    const bytes = await renderXlsx(big);
    console.log(`[announce] XLSX 10,000 roads: ${((performance.now() - t0) / 1000).toFixed(2)} s, ${(bytes.length / 1e6).toFixed(2)} MB`);
    const { sheet } = await parts(bytes);
    expect(sheet.match(/<row /g)).toHaveLength(3 + 40 + 10_000);
  });
});
