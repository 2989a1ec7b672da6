import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdminResolver, SCOPE_LEN } from '../../src/check/admin.js';
import { RuleRun, analyzeDataset, checkAnalyzed } from '../../src/check/engine.js';
import { NO_AREA_LIMIT, ScopeNeeds, loadGazetteers } from '../../src/check/gazetteer.js';
import { runCheck } from '../../src/check/run.js';
import { buildDataset, readDataset } from '../../src/io/dataset.js';
import { loadProfile } from '../../src/profiles/profile.js';
import { RULES } from '../../src/rules/registry.js';
import type { Rule } from '../../src/rules/types.js';
import { tempDir } from '../helpers.js';

/**
 * runCheck runs the per-record rules in two passes around reading the existing names (in another thread for large
 * files): first those that do not ask about existing names, then those that do (meta.existingNames).
 */
/** A batch table and existing-name files, written to a fresh folder. */
function writeTables(roadsCsv: string, ...existingCsv: string[]): { dir: string; roads: string; gazetteers: string[] } {
  const dir = tempDir('diming-passes-');
  const roads = join(dir, 'roads.csv');
  writeFileSync(roads, roadsCsv);
  const gazetteers = existingCsv.map((text, k) => {
    const file = join(dir, `existing-${k}.csv`);
    writeFileSync(file, text);
    return file;
  });
  return { dir, roads, gazetteers };
}

