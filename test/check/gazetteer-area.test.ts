import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdminResolver } from '../../src/check/admin.js';
import { ScopeNeeds, loadGazetteers } from '../../src/check/gazetteer.js';
import { tempDir } from '../helpers.js';

/**
 * Registers often name only the township (a county's own list): 大王镇 is in six provinces, 城关镇 in 88 places. The
 * batch's own areas decide which one is meant.
 */
async function load(csv: string, ...scopes: string[]) {
  const file = join(tempDir(), 'existing.csv');
  writeFileSync(file, csv);
  const needs = new ScopeNeeds();
  for (const s of scopes) needs.add(s);
  const { existing, stats } = await loadGazetteers([file], needs, new AdminResolver());
  const rows = Array.from({ length: existing.size }, (_, i) => [existing.name(i), existing.code(i)]);
  return { rows, stats: stats[0] };
}

describe('existing names placed by a township name alone', () => {
  const CSV = '名称,乡镇\n和谐路,大王镇\n幸福路,城关镇\n文明路,稻庄镇\n';

  it('take the batch\'s township of that name; names of townships elsewhere are not compared', async () => {
    const { rows, stats } = await load(CSV, '370523101');
    expect(rows).toEqual([['和谐路', '370523101']]);
    expect(stats).toMatchObject({ read: 3, kept: 1, noArea: 0, elsewhere: 1 });
  });

  it('stay without an area when the batch holds two townships of that name', async () => {
    const { rows, stats } = await load(CSV, '370523101', '130632101');
    expect(rows).toEqual([['和谐路', undefined]]);
    expect(stats).toMatchObject({ kept: 0, noArea: 1, noAreaKept: 1, elsewhere: 1 });
  });

  it('work the same from a path column (所在政区)', async () => {
    const { rows } = await load('名称,所在政区\n和谐路,大王镇\n幸福路,城关镇\n', '370523101');
    expect(rows).toEqual([['和谐路', '370523101']]);
  });
});
