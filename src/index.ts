/**
 * diming as a library: the same pipeline the CLI uses (read → normalise → analyse → check → export).
 */
export { DimingError, type Where } from './core/errors.js';
export type { ColumnMapping, Dataset, FieldKey, NameRecord, RecordGeometry } from './core/record.js';
export { type Lang, type Text, setLang, tr } from './core/text.js';
export { divisions, divisionPath, village, villages, villagesOf, type Division } from './divisions/divisions.js';
export { resolveRegion, normalizeAdminCode, regionFromNames } from './divisions/region.js';
export { readDataset, buildDataset, type ReadOptions } from './io/dataset.js';
export { decodeText } from './io/encoding.js';
export { parseName, type ParsedName, type ParseOptions } from './name/parse.js';
export { normalizeName } from './name/normalize.js';
export { ENTITY_TYPES, type EntityType, resolveType } from './name/types.js';
export { Orthography, type Romanization, type RomanizeOptions, type Word } from './pinyin/orthography.js';
export { ReadingDictionary, defaultDictionary, loadUserReadings, type ReadingEntry } from './pinyin/readings.js';

// Checking names (rules.md): the whole check of a dataset as `diming check` runs it, the rule engine on its own, the
// profiles and rules, the layers a check reads, and the report formats.
export { runCheck, type RunCheckOptions, type RunCheckResult } from './check/run.js';
export { checkDataset, type CheckOptions, type CheckResult, type CheckSummary } from './check/engine.js';
export { ExistingNames } from './check/existing.js';
export { readAnyDataset } from './io/read-any.js';
export { loadBoundaries, type TownshipBoundaries } from './geo/boundaries.js';
export { loadBuiltUpAreas, type BuiltUpAreas } from './geo/built-up.js';
export { loadProfile, builtInProfiles, type Profile } from './profiles/profile.js';
export { RULES } from './rules/registry.js';
export type { AnalyzedRecord, Finding, Related, ReportedSeverity, Rule, RuleMeta, Severity } from './rules/types.js';
export { toJson, toCsvReport } from './check/output/formats.js';
export { toHtml, type HtmlReportMeta } from './check/output/html.js';
export { toText } from './check/output/text.js';
