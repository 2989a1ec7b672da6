import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFolderRefused, run, tempDir } from '../helpers.js';
import { SAMPLE, type SampleRoad, expectedPlaces, sampleRoads, toGk } from './sample-network.js';

interface SignFeature {
  geometry: { type: string; coordinates: [number, number] };
  properties: { id: string; road_id: string; road_name: string; text: string; pinyin: string; placement: string; with: string[]; svg?: string; face: string };
}


describe('diming signs (built binary) on the sample network', () => {
  let dir: string;
  let out: ReturnType<typeof run>;
  let features: SignFeature[];
  let roads: SampleRoad[];

  beforeAll(() => {
    dir = join(tempDir('diming-signs-'), 'out');
    out = run(['signs', SAMPLE, '-o', dir]);
    features = JSON.parse(readFileSync(join(dir, 'signs.geojson'), 'utf8')).features;
    roads = sampleRoads();
  });

  it('writes the schedule (CSV, XLSX, GeoJSON), one SVG per sign and the contact sheet', () => {
    expect(out.stderr).not.toMatch(/错误|Error/);
    expect(out.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['signs.csv', 'signs.geojson', 'signs.html', 'signs.xlsx', 'svg']);
    const svgs = readdirSync(join(dir, 'svg'));
    expect(svgs).toHaveLength(features.length);
    expect(readFileSync(join(dir, 'signs.xlsx')).subarray(0, 2).toString()).toBe('PK');
    const csv = parse(readFileSync(join(dir, 'signs.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(csv).toHaveLength(features.length);
    // Chinese headers by default (--labels zh), for the sign maker.
    expect(Object.keys(csv[0]).slice(0, 8)).toEqual(['标志编号', '道路编号', '道路名称', '标志汉字', '标志拼音', '经度', '纬度', '设置位置']);
    for (const row of csv) expect(existsSync(join(dir, row['版面文件']))).toBe(true);
    const html = readFileSync(join(dir, 'signs.html'), 'utf8');
    expect(html.match(/class="card/g)?.length ?? 0).toBeGreaterThanOrEqual(features.length);
    expect(out.stdout).toContain(`${features.length} 块标志`);
    // Nothing left behind by the staging.
    expect(readdirSync(dir).some((n) => n.startsWith('.'))).toBe(false);
  });

  it('puts a sign at every end and every junction of the network, and nowhere else', () => {
    const expected = expectedPlaces(roads);
    let total = 0;
    for (const road of roads) {
      const places = expected.get(road.id)!;
      const signs = features.filter((f) => f.properties.road_id === road.id);
      total += places.length;
      expect(signs.map((s) => s.properties.placement).sort(), `${road.name}: ${places.length} places`).toEqual(places.map((p) => p.kind).sort());
      for (const place of places) {
        const matches = signs.filter((s) => {
          const [x, y] = toGk(...s.geometry.coordinates);
          return s.properties.placement === place.kind && Math.hypot(x - place.point[0], y - place.point[1]) < 0.5;
        });
        expect(matches, `${road.name} ${place.kind} at ${place.point.map((v) => v.toFixed(1)).join(' ')}`).toHaveLength(1);
        expect(new Set(matches[0].properties.with)).toEqual(place.with);
      }
    }
    expect(features).toHaveLength(total);
    // The sample has crossings, T-junctions and shared corners: every road meets another somewhere.
    expect(features.filter((f) => f.properties.placement === 'junction').length).toBeGreaterThan(40);
    for (const road of roads) expect(features.some((f) => f.properties.road_id === road.id && f.properties.with.length), road.name).toBe(true);
  });

  it('a crossed (self-intersecting) road still gets its end signs and no junction with itself', () => {
    const zhou = features.filter((f) => f.properties.road_name === '周庄路');
    expect(zhou.map((f) => f.properties.placement).sort()).toEqual(['end', 'start']);
    expect(zhou.find((f) => f.properties.placement === 'start')!.properties.with).toEqual(['菜园巷']);
  });

  it('sign pinyin: the engine’s sign form (diming pinyin), with the record’s region', () => {
    const r = run(['pinyin', '--input', SAMPLE, '-f', 'json']);
    const sign = new Map((JSON.parse(r.stdout) as { name: string; sign: string }[]).map((i) => [i.name, i.sign]));
    for (const f of features) expect(f.properties.pinyin, f.properties.road_name).toBe(sign.get(f.properties.road_name));
    expect(features.find((f) => f.properties.road_name === '幸福路')!.properties.pinyin).toBe('XINGFU LU');
    // The artwork carries the same text.
    const svg = readFileSync(join(dir, features[0].properties.svg!), 'utf8');
    expect(svg).toContain(features[0].properties.text);
  });

  it('a 标志拼音 column wins over the engine; --style, --format and --labels keys are honoured', () => {
    const rows = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    const withSign = [rows[0] + ',标志拼音', ...rows.slice(1, 4).map((l, i) => l + (i === 0 ? ',XINGFU ROAD' : ','))].join('\n') + '\n';
    const tmp = tempDir('diming-signs-col-');
    const file = join(tmp, 'roads.csv');
    writeFileSync(file, withSign);
    const o = join(tmp, 'out');
    const r = run(['signs', file, '-o', o, '--style', 'heritage-red', '--format', 'csv,svg', '--labels', 'keys']);
    expect(r.code).toBe(0);
    expect(readdirSync(o).sort()).toEqual(['signs.csv', 'svg']);
    const csv = parse(readFileSync(join(o, 'signs.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(csv.filter((x) => x.road_name === '幸福路').every((x) => x.pinyin === 'XINGFU ROAD')).toBe(true);
    expect(csv.filter((x) => x.road_name === '和谐路').every((x) => x.pinyin === 'HEXIE LU')).toBe(true);
    const style = JSON.parse(readFileSync(join(process.cwd(), 'data', 'styles', 'heritage-red.json'), 'utf8')) as { background?: string };
    if (style.background) expect(readFileSync(join(o, 'svg', readdirSync(join(o, 'svg'))[0]), 'utf8').toLowerCase()).toContain(style.background.toLowerCase());
  });

  it('replaces an earlier sign set as a whole (no stale SVGs)', () => {
    const tmp = tempDir('diming-signs-again-');
    const o = join(tmp, 'out');
    expect(run(['signs', SAMPLE, '-o', o, '--format', 'svg']).code).toBe(0);
    expect(readdirSync(join(o, 'svg')).length).toBe(features.length);
    const rows = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    const small = join(tmp, 'small.csv');
    writeFileSync(small, [rows[0], rows[1]].join('\n') + '\n'); // 幸福路 alone: 2 signs
    expect(run(['signs', small, '-o', o, '--format', 'svg']).code).toBe(0);
    expect(readdirSync(join(o, 'svg')).sort()).toEqual(['1-01.svg', '1-02.svg']);
  });

  describe('bad input: exit 2, the output folder untouched', () => {
    it.each([
      ['an unreadable table', (t: string) => { const f = join(t, 'bad.csv'); writeFileSync(f, 'a,b\n1,2\n'); return [f]; }],
      ['a table without geometry', (t: string) => { const f = join(t, 'names.csv'); writeFileSync(f, '名称\n幸福路\n'); return [f]; }],
      ['a broken WKT everywhere', (t: string) => { const f = join(t, 'wkt.csv'); writeFileSync(f, '名称,WKT\n幸福路,LINESTRING (1 2,\n'); return [f]; }],
      ['a missing file', (t: string) => [join(t, 'nope.csv')]],
      ['an unknown --format', () => [SAMPLE, '--format', 'csv,pdf']],
      ['a bad --snap', () => [SAMPLE, '--snap', 'abc']],
      ['an unknown --style', () => [SAMPLE, '--style', 'no-such-style']],
    ] as const)('%s', (_label, make) => {
      const t = tempDir('diming-signs-bad-');
      expectFolderRefused('signs', make(t), t, { 'signs.csv': 'old', 'svg/old.svg': '<svg/>' });
    });

    it('never writes over the input file', () => {
      const t = tempDir('diming-signs-self-');
      const file = join(t, 'signs.csv');
      writeFileSync(file, readFileSync(SAMPLE));
      const r = run(['signs', file, '-o', t]);
      expect(r.code).toBe(2);
      expect(readFileSync(file, 'utf8')).toBe(readFileSync(SAMPLE, 'utf8'));
    });
  });
});
