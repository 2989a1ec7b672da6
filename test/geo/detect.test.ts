import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { classify, detectCrs, offsetSuspicion } from '../../src/geo/detect.js';
import { createTransformer } from '../../src/geo/transform.js';

/** n positions along a road near (x, y) stepping (dx, dy). */
const walk = (x: number, y: number, dx: number, dy: number, n = 20): Position[] => Array.from({ length: n }, (_, i) => [x + i * dx, y + i * dy]);

describe('classify', () => {
  it.each([
    [[120.159, 30.267], 'lonlat'],
    [[30.267, 120.159], 'latlon'],
    [[2.35, 48.86], 'lonlat-outside'],
    [[40515300, 3349722], 'gk3'],
    [[3349722, 40515300], 'gk3-swapped'],
    [[20515300, 3349722], 'gk6'],
    [[515300, 3349722], 'gk-cm'],
    [[3349722, 515300], 'gk-cm-swapped'],
    [[12345678901, 5], 'unknown'],
    [[NaN, 5], 'invalid'],
  ])('%j → %s', (p, cls) => {
    expect(classify(p[0], p[1]).cls).toBe(cls);
  });

  it('reads the zone from a prefixed easting', () => {
    expect(classify(40515300, 3349722).zone).toBe(40);
    expect(classify(3349722, 38400000).zone).toBe(38);
  });
});

describe('detectCrs (auto)', () => {
  it('decides lon/lat as CGCS2000 and says why', () => {
    const d = detectCrs(walk(118.5, 37, 0.001, 0.0002));
    expect(d).toMatchObject({ crs: 'EPSG:4490', swapped: false, dominant: 'lonlat', share: 1, needsCrs: false });
    expect(d.reasons.map((r) => r.en).join(' ')).toMatch(/WGS84 and CGCS2000/);
    expect(d.suspicions).toEqual([]);
  });

  it('swaps lat/lon and reports it', () => {
    const d = detectCrs(walk(37, 118.5, 0.0002, 0.001));
    expect(d).toMatchObject({ crs: 'EPSG:4490', swapped: true });
    expect(d.suspicions.map((s) => s.code)).toEqual(['swapped']);
  });

  it('reads the zone of prefixed eastings, also in survey X/Y order', () => {
    expect(detectCrs(walk(40515300, 3349722, 10, 3))).toMatchObject({ crs: 'EPSG:4528', swapped: false });
    const s = detectCrs(walk(3349722, 40515300, 3, 10));
    expect(s).toMatchObject({ crs: 'EPSG:4528', swapped: true });
    expect(s.suspicions[0].code).toBe('survey-xy');
    expect(detectCrs(walk(20515300, 3349722, 10, 3)).crs).toBe('EPSG:4498');
  });

  it('asks for --crs when the eastings carry no zone', () => {
    const d = detectCrs(walk(515300, 3349722, 10, 3));
    expect(d.crs).toBeUndefined();
    expect(d).toMatchObject({ needsCrs: true, dominant: 'gk-cm' });
    expect(d.reasons.at(-1)!.en).toMatch(/--crs/);
  });

  it('reports mixed coordinates and decides nothing', () => {
    const d = detectCrs([...walk(118.5, 37, 0.001, 0), ...walk(40515300, 3349722, 10, 3)]);
    expect(d.crs).toBeUndefined();
    expect(d.suspicions.map((s) => s.code)).toContain('mixed');
    const zones = detectCrs([...walk(40515300, 3349722, 10, 3), ...walk(39515300, 3349722, 10, 3)]);
    expect(zones.crs).toBeUndefined();
    expect(zones.suspicions[0].message.en).toMatch(/zone/);
  });

  it('handles an empty or all-NaN sample', () => {
    expect(detectCrs([]).crs).toBeUndefined();
    expect(detectCrs([]).dominant).toBe('empty');
    expect(detectCrs([[NaN, NaN]], { declared: 'EPSG:4490' }).crs).toBe('EPSG:4490');
  });
});

