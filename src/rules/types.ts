import type { Orthography } from '../pinyin/orthography.js';
import type { NameRecord } from '../core/record.js';
import type { Text } from '../core/text.js';
import type { Lists } from '../lists/lists.js';
import type { ParsedName } from '../name/parse.js';
import type { EntityKind, EntityType } from '../name/types.js';
import type { Romanization } from '../pinyin/orthography.js';
import type { AdminInfo } from '../check/admin.js';
import type { ExistingNames } from '../check/existing.js';
import type { BuiltUpScope } from '../check/built-up-scope.js';
import type { RecordGeometryResult } from '../geo/analyze.js';

/** rules.md §0.1. */
export type Severity = 'error' | 'warning' | 'info' | 'off';
export type ReportedSeverity = Exclude<Severity, 'off'>;

export type RuleGroup =
  | 'structure' | 'characters' | 'meaning' | 'persons' | 'numbers' | 'uniqueness' | 'process' | 'pinyin'
  | 'geometry' | 'data';

/** Rule metadata, as ESLint rules carry theirs: id exactly as in rules.md, default severity, basis, messages. */
export interface RuleMeta {
  id: string;
  /** Short R-code used by some test tables (rules.md §0.4). */
  alias?: string;
  group: RuleGroup;
  /** National default (rules.md §0.4). */
  severity: Severity;
  /** What the rule checks, one line. */
  description: Text;
  /** Legal or guideline basis with article (rules.md). */
  basis: Text;
  /** What the user should do about a finding. */
  fix: Text;
  /** Default options (the national profile's); option keys not listed here are a configuration error. */
  options?: Record<string, unknown>;
  /**
   * The check asks ctx.isExistingName: it runs after the existing names are read (runCheck reads them in another
   * thread while the other per-record rules run). A rule that asks without this flag stops the check.
   */
  existingNames?: boolean;
}

/** Another record a finding refers to: a row of the batch or a line of an existing-name file. */
export interface Related {
  name: string;
  row?: number;
  file?: string;
  line?: number;
  adminCode?: string;
  source: 'batch' | 'gazetteer';
  /** Distance in metres (nearby-duplicate). */
  distance?: number;
}

export interface Finding {
  /** 1-based data row of the input. */
  row: number;
  name: string;
  rule: string;
  severity: ReportedSeverity;
  message: Text;
  fix?: Text;
  related?: Related[];
  /** Reported one level lower than configured (rules.md §0.1 soft case). */
  soft?: boolean;
  /** Township (name) of the record, for grouping in reports. */
  township?: string;
}

/** One record prepared for checking: the shared analysis every rule reads. */
export interface AnalyzedRecord {
  record: NameRecord;
  row: number;
  /** The name as written. */
  name: string;
  /** Normalised (NFKC, no spaces). */
  full: string;
  type: EntityType;
  kind: EntityKind;
  parsed: ParsedName;
  /** Pinyin of the name (computed on first use). */
  readonly romanization: Romanization | undefined;
  /** The sound key of the name without keeping its romanization (see soundKey in check/uniqueness.ts). */
  sound?(tones: boolean): string | undefined;
  admin: AdminInfo;
  /** Profile used for this row (--profile auto may differ per row). */
  profile: string;
  /**
   * The geometry stage's result (runCheck): CGCS2000 lon/lat geometry, length, ends, orientation, location and the
   * geometry findings. Absent when no geometry stage ran (checkDataset on its own) or the record has no geometry.
   */
  geo?: RecordGeometryResult;
  /** Geodesic length in metres of a usable line geometry (not of an approximate start/end line). */
  readonly lengthM?: number;
}

export interface ReportOptions {
  soft?: boolean;
  related?: Related[];
  /** Override the rule's fix hint. */
  fix?: Text;
  /**
   * Report at this severity instead of the configured one (deadline reminders are always `info`, rules.md §0.1;
   * an explicit `patternSeverity` option). Takes precedence over `soft`.
   */
  severity?: ReportedSeverity;
}

/** What a rule sees for one record. */
export interface RecordContext<O = Record<string, unknown>> {
  rec: AnalyzedRecord;
  options: O;
  lists: Lists;
  /** Names known to exist in the record's scope (batch + existing names), for exemptions. */
  isExistingName(name: string): boolean;
  report(message: Text, opts?: ReportOptions): void;
}

/** What a batch rule sees: all records (those with this rule on), for cross-record checks. */
export interface BatchContext<O = Record<string, unknown>> {
  records: readonly AnalyzedRecord[];
  /** Options for a record (profiles and overrides may differ per row). */
  optionsFor(rec: AnalyzedRecord): O;
  lists: Lists;
  /** Existing standard names (--gazetteer), when given. */
  existing?: ExistingNames;
  /** Built-up areas (--built-up), for the uniqueness scope builtUpArea. */
  builtUp?: BuiltUpScope;
  /** The day the check runs (deadline reminders). */
  today: Date;
  /** State shared by the batch rules of one run (uniqueness rules report each pair once, in catalog order). */
  shared: Map<string, unknown>;
  /** The pinyin engine that spelled the batch (existing names are read by it too where readings differ). */
  orthography: Orthography;
  report(rec: AnalyzedRecord, message: Text, opts?: ReportOptions): void;
}

/**
 * Rules that share one cross-record computation (the uniqueness rules compare every pair once, in catalog order):
 * the engine calls `run` once with the context of each enabled rule of the group.
 */
export interface BatchGroup {
  id: string;
  run(ctxs: ReadonlyMap<string, BatchContext>): void;
}

export interface Rule<O = Record<string, unknown>> {
  meta: RuleMeta;
  /** Per-record check. */
  check?(ctx: RecordContext<O>): void;
  /** Cross-record check, run once per batch. */
  checkBatch?(ctx: BatchContext<O>): void;
  /** Cross-record check shared with other rules (see BatchGroup). */
  batchGroup?: BatchGroup;
}

/** Lower a severity one level (error → warning → info; info stays info). */
export function lower(s: ReportedSeverity): ReportedSeverity {
  return s === 'error' ? 'warning' : 'info';
}
