import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/announce/writers/docx.js';
import { cleanText, prepareAnnouncement } from '../../src/announce/index.js';
import { HOSTILE, allNames, entry, parseXml, sampleDoc, unzip, xmlTexts } from './helpers.js';

describe('DOCX writer', () => {
  const doc = sampleDoc({ roads: 40, townships: 3 });

  it('is a well-formed package with the parts Word expects', async () => {
    const zip = await unzip(await renderDocx(doc));
    for (const p of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml']) {
      parseXml(await entry(zip, p));
    }
    const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers.length).toBeGreaterThan(0);
  });

  it('one table per township, header row marked to repeat (w:tblHeader), rows kept whole', async () => {
    const xml = await entry(await unzip(await renderDocx(doc)), 'word/document.xml');
    const tables = xml.match(/<w:tbl>/g) ?? [];
    expect(tables).toHaveLength(3);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(3);
    // The header row is the first row of every table.
    for (const t of xml.split('<w:tbl>').slice(1)) {
      expect(t.indexOf('<w:tblHeader/>')).toBeLessThan(t.indexOf('</w:tr>'));
      expect(t).toContain('标准名称</w:t>');
    }
    const rows = xml.match(/<w:tr>/g) ?? [];
    expect(rows).toHaveLength(3 + 40 + HOSTILE.length);
    expect(xml.match(/<w:cantSplit\/>/g)).toHaveLength(rows.length);
  });

  it('township headings with counts, title, 文号, signature', async () => {
    const texts = xmlTexts(await entry(await unzip(await renderDocx(doc)), 'word/document.xml'), 'w:t');
    expect(texts).toContain(`一、大王镇（共${14 + HOSTILE.length}条）`);
    expect(texts).toContain('二、稻庄镇（共13条）');
    expect(texts).toContain('三、李鹊镇（共13条）');
    expect(texts[0]).toBe('广饶县人民政府关于乡村道路命名的公告');
    expect(texts).toContain('广政字〔2024〕12号');
    expect(texts.slice(-2)).toEqual(['广饶县人民政府', '2024年3月1日']);
  });

  it('every name and pinyin is in the document, literally (injection stays text)', async () => {
    const xml = await entry(await unzip(await renderDocx(doc)), 'word/document.xml');
    const texts = new Set(xmlTexts(xml, 'w:t'));
    for (const g of doc.groups) {
      for (const r of g.rows) {
        expect(texts.has(cleanText(r.name))).toBe(true);
        expect(texts.has(cleanText(r.pinyin))).toBe(true);
      }
    }
    expect(texts.has('=HYPERLINK("http://x","y")路')).toBe(true);
    expect(texts.has('<script>alert(1)</script>巷')).toBe(true);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;巷');
    // No field codes other than the footer's PAGE; nothing hyperlinked.
    expect(xml).not.toMatch(/<w:fldSimple|<w:instrText|<w:hyperlink/);
    // Control characters removed (XML 1.0 forbids them), line breaks kept as <w:br/>.
    expect(xml.includes('\u0001') || xml.includes('\u000b')).toBe(false);
    expect(texts.has('控制字符路')).toBe(true);
    expect(xml).toContain('第一行</w:t><w:br/><w:t xml:space="preserve">第二行|竖线');
  });

  it('declares East Asian fonts and zh-CN language; official-document sizes', async () => {
    const styles = await entry(await unzip(await renderDocx(doc)), 'word/styles.xml');
    expect(styles).toMatch(/w:eastAsia="仿宋"/);
    expect(styles).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(styles).toMatch(/w:eastAsia="黑体"/);
    expect(styles).toMatch(/w:eastAsia="宋体"/);
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    // Title 二号 (22 pt = 44 half-points); body 三号 (16 pt = 32).
    expect(styles).toMatch(/w:styleId="AnnTitle".*?<w:sz w:val="44"\/>/s);
    expect(styles).toMatch(/w:styleId="AnnBody".*?<w:sz w:val="32"\/>/s);
  });

  it('page numbers in the footer through a PAGE field', async () => {
    const zip = await unzip(await renderDocx(doc));
    const footer = await entry(zip, Object.keys(zip.files).find((n) => /^word\/footer\d+\.xml$/.test(n))!);
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footer).toContain('— ');
  });

  it('A4: landscape above 6 columns, portrait for the legal minimum, or as asked', async () => {
    const sect = async (bytes: Uint8Array) => /<w:pgSz [^>]*\/>/.exec(await entry(await unzip(bytes), 'word/document.xml'))![0];
    expect(await sect(await renderDocx(doc))).toBe('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    const min = sampleDoc({ template: 'minimum' });
    expect(await sect(await renderDocx(min))).toBe('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(await sect(await renderDocx(min, { orientation: 'landscape' }))).toContain('w:orient="landscape"');
  });

  it('column widths fill the text width exactly and respect header minimums', async () => {
    const xml = await entry(await unzip(await renderDocx(doc)), 'word/document.xml');
    const grid = /<w:tblGrid>(.*?)<\/w:tblGrid>/.exec(xml)![1];
    const widths = [...grid.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(12);
    const pgMar = /<w:pgMar w:top="\d+" w:right="(\d+)" w:bottom="\d+" w:left="(\d+)"/.exec(xml)!;
    expect([Number(pgMar[2]), Number(pgMar[1])]).toEqual([2098, 1984]); // 37 mm, 35 mm (landscape 版心 225 mm wide)
    expect(widths.reduce((a, b) => a + b, 0)).toBe(16838 - 2098 - 1984);
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(18 * 10 * 2); // 序号/走向: two characters at 9 pt
  });

  it('is deterministic: identical input → byte-identical file, ZIP times from the document date', async () => {
    const a = await renderDocx(doc);
    await new Promise((r) => setTimeout(r, 1100)); // a different second on the clock
    const b = await renderDocx(sampleDoc({ roads: 40, townships: 3 }));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const zip = await unzip(a);
    for (const f of Object.values(zip.files)) expect(f.date.toISOString().slice(0, 10)).toBe('2024-03-01');
    const core = await entry(zip, 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-01T00:00:00Z</dcterms:modified>');
    expect(core).not.toMatch(/Un-named/);
  });

  it('a different generated time changes only the metadata', async () => {
    const a = await unzip(await renderDocx({ ...doc, generated: '2024-03-05T08:00:00Z' }));
    expect(await entry(a, 'docProps/core.xml')).toContain('2024-03-05T08:00:00Z');
  });

  it('10,000 roads in 40 townships (timing printed, not asserted; the bench asserts)', async () => {
    const big = sampleDoc({ roads: 10_000, townships: 40, hostile: false });
    const t0 = performance.now();
    const bytes = await renderDocx(big);
    const ms = performance.now() - t0;
    console.log(`[announce] DOCX 10,000 roads: ${(ms / 1000).toFixed(2)} s, ${(bytes.length / 1e6).toFixed(2)} MB`);
    const xml = await entry(await unzip(bytes), 'word/document.xml');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(40);
    expect(xml.match(/<w:tr>/g)).toHaveLength(10_000 + 40);
    expect(prepareAnnouncement(big).total).toBe(10_000);
    expect(allNames(big)).toHaveLength(10_000);
  });
});
