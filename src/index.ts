/**
 * diming as a library: the same pipeline the CLI uses (read → normalise → analyse → check → export).
 */
export { DimingError, type Where } from './core/errors.js';
export type { ColumnMapping, Dataset, FieldKey, NameRecord, RecordGeometry } from './core/record.js';
export { type Lang, type Text, setLang, tr } from './core/text.js';
export { divisions, divisionPath, villages, type Division } from './divisions/divisions.js';
export { resolveRegion, normalizeAdminCode, regionFromNames } from './divisions/region.js';
export { readDataset, buildDataset, type ReadOptions } from './io/dataset.js';
export { decodeText } from './io/encoding.js';
export { parseName, type ParsedName, type ParseOptions } from './name/parse.js';
export { normalizeName } from './name/normalize.js';
export { ENTITY_TYPES, type EntityType, resolveType } from './name/types.js';
export { Orthography, type Romanization, type RomanizeOptions, type Word } from './pinyin/orthography.js';
export { ReadingDictionary, defaultDictionary, loadUserReadings, type ReadingEntry } from './pinyin/readings.js';
