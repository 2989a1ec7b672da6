import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDataset, checkDataset } from '../../src/check/engine.js';
import { runCheck } from '../../src/check/run.js';
import { DimingError } from '../../src/core/errors.js';
import { buildDataset } from '../../src/io/dataset.js';
import { type ProfileFile, loadProfile } from '../../src/profiles/profile.js';
import { RULES } from '../../src/rules/registry.js';
import { tempDir } from '../helpers.js';

/** Write profile files into a temporary folder; returns the path of the first. */
function profiles(files: Record<string, ProfileFile>): string {
  const dir = tempDir('diming-profile-');
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, `${name}.json`), JSON.stringify(body));
  return join(dir, `${Object.keys(files)[0]}.json`);
}

const table = (...rows: string[][]) => buildDataset({ rows: [['名称', '区划代码'], ...rows], lines: rows.map((_, i) => i + 1).concat(rows.length + 1) }, 't.csv');
const option = (file: string, rule: string, key: string) => loadProfile(file, RULES).rules.get(rule)?.options[key];

/** profiles.md §1.3: the shared settings reach the rules and the converter they are the default for. */
describe('profile settings', () => {
  it('uniquenessScope sets the scope of duplicate, homophone and near-duplicate, over what national set', () => {
    const file = profiles({ county: { extends: 'national', settings: { uniquenessScope: 'county' } } });
    for (const rule of ['duplicate', 'homophone', 'near-duplicate']) expect(option(file, rule, 'scope')).toBe('county');
    expect(option('national', 'duplicate', 'scope')).toBe('township');
    // Two townships of one county: a duplicate only under the county-wide scope.
    const ds = table(['幸福路', '370523101'], ['幸福路', '370523102']);
    const dup = (p: string) => checkDataset(ds, { profiles: [loadProfile(p, RULES)] }).findings.filter((f) => f.rule === 'duplicate').length;
    expect(dup('national')).toBe(0);
    expect(dup(file)).toBe(2);
  });

  it('an override gives one type its own uniqueness scope: rows of one run compare with different options', () => {
    const file = profiles({ mixed: { extends: 'national', overrides: [{ match: { types: ['residential'] }, rules: { duplicate: ['error', { scope: 'county' }] } }] } });
    // Two townships of one county; the estates compare county-wide, the roads by township.
    const ds = buildDataset({
      rows: [['名称', '区划代码', '类别'], ['幸福路', '370523101', '道路'], ['幸福路', '370523102', '道路'], ['幸福小区', '370523101', '居民区'], ['幸福小区', '370523102', '居民区']],
      lines: [1, 2, 3, 4, 5],
    }, 't.csv');
    const dups = checkDataset(ds, { profiles: [loadProfile(file, RULES)] }).findings.filter((f) => f.rule === 'duplicate').map((f) => f.name);
    expect(dups).toEqual(['幸福小区', '幸福小区']);
  });

  it("a rule option in the same file wins over the file's setting; a later file's setting wins over an earlier option", () => {
    const own = profiles({ own: { extends: 'national', settings: { uniquenessScope: 'county' }, rules: { duplicate: ['error', { scope: 'city' }] } } });
    expect(option(own, 'duplicate', 'scope')).toBe('city');
    expect(option(own, 'homophone', 'scope')).toBe('county');
    const later = profiles({ later: { extends: './base.json', settings: { uniquenessScope: 'village' } }, base: { extends: 'national', rules: { duplicate: ['error', { scope: 'city' }] } } });
    expect(option(later, 'duplicate', 'scope')).toBe('village');
  });

  it('a rule turned on without the option takes the inherited setting', () => {
    const file = profiles({
      child: { extends: './parent.json', rules: { 'series-order': 'warning' } },
      parent: { settings: { numberingDirection: 'W->E' }, rules: { duplicate: 'error' } },
    });
    expect(option(file, 'series-order', 'direction')).toBe('W->E');
  });

  it('numberingDirection and ordinals reach series-order and pinyin-numeral', () => {
    const file = profiles({ local: { extends: 'national', settings: { numberingDirection: 'S->N', ordinals: 'spelled' } } });
    expect(option(file, 'series-order', 'direction')).toBe('S->N');
    expect(option(file, 'pinyin-numeral', 'ordinals')).toBe('spelled');
  });

  it('cityName and countyName name the own area where the division list cannot (a code it lacks)', () => {
    const file = profiles({ county: { extends: 'national', settings: { countyName: '示例县', cityName: '示例市' } } });
    for (const rule of ['near-duplicate', 'out-of-area']) {
      expect(option(file, rule, 'countyName')).toBe('示例县');
      expect(option(file, rule, 'cityName')).toBe('示例市');
    }
    // 130999 is no county of the division list: only the setting says that 示例 is the own county's name.
    const ds = table(['示例幸福路', '130999001'], ['幸福路', '130999001'], ['示例路', '130999001']);
    const findings = (p: string, rule: string) => checkDataset(ds, { profiles: [loadProfile(p, RULES)] }).findings.filter((f) => f.rule === rule);
    expect(findings('national', 'near-duplicate')).toHaveLength(0);
    expect(findings(file, 'near-duplicate').map((f) => f.name).sort()).toEqual(['幸福路', '示例幸福路']);
    expect(findings('national', 'out-of-area')).toHaveLength(0);
    const own = findings(file, 'out-of-area');
    expect(own.map((f) => [f.name, f.severity, f.message.zh.includes('小地冠大名')])).toEqual([
      ['示例幸福路', 'info', true],
      ['示例路', 'info', true],
    ]);
  });

  it('ordinals: spelled makes the pinyin of every output spell ordinals, and the check says so once', async () => {
    const file = profiles({ spelled: { extends: 'national', settings: { ordinals: 'spelled' } } });
    const ds = table(['槐荫一巷', '370523101']);
    const [digits] = analyzeDataset(ds, { profiles: [loadProfile('national', RULES)] }).records;
    const [spelled] = analyzeDataset(ds, { profiles: [loadProfile(file, RULES)] }).records;
    expect(digits.romanization?.sign).toBe('HUAIYIN 1 XIANG');
    expect(spelled.romanization?.sign).toBe('HUAIYIN YIXIANG');
    const r = await runCheck(ds, { profiles: [file] });
    expect(r.notes.filter((n) => n.en.includes('spells ordinals out'))).toHaveLength(1);
    expect((await runCheck(ds, { profiles: ['national'] })).notes.some((n) => n.en.includes('spells ordinals out'))).toBe(false);
  });

  it('surnames and commemorative numbers added by the profile reach the name parser', () => {
    const file = profiles({ local: { extends: 'national', lists: { surnames: { add: ['岳'] }, commemorativeNumbers: { add: ['九一'] } } } });
    const ds = table(['岳晓路', '370523101'], ['九一路', '370523101']);
    const kinds = (p: string) => analyzeDataset(ds, { profiles: [loadProfile(p, RULES)] }).records.map((r) => r.parsed.specificKind);
    expect(kinds('national')).toEqual(['plain', 'number']);
    expect(kinds(file)).toEqual(['person', 'commemorative']);
    const rules = (p: string) => checkDataset(ds, { profiles: [loadProfile(p, RULES)] }).findings.filter((f) => f.row === 1).map((f) => f.rule);
    expect(rules('national')).not.toContain('person-name');
    expect(rules(file)).toContain('person-name');
  });

  it('dialectTable is read relative to the profile file and reaches homophone and unhealthy-meaning', () => {
    const file = profiles({ tongling: { extends: 'national', settings: { dialectTable: 'dialect.tsv' } } });
    writeFileSync(join(file, '..', 'dialect.tsv'), '富\thu\n湖\thu\n民\tmin\n鸣\tmin\n');
    const expected = join(file, '..', 'dialect.tsv');
    expect(option(file, 'homophone', 'dialectTable')).toBe(expected);
    expect(option(file, 'unhealthy-meaning', 'dialectTable')).toBe(expected);
    const ds = table(['富民路', '370523101'], ['湖鸣路', '370523101']);
    const found = (p: string) => checkDataset(ds, { profiles: [loadProfile(p, RULES)] }).findings.filter((f) => f.rule === 'homophone').map((f) => f.message.zh);
    expect(found('national')).toEqual([]);
    expect(found(file)).toEqual([expect.stringContaining('方言读音相同'), expect.stringContaining('方言读音相同')]);
  });

  it('a dialect table that cannot be read stops loading the profile', () => {
    const file = profiles({ broken: { extends: 'national', settings: { dialectTable: 'missing.tsv' } } });
    expect(() => loadProfile(file, RULES)).toThrow(/方言读音表/);
  });

  it.each([
    ['uniquenessScope', 'planet'],
    ['ordinals', 'roman'],
    ['numberingDirection', 'up'],
    ['signUmlaut', 'yes'],
    ['defaultEntityType', 'castle'],
    ['cityName', 12],
    ['dialectTable', ''],
  ])('a wrong value of %s (%j) is a configuration error naming the setting', (key, value) => {
    const file = profiles({ bad: { extends: 'national', settings: { [key]: value } } });
    let err: unknown;
    try {
      loadProfile(file, RULES);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DimingError);
    expect((err as DimingError).kind).toBe('config');
    expect((err as DimingError).text.zh).toContain(`设置「${key}」`);
  });
});
