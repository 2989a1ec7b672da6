import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/registry.js';
import { run } from '../helpers.js';

interface RulesJson { profile: string; rules: { id: string; severity: string; basis: string; options: Record<string, unknown> }[] }
interface AutoJson { profile: string; fallback: string; profiles: { name: string; areas: { code: string; place: string }[] }[] }

describe('diming rules', () => {
  it('lists every rule with its severity in the national profile and its basis', () => {
    const r = run(['rules', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout) as RulesJson;
    expect(data.profile).toBe('national');
    expect(data.rules.map((x) => x.id).sort()).toEqual([...RULES.keys()].sort());
    for (const x of data.rules) expect(x.basis, x.id).not.toBe('');
    expect(data.rules.find((x) => x.id === 'homophone')!.severity).toBe('warning');
    const text = run(['rules']);
    expect(text.stdout).toContain('配置：national');
    expect(text.stdout).toContain('duplicate');
    expect(text.stdout).toContain('错误');
  });

  it("shows a local profile's severities and options", () => {
    const data = JSON.parse(run(['rules', '-p', 'tongling-near-dup', '-f', 'json']).stdout) as RulesJson;
    const hom = data.rules.find((x) => x.id === 'homophone')!;
    expect(hom.severity).toBe('error');
    expect(hom.options.scope).toBe('city');
  });

  it('--profile auto says which built-in profile applies where, and what applies elsewhere', () => {
    const r = run(['rules', '--profile', 'auto']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('其余地区：national');
    expect(r.stdout).toMatch(/dongying-village\s+3705 山东省东营市/);
    expect(r.stdout).toContain('diming rules --profile');
    const data = JSON.parse(run(['rules', '-p', 'auto', '-p', 'hebei-tiered', '-f', 'json']).stdout) as AutoJson;
    expect(data.fallback).toBe('hebei-tiered');
    expect(data.profiles.find((p) => p.name === 'tongling-near-dup')!.areas).toEqual([{ code: '3407', place: '安徽省铜陵市' }]);
    expect(data.profiles.some((p) => p.name === 'hebei-tiered' || p.name === 'national')).toBe(false);
    const csv = run(['rules', '-p', 'auto', '-f', 'csv', '--lang', 'en']).stdout;
    expect(csv).toContain('chengdu-near-dup,5101,四川省成都市,');
    expect(csv).toContain('national,,everywhere else,');
  });

  it('an unknown profile is a usage error that lists the built-in ones', () => {
    const r = run(['rules', '-p', 'no-such']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有名为「no-such」的内置配置');
    expect(r.stderr).toContain('dongying-village');
    expect(r.stdout).toBe('');
  });
});
