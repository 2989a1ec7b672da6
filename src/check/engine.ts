import type { Dataset } from '../core/record.js';
import type { Text } from '../core/text.js';
import { type Lists, listsWith } from '../lists/lists.js';
import type { EntityType } from '../name/types.js';
import { Orthography } from '../pinyin/orthography.js';
import { type Profile, type RuleConfig, configFor, ordinalsOf } from '../profiles/profile.js';
import { RULES } from '../rules/registry.js';
import type { AnalyzedRecord, BatchContext, BatchGroup, Finding, RecordContext, Related, ReportOptions, ReportedSeverity, Rule, Severity } from '../rules/types.js';
import { lower } from '../rules/types.js';
import { AdminResolver } from './admin.js';
import { analyzeRecord } from './analyze.js';
import type { ExistingNames } from './existing.js';
import type { BuiltUpScope } from './built-up-scope.js';

export interface CheckOptions {
  /** The profile for every row, or several for --profile auto (longest appliesTo prefix per row; the first is the fallback). */
  profiles: Profile[];
  auto?: boolean;
  /** Entity type when the input has no 类别 column. */
  type?: EntityType;
  /** Existing standard names (--gazetteer), restricted to the batch's scopes. */
  existing?: ExistingNames;
  /** Built-up areas (--built-up) for the uniqueness scope builtUpArea. */
  builtUp?: BuiltUpScope;
  /** One run's rule severities (--rule id=severity). */
  ruleOverrides?: Map<string, Severity>;
  orthography?: Orthography;
  /** "Today" for deadline reminders (tests pin it). */
  today?: Date;
  /** Called as records are analysed and checked, for progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Run only these rules (rule tests). */
  onlyRules?: Rule[];
}

