import { describe, expect, it } from 'vitest';
import { attachTableGeometries, geometryFromFields, parseCoordinate } from '../../src/geo/fields.js';
import { buildDataset } from '../../src/io/dataset.js';

describe('parseCoordinate', () => {
  it.each([
    ['116.395', 116.395],
    ['116°23′45.6″', 116 + 23 / 60 + 45.6 / 3600],
    ['116度23分45.6秒', 116 + 23 / 60 + 45.6 / 3600],
    ['116 23 45.6', 116 + 23 / 60 + 45.6 / 3600],
    ["39°54'27\"N", 39 + 54 / 60 + 27 / 3600],
    ['E116.5', 116.5],
    ['116.5°', 116.5],
    ['东经116°30′', 116.5],
    ['南纬10°30′', -10.5],
    ['40515300.25', 40515300.25],
    ['１１６．５', 116.5],
  ])('%s', (text, v) => {
    expect(parseCoordinate(text)).toBeCloseTo(v, 9);
  });

  it('gives NaN for non-coordinates', () => {
    for (const t of ['', 'abc', '116°75′', '1,5']) expect(parseCoordinate(t)).toBeNaN();
  });
});

describe('geometryFromFields', () => {
  it('reads WKT, EWKT (SRID → crs) and the crs column', () => {
    expect(geometryFromFields({ geometry: 'LINESTRING (118.5 37, 118.51 37)' }).geometry).toMatchObject({ geojson: { type: 'LineString' } });
    expect(geometryFromFields({ geometry: 'SRID=4528;LINESTRING (40500000 4100000, 40500100 4100000)' }).geometry?.crs).toBe('EPSG:4528');
    expect(geometryFromFields({ geometry: 'LINESTRING (40500000 4100000, 40500100 4100000)', crs: '4528' }).geometry?.crs).toBe('EPSG:4528');
    expect(geometryFromFields({ geometry: 'LINESTRING Z (1 2 3, 4 5 6)' }).droppedZ).toBe(true);
  });

  it('reads GeoJSON cells and coordinate lists', () => {
    expect(geometryFromFields({ geometry: '{"type":"LineString","coordinates":[[118.5,37,9],[118.51,37,9]]}' })).toMatchObject({ geometry: { geojson: { type: 'LineString', coordinates: [[118.5, 37], [118.51, 37]] } }, droppedZ: true });
    expect(geometryFromFields({ geometry: '118.5,37;118.51,37.01' }).geometry?.geojson).toEqual({ type: 'LineString', coordinates: [[118.5, 37], [118.51, 37.01]] });
    expect(geometryFromFields({ geometry: '118.5 37, 118.51 37.01' }).geometry?.geojson).toEqual({ type: 'LineString', coordinates: [[118.5, 37], [118.51, 37.01]] });
    expect(geometryFromFields({ geometry: '118.5,37' }).geometry?.geojson).toEqual({ type: 'Point', coordinates: [118.5, 37] });
  });

  it('makes points from lon/lat and two-point lines from start/end columns', () => {
    expect(geometryFromFields({ lon: '118°30′', lat: '37' }).geometry?.geojson).toEqual({ type: 'Point', coordinates: [118.5, 37] });
    const se = geometryFromFields({ start_lon: '118.5', start_lat: '37', end_lon: '118.51', end_lat: '37' });
    expect(se.fromEndpoints).toBe(true);
    expect(se.geometry?.geojson).toEqual({ type: 'LineString', coordinates: [[118.5, 37], [118.51, 37]] });
    expect(geometryFromFields({})).toEqual({});
  });

  it('turns bad cells into a geometry error (a finding), not an exception', () => {
    expect(geometryFromFields({ geometry: 'LINESTRING (1 2, 3' }).geometry?.error?.zh).toMatch(/WKT 格式错误/);
    expect(geometryFromFields({ geometry: '{"type":"LineString","coordinates":[["a","b"]]}' }).geometry?.error?.en).toMatch(/not numbers/);
    expect(geometryFromFields({ geometry: '{bad json' }).geometry?.error?.en).toMatch(/JSON/);
    expect(geometryFromFields({ geometry: 'hello' }).geometry?.error).toBeDefined();
    expect(geometryFromFields({ geometry: 'POINT (1 2)', crs: 'EPSG:2364' }).geometry?.error?.zh).toMatch(/西安/);
    expect(geometryFromFields({ geometry: 'POINT (1 2)', crs: 'mars' }).geometry?.error?.en).toMatch(/unknown coordinate system/);
    expect(geometryFromFields({ geometry: 'SRID=3857;POINT (1 2)' }).geometry?.error?.en).toMatch(/SRID 3857/);
    expect(geometryFromFields({ start_lon: '118.5', start_lat: '37' }).geometry?.error?.en).toMatch(/incomplete/);
    expect(geometryFromFields({ lon: '118.5' }).geometry?.error?.en).toMatch(/empty/);
  });
});

describe('attachTableGeometries', () => {
  it('fills record geometry from the table and notes approximate lines', () => {
    const ds = buildDataset({
      rows: [['名称', '起点经度', '起点纬度', '止点经度', '止点纬度'], ['幸福路', '118.5', '37', '118.51', '37'], ['和平路', '', '', '', '']],
      lines: [1, 2, 3],
    }, 't.csv');
    const r = attachTableGeometries(ds);
    expect([...r.fromEndpoints]).toEqual([1]);
    expect(ds.records[0].geometry?.geojson?.type).toBe('LineString');
    expect(ds.records[1].geometry).toBeUndefined();
    expect(ds.notes.at(-1)!.zh).toMatch(/近似/);
  });
});
