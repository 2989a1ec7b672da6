import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crsInfo, gkZone } from '../../src/geo/crs.js';
import { distance } from '../../src/geo/measure.js';
import { createTransformer, invertNearIdentity, offsetFunctions } from '../../src/geo/transform.js';

describe('Gauss-Krüger ↔ lon/lat', () => {
  it('inverts zone 40 at the central meridian and 1.5° east (values from PROJ 9 cs2cs)', async () => {
    const t = await createTransformer('EPSG:4528');
    // cs2cs EPSG:4528 EPSG:4490 ← 4100000 40650000: 37.019466830232 121.685534573155
    const [lon, lat] = t.point(40650000, 4100000);
    expect(lon).toBeCloseTo(121.685534573155, 10);
    expect(lat).toBeCloseTo(37.019466830232, 10);
    const [lon0] = t.point(40500000, 4100000);
    expect(lon0).toBeCloseTo(120, 12);
  });

  it('round-trips every zone to well under a millimetre', async () => {
    for (const e of [4491, 4498, 4501, 4502, 4512, 4513, 4528, 4533, 4534, 4549, 4554]) {
      const z = gkZone(e)!;
      const fwd = await createTransformer('EPSG:4490', `EPSG:${e}`);
      const inv = await createTransformer(`EPSG:${e}`, 'EPSG:4490');
      fc.assert(
        fc.property(fc.double({ min: -z.width / 2, max: z.width / 2, noNaN: true }), fc.double({ min: 18, max: 53, noNaN: true }), (dl, lat) => {
          const p = [z.cm + dl, lat];
          const [x, y] = fwd.point(p[0], p[1]);
          const back = inv.point(x, y);
          expect(distance(p, back)).toBeLessThan(1e-6);
          if (z.prefixed) expect(Math.floor(x / 1e6)).toBe(z.zone);
        }),
        { numRuns: 50 },
      );
    }
  });

  it('gives NaN, not Infinity, for swapped survey columns and non-finite input', async () => {
    const t = await createTransformer('EPSG:4528');
    const [a, b] = t.point(4100000, 40500000);
    expect(Number.isFinite(a) && Number.isFinite(b) && Math.abs(b) <= 90).toBe(false);
    expect(t.point(NaN, 4100000)).toEqual([NaN, NaN]);
    const s = await createTransformer('EPSG:4528', 'EPSG:4490', { swapXY: true });
    expect(s.point(4100000, 40500000)[0]).toBeCloseTo(120, 10);
  });

  it('treats CGCS2000 and WGS84 lon/lat as the same and maps geometries', async () => {
    const t = await createTransformer('EPSG:4326', 'EPSG:4490');
    expect(t.identity).toBe(true);
    expect(t.point(116.4, 39.9)).toEqual([116.4, 39.9]);
    const g = await createTransformer('EPSG:4528');
    const line = g.geometry({ type: 'MultiLineString', coordinates: [[[40500000, 4100000, 5], [40500100, 4100000]]] });
    expect(line.coordinates[0][0]).toHaveLength(2);
    const poly = { type: 'Polygon' as const, coordinates: [[[40500000, 4100000], [40500100, 4100000], [40500100, 4100100], [40500000, 4100000]]] };
    g.inPlace(poly);
    expect(poly.coordinates[0][0][0]).toBeCloseTo(120, 10);
    expect(crsInfo('EPSG:4528').kind).toBe('projected');
  });
});

describe('GCJ-02 and BD-09', () => {
  it('offsets by hundreds of metres (GCJ-02) and about a kilometre (BD-09)', async () => {
    const f = await offsetFunctions();
    const p = [118.5, 37];
    const g = f.toGcj(p[0], p[1]);
    const b = f.toBd(p[0], p[1]);
    expect(distance(p, g)).toBeGreaterThan(100);
    expect(distance(p, g)).toBeLessThan(1000);
    expect(distance(p, b)).toBeGreaterThan(500);
    expect(distance(p, b)).toBeLessThan(2000);
    // Outside China both are the identity.
    expect(f.toGcj(2.35, 48.86)).toEqual([2.35, 48.86]);
  });

  it('inverts iteratively to ≤ 1 cm (far better, in fact) anywhere in China', async () => {
    const toGcj = await createTransformer('EPSG:4490', 'gcj02');
    const fromGcj = await createTransformer('gcj02', 'EPSG:4490');
    const toBd = await createTransformer('EPSG:4490', 'bd09');
    const fromBd = await createTransformer('bd09', 'EPSG:4490');
    let worst = 0;
    fc.assert(
      fc.property(fc.double({ min: 74, max: 134, noNaN: true }), fc.double({ min: 4, max: 53, noNaN: true }), (lon, lat) => {
        const g = toGcj.point(lon, lat);
        const back = fromGcj.point(g[0], g[1]);
        const b = toBd.point(lon, lat);
        const backBd = fromBd.point(b[0], b[1]);
        worst = Math.max(worst, distance([lon, lat], back), distance([lon, lat], backBd));
        expect(distance([lon, lat], back)).toBeLessThan(0.01);
        expect(distance([lon, lat], backBd)).toBeLessThan(0.01);
      }),
      { numRuns: 2000 },
    );
    expect(worst).toBeLessThan(1e-4);
  });

  it('stops on non-convergence and keeps NaN as NaN', () => {
    expect(invertNearIdentity((x, y) => [x + 1e-3, y], 10, 20)[0]).toBeCloseTo(10 - 1e-3, 12);
    expect(invertNearIdentity((x, y) => [x, y], NaN, 1)).toEqual([NaN, NaN]);
  });
});
