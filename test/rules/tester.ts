import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { type CheckOptions, analyzeDataset, checkAnalyzed, checkDataset } from '../../src/check/engine.js';
import { builtUpScope } from '../../src/check/built-up-scope.js';
import { builtUpAreasOf } from '../../src/geo/built-up.js';
import { ExistingNames } from '../../src/check/existing.js';
import { type GeometryStageOptions, attachGeometry, runGeometryStage } from '../../src/check/geometry.js';
import { bbox } from '../../src/geo/geometry.js';
import { parseWkt } from '../../src/geo/wkt.js';
import type { Dataset, NameRecord, RecordFields } from '../../src/core/record.js';
import type { EntityType } from '../../src/name/types.js';
import type { Profile } from '../../src/profiles/profile.js';
import type { Finding, ReportedSeverity, Rule } from '../../src/rules/types.js';

/**
 * An ESLint-RuleTester-style table runner: each case is a record (with optional other rows of the batch and
 * existing names); valid cases must give no finding of the rule, invalid ones exactly the listed findings.
 */
export interface RuleCase {
  name: string;
  type?: EntityType;
  /** Other columns of the record (admin_code, width_m, pinyin …). */
  fields?: RecordFields;
  /** Rule options merged over the defaults. */
  options?: Record<string, unknown>;
  /** Other rows of the same batch. */
  batch?: (string | { name: string; fields?: RecordFields; type?: EntityType; geometry?: string })[];
  /**
   * Existing standard names (gazetteer); with `geometry` (lon/lat WKT) also for nearby-duplicate and built-up areas.
   * `file`: the register file (default existing.csv).
   */
  existing?: { name: string; adminCode?: string; geometry?: string; file?: string }[];
  /** Built-up areas (--built-up) as lon/lat WKT polygons, named 建成区 1, 2 …, for the scope builtUpArea. */
  builtUp?: string[];
  /** The record's geometry as a table cell holds it (WKT, GeoJSON, coordinates): the geometry stage runs first. */
  geometry?: string;
  /** Options of the geometry stage (--crs, required geometry, township boundaries …); runs the stage. */
  geo?: GeometryStageOptions;
  /** For invalid cases: the expected findings on this record (in any order). */
  errors?: { severity?: ReportedSeverity; soft?: boolean; message?: string | RegExp; fix?: string; related?: string[] }[];
  /** A short label for the test title. */
  label?: string;
  today?: string;
}

export function ruleTester(rule: Rule, cases: { valid: (string | RuleCase)[]; invalid: RuleCase[] }): void {
  const id = rule.meta.id;
  describe(`rule ${id}`, () => {
    it.each(cases.valid.map((c) => (typeof c === 'string' ? { name: c } : c)).map((c) => [c.label ?? c.name, c] as const))(
      'valid: %s',
      async (_t, c) => {
        const findings = (await runCase(rule, c)).filter((f) => f.row === 1 && f.rule === id);
        expect(findings.map((f) => `${f.severity}: ${f.message.zh}`)).toEqual([]);
      },
    );
    it.each(cases.invalid.map((c) => [c.label ?? c.name, c] as const))('invalid: %s', async (_t, c) => {
      const findings = (await runCase(rule, c)).filter((f) => f.row === 1 && f.rule === id);
      const expected = c.errors ?? [{}];
      expect(findings.length, findings.map((f) => f.message.zh).join(' | ') || 'no finding').toBe(expected.length);
      expected.forEach((e, i) => {
        const f = findings[i];
        if (e.severity) expect(f.severity).toBe(e.severity);
        if (e.soft !== undefined) expect(Boolean(f.soft)).toBe(e.soft);
        if (e.message) {
          if (typeof e.message === 'string') expect(f.message.zh).toContain(e.message);
          else expect(f.message.zh).toMatch(e.message);
        }
        if (e.fix) expect(f.fix?.zh).toContain(e.fix);
        if (e.related) expect((f.related ?? []).map((r) => r.name).sort()).toEqual([...e.related].sort());
        expect(f.message.en.length).toBeGreaterThan(0);
      });
    });
  });
}

