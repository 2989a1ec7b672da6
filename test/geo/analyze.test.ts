import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeGeometries, roadFeature } from '../../src/geo/analyze.js';
import { loadBoundaries, townshipCode } from '../../src/geo/boundaries.js';
import { attachTableGeometries } from '../../src/geo/fields.js';
import { readGeometryDataset } from '../../src/geo/read.js';
import { buildDataset } from '../../src/io/dataset.js';
import { FIXTURES } from '../helpers.js';

const fx = (n: string) => join(FIXTURES, 'geo', n);
const codes = (fs: { rule: string; code: string; soft?: boolean }[]) => fs.map((f) => `${f.rule}:${f.code}${f.soft ? '(soft)' : ''}`);

describe('analyzeGeometries', () => {
  it('checks, measures and describes every record of a GeoJSON', async () => {
    const ds = await readGeometryDataset(fx('roads-4490.geojson'));
    const a = await analyzeGeometries(ds, { requireGeometry: true });
    expect(a.crs).toBe('EPSG:4490');
    expect(a.findings).toEqual([]);
    const [r1, r2, r3, r4, r5] = [1, 2, 3, 4, 5].map((row) => a.records.get(row)!);
    expect(r1.findings).toEqual([]);
    expect(r1.measure!.orientation!.code).toBe('EW');
    expect(r1.measure!.lengthM).toBeGreaterThan(800);
    expect(r1.location).toBe('位于城关镇'); // no named feature within 200 m of its ends
    expect(r2.measure!.orientation!.code).toBe('NS');
    expect(codes(r3.findings)).toEqual(['geometry-invalid:point(soft)']);
    expect(codes(r4.findings)).toEqual(['geometry-invalid:parse']);
    expect(codes(r5.findings)).toEqual(['geometry-invalid:missing']);

    const f = roadFeature(ds.records[0], r1);
    expect(f.properties).toMatchObject({ id: '1', name: '幸福路', grade: '村道', township: '城关镇', length_m: 820, length_source: 'table', orientation: 'EW' });
    expect(f.properties.location_desc).toBe(r1.location);
    expect(f.geometry?.type).toBe('LineString');
    expect(roadFeature(ds.records[3], r4).geometry).toBeNull();
    expect(roadFeature(ds.records[1], r2).properties).toMatchObject({ length_source: 'geometry' });
  });

  it('detects Gauss-Krüger metres in a GeoJSON without crs and reports them as crs-suspect', async () => {
    const ds = await readGeometryDataset(fx('roads-gk.geojson'));
    const a = await analyzeGeometries(ds);
    expect(a.crs).toBe('EPSG:4528');
    expect(a.findings.map((f) => `${f.code}:${f.suggest}`)).toEqual(['projected:EPSG:4528']);
    const ll = a.records.get(1)!.lonlat as { coordinates: number[][] };
    expect(ll.coordinates[0][0]).toBeCloseTo(120.16, 1);
    // Declared lon/lat but metres: transformation gives nonsense, reported by geometry-outside and crs-suspect.
    const b = await analyzeGeometries(ds, { crs: 'EPSG:4490' });
    expect(b.findings[0]).toMatchObject({ rule: 'crs-suspect', code: 'projected', suggest: 'EPSG:4528' });
    expect(codes(b.records.get(1)!.findings)).toEqual(['geometry-outside:outside-china']);
    expect(b.records.get(1)!.measure).toBeUndefined();
  });

  it('refuses when no CRS can be decided', async () => {
    const ds = buildDataset({ rows: [['名称', 'wkt'], ['路', 'LINESTRING (515300 3349722, 515400 3349730)']], lines: [1, 2] }, 'cm.csv');
    attachTableGeometries(ds);
    await expect(analyzeGeometries(ds)).rejects.toThrow(/中央经线|central meridian/);
    expect((await analyzeGeometries(ds, { crs: 'EPSG:4549' })).records.get(1)!.findings).toEqual([]);
  });

  it('marks two-point lines from start/end columns as approximate, with survey X/Y swapped', async () => {
    const ds = buildDataset({
      rows: [['名称', '起点X', '起点Y', '止点X', '止点Y'], ['东风路', '3349722', '40515300', '3349760.8', '40515530.1']],
      lines: [1, 2],
    }, 'xy.csv');
    const { fromEndpoints } = attachTableGeometries(ds);
    const a = await analyzeGeometries(ds, { fromEndpoints });
    expect(a.detection.swapped).toBe(true);
    expect(a.findings[0].code).toBe('survey-xy');
    expect(a.records.get(1)!.approximate).toBe(true);
    expect(roadFeature(ds.records[0], a.records.get(1)).properties.geometry_approximate).toBe(true);
  });

  it('names endpoints after neighbouring roads and given places', async () => {
    const ds = buildDataset({
      rows: [
        ['名称', 'wkt'],
        ['幸福路', 'LINESTRING (118.5 36.995, 118.5 37.005)'],
        ['和平路', 'LINESTRING (118.5001 37, 118.52 37)'],
      ],
      lines: [1, 2, 3],
    }, 'n.csv');
    attachTableGeometries(ds);
    const a = await analyzeGeometries(ds, { places: [{ name: '张庄村', geometry: { type: 'Point', coordinates: [118.5202, 37.0002] } }] });
    expect(a.records.get(2)!.location).toBe('西起幸福路，东至张庄村');
  });
});

describe('township boundaries', () => {
  it('loads polygons keyed by 9-digit code and name, and checks roads against them', async () => {
    const b = await loadBoundaries(fx('townships.geojson'));
    expect([...b.byCode.keys()]).toEqual(['370102001', '370102002']);
    expect(b.find({ fields: { admin_code: '370102001000' } })?.name).toBe('城关镇');
    expect(b.find({ fields: { township: '东关镇' } })?.code).toBe('370102002');
    expect(townshipCode('3701020010')).toBeUndefined();

    const ds = buildDataset({
      rows: [
        ['名称', '区划代码', 'wkt'],
        ['内路', '370102001', 'LINESTRING (118.50 37.01, 118.51 37.01)'],
        ['越界路', '370102001', 'LINESTRING (118.51 37.02, 118.53 37.02)'],
        ['邻镇路', '370102001', 'LINESTRING (118.52 37.03, 118.53 37.03)'],
      ],
      lines: [1, 2, 3, 4],
    }, 'b.csv');
    attachTableGeometries(ds);
    const a = await analyzeGeometries(ds, { boundaries: b });
    expect(codes(a.records.get(1)!.findings)).toEqual([]);
    expect(codes(a.records.get(2)!.findings)).toEqual(['geometry-outside:partly-outside(soft)']);
    expect(codes(a.records.get(3)!.findings)).toEqual(['geometry-outside:outside-township']);
  });

  it('refuses a boundary file without polygons', async () => {
    await expect(loadBoundaries(fx('roads-gk.geojson'))).rejects.toThrow(/polygons|面要素/);
  });
});
