import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdminResolver } from '../../src/check/admin.js';
import type { ExistingNames } from '../../src/check/existing.js';
import { ScopeNeeds, loadGazetteers } from '../../src/check/gazetteer.js';
import { DimingError } from '../../src/core/errors.js';
import { writeShapefile } from '../../src/geo/writers/shapefile.js';
import { FIXTURES, ROOT, tempDir } from '../helpers.js';

/**
 * Reading existing names in a worker thread (src/check/gazetteer-thread.ts). The worker exists only compiled, so
 * these tests use dist/ (npm test builds first) and compare with reading in this thread.
 */
const DIST = join(ROOT, 'dist', 'check', 'gazetteer-thread.js');
type Aside = typeof import('../../src/check/gazetteer-thread.js');
const aside = async (): Promise<Aside> => {
  // Not a skip: without the build these tests would pass by testing nothing.
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run npm run build first (npm test does)`);
  return (await import(DIST)) as Aside;
};

function needs(...prefixes: (string | undefined)[]): ScopeNeeds {
  const n = new ScopeNeeds();
  for (const p of prefixes) n.add(p);
  return n;
}

/** Everything a check reads from a store. */
function contents(ex: ExistingNames) {
  const rows = Array.from({ length: ex.size }, (_, i) => ({ ...ex.entry(i), prefix: ex.codePrefix(i, 9), has: ex.hasName(ex.full(i)) }));
  const fp = ex.fingerprints;
  const cols = Object.fromEntries(Object.entries(fp).map(([k, a]) => [k, [...a.subarray(0, ex.size)]]));
  return { rows, cols, files: ex.files };
}

describe('which existing names a batch needs', () => {
  it('keeps names in its scopes, and names placed only in an area that holds one of them', () => {
    const n = needs('370523101', '370102001002');
    for (const code of ['370523101', '370523101203', '370523', '3705', '37', '370102001', '370102']) expect(n.covers(code), code).toBe(true);
    for (const code of ['370523102', '370521', '3706', '41', '370102001003', undefined]) expect(n.covers(code), String(code)).toBe(false);
    n.add('410102001');
    expect(n.covers('41')).toBe(true);
  });
});

describe('existing names read in a worker thread', () => {
  const gazetteer = join(FIXTURES, 'geo', 'town-gazetteer.csv');

  it('gives the same store as reading here: names, codes, types, lines, fingerprints, lookups', async () => {
    const want = await loadGazetteers([gazetteer], needs(undefined), new AdminResolver());
    const reading = (await aside()).loadGazetteersAside([gazetteer], needs(undefined), { minBytes: 0 });
    await reading.ready;
    const got = await reading.done;
    expect(got.stats).toEqual(want.stats);
    expect(want.existing.size).toBeGreaterThan(0);
    expect(contents(got.existing)).toEqual(contents(want.existing));
    expect(got.existing.hasName('没有这条路')).toBe(false);
  });

  it('keeps only the scopes the batch needs, as here', async () => {
    const n = () => needs('370523101');
    const want = await loadGazetteers([gazetteer], n(), new AdminResolver());
    const got = await (await aside()).loadGazetteersAside([gazetteer], n(), { minBytes: 0 }).done;
    expect(got.stats).toEqual(want.stats);
    expect(contents(got.existing)).toEqual(contents(want.existing));
  });

  it('reports a bad file with the same message, file and hint as reading here', async () => {
    for (const bad of ['gazetteer-no-name.csv', 'gazetteer-empty.csv', 'gazetteer-unbalanced.csv']) {
      const file = join(FIXTURES, 'check-bad', bad);
      const here = await loadGazetteers([file], needs(undefined), new AdminResolver()).catch((e: unknown) => e);
      const reading = (await aside()).loadGazetteersAside([file], needs(undefined), { minBytes: 0 });
      // A file without a name header is refused before the check goes on (ready); any error also rejects done.
      const there = await reading.ready.then(() => reading.done).catch((e: unknown) => e);
      if (bad !== 'gazetteer-unbalanced.csv') expect(await reading.ready.catch((e: unknown) => e), bad).toBeInstanceOf(Error);
      expect(await reading.done.catch((e: unknown) => e), bad).toBe(there);
      expect(here, bad).toBeInstanceOf(DimingError);
      // The worker's error is rebuilt from dist's DimingError class: compare what the user sees.
      const seen = (e: unknown) => ({ name: (e as Error).name, kind: (e as DimingError).kind, text: (e as DimingError).text, hint: (e as DimingError).hint, where: (e as DimingError).where });
      expect(seen(there), bad).toEqual(seen(here));
    }
  });

  it('says it failed while this thread is busy, before its message can arrive', async () => {
    // Good headers, then a broken row far down: the error comes after `ready`.
    const file = join(tempDir(), 'existing.csv');
    writeFileSync(file, `标准名称,区划代码\n${'幸福路,370523101\n'.repeat(20_000)}"断了的引号,370523101\n`);
    const reading = (await aside()).loadGazetteersAside([file], needs(undefined), { minBytes: 0 });
    await reading.ready;
    // Busy-wait as a long rule pass does: no event is handled, only the shared flag can tell.
    const until = Date.now() + 20_000;
    while (!reading.failed() && Date.now() < until) { /* busy */ }
    expect(reading.failed()).toBe(true);
    expect(await reading.done.catch((e: unknown) => e)).toBeInstanceOf(Error);
    const good = (await aside()).loadGazetteersAside([gazetteer], needs(undefined), { minBytes: 0 });
    await good.done;
    expect(good.failed()).toBe(false);
  });

  it('reads a shapefile register in the code page --dbf-encoding gives, as here', async () => {
    const dir = tempDir();
    const shp = join(dir, 'roads.shp');
    await writeShapefile(shp, [{ geometry: { type: 'Point' as const, coordinates: [118.5, 37] }, properties: { 标准名称: '槐荫路', 区划代码: '370523101201' } }], { meta: {} });
    writeFileSync(join(dir, 'roads.cpg'), 'GBK'); // wrong: the .dbf is UTF-8
    const got = await (await aside()).loadGazetteersAside([shp], needs(undefined), { minBytes: 0, dbfEncoding: 'utf-8' }).done;
    expect(got.existing.full(0)).toBe('槐荫路');
    const want = await loadGazetteers([shp], needs(undefined), new AdminResolver(), undefined, { dbfEncoding: 'utf-8' });
    expect(contents(got.existing)).toEqual(contents(want.existing));
  });

  it('small files and missing files are read in this thread (a missing file gets the usual error)', async () => {
    const { loadGazetteersAside } = await aside();
    const missing = await loadGazetteersAside([join(FIXTURES, 'nope.csv')], needs(undefined), { minBytes: 0 }).ready.catch((e: unknown) => e);
    expect((missing as DimingError).text.zh).toContain('找不到文件');
  });
});
