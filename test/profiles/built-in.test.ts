import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { buildDataset } from '../../src/io/dataset.js';
import { builtInProfiles, loadProfile } from '../../src/profiles/profile.js';
import { RULES } from '../../src/rules/registry.js';

/** Every bundled profile must load: --profile auto loads them all, so one bad file stops every auto run. */
describe('built-in profiles', () => {
  it.each(builtInProfiles())('%s loads', (name) => {
    expect(loadProfile(name, RULES).name).toBe(name);
  });

  it("the 铜陵 and 成都 profiles' stripNames lists are options of near-duplicate", () => {
    expect(loadProfile('tongling-near-dup', RULES).rules.get('near-duplicate')?.options.stripNames).toEqual(['铜陵']);
    expect(loadProfile('chengdu-near-dup', RULES).rules.get('near-duplicate')?.options.stripNames).toEqual(['成都']);
  });

  it('--profile auto picks each row its own profile and checks the whole table', async () => {
    const rows = [['名称', '区划代码'], ['幸福路', '340705001'], ['铜陵幸福路', '340705001'], ['和平路', '510104001'], ['槐荫路', '370523101'], ['泰山路', '110101001']];
    const ds = buildDataset({ rows, lines: rows.map((_, i) => i + 1) }, 't.csv');
    const r = await runCheck(ds, { profiles: ['auto'] });
    expect(r.records.map((x) => x.profile)).toEqual(['tongling-near-dup', 'tongling-near-dup', 'chengdu-near-dup', 'dongying-village', 'national']);
    // 铜陵's rule: adding the city's name makes no difference (city scope, error).
    expect(r.findings.filter((f) => f.rule === 'near-duplicate').map((f) => [f.name, f.severity])).toEqual([['幸福路', 'error'], ['铜陵幸福路', 'error']]);
  });
});