describe('detectCrs with a declared CRS (crs-suspect, rules.md §10)', () => {
  it('fails: swapped lat/lon declared EPSG:4490', () => {
    const d = detectCrs([[30.267, 120.159], [30.268, 120.16]], { declared: 'EPSG:4490' });
    expect(d.crs).toBe('EPSG:4490');
    expect(d.suspicions.map((s) => s.code)).toEqual(['swapped']);
  });

  it('fails: zone-40 metres declared EPSG:4490, with the fitting CRS suggested', () => {
    const d = detectCrs([[40515300, 3349722], [40515400, 3349730]], { declared: 'EPSG:4490' });
    expect(d.suspicions[0]).toMatchObject({ code: 'projected', suggest: 'EPSG:4528' });
    expect(d.suspicions[0].message.zh).toContain('第 40 带');
  });

  it('passes: lon/lat declared EPSG:4490; GK zone 40 declared by a .prj with matching eastings', () => {
    expect(detectCrs([[120.159, 30.267], [120.16, 30.268]], { declared: 'EPSG:4490' }).suspicions).toEqual([]);
    expect(detectCrs(walk(40515300, 3349722, 10, 3), { declared: 'EPSG:4528' }).suspicions).toEqual([]);
  });

  it('reports a zone mismatch, lon/lat under a projected CRS, and survey X/Y', () => {
    expect(detectCrs(walk(39515300, 3349722, 10, 3), { declared: 'EPSG:4528' }).suspicions[0]).toMatchObject({ code: 'zone-mismatch', suggest: 'EPSG:4527' });
    expect(detectCrs(walk(515300, 3349722, 10, 3), { declared: 'EPSG:4528' }).suspicions[0].code).toBe('zone-mismatch');
    expect(detectCrs(walk(118.5, 37, 0.001, 0), { declared: 'EPSG:4528' }).suspicions[0].code).toBe('lonlat-declared-projected');
    const xy = detectCrs(walk(3349722, 40515300, 3, 10), { declared: 'EPSG:4528' });
    expect(xy.swapped).toBe(true);
    expect(xy.suspicions[0].code).toBe('survey-xy');
    expect(detectCrs(walk(515300, 3349722, 10, 3), { declared: 'EPSG:4549' }).suspicions).toEqual([]);
  });

  it('raises a GCJ-02 suspicion for 奥维 exports and map-app names, but not when GCJ-02 is declared', () => {
    const p = walk(118.5, 37, 0.001, 0);
    const ov = detectCrs(p, { hints: ['ovkml'] });
    expect(ov.crs).toBe('EPSG:4490');
    expect(ov.suspicions[0]).toMatchObject({ code: 'gcj02', suggest: 'gcj02' });
    expect(ov.reasons.map((r) => r.en).join(' ')).toMatch(/not converted automatically/);
    expect(detectCrs(p, { names: ['高德导出.csv'] }).suspicions[0].code).toBe('gcj02');
    expect(detectCrs(p, { names: ['roads', 'baidu_lng'] }).suspicions[0].code).toBe('bd09');
    expect(detectCrs(p, { hints: ['bd09-flag'] }).suspicions[0].code).toBe('bd09');
    expect(detectCrs(p, { hints: ['ovkml'], declared: 'gcj02' }).suspicions).toEqual([]);
  });
});

describe('offsetSuspicion (reference layer)', () => {
  const reference: Position[][] = [];
  for (let i = 0; i < 30; i++) reference.push(walk(118.4 + (i % 6) * 0.02, 37 + Math.floor(i / 6) * 0.02, 0.0005, 0.0001, 30));

  it('finds GCJ-02 input by the drop in distance to the reference', async () => {
    const toGcj = await createTransformer('EPSG:4490', 'gcj02');
    const input = reference.flatMap((l) => l.filter((_, i) => i % 5 === 0).map((p) => toGcj.point(p[0], p[1])));
    const r = await offsetSuspicion(input, reference);
    expect(r.suspicion?.code).toBe('gcj02');
    expect(r.tests.find((t) => t.system === 'gcj02')!.after).toBeLessThan(1);
    expect(r.suspicion!.message.zh).toContain('GCJ-02');
  });

  it('finds BD-09 input, and nothing for input that already fits', async () => {
    const toBd = await createTransformer('EPSG:4490', 'bd09');
    const bd = reference.flatMap((l) => l.filter((_, i) => i % 5 === 0).map((p) => toBd.point(p[0], p[1])));
    expect((await offsetSuspicion(bd, reference)).suspicion?.code).toBe('bd09');
    const same = reference.flatMap((l) => l.filter((_, i) => i % 5 === 0));
    expect((await offsetSuspicion(same, reference)).suspicion).toBeUndefined();
  });
});