describe('per-record rules in two passes', () => {
  it('exactly the rules that ask isExistingName say so in their metadata', () => {
    for (const rule of RULES.values()) {
      expect(Boolean(rule.meta.existingNames), rule.meta.id).toBe(String(rule.check ?? '').includes('isExistingName'));
    }
  });

  it('a rule that asks isExistingName without the flag stops the first pass (it would miss the existing names)', () => {
    const sneaky: Rule = { ...RULES.get('feudal')!, meta: { ...RULES.get('feudal')!.meta, id: 'sneaky', existingNames: undefined }, check: (ctx) => void ctx.isExistingName('x') };
    const profile = loadProfile('national', RULES);
    profile.rules.set('sneaky', { severity: 'warning', options: {} });
    const ds = buildDataset({ rows: [['名称'], ['幸福路']], lines: [1, 2] }, 't.csv');
    const opts = { profiles: [profile], onlyRules: [sneaky] };
    const run = new RuleRun(analyzeDataset(ds, opts), opts);
    expect(() => run.recordRules('without-existing')).toThrow(/sneaky/);
    expect(() => run.recordRules('all')).not.toThrow();
  });

  it('two passes around the existing names find what one pass with them finds', async () => {
    const { roads, gazetteers: [gazetteer] } = writeTables('名称,区划代码\n幸福东路,370523101\n和平东路,370523101\n槐荫路,370523101\n', '标准名称,区划代码\n幸福路,370523101\n槐荫路,370523101\n');
    const ds = await readDataset(roads);
    const profiles = [loadProfile('national', RULES)];
    const analysis = analyzeDataset(ds, { profiles });
    const needs = new ScopeNeeds();
    for (const r of analysis.records) needs.add(r.admin.code?.slice(0, SCOPE_LEN.township));
    const { existing } = await loadGazetteers([gazetteer], needs, new AdminResolver());
    const once = checkAnalyzed(analysis, { profiles, existing });
    const twice = await runCheck(ds, { profiles: ['national'], gazetteers: [gazetteer] });
    // direction-word (an existing-name rule): 幸福东路 pairs with the existing 幸福路, 和平东路 with nothing.
    expect(once.findings.filter((f) => f.rule === 'direction-word').map((f) => f.name)).toEqual(['和平东路']);
    expect(once.findings.filter((f) => f.rule === 'duplicate').map((f) => f.name)).toEqual(['槐荫路']);
    expect(twice.findings).toEqual(once.findings);
  });

  it('existing names without an area are kept (up to a limit per file), compared with every scope, and the note says so', async () => {
    const { dir, roads, gazetteers } = writeTables('名称,区划代码\n槐荫路,370523101\n幸福路,370523102\n', '标准名称\n槐荫路\n和平路\n');
    const r = await runCheck(await readDataset(roads), { profiles: ['national'], gazetteers });
    expect(r.findings.filter((f) => f.rule === 'duplicate').map((f) => `${f.name} ${f.severity}`)).toEqual(['槐荫路 warning']);
    expect(r.notes.map((n) => n.zh).join('\n')).toContain('2 条没有所属政区，已与本表各乡镇（范围）比较，结果降一级提示核实');
    expect(r.findings.find((f) => f.rule === 'duplicate')?.message.en).toContain('(possibly in the same township)');
    const needs = new ScopeNeeds();
    needs.add('370523101');
    const many = join(dir, 'many.csv');
    writeFileSync(many, `标准名称\n${'槐荫路\n'.repeat(NO_AREA_LIMIT + 5)}`);
    const { existing, stats } = await loadGazetteers([many], needs, new AdminResolver());
    expect(stats[0]).toMatchObject({ noArea: NO_AREA_LIMIT + 5, noAreaKept: NO_AREA_LIMIT, kept: 0 });
    expect(existing.size).toBe(NO_AREA_LIMIT);
  });

  it('one decision for names without an area in all files: the scan follows it and every note says it', async () => {
    // 201 townships, 槐荫路 in the first; two files of 60,001 names without an area.
    const { roads, gazetteers: files } = writeTables(
      `名称,区划代码\n槐荫路,370523100\n${Array.from({ length: 200 }, (_, k) => `路${k}号路,370523${String(101 + k)}`).join('\n')}\n`,
      ...[0, 1].map((k) => `标准名称\n槐荫路\n${Array.from({ length: 60_000 }, (_, i) => `甲${k}乙${i}路`).join('\n')}\n`),
    );
    const ds = await readDataset(roads);
    // One file: 60,001 names × 201 scopes is within the bound: compared (one level lower).
    const one = await runCheck(ds, { profiles: ['national'], gazetteers: [files[0]] });
    expect(one.findings.filter((f) => f.rule === 'duplicate').map((f) => f.severity)).toEqual(['warning']);
    // Two such files together exceed it: skipped, and both notes say so (each alone was within it).
    const two = await runCheck(ds, { profiles: ['national'], gazetteers: files });
    expect(two.findings.filter((f) => f.rule === 'duplicate')).toEqual([]);
    const notes = two.notes.map((n) => n.zh).filter((n) => n.includes('没有所属政区'));
    expect(notes).toHaveLength(2);
    for (const n of notes) expect(n).toContain('60001 条没有所属政区，未参与比较');
  }, 60_000);

  it('existing names placed by a township name that the batch does not hold are not compared, and the note says so', async () => {
    const { roads, gazetteers } = writeTables('名称,区划代码\n槐荫路,370523101\n幸福路,370523101\n', '标准名称,乡镇\n槐荫路,大王镇\n幸福路,城关镇\n');
    const r = await runCheck(await readDataset(roads), { profiles: ['national'], gazetteers });
    // 槐荫路: the batch's 大王镇 (hard); 幸福路 of some 城关镇: before, compared as a name without an area (a false warning).
    expect(r.findings.filter((f) => f.rule === 'duplicate').map((f) => `${f.name} ${f.severity}`)).toEqual(['槐荫路 error']);
    expect(r.notes.map((n) => n.zh).join('\n')).toContain('另有 1 条只写了多处共用的政区名称（如不带县名的乡镇名），这些政区都不在本表范围内，未参与比较');
  });
});

describe('the builtUpArea scope without its polygons', () => {
  it('is compared by township, and the run says so (rules.md §0.3: it needs --built-up)', async () => {
    const { dir, roads } = writeTables('名称,区划代码\n幸福路,370523101\n幸福路,370523101\n幸福路,370523102\n');
    const profile = join(dir, 'town.json');
    writeFileSync(profile, JSON.stringify({ name: 'town', extends: 'national', overrides: [{ match: { adminCodes: ['370523101'] }, rules: { homophone: ['warning', { scope: 'builtUpArea' }] } }], rules: { duplicate: ['error', { scope: 'builtUpArea' }] } }));
    const r = await runCheck(await readDataset(roads), { profiles: [profile] });
    expect(r.notes.map((n) => n.zh)).toContain('配置 town 的 duplicate、homophone 使用建成区范围（builtUpArea），需要建成区面图层（--built-up）；未提供，按同一乡镇（街道）比较');
    expect(r.findings.filter((f) => f.rule === 'duplicate').map((f) => [f.row, f.message.zh])).toEqual([
      [1, '与本表第 2 行「幸福路」重名（同一乡镇（街道）内）'],
      [2, '与本表第 1 行「幸福路」重名（同一乡镇（街道）内）'],
    ]);
  });
});
