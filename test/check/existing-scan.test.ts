import { describe, expect, it } from 'vitest';
import type { Dataset, NameRecord } from '../../src/core/record.js';
import { ExistingNames } from '../../src/check/existing.js';
import { checkDataset } from '../../src/check/engine.js';
import { loadProfile } from '../../src/profiles/profile.js';
import { RULES } from '../../src/rules/registry.js';

// The existing-name scans dismiss most names by fingerprints (hash, first and last character) and visit the store in
// township order. Compared here with the reference: every key computed for every name, in file order.

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIXES = ['', '', '', '新', '老', '大王', '广饶', '东营'];
const STEMS = ['富民', '福民', '复明', '和平', '河坪', '龍泉', '龙泉', '幸福', '兴福', '长安', '常安', '建设', '人民', '大王'];
const MIDDLES = ['', '', '', '东', '一', '二', '三', '五', '第一'];
const GENERICS = ['路', '街', '巷', '支路', '横路', '大街', '胡同'];
const TOWNS = ['370523101', '370523102', '370523103', '370521001'];

function names(seed: number, n: number): { name: string; code: string }[] {
  const r = rng(seed);
  const pick = <T,>(a: T[]) => a[Math.floor(r() * a.length)];
  return Array.from({ length: n }, () => ({
    name: pick(PREFIXES) + pick(STEMS) + pick(MIDDLES) + pick(GENERICS),
    code: pick(TOWNS) + (r() < 0.5 ? String(Math.floor(r() * 3) + 1).padStart(3, '0') : ''),
  }));
}

function findingsWith(existing: ExistingNames, batch: { name: string; code: string }[]) {
  const records: NameRecord[] = batch.map((b, i) => ({ row: i + 1, name: b.name, fields: { admin_code: b.code }, extra: {} }));
  const ds: Dataset = { source: { file: 't.csv' }, columns: [], extraHeaders: [], records, notes: [] };
  const profile = loadProfile(['national'], RULES);
  const onlyRules = ['duplicate', 'homophone', 'near-duplicate', 'series-order'].map((id) => RULES.get(id)!);
  return checkDataset(ds, { profiles: [profile], existing, onlyRules, today: new Date('2026-01-01') }).findings.map(
    (f) => `${f.row} ${f.rule} ${f.message.zh} ${(f.related ?? []).map((x) => `${x.name}@${x.line ?? x.row}`).join(',')}`,
  );
}

function storeOf(rows: { name: string; code: string }[]): ExistingNames {
  const ex = new ExistingNames();
  const f = ex.addFile('existing.csv');
  rows.forEach((e, i) => ex.add(e.name, e.name, e.code, undefined, f, i + 2));
  return ex;
}

describe('existing-name scans', () => {
  for (const seed of [1, 2, 3]) {
    it(`find the same pairs and series members as the reference (seed ${seed})`, () => {
      const batch = names(seed, 120);
      const existing = names(seed + 100, 1500);
      const fast = storeOf(existing);
      fast.sortByScope();
      const reference = storeOf(existing).withoutFingerprints();
      const got = findingsWith(fast, batch);
      expect(got.length).toBeGreaterThan(50);
      expect(got.some((f) => f.includes('已有地名'))).toBe(true);
      expect(got).toEqual(findingsWith(reference, batch));
    });
  }
});
