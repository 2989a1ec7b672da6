import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DimingError } from '../../src/core/errors.js';
import { ByteSink, type OutputFeature } from '../../src/geo/writers/common.js';
import { writeGeoJson, writeGeoJsonSeq } from '../../src/geo/writers/geojson.js';
import { writeKml, xmlText } from '../../src/geo/writers/kml.js';
import { dbfFieldNames, writeShapefile } from '../../src/geo/writers/shapefile.js';
import { readShapefile } from '../../src/io/readers/shapefile.js';
import { tempDir } from '../helpers.js';

const road = (id: number, name: string, coords: number[][], extra: Record<string, unknown> = {}): OutputFeature => ({
  id,
  geometry: { type: 'LineString', coordinates: coords },
  properties: { id, name, ...extra },
});

const roads: OutputFeature[] = [
  road(1, '幸福路', [[118.123456789, 37.000000049], [118.2, 37.1]], { length_m: 1234.5, orientation: 'EW', sponsored: false }),
  road(2, '和平街', [[118.3, 37.2], [118.31, 37.21], [118.32, 37.2]], { length_m: 800, note: '含"引号"与<尖括号>&' }),
  { id: 3, geometry: { type: 'MultiLineString', coordinates: [[[118.4, 37.3], [118.41, 37.3]], [[118.42, 37.3], [118.43, 37.31]]] }, properties: { id: 3, name: '东三巷' } },
  { id: 4, geometry: null, properties: { id: 4, name: '无几何' } },
];

describe('ByteSink', () => {
  it('prints k/10^p as the same number as String(Math.round(v·10^p)/10^p), without exponents', () => {
    const values = [0, -0, 1, -1, 0.5, 118.1234567, -118.1234567, 37.0000001, 179.9999999, 36.4, 120, 1e-7, -1e-7, 99.99, 100];
    for (let i = 0; i < 2000; i++) values.push((Math.random() - 0.5) * 360);
    for (const v of values) {
      for (const p of [1, 5, 6, 7]) {
        const s = new ByteSink(64);
        const k = Math.round(v * 10 ** p);
        s.fixed(k, p);
        const text = Buffer.concat(s.drain()).toString();
        expect(Number(text) === k / 10 ** p).toBe(true);
        // String() switches to exponent notation below 1e-6 ("1e-7"); we always print plain decimals.
        if (Math.abs(k / 10 ** p) >= 1e-6 || k === 0) expect(text).toBe(String(k / 10 ** p));
        else expect(text).toMatch(/^-?0\.0{5,}\d+$/);
      }
    }
  });
});

