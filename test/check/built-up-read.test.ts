import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { loadBuiltUpAreas } from '../../src/geo/built-up.js';
import { readAnyDataset } from '../../src/io/read-any.js';
import { FIXTURES } from '../helpers.js';

// Count the reads of registers with geometry (each is a pass over every register file).
const reads = vi.hoisted(() => ({ boxes: [] as number[][] }));
vi.mock('../../src/check/located.js', async (original) => {
  const m = await original<typeof import('../../src/check/located.js')>();
  return {
    ...m,
    loadLocatedNames: (files: readonly string[], area: [number, number, number, number], opts?: Parameters<typeof m.loadLocatedNames>[2]) => {
      reads.boxes.push(area);
      return m.loadLocatedNames(files, area, opts);
    },
  };
});

describe('built-up areas and nearby-duplicate share one read of the registers with geometry', () => {
  it('reads them once, over both boxes, and each uses its names', async () => {
    const dir = join(FIXTURES, 'geo', 'built-up');
    const ds = await readAnyDataset(join(dir, 'roads.geojson'));
    const builtUp = await loadBuiltUpAreas(join(dir, 'areas.geojson'));
    const r = await runCheck(ds, { profiles: [join(dir, 'profile.json')], gazetteers: [join(dir, 'existing.geojson')], builtUp });
    expect(reads.boxes.length).toBe(1);
    // The box holds the areas (118.40–118.47 E) and the batch's extent plus 3 km.
    const [x0, y0, x1, y1] = reads.boxes[0];
    expect(x0).toBeLessThanOrEqual(118.4);
    expect(x1).toBeGreaterThanOrEqual(118.47);
    expect(y0).toBeLessThan(37);
    expect(y1).toBeGreaterThan(37.02);
    // Built-up: 光明路 in 城关建成区. Nearby: 胜利路 of the register lies 2.5 km from row 9, outside its area.
    const byRule = (rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => `${f.row} ${f.name}`);
    expect(byRule('duplicate')).toContain('7 光明路');
    expect(byRule('nearby-duplicate')).toEqual(['9 胜利路']);
    expect(r.notes.filter((n) => n.zh.includes('existing.geojson：2 条带几何')).length).toBe(1);
  });
});
