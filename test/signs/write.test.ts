import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSchedule } from '../../src/signs/schedule.js';
import { renderContactSheet, sheetItemsFromSchedule } from '../../src/signs/sheet.js';
import { defaultSignStyle } from '../../src/signs/style.js';
import { scheduleCsv, scheduleGeoJson, scheduleTable, scheduleXlsx, SCHEDULE_COLUMNS, signFileName, signFileNames, writeSignSet } from '../../src/signs/write.js';
import { road } from './helpers.js';

const net = JSON.parse(readFileSync(new URL('../fixtures/signs/network.geojson', import.meta.url), 'utf8'));
const schedule = buildSchedule(net);
const style = defaultSignStyle();

describe('schedule tables', () => {
  it('CSV: BOM, snake_case header, one row per sign, formula-safe', () => {
    const evil = buildSchedule([road('=1+1', '=HYPERLINK("x")路', [[0, 0], [100, 0]], { pinyin: '@SUM LU' })]);
    const csv = scheduleCsv(evil);
    expect(csv.startsWith('\uFEFFid,road_id,road_name,text,pinyin,lon,lat,placement,')).toBe(true);
    expect(csv).toContain("'=1+1-01");
    expect(csv).toContain(`"'=HYPERLINK(""x"")路"`);
    expect(csv).toContain("'@SUM LU");
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
  });
  it('Chinese labels for sign makers', () => {
    const t = scheduleTable(schedule, { labels: 'zh', lang: 'zh' });
    expect(t.header.slice(0, 3)).toEqual(['标志编号', '道路编号', '道路名称']);
    expect(t.rows[1][SCHEDULE_COLUMNS.indexOf('placement')]).toBe('交叉口');
    expect(t.rows.find((r) => r[0] === 'E-01')![SCHEDULE_COLUMNS.indexOf('notes')]).toBe('环形道路：起止点相同');
  });
  it('GeoJSON: RFC 7946 points, ≤ 7 decimals, no crs member', () => {
    const g = scheduleGeoJson(schedule, { precision: 6, style: 'default' });
    expect(g.type).toBe('FeatureCollection');
    expect('crs' in g).toBe(false);
    expect(g.features).toHaveLength(schedule.signs.length);
    const f = g.features[2] as { geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> };
    expect(f.geometry.type).toBe('Point');
    for (const c of f.geometry.coordinates) expect(String(c).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(6);
    expect(f.properties).toMatchObject({ id: 'A-03', placement: 'junction', with: ['和谐路'], arrow: '←→' });
    const g9 = scheduleGeoJson(schedule, { precision: 9 });
    for (const x of g9.features as { geometry: { coordinates: number[] } }[]) for (const c of x.geometry.coordinates) expect(String(c).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(7);
  });
  it('XLSX: one sheet, header plus a row per sign, strings never become formulas', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const evil = buildSchedule([road('r', '=1+2', [[0, 0], [100, 0]])]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await scheduleXlsx(evil)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('id');
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(2).getCell(3).value).toBe('=1+2');
    expect(ws.getRow(2).getCell(3).formula).toBeUndefined();
  });
});

describe('file names', () => {
  it('sanitises ids and keeps them unique case-insensitively', () => {
    expect(signFileName('../etc/passwd')).toBe('__etc_passwd');
    expect(signFileName('王家庄东路-01')).toBe('王家庄东路-01');
    expect(signFileName('CON')).toBe('_CON');
    const m = signFileNames(['a/b', 'a:b', 'A_B']);
    expect(new Set([...m.values()].map((v) => v.toLowerCase())).size).toBe(3);
  });
});

describe('writeSignSet', () => {
  it('writes CSV, GeoJSON, XLSX, one SVG per sign and the contact sheet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diming-signs-'));
    const written = await writeSignSet(dir, schedule, style, { formats: ['csv', 'xlsx', 'geojson', 'svg', 'html'] });
    expect(written.map((p) => p.slice(dir.length + 1)).sort()).toEqual(['signs.csv', 'signs.geojson', 'signs.html', 'signs.xlsx', 'svg']);
    const svgs = readdirSync(join(dir, 'svg'));
    expect(svgs).toHaveLength(schedule.signs.length);
    expect(svgs).toContain('A-03.svg');
    expect(readFileSync(join(dir, 'svg', 'A-03.svg'), 'utf8')).toContain('<dm:placement>junction</dm:placement>');
    const csv = readFileSync(join(dir, 'signs.csv'), 'utf8');
    expect(csv).toContain('svg/A-03.svg');
    const gj = JSON.parse(readFileSync(join(dir, 'signs.geojson'), 'utf8'));
    expect(gj.features).toHaveLength(schedule.signs.length);
    expect(gj.features[0].properties.svg).toBe('svg/A-01.svg');
    expect(readdirSync(dir).some((f) => f.includes('diming-tmp'))).toBe(false);
  });
});

describe('contact sheet', () => {
  it('is self-contained, has a card per sign, reuses identical artwork, and escapes all text', () => {
    const evil = buildSchedule([
      road('<b>', '<script>alert(1)</script>路', [[0, 0], [100, 0]], { pinyin: '<i>X</i>' }),
      road('c', '"><img src=x>', [[50, -50], [50, 50]]),
    ]);
    const html = renderContactSheet(sheetItemsFromSchedule(evil, 'en'), style, { lang: 'en', title: '<title>' });
    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;路');
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
    const s = renderContactSheet(sheetItemsFromSchedule(schedule, 'zh'), style, { perPage: 6 });
    expect(s.match(/<figure class="card">/g)).toHaveLength(schedule.signs.length);
    expect(s.match(/<section class="page">/g)).toHaveLength(Math.ceil(schedule.signs.length / 6));
    expect(s.match(/<symbol /g)!.length).toBeLessThan(schedule.signs.length);
    expect(s).toContain('A-03  幸福路');
    expect(s).toContain('交叉口（和谐路）');
    expect(s).toContain('版式未按 GB 17733-2008 原文核对');
  });
});
