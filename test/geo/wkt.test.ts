import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WktError, looksLikeWkt, parseWkt } from '../../src/geo/wkt.js';

const wkx = createRequire(import.meta.url)('wkx') as { Geometry: { parse(s: string | Buffer): { toGeoJSON(): unknown; toWkb(): Buffer; toEwkb(): Buffer } } };

describe('parseWkt', () => {
  it('reads the shapes roads come in', () => {
    expect(parseWkt('LINESTRING (116.40 39.90, 116.405 39.901)').geometry).toEqual({ type: 'LineString', coordinates: [[116.4, 39.9], [116.405, 39.901]] });
    expect(parseWkt('MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))').geometry).toEqual({ type: 'MultiLineString', coordinates: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]] });
    expect(parseWkt('point(116.4 39.9)').geometry).toEqual({ type: 'Point', coordinates: [116.4, 39.9] });
    expect(parseWkt('MULTIPOINT ((1 2), (3 4))').geometry).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    expect(parseWkt('MULTIPOINT (1 2, 3 4)').geometry).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    expect(parseWkt('POLYGON ((0 0, 1 0, 1 1, 0 0))').geometry.type).toBe('Polygon');
    expect(parseWkt('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))').geometry.type).toBe('MultiPolygon');
    expect(parseWkt('LINESTRING\t(\t0 0,\t1 1\t)').geometry).toEqual({ type: 'LineString', coordinates: [[0, 0], [1, 1]] });
    expect(parseWkt('  LINESTRING(40500000 4100000,40500100.5 4100050)  ').geometry).toEqual({ type: 'LineString', coordinates: [[40500000, 4100000], [40500100.5, 4100050]] });
  });

  it('reads EWKT SRIDs and drops Z/M with a flag', () => {
    const r = parseWkt('SRID=4528;LINESTRING Z (40500000 4100000 12.5, 40500100 4100050 13)');
    expect(r.srid).toBe(4528);
    expect(r.droppedZ).toBe(true);
    expect(r.geometry).toEqual({ type: 'LineString', coordinates: [[40500000, 4100000], [40500100, 4100050]] });
    expect(parseWkt('LINESTRINGZM(1 2 3 4, 5 6 7 8)').geometry).toEqual({ type: 'LineString', coordinates: [[1, 2], [5, 6]] });
    expect(parseWkt('LINESTRING (1 2 3, 4 5 6)').droppedZ).toBe(true);
    expect(parseWkt('LINESTRING (1 2, 4 5)').droppedZ).toBe(false);
  });

  it('reads EMPTY, NaN (reported later by geometry-invalid) and GEOMETRYCOLLECTION via wkx', () => {
    expect(parseWkt('LINESTRING EMPTY').geometry).toEqual({ type: 'LineString', coordinates: [] });
    const nan = parseWkt('LINESTRING (1 NaN, 2 3)').geometry as { coordinates: number[][] };
    expect(Number.isNaN(nan.coordinates[0][1])).toBe(true);
    expect(parseWkt('GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (1 2, 3 4))').geometry).toEqual({
      type: 'GeometryCollection',
      geometries: [{ type: 'Point', coordinates: [1, 2] }, { type: 'LineString', coordinates: [[1, 2], [3, 4]] }],
    });
  });

  it('reads hex (E)WKB through wkx', () => {
    const hex = wkx.Geometry.parse('SRID=4490;LINESTRING(116.4 39.9, 116.5 39.95)').toEwkb().toString('hex');
    expect(looksLikeWkt(hex)).toBe(true);
    const r = parseWkt(hex);
    expect(r.srid).toBe(4490);
    expect(r.geometry).toEqual({ type: 'LineString', coordinates: [[116.4, 39.9], [116.5, 39.95]] });
  });

  it.each([
    ['LINESTRING (1 2, 3)', /number|数字/],
    ['LINESTRING (1 2, 3 4', /closed|闭合/],
    ['LINESTRING (1 2, 3 4) junk', /unexpected text|多余/],
    ['LINESTRING 1 2, 3 4', /"\("/],
    ['LINE (1 2, 3 4)', /unknown geometry type|不认识/],
    ['LINESTRING (1 2, 3 4 5)', /different numbers|维数/],
    ['LINESTRING (1,2, 3,4)', /number|数字/],
    ['SRID=abc;POINT(1 2)', /SRID/],
    ['LINESTRING (1 2, 3 x)', /number|数字/],
    ['', /empty|空/],
  ])('rejects %j with a clear message', (wkt, msg) => {
    try {
      parseWkt(wkt);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WktError);
      const w = e as WktError;
      expect(`${w.text.zh} ${w.text.en}`).toMatch(msg);
    }
  });

  it('agrees with wkx on random valid WKT (2D and 3D, any spacing)', () => {
    const num = fc.oneof(fc.integer({ min: -1e8, max: 1e8 }), fc.double({ min: -1e8, max: 1e8, noNaN: true, noDefaultInfinity: true }));
    const pos = (dim: number) => fc.array(num, { minLength: dim, maxLength: dim });
    const sp = fc.constantFrom(' ', '  ', ''); // wkx does not accept tabs; ours does (tested above)
    const geom = fc.record({ dim: fc.constantFrom(2, 3), kind: fc.constantFrom('LINESTRING', 'MULTILINESTRING', 'POINT', 'MULTIPOINT'), s: sp }).chain(({ dim, kind, s }) =>
      fc.array(fc.array(pos(dim), { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 3 }).map((parts) => {
        const p = (c: number[]) => c.map(String).join(' ');
        const path = (l: number[][]) => `(${s}${l.map(p).join(`,${s}`)}${s})`;
        const z = dim === 3 ? ' Z' : '';
        if (kind === 'POINT') return `POINT${z} (${p(parts[0][0])})`;
        if (kind === 'MULTIPOINT') return `MULTIPOINT${z} ${path(parts[0])}`;
        if (kind === 'LINESTRING') return `LINESTRING${z}${s}${path(parts[0])}`;
        return `MULTILINESTRING${z} (${parts.map(path).join(', ')})`;
      }),
    );
    fc.assert(
      fc.property(geom, (wkt) => {
        const ours = parseWkt(wkt).geometry;
        const theirs = wkx.Geometry.parse(wkt).toGeoJSON() as { coordinates: unknown };
        const strip = (c: unknown): unknown => (Array.isArray(c) && typeof c[0] === 'number' ? c.slice(0, 2) : Array.isArray(c) ? c.map(strip) : c);
        expect(ours).toEqual({ ...theirs, coordinates: strip(theirs.coordinates) });
      }),
      { numRuns: 300 },
    );
  });

  it('reads decimal numbers to the same double as Number()', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 9 }), (v, d) => {
        const a = v.toFixed(d), b = (-v / 3).toFixed(d);
        const g = parseWkt(`POINT (${a} ${b})`).geometry as { coordinates: number[] };
        expect(g.coordinates).toEqual([Number(a), Number(b)]);
      }),
      { numRuns: 500 },
    );
  });
});