export interface CheckSummary {
  rows: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface CheckResult {
  summary: CheckSummary;
  findings: Finding[];
  records: AnalyzedRecord[];
  /** Notes for the report (no existing names given, code year …). */
  notes: Text[];
}

const SEVERITY_ORDER: Record<ReportedSeverity, number> = { error: 0, warning: 1, info: 2 };

/** read → normalise → analyse → check: run every enabled rule of the profile on a dataset. */
export function checkDataset(ds: Dataset, opts: CheckOptions): CheckResult {
  return checkAnalyzed(analyzeDataset(ds, opts), opts);
}

export interface Analysis {
  records: AnalyzedRecord[];
  batchNames: Set<string>;
  orthography: Orthography;
  /** Each profile's lists (base lists with its changes), by profile name. */
  listsFor: (profile: string) => Lists;
}

/** The lists of each profile, made on first use (most profiles change no list and share the base lists). */
function profileLists(profiles: readonly Profile[]): (name: string) => Lists {
  const byName = new Map(profiles.map((p) => [p.name, p]));
  const made = new Map<string, Lists>();
  return (name) => {
    const p = byName.get(name) ?? profiles[0];
    let l = made.get(p.name);
    if (!l) made.set(p.name, (l = listsWith(p.lists, p.baseDir)));
    return l;
  };
}

/** Analyse every record (type, parse, area, lazy pinyin): the first half of checkDataset. */
export function analyzeDataset(ds: Dataset, opts: CheckOptions): Analysis {
  const profiles = opts.profiles;
  const ortho = opts.orthography ?? new Orthography();
  const resolver = new AdminResolver();
  const batchNames = new Set(ds.records.map((r) => r.name.trim()));
  const isKnown = (n: string) => batchNames.has(n) || (opts.existing?.hasName(n) ?? false) || ortho.dict.has(n);
  const profileFor = (admin: { code?: string }): string => {
    if (!opts.auto || !admin.code) return profiles[0].name;
    let best = profiles[0];
    let bestLen = -1;
    for (const p of profiles) {
      for (const prefix of p.appliesTo) {
        if (admin.code.startsWith(prefix) && prefix.length > bestLen) {
          best = p;
          bestLen = prefix.length;
        }
      }
    }
    return best.name;
  };
  const type = opts.type ?? (profiles[0].settings.defaultEntityType as EntityType | undefined) ?? 'road';
  const ordinals = new Map(profiles.map((p) => [p.name, ordinalsOf(p)]));
  const ordinalsFor = (name: string) => ordinals.get(name) ?? 'digits';
  const listsFor = profileLists(profiles);
  const records: AnalyzedRecord[] = [];
  const total = ds.records.length;
  for (let i = 0; i < total; i++) {
    records.push(analyzeRecord(ds.records[i], { type, resolver, orthography: ortho, isKnown, profileFor, ordinalsFor, wordsFor: listsFor }));
    if (opts.onProgress && (i & 1023) === 0) opts.onProgress(i, total * 2);
  }
  return { records, batchNames, orthography: ortho, listsFor };
}

/** Run the rules on analysed records (the second half of checkDataset). */
export function checkAnalyzed(analysis: Analysis, opts: CheckOptions): CheckResult {
  const run = new RuleRun(analysis, opts);
  run.recordRules('all');
  return run.finish();
}

/**
 * Which per-record rules a pass runs: all, or those that do not ask about existing names (while they are being read,
 * see runCheck) and then those that do (meta.existingNames).
 */
export type RecordPass = 'all' | 'without-existing' | 'with-existing';

/** One check: the per-record rules (in one pass, or two around reading the existing names), then the batch rules. */
export class RuleRun {
  private readonly findings: Finding[] = [];
  private readonly byName: Map<string, Profile>;
  private readonly plain: Map<string, Map<string, RuleConfig>>;
  private readonly overrideCache = new Map<string, Map<string, RuleConfig>>();
  private readonly ruleList: Rule[];
  private readonly activeByConfig = new Map<Map<string, RuleConfig>, Active[]>();
  /** DIMING_TIMING=rules: time of each rule (tuning only; the timer itself costs time). */
  private readonly perRule = process.env.DIMING_TIMING === 'rules' ? new Map<string, number>() : undefined;
  private existing: ExistingNames | undefined;
  private pass: RecordPass = 'all';

  constructor(private readonly analysis: Analysis, private readonly opts: CheckOptions) {
    this.byName = new Map(opts.profiles.map((p) => [p.name, p]));
    this.plain = new Map(opts.profiles.map((p) => [p.name, this.withRuleFlags(p.rules)]));
    this.ruleList = opts.onlyRules ?? [...RULES.values()];
    this.existing = opts.existing;
  }

  /** The existing names, once read (before the 'with-existing' pass). */
  setExisting(existing: ExistingNames | undefined): void {
    this.existing = existing;
  }

  private withRuleFlags(c: Map<string, RuleConfig>): Map<string, RuleConfig> {
    if (!this.opts.ruleOverrides?.size) return c;
    const out = new Map(c);
    for (const [id, sev] of this.opts.ruleOverrides) out.set(id, { severity: sev, options: c.get(id)?.options ?? { ...(RULES.get(id)?.meta.options ?? {}) } });
    return out;
  }

  /** Rule settings of a record: its profile's own map unless overrides apply (then one map per distinct match). */
  private configOf(rec: AnalyzedRecord): Map<string, RuleConfig> {
    const p = this.byName.get(rec.profile) ?? this.opts.profiles[0];
    if (!p.overrides.length) return this.plain.get(p.name)!;
    const key = `${p.name}\u0001${rec.type}\u0001${rec.kind}\u0001${rec.admin.code ?? ''}\u0001${rec.record.fields.tier ?? ''}`;
    let c = this.overrideCache.get(key);
    if (!c) this.overrideCache.set(key, (c = this.withRuleFlags(configFor(p, { type: rec.type, kind: rec.kind, adminCode: rec.admin.code, tier: rec.record.fields.tier }))));
    return c;
  }