function runCase(rule: Rule, c: RuleCase): Finding[] | Promise<Finding[]> {
  const withGeometry = (f: RecordFields, g: string | undefined): RecordFields => (g === undefined ? f : { ...f, geometry: g });
  const records: NameRecord[] = [{ row: 1, name: c.name, fields: withGeometry({ ...c.fields }, c.geometry), extra: {} }];
  (c.batch ?? []).forEach((b, i) => {
    const o: { name: string; fields?: RecordFields; type?: EntityType; geometry?: string } = typeof b === 'string' ? { name: b } : b;
    records.push({ row: i + 2, name: o.name, fields: withGeometry({ ...(o.fields ?? c.fields ?? {}), ...(o.type ? { type: o.type } : {}) }, o.geometry), extra: {} });
  });
  const ds: Dataset = { source: { file: 'test.csv' }, columns: [], extraHeaders: [], records, notes: [] };
  let existing: ExistingNames | undefined;
  if (c.existing) {
    existing = new ExistingNames();
    const files = new Map<string, number>();
    c.existing.forEach((e, i) => {
      const file = e.file ?? 'existing.csv';
      let f = files.get(file);
      if (f === undefined) files.set(file, (f = existing!.addFile(file)));
      existing!.add(e.name, e.name, e.adminCode, undefined, f, i + 2);
    });
  }
  const profile: Profile = {
    name: 'test',
    description: '',
    basis: [],
    appliesTo: [],
    settings: { uniquenessScope: 'township', defaultEntityType: 'road', ordinals: 'digits' },
    lists: [],
    rules: new Map([[rule.meta.id, { severity: rule.meta.severity === 'off' ? 'error' : rule.meta.severity, options: { ...(rule.meta.options ?? {}), ...(c.options ?? {}) } }]]),
    overrides: [],
    baseDir: process.cwd(),
  };
  // Only the rule under test runs: every other rule is off.
  const opts: CheckOptions = { profiles: [profile], type: c.type, existing, today: c.today ? new Date(c.today) : new Date('2026-01-01'), onlyRules: [rule] };
  const geometric = c.geo !== undefined || c.builtUp !== undefined || records.some((r) => r.fields.geometry !== undefined) || c.existing?.some((e) => e.geometry);
  if (!geometric) return checkDataset(ds, opts).findings;
  return (async () => {
    // As runCheck does it: the geometry stage, then analysis with its results on the records.
    const stage = await runGeometryStage(ds, c.geo ?? {});
    const located = (c.existing ?? []).flatMap((e, i) => {
      if (!e.geometry) return [];
      const g = parseWkt(e.geometry).geometry;
      return [{ name: e.name, full: e.name, adminCode: e.adminCode, file: e.file ?? 'existing.csv', line: i + 2, geometry: g, bbox: bbox(g)! }];
    });
    if (existing) existing.located = located;
    const analysis = analyzeDataset(ds, opts);
    if (stage) attachGeometry(analysis.records, stage.geometry);
    if (c.builtUp) {
      // As runCheck does it with --built-up: the areas, and the existing names with geometry placed in them.
      const areas = builtUpAreasOf('built-up.geojson', c.builtUp.map((w) => ({ polygon: parseWkt(w).geometry as Polygon })));
      // Files with a geometry somewhere are placed files; their rows without one are listed by line.
      const placedFiles = new Map<string, Set<number>>(located.map((l) => [l.file, new Set<number>()]));
      (c.existing ?? []).forEach((e, i) => {
        if (!e.geometry) placedFiles.get(e.file ?? 'existing.csv')?.add(i + 2);
      });
      opts.builtUp = builtUpScope(areas, analysis.records, { names: located, placedFiles }).scope;
    }
    return checkAnalyzed(analysis, opts).findings;
  })();
}