describe('GeoJSON writers', () => {
  const dir = tempDir();

  it('writes an RFC 7946 FeatureCollection with ≤ 7 decimals, bbox and the coordinate statement', async () => {
    const f = join(dir, 'roads.geojson');
    const r = await writeGeoJson(f, roads, { meta: { version: '0.1.0', sourceCrs: 'EPSG:4528' } });
    expect(r.features).toBe(4);
    const fc = JSON.parse(readFileSync(f, 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.crs).toBeUndefined();
    expect(fc.diming.sourceCrs).toBe('EPSG:4528');
    expect(fc.diming.coordinates.statement).toMatch(/WGS84-compatible/);
    expect(fc.features[0].geometry.coordinates[0]).toEqual([118.1234568, 37]);
    expect(fc.features[0].bbox).toEqual([118.1234568, 37, 118.2, 37.1]);
    expect(fc.features[0].properties).toEqual({ id: 1, name: '幸福路', length_m: 1234.5, orientation: 'EW', sponsored: false });
    expect(fc.features[1].properties.note).toBe('含"引号"与<尖括号>&');
    expect(fc.features[2].geometry.type).toBe('MultiLineString');
    expect(fc.features[3].geometry).toBeNull();
    expect(readFileSync(f, 'utf8')).not.toMatch(/\.\d{8}/);
  });

  it('writes RFC 8142 sequences (RS … LF), labels previews, honours --precision', async () => {
    const f = join(dir, 'roads.geojsons');
    await writeGeoJsonSeq(f, roads, { precision: 5, crs: 'gcj02' });
    const text = readFileSync(f, 'utf8');
    const recs = text.split('\n').filter(Boolean);
    expect(recs).toHaveLength(4);
    expect(recs.every((l) => l.startsWith('\x1e'))).toBe(true);
    const first = JSON.parse(recs[0].slice(1));
    expect(first.geometry.coordinates[0]).toEqual([118.12346, 37]);
    expect(first.properties.preview_crs).toBe('GCJ-02');
    const nd = join(dir, 'roads.geojsonl');
    await writeGeoJsonSeq(nd, roads.slice(0, 1), { rs: false });
    expect(readFileSync(nd, 'utf8').startsWith('{"type":"Feature"')).toBe(true);
  });

  it('rewinds polygons to RFC 7946 and writes points', async () => {
    const f = join(dir, 'poly.geojson');
    const cw: Geometry = { type: 'Polygon', coordinates: [[[118, 37], [118, 37.1], [118.1, 37.1], [118.1, 37], [118, 37]]] };
    await writeGeoJson(f, [{ geometry: cw, properties: {} }, { geometry: { type: 'Point', coordinates: [118.5, 37.5] }, properties: { name: '桥' } }]);
    const fc = JSON.parse(readFileSync(f, 'utf8'));
    expect(fc.features[0].geometry.coordinates[0]).toEqual([[118, 37], [118.1, 37], [118.1, 37.1], [118, 37.1], [118, 37]]);
    expect(fc.features[1].geometry).toEqual({ type: 'Point', coordinates: [118.5, 37.5] });
    expect(fc.features[1].bbox).toBeUndefined();
  });

  it('refuses projected metres, NaN and one-point lines, leaving no file behind', async () => {
    for (const bad of [
      road(9, '投影', [[40515300, 3349722], [40515400, 3349722]]),
      road(9, '空值', [[118.5, NaN], [118.6, 37]]),
      road(9, '单点', [[118.5, 37]]),
    ]) {
      const f = join(dir, 'bad.geojson');
      await expect(writeGeoJson(f, [...roads, { ...bad, row: 7 }])).rejects.toSatisfy((e: unknown) => {
        const d = e as DimingError;
        return d instanceof DimingError && d.where?.row === 7 && /RFC 7946/.test(d.text.en);
      });
      expect(existsSync(f)).toBe(false);
      expect(readdirSync(dir).filter((n) => n.includes('diming-tmp'))).toEqual([]);
    }
  });

  it('streams from an async source', async () => {
    async function* gen() {
      for (let i = 0; i < 5000; i++) yield road(i, `路${i}`, [[118 + i * 1e-5, 37], [118.001 + i * 1e-5, 37.001]]);
    }
    const f = join(dir, 'many.geojsons');
    expect((await writeGeoJsonSeq(f, gen())).features).toBe(5000);
    expect(readFileSync(f, 'utf8').split('\n').filter(Boolean)).toHaveLength(5000);
  });
});

describe('KML writer', () => {
  const dir = tempDir();

  it('writes placemarks with names, ExtendedData and escaped text', async () => {
    const f = join(dir, 'roads.kml');
    await writeKml(f, roads, { name: '道路' });
    const kml = readFileSync(f, 'utf8');
    expect(kml).toContain('<name>幸福路</name>');
    expect(kml).toContain('<Data name="note"><value>含&quot;引号&quot;与&lt;尖括号&gt;&amp;</value></Data>');
    expect(kml).toContain('<coordinates>118.1234568,37 118.2,37.1</coordinates>');
    expect(kml).toContain('<MultiGeometry><LineString>');
    expect(kml).toMatch(/WGS84-compatible/);
    expect(xmlText('a\u0001b\uFFFEc')).toBe('abc');
  });

  it('labels previews in the document name', async () => {
    const f = join(dir, 'preview.kml');
    await writeKml(f, roads.slice(0, 1), { crs: 'bd09' });
    expect(readFileSync(f, 'utf8')).toContain('<name>【预览 PREVIEW BD-09】diming</name>');
  });
});

describe('Shapefile writer', () => {
  const dir = tempDir();

  it('writes the five files with UTF-8 attributes that read back unchanged', async () => {
    const base = join(dir, 'roads.shp');
    const r = await writeShapefile(base, roads, { meta: {} });
    expect(r.files.map((p) => p.slice(-3))).toEqual(['shp', 'shx', 'dbf', 'prj', 'cpg']);
    expect(readFileSync(join(dir, 'roads.cpg'), 'utf8')).toBe('UTF-8');
    expect(readFileSync(join(dir, 'roads.prj'), 'utf8')).toContain('GCS_China_Geodetic_Coordinate_System_2000');
    expect(r.fields.find((f) => f.key === 'length_m')).toMatchObject({ type: 'N', decimals: 1 });
    expect(r.fields.find((f) => f.key === 'sponsored')).toMatchObject({ type: 'L' });
    const ds = await readShapefile(base);
    expect(ds.crs).toBe('EPSG:4490');
    expect(ds.records.map((x) => x.name)).toEqual(['幸福路', '和平街', '东三巷', '无几何']);
    expect(ds.records[1].extra.note).toBe('含"引号"与<尖括号>&');
    expect(ds.records[0].geometry?.geojson).toEqual({ type: 'LineString', coordinates: [[118.1234568, 37], [118.2, 37.1]] });
    expect(ds.records[2].geometry?.geojson?.type).toBe('MultiLineString');
    expect(ds.records[3].geometry).toBeUndefined();
    expect(ds.records[0].fields.length_m).toBe('1234.5');
  });

  it('truncates field names to 10 bytes, keeping them unique', () => {
    expect(dbfFieldNames(['naming_reason', 'naming_reasons', 'naming_rights', 'id', '管理单位名称'])).toEqual(['naming_rea', 'naming_r_1', 'naming_rig', 'id', '管理单']);
  });

  it('refuses mixed geometry types without leaving files', async () => {
    const base = join(dir, 'mixed.shp');
    const mixed = [...roads.slice(0, 1), { geometry: { type: 'Point' as const, coordinates: [118, 37] }, properties: { name: '点' } }];
    await expect(writeShapefile(base, mixed)).rejects.toThrow(/一种几何类型|one geometry type/);
    expect(readdirSync(dir).filter((n) => n.startsWith('mixed') || n.includes('diming-tmp'))).toEqual([]);
  });

  it('writes points and polygons (clockwise exterior rings)', async () => {
    const pts = join(dir, 'pts.shp');
    await writeShapefile(pts, [{ geometry: { type: 'Point', coordinates: [118.5, 37.5] }, properties: { name: '桥' } }]);
    expect((await readShapefile(pts)).records[0].geometry?.geojson).toEqual({ type: 'Point', coordinates: [118.5, 37.5] });
    const poly = join(dir, 'poly.shp');
    const ccw: Geometry = { type: 'Polygon', coordinates: [[[118, 37], [118.1, 37], [118.1, 37.1], [118, 37.1], [118, 37]]] };
    await writeShapefile(poly, [{ geometry: ccw, properties: { code: '370102001' } }]);
    const back = (await readShapefile(poly, { requireName: false })).records[0];
    expect(back.geometry?.geojson?.type).toBe('Polygon');
    expect(back.fields.admin_code ?? back.extra.code).toBe('370102001');
  });
});