  /**
   * A rule's options per record, one object per distinct configuration: the uniqueness group asks for every record
   * several times, and a fresh default object per call cost about 2 s of a million-row run.
   */
  private optionsOf(rule: Rule, uniform: boolean): (rec: AnalyzedRecord) => Record<string, unknown> {
    const id = rule.meta.id;
    const of = (cfg: Map<string, RuleConfig>) => cfg.get(id)?.options ?? { ...(rule.meta.options ?? {}) };
    if (uniform) {
      const fixed = of(this.plain.get(this.opts.profiles[0].name)!);
      return () => fixed;
    }
    const byConfig = new Map<Map<string, RuleConfig>, Record<string, unknown>>();
    return (rec) => {
      const cfg = this.configOf(rec);
      let o = byConfig.get(cfg);
      if (!o) byConfig.set(cfg, (o = of(cfg)));
      return o;
    };
  }

  // A rule the profile does not mention is off (as in ESLint); built-in profiles extend `national`, which lists all.
  private severityOf(rule: Rule, rec: AnalyzedRecord): Severity {
    return this.configOf(rec).get(rule.meta.id)?.severity ?? 'off';
  }

  private push(rule: Rule, rec: AnalyzedRecord, sev: ReportedSeverity, message: Text, o: ReportOptions = {}): void {
    this.findings.push({
      row: rec.row,
      name: rec.name,
      rule: rule.meta.id,
      severity: o.severity ?? (o.soft ? lower(sev) : sev),
      message,
      fix: o.fix ?? rule.meta.fix,
      ...(o.related?.length ? { related: o.related } : {}),
      ...(o.soft ? { soft: true } : {}),
      township: rec.admin.township,
    });
  }

  private listsOf(rec: AnalyzedRecord): Lists {
    return this.analysis.listsFor((this.byName.get(rec.profile) ?? this.opts.profiles[0]).name);
  }

  /**
   * The per-record rules enabled by one configuration, each with one context object reused for every record (a million
   * records × forty rules must not allocate forty million contexts).
   */
  private activeFor(cfg: Map<string, RuleConfig>, lists: Lists): Active[] {
    let list = this.activeByConfig.get(cfg);
    if (list) return list;
    list = [];
    const batchNames = this.analysis.batchNames;
    for (const rule of this.ruleList) {
      if (!rule.check) continue;
      const c = cfg.get(rule.meta.id);
      const sev = c?.severity ?? 'off';
      if (sev === 'off') continue;
      const ctx: RecordContext = {
        rec: undefined as unknown as AnalyzedRecord,
        options: c?.options ?? { ...(rule.meta.options ?? {}) },
        lists,
        isExistingName: (n: string) => {
          // A rule that asks without saying so in its metadata would run before the existing names are read.
          if (this.pass === 'without-existing') throw new Error(`rule ${rule.meta.id} asks isExistingName but its meta has no existingNames: true`);
          return batchNames.has(n) || (this.existing?.hasName(n, ctx.rec.admin.code) ?? false);
        },
        report: (message, o) => this.push(rule, ctx.rec, sev, message, o),
      };
      list.push({ rule, ctx, existingNames: Boolean(rule.meta.existingNames) });
    }
    this.activeByConfig.set(cfg, list);
    return list;
  }

