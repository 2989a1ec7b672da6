import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import type { Dataset } from '../../src/core/record.js';
import { distance } from '../../src/geo/measure.js';
import { BBoxGrid, bboxesIntersect, expandBBox, minDistance, segSegDistance } from '../../src/geo/nearby.js';
import { offsetFunctions } from '../../src/geo/transform.js';
import { tempDir } from '../helpers.js';

const line = (...ps: [number, number][]): Geometry => ({ type: 'LineString', coordinates: ps });

describe('minDistance (nearby-duplicate)', () => {
  it('is 0 for crossing and touching lines', () => {
    expect(minDistance(line([118.5, 37], [118.51, 37.01]), line([118.5, 37.01], [118.51, 37]))).toBe(0);
    expect(minDistance(line([118.5, 37], [118.51, 37]), line([118.51, 37], [118.52, 37]))).toBe(0);
  });
  it('agrees with the geodesic between the closest points (parallel lines 1.2 km apart)', () => {
    const d = minDistance(line([118.5, 37], [118.51, 37]), line([118.5, 37.0108], [118.51, 37.0108]));
    expect(Math.abs(d - distance([118.505, 37], [118.505, 37.0108]))).toBeLessThan(0.5);
  });
  it('measures end to end, point to line and across MultiLineString parts', () => {
    const d = minDistance(line([118.5, 37], [118.505, 37]), line([118.515, 37.01], [118.52, 37.02]));
    expect(Math.abs(d - distance([118.505, 37], [118.515, 37.01]))).toBeLessThan(1);
    const p = minDistance({ type: 'Point', coordinates: [118.505, 37.001] }, line([118.5, 37], [118.51, 37]));
    expect(Math.abs(p - distance([118.505, 37.001], [118.505, 37]))).toBeLessThan(0.1);
    const multi: Geometry = { type: 'MultiLineString', coordinates: [[[119, 37], [119.01, 37]], [[118.5, 37.002], [118.51, 37.002]]] };
    expect(Math.abs(minDistance(multi, line([118.5, 37], [118.51, 37])) - distance([118.5, 37.002], [118.5, 37]))).toBeLessThan(0.1);
  });
  it('segment distance: collinear, disjoint, degenerate', () => {
    expect(segSegDistance([0, 0], [1, 0], [2, 0], [3, 0])).toBe(1);
    expect(segSegDistance([0, 0], [0, 0], [3, 4], [3, 4])).toBe(5);
  });
});

describe('BBoxGrid', () => {
  it('finds every box within the query (a superset), also boxes spanning many cells', () => {
    const g = new BBoxGrid<string>(0.01);
    g.add([118.5, 37, 118.51, 37.01], 'a');
    g.add([118.6, 37, 118.61, 37.01], 'b');
    g.add([100, 20, 130, 50], 'huge');
    const hit = g.query(expandBBox([118.512, 37.0, 118.513, 37.001], 500));
    expect(hit.has('a')).toBe(true);
    expect(hit.has('huge')).toBe(true);
    expect(hit.has('b')).toBe(false);
    expect(bboxesIntersect(expandBBox([118.512, 37, 118.513, 37.001], 100), [118.5, 37, 118.51, 37.01])).toBe(false);
  });
});

describe('crs-suspect referenceLayer (profile option)', () => {
  it('finds GCJ-02 coordinates against a CGCS2000 reference layer', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'p'));
    // The reference: a grid of CGCS2000 roads; the input: the same roads as GCJ-02 coordinates.
    const roads: [number, number][][] = [];
    for (let i = 0; i < 6; i++) roads.push([[118.5 + i * 0.004, 37.0], [118.5 + i * 0.004, 37.02]], [[118.5, 37.0 + i * 0.004], [118.52, 37.0 + i * 0.004]]);
    const ref = { type: 'FeatureCollection', features: roads.map((c, i) => ({ type: 'Feature', properties: { name: `参考${i}` }, geometry: { type: 'LineString', coordinates: c } })) };
    writeFileSync(join(dir, 'p', 'ref.geojson'), JSON.stringify(ref));
    writeFileSync(join(dir, 'p', 'profile.json'), JSON.stringify({ extends: 'national', rules: { 'crs-suspect': ['warning', { referenceLayer: join(dir, 'p', 'ref.geojson') }] } }));
    const f = await offsetFunctions();
    const records = roads.map((c, i) => ({
      row: i + 1,
      name: `幸福${'一二三四五六七八九十'[i % 10]}路`,
      fields: { geometry: `LINESTRING (${c.map((p) => f.toGcj(p[0], p[1]).join(' ')).join(', ')})` },
      extra: {},
    }));
    const ds: Dataset = { source: { file: 'roads.csv' }, columns: [], extraHeaders: [], notes: [], records };
    const r = await runCheck(ds, { profiles: [join(dir, 'p', 'profile.json')] });
    const s = r.findings.filter((x) => x.rule === 'crs-suspect');
    expect(s).toHaveLength(1);
    expect(s[0].message.zh).toMatch(/GCJ-02/);
  });
});
