import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DimingError } from '../../src/core/errors.js';
import { convertTable } from '../../src/geo/convert.js';
import { createTransformer } from '../../src/geo/transform.js';
import { readShapefile } from '../../src/io/readers/shapefile.js';
import { FIXTURES, tempDir } from '../helpers.js';

const fx = (n: string) => join(FIXTURES, 'geo', n);
const seq = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l.startsWith('\x1e') ? l.slice(1) : l));

describe('convertTable', () => {
  const dir = tempDir();

  it('detects zone 40 from prefixed eastings and writes lon/lat GeoJSONSeq with derived attributes', async () => {
    const out = join(dir, 'gk.geojsons');
    const r = await convertTable(fx('roads-gk.csv'), out, { format: 'geojsonseq' });
    expect(r.sourceCrs).toBe('EPSG:4528');
    expect(r.detection?.reasons.map((x) => x.en).join(' ')).toMatch(/zone prefix 40/);
    expect(r.features).toBe(3);
    expect(r.skipped).toBe(0);
    const fs = seq(out);
    const t = await createTransformer('EPSG:4528');
    const [lon, lat] = t.point(40515300, 3349722);
    expect(fs[0].geometry.coordinates[0]).toEqual([Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7]);
    expect(fs[0].properties).toMatchObject({ id: '1', name: '东风路', grade: '村道', length_source: 'geometry', orientation: 'EW' });
    // Grid length 234.38 m; 15 km from the central meridian the scale error is ~3e-6.
    expect(fs[0].properties.length_m).toBeCloseTo(234.38, 1);
    expect(fs[2].geometry.type).toBe('MultiLineString');
    expect(fs[0].properties.WKT).toBeUndefined();
  });

  it('skips and reports each kind of bad row; writes the good ones', async () => {
    const out = join(dir, 'bad.geojson');
    const r = await convertTable(fx('roads-bad.csv'), out, { format: 'geojson', crs: 'EPSG:4528' });
    const byRow = new Map(r.findings.map((f) => [f.row, f.problems.map((p) => p.code).join(',')]));
    expect(byRow.get(2)).toBe('non-finite');
    expect(byRow.get(3)).toBe('missing');
    expect(byRow.get(4)).toBe('too-few-positions');
    expect(byRow.get(5)).toBe('self-intersection');
    expect(byRow.get(6)).toBe('parse');
    expect(byRow.get(8)).toBe('point');
    expect(r.skipped).toBe(5);
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    expect(fc.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['好路', '立体路', '点路']);
    expect(fc.features[1].geometry.coordinates[0]).toHaveLength(2);
    expect(fc.diming.sourceCrs).toBe('EPSG:4528');
  });

  it('stops at the first bad row with onInvalid "error", leaving no output', async () => {
    const out = join(dir, 'strict.geojsons');
    try {
      await convertTable(fx('roads-bad.csv'), out, { format: 'geojsonseq', crs: 'EPSG:4528', onInvalid: 'error' });
      expect.unreachable();
    } catch (e) {
      expect((e as DimingError).where).toMatchObject({ row: 2, line: 3 });
    }
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('diming-tmp'))).toEqual([]);
  });

  it('swaps survey X/Y start/end columns into two-point lines', async () => {
    const out = join(dir, 'xy.geojsons');
    const r = await convertTable(fx('roads-xy.csv'), out, { format: 'geojsonseq' });
    expect(r.sourceCrs).toBe('EPSG:4528');
    expect(r.detection?.swapped).toBe(true);
    expect(r.detection?.suspicions[0].code).toBe('survey-xy');
    const fs = seq(out);
    expect(fs[0].geometry.coordinates[0][0]).toBeCloseTo(120.16, 1);
  });

  it('refuses when the CRS cannot be detected (eastings without zone)', async () => {
    const f = join(dir, 'cm.csv');
    writeFileSync(f, 'name,wkt\n路,"LINESTRING (515300 3349722, 515400 3349730)"\n');
    await expect(convertTable(f, join(dir, 'cm.geojson'), { format: 'geojson' })).rejects.toThrow(/中央经线|central meridian/);
    const r = await convertTable(f, join(dir, 'cm.geojson'), { format: 'geojson', crs: 'EPSG:4549' });
    expect(r.features).toBe(1);
  });

  it('reads GBK tables (re-reading after the UTF-8 attempt) and writes Shapefiles and KML', async () => {
    const f = join(dir, 'gbk.csv');
    const text = '名称,经度,纬度\n幸福桥,118.5,37.0\n和平桥,118.6,37.1\n';
    writeFileSync(f, Buffer.from(gbk(text)));
    const shp = join(dir, 'pts.shp');
    const r = await convertTable(f, shp, { format: 'shp' });
    expect(r.encoding).toBe('gb18030');
    expect((await readShapefile(shp)).records.map((x) => x.name)).toEqual(['幸福桥', '和平桥']);
    const kml = join(dir, 'pts.kml');
    await convertTable(f, kml, { format: 'kml', to: 'gcj02' });
    expect(readFileSync(kml, 'utf8')).toContain('PREVIEW GCJ-02');
  });

  it('needs a geometry column', async () => {
    const f = join(dir, 'nogeom.csv');
    writeFileSync(f, '名称,类别\n幸福路,道路\n');
    await expect(convertTable(f, join(dir, 'x.geojson'), { format: 'geojson' })).rejects.toThrow(/几何列/);
  });
});

/** GBK bytes for a few characters used above (TextEncoder only does UTF-8). */
function gbk(text: string): number[] {
  const table: Record<string, number[]> = {
    名: [0xc3, 0xfb], 称: [0xb3, 0xc6], 经: [0xbe, 0xad], 度: [0xb6, 0xc8], 纬: [0xce, 0xb3],
    幸: [0xd0, 0xd2], 福: [0xb8, 0xa3], 桥: [0xc7, 0xc5], 和: [0xba, 0xcd], 平: [0xc6, 0xbd],
  };
  const out: number[] = [];
  for (const ch of text) out.push(...(table[ch] ?? [ch.charCodeAt(0)]));
  return out;
}
