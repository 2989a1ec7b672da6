import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, run } from '../helpers.js';

/**
 * The package as a library (DEVELOPERS.md: "the library is usable without the CLI"): imported by its name, as a user's
 * program would (package.json `exports`, built to dist/), it checks a file as `diming check` does.
 */
function viaPackage(script: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
}

describe('the check API through the package entry point', () => {
  it('runCheck gives the summary and findings of diming check', () => {
    const sample = join(ROOT, 'data', 'samples', 'dawang-roads.csv');
    const out = viaPackage(`
      import { readAnyDataset, runCheck, toJson } from 'diming';
      const ds = await readAnyDataset(${JSON.stringify(sample)});
      const r = await runCheck(ds, { profiles: ['national'] });
      process.stdout.write(toJson(r));
    `);
    const cli = run(['check', sample, '-f', 'json']);
    expect(JSON.parse(out)).toEqual(JSON.parse(cli.stdout));
  });

  it('exports the engine, profiles, rules and the layers a check reads', () => {
    const dir = join(FIXTURES, 'geo', 'built-up');
    const out = viaPackage(`
      import * as d from 'diming';
      const areas = await d.loadBuiltUpAreas(${JSON.stringify(join(dir, 'areas.geojson'))});
      const profile = d.loadProfile('national', d.RULES);
      const ds = { source: { file: 'x.csv' }, columns: [], extraHeaders: [], notes: [], records: [{ row: 1, name: '新华路', fields: {}, extra: {} }, { row: 2, name: '新华路', fields: {}, extra: {} }] };
      const r = d.checkDataset(ds, { profiles: [profile] });
      console.log(JSON.stringify({
        areas: areas.areas.map((a) => a.name),
        rules: d.RULES.size,
        builtIn: d.builtInProfiles().includes('dongying-village'),
        duplicate: r.findings.filter((f) => f.rule === 'duplicate').map((f) => f.row),
        kinds: ['runCheck', 'checkDataset', 'ExistingNames', 'readAnyDataset', 'loadBoundaries', 'toHtml', 'toText', 'toCsvReport'].map((k) => typeof d[k]),
        village: d.village(d.villagesOf('370523101')[0].code)?.name,
      }));
    `);
    expect(JSON.parse(out)).toEqual({
      areas: ['城关建成区', '工业园建成区'],
      rules: 47,
      builtIn: true,
      duplicate: [1, 2],
      kinds: Array(8).fill('function'),
      village: '花园社区居民委员会',
    });
  });
});