  /**
   * Run the per-record rules of one pass on every record. `stop` is asked every 4,096 records: when it says so, the
   * pass ends early and returns false (the existing names failed to read: the run is going to stop with that error).
   */
  recordRules(pass: RecordPass, stop?: () => boolean): boolean {
    this.pass = pass;
    const { records } = this.analysis;
    const total = records.length;
    const perRule = this.perRule;
    // 'with-existing' runs the rules that ask about existing names, 'without-existing' the others, 'all' every rule.
    const skip = pass === 'all' ? undefined : pass === 'without-existing';
    for (let i = 0; i < total; i++) {
      if (stop && (i & 4095) === 0 && stop()) {
        this.pass = 'all';
        return false;
      }
      const rec = records[i];
      const active = this.activeFor(this.configOf(rec), this.listsOf(rec));
      for (let k = 0; k < active.length; k++) {
        const a = active[k];
        if (a.existingNames === skip) continue;
        a.ctx.rec = rec;
        if (perRule) {
          const t = performance.now();
          a.rule.check!(a.ctx);
          perRule.set(a.rule.meta.id, (perRule.get(a.rule.meta.id) ?? 0) + performance.now() - t);
        } else a.rule.check!(a.ctx);
      }
      if (pass !== 'with-existing' && this.opts.onProgress && (i & 1023) === 0) this.opts.onProgress(total + i, total * 2);
    }
    this.pass = 'all';
    return true;
  }

  /** The batch rules and rule groups, then the sorted findings. */
  finish(): CheckResult {
    const { records } = this.analysis;
    const profiles = this.opts.profiles;
    const perRule = this.perRule;
    const shared = new Map<string, unknown>();
    // One profile without overrides: every record has the same settings (no million configOf calls).
    const uniform = profiles.length === 1 && !profiles[0].overrides.length;
    const contextFor = (rule: Rule, enabled: AnalyzedRecord[]): BatchContext => ({
      records: enabled,
      optionsFor: this.optionsOf(rule, uniform),
      lists: this.analysis.listsFor(profiles[0].name),
      existing: this.existing,
      builtUp: this.opts.builtUp,
      today: this.opts.today ?? new Date(),
      shared,
      orthography: this.analysis.orthography,
      report: (rec, message, o) => {
        const sev = this.severityOf(rule, rec);
        if (sev !== 'off') this.push(rule, rec, sev, message, o);
      },
    });
    const groups = new Map<BatchGroup, Map<string, BatchContext>>();
    for (const rule of this.ruleList) {
      if (!rule.checkBatch && !rule.batchGroup) continue;
      const enabled = uniform
        ? ((this.plain.get(profiles[0].name)!.get(rule.meta.id)?.severity ?? 'off') === 'off' ? [] : records)
        : records.filter((r) => this.severityOf(rule, r) !== 'off');
      if (!enabled.length) continue;
      const ctx = contextFor(rule, enabled);
      if (rule.batchGroup) {
        let g = groups.get(rule.batchGroup);
        if (!g) groups.set(rule.batchGroup, (g = new Map()));
        g.set(rule.meta.id, ctx);
      }
      const t = perRule ? performance.now() : 0;
      rule.checkBatch?.(ctx);
      if (perRule && rule.checkBatch) perRule.set(`${rule.meta.id} (batch)`, performance.now() - t);
    }
    for (const [group, ctxs] of groups) {
      const t = perRule ? performance.now() : 0;
      group.run(ctxs);
      if (perRule) perRule.set(`[${[...ctxs.keys()].join(',')}] (group)`, performance.now() - t);
    }
    if (perRule) {
      for (const [id, ms] of [...perRule].sort((a, b) => b[1] - a[1])) process.stderr.write(`[timing] rule ${id}: ${(ms / 1e3).toFixed(2)} s\n`);
    }
    return { summary: sortAndCount(this.findings, records.length), findings: this.findings, records, notes: [] };
  }
}

interface Active {
  rule: Rule;
  ctx: RecordContext;
  /** rule.meta.existingNames, read once (the pass filter runs for every record). */
  existingNames: boolean;
}

/** Sort findings (row, severity, rule id) in place and count them by severity. */
export function sortAndCount(findings: Finding[], rows: number): CheckSummary {
  // Rule ids are ASCII: plain comparison (localeCompare costs seconds on a million-row batch).
  findings.sort((a, b) => a.row - b.row || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const summary: CheckSummary = { rows, errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

export type { Related };
