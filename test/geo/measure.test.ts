import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { distance, geodesicDistance, geodesicLength, measure, orientation } from '../../src/geo/measure.js';

const line = (...c: Position[]) => ({ type: 'LineString' as const, coordinates: c });

describe('length on GRS80', () => {
  it('short-segment formula agrees with geographiclib to 1e-7 relative (+ 1 µm)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 74, max: 134, noNaN: true }),
        fc.double({ min: 4, max: 53, noNaN: true }),
        fc.double({ min: -0.0199, max: 0.0199, noNaN: true }),
        fc.double({ min: -0.0199, max: 0.0199, noNaN: true }),
        (lon, lat, dx, dy) => {
          const a = [lon, lat], b = [lon + dx, lat + dy];
          const ref = geodesicDistance(a, b);
          expect(Math.abs(distance(a, b) - ref)).toBeLessThan(1e-7 * ref + 1e-6);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('uses the geodesic for long segments and differs from a sphere', () => {
    const a = [116.4, 39.9], b = [121.47, 31.23];
    expect(distance(a, b)).toBe(geodesicDistance(a, b));
    expect(distance(a, b)).toBeCloseTo(1067_000, -4);
    // One degree of latitude at the equator on GRS80: 110 574.4 m (spherical: 111 195 m).
    expect(geodesicLength(line([0, 0], [0, 1]))).toBeCloseTo(110574.4, 0);
  });

  it('sums parts, skips repeated points and gives 0 for points', () => {
    const l = line([116.4, 39.9], [116.4, 39.9], [116.41, 39.9]);
    expect(geodesicLength(l)).toBeCloseTo(distance([116.4, 39.9], [116.41, 39.9]), 9);
    expect(geodesicLength({ type: 'MultiLineString', coordinates: [l.coordinates, l.coordinates] })).toBeCloseTo(2 * geodesicLength(l), 9);
    expect(geodesicLength({ type: 'Point', coordinates: [1, 2] })).toBe(0);
  });
});

describe('orientation', () => {
  it('classifies straight roads by their axis', () => {
    expect(orientation(line([118.5, 37], [118.51, 37.0005]))).toMatchObject({ code: 'EW', axis: '东西', fromEndpoints: true });
    expect(orientation(line([118.51, 37], [118.5, 37]))).toMatchObject({ code: 'EW' });
    expect(orientation(line([118.5, 37.01], [118.5003, 37]))).toMatchObject({ code: 'NS', axis: '南北' });
    const ne = orientation(line([118.5, 37], [118.505, 37.004], [118.51, 37.008]))!;
    expect(ne.axis).toBe('东北—西南');
    expect(ne.label.zh).toBe('东北—西南走向');
    expect(ne.linearity).toBeGreaterThan(0.99);
    expect(orientation(line([118.5, 37.008], [118.505, 37.004], [118.51, 37]))!.axis).toBe('西北—东南');
  });

  it('uses the principal axis of a winding road, not its endpoints', () => {
    // A zig-zag that runs east overall but ends north of its start.
    const zig = line([118.5, 37], [118.502, 37.0004], [118.504, 37], [118.506, 37.0004], [118.508, 37], [118.51, 37.0012]);
    expect(orientation(zig)).toMatchObject({ code: 'EW', fromEndpoints: false });
  });

  it('calls loops and L-shapes with little direction `other`', () => {
    const ring: Position[] = [];
    for (let i = 0; i <= 24; i++) ring.push([118.5 + 0.01 * Math.cos((i / 24) * 2 * Math.PI), 37 + 0.008 * Math.sin((i / 24) * 2 * Math.PI)]);
    const o = orientation(line(...ring))!;
    expect(o.code).toBe('other');
    expect(o.label.zh).toBe('走向不规则');
  });

  it('measure() collects length, ends and bbox', () => {
    const m = measure(line([118.5, 37], [118.51, 37.002]))!;
    expect(m.start).toEqual([118.5, 37]);
    expect(m.end).toEqual([118.51, 37.002]);
    expect(m.bbox).toEqual([118.5, 37, 118.51, 37.002]);
    expect(m.lengthM).toBeGreaterThan(800);
    expect(measure({ type: 'LineString', coordinates: [] })).toBeUndefined();
  });
});
