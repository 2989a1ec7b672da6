import type { Feature, Geometry, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkGeometry, checkOutside, checkRfc7946, lengthOutside, parseProblem } from '../../src/geo/validate.js';
import { txt } from '../../src/core/text.js';

const line = (...c: Position[]): Geometry => ({ type: 'LineString', coordinates: c });
const codes = (g: Geometry | undefined) => checkGeometry(g).map((p) => `${p.code}${p.soft ? '(soft)' : ''}`);

describe('geometry-invalid', () => {
  it('passes the rules.md examples', () => {
    expect(codes(line([116.4, 39.9], [116.405, 39.901]))).toEqual([]);
    expect(codes({ type: 'MultiLineString', coordinates: [[[116.4, 39.9], [116.41, 39.9]], [[116.41, 39.9], [116.42, 39.91]]] })).toEqual([]);
  });

  it('fails the rules.md examples: one distinct position; a figure of eight', () => {
    expect(codes(line([116.4, 39.9], [116.4, 39.9]))).toEqual(['too-few-positions']);
    const eight = line([116.4, 39.9], [116.41, 39.91], [116.41, 39.9], [116.4, 39.91], [116.4, 39.9]);
    const p = checkGeometry(eight);
    expect(p[0].code).toBe('self-intersection');
    expect(p[0].at![0]).toBeCloseTo(116.405, 6);
  });

  it('catches crossings in winding (non-monotone) lines but not in monotone ones', () => {
    const s = line([116.4, 39.9], [116.41, 39.9], [116.41, 39.905], [116.405, 39.895], [116.405, 39.91]);
    expect(codes(s)).toEqual(['self-intersection']);
    expect(codes(line([116.4, 39.9], [116.401, 39.91], [116.402, 39.9], [116.403, 39.91]))).toEqual([]);
  });

  it('reports crossing parts, not touching ones', () => {
    const cross = { type: 'MultiLineString' as const, coordinates: [[[116.4, 39.9], [116.42, 39.92]], [[116.4, 39.92], [116.42, 39.9]]] };
    expect(codes(cross)).toEqual(['parts-cross']);
    const t = { type: 'MultiLineString' as const, coordinates: [[[116.4, 39.9], [116.42, 39.9]], [[116.41, 39.9], [116.41, 39.92]]] };
    expect(codes(t)).toEqual([]);
  });

  it('soft cases: points and closed loops', () => {
    expect(codes({ type: 'Point', coordinates: [116.4, 39.9] })).toEqual(['point(soft)']);
    expect(codes(line([116.4, 39.9], [116.41, 39.9], [116.41, 39.91], [116.4, 39.9]))).toEqual(['closed-loop(soft)']);
  });

  it('bad input: missing, empty, NaN, strings, wrong type, zero length, parse errors', () => {
    expect(codes(undefined)).toEqual(['missing']);
    expect(codes({ type: 'LineString', coordinates: [] })).toEqual(['empty']);
    expect(codes(line([116.4, NaN], [116.41, 39.9]))).toEqual(['non-finite']);
    expect(codes(line(['116.4', '39.9'] as unknown as Position, [116.41, 39.9]))).toEqual(['non-finite']);
    expect(codes({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] })).toEqual(['type']);
    expect(codes(line([116.4, 39.9]))).toEqual(['too-few-positions']);
    expect(codes(line([116.4, 39.9], [116.4000001, 39.9]))).toEqual(['too-short']);
    expect(checkGeometry(line([116.4, 39.9], [116.4001, 39.9]), { minLengthMeters: 20 })[0].code).toBe('too-short');
    expect(parseProblem(txt('坏', 'bad')).message.en).toMatch(/cannot be read: bad/);
  });
});

describe('geometry-outside', () => {
  const township: Polygon = { type: 'Polygon', coordinates: [[[118.5, 37], [118.52, 37], [118.52, 37.02], [118.5, 37.02], [118.5, 37]]] };

  it('fails a line in Paris and passes one in China', () => {
    expect(checkOutside(line([2.35, 48.86], [2.36, 48.87]))[0].code).toBe('outside-china');
    expect(checkOutside(line([118.5, 37], [118.51, 37]))).toEqual([]);
  });

  it('measures the length outside the township', () => {
    const inside = line([118.505, 37.01], [118.515, 37.01]);
    expect(lengthOutside(inside, township).outside).toBe(0);
    const half = line([118.51, 37.01], [118.53, 37.01]);
    const r = lengthOutside(half, township);
    expect(r.outside / r.total).toBeCloseTo(0.5, 2);
  });

  it('fails a road wholly in the next township; soft beyond tolerance; passes 20 m over the line', () => {
    expect(checkOutside(line([118.53, 37.01], [118.54, 37.01]), { township })[0].code).toBe('outside-township');
    const partly = checkOutside(line([118.51, 37.01], [118.53, 37.01]), { township, townshipName: '某镇' });
    expect(partly[0]).toMatchObject({ code: 'partly-outside', soft: true });
    expect(partly[0].message.zh).toContain('某镇');
    // 20 m east of the boundary at 118.52°E (1° of longitude ≈ 88.9 km at 37°N).
    expect(checkOutside(line([118.51, 37.01], [118.52 + 20 / 88900, 37.01]), { township })).toEqual([]);
  });
});

describe('RFC 7946 output checks', () => {
  const f = (geometry: Geometry | null, extra: object = {}): Feature<Geometry | null> => ({ type: 'Feature', geometry, properties: {}, ...extra });

  it('accepts a valid feature', () => {
    expect(checkRfc7946(f(line([118.1234567, 37.7654321], [118.2, 37.1])))).toEqual([]);
    expect(checkRfc7946(f(null))).toEqual([]);
  });

  it('finds precision, range, short lines, crs members and winding', () => {
    expect(checkRfc7946(f(line([118.12345678, 37], [118.2, 37])))[0]).toMatch(/7 decimals/);
    expect(checkRfc7946(f(line([118.123456, 37], [118.2, 37])), { precision: 5 })[0]).toMatch(/5 decimals/);
    expect(checkRfc7946(f(line([40515300, 3349722], [40515400, 3349722])))[0]).toMatch(/not lon\/lat/);
    expect(checkRfc7946(f(line([118, 37])))[0]).toMatch(/two or more/);
    expect(checkRfc7946(f(null, { crs: { type: 'name' } }))[0]).toMatch(/crs/);
    const cw: Geometry = { type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]] };
    expect(checkRfc7946(f(cw))[0]).toMatch(/counter-clockwise/);
    expect(checkRfc7946(f({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] }))[0]).toMatch(/closed/);
    expect(checkRfc7946(f(line([NaN, 37], [118, 37])))[0]).toMatch(/invalid position/);
  });

  it('passes the structure through geojson-validation', () => {
    const bad = { type: 'Feature', geometry: { type: 'LineString', coordinates: [[118, 37], [118.1, 37]] } } as unknown as Feature;
    expect(checkRfc7946(bad).join(' ')).toMatch(/properties/);
  });
});
