import type { Geometry } from 'geojson';
import type { Text } from './text.js';

/**
 * The one internal data model that every command shares (read → normalise → analyse → check → export).
 * Readers produce a Dataset of NameRecords; analysis adds parse and pinyin; rules add findings; writers export.
 */

/** Known columns, keyed by the names used in formats.md §1.3. */
export const FIELD_KEYS = [
  'id', 'name', 'common_name',
  'province', 'city', 'county', 'township', 'village', 'admin_code', 'admin_path',
  'type', 'grade', 'tier', 'specific', 'generic',
  'start', 'end', 'via', 'length_m', 'width_m', 'orientation', 'naming_reason',
  'pinyin', 'pinyin_sign', 'reading', 'segmentation',
  'geometry', 'crs', 'lon', 'lat', 'start_lon', 'start_lat', 'end_lon', 'end_lat',
  'applicant', 'sponsored', 'naming_rights', 'old_name', 'protection_measures', 'special_approval',
  'approval_body', 'approval_no', 'approval_date', 'filing_date', 'announce_date', 'place_code',
] as const;

export type FieldKey = (typeof FIELD_KEYS)[number];

export type RecordFields = Partial<Record<FieldKey, string>>;

/** Where the data came from. */
export interface SourceRef {
  file: string;
  sheet?: string;
  encoding?: string;
}

/** How one input column was understood. */
export interface ColumnMapping {
  /** 0-based column index in the input. */
  index: number;
  /** The header exactly as the user wrote it. */
  header: string;
  /** The known field, or undefined for a pass-through column. */
  key?: FieldKey;
  /** Candidate number (1–3) for 拟用名称1..3 columns. */
  candidate?: number;
  /** Unit found in the header, e.g. 米 or km. */
  unit?: string;
  /** How the header matched: exactly, by dropping a bracket, or as a truncated (DBF) prefix. */
  match?: 'exact' | 'bracket' | 'prefix';
}

/**
 * A record's geometry as read. Coordinates stay in the source CRS until the geometry stage transforms them;
 * a geometry that could not be parsed keeps its raw text and the parse error (reported by geometry-invalid).
 */
export interface RecordGeometry {
  /** GeoJSON geometry object, coordinates in `crs` (x = easting/longitude, y = northing/latitude). */
  geojson?: Geometry;
  /** The text the geometry came from (WKT, coordinates), when it came from a table cell. */
  raw?: string;
  /** CRS of the coordinates when the source states it ('EPSG:4528', 'gcj02' …): .prj, KML (EPSG:4326), crs column. */
  crs?: string;
  /** Why the geometry could not be read. */
  error?: Text;
}

export interface NameRecord {
  /** 1-based data row (the first row under the header is 1). */
  row: number;
  /** 1-based physical line (CSV) or sheet row (XLSX) where the record starts, for messages. */
  line?: number;
  /** The name as written in the input (trimmed). */
  name: string;
  /** Known fields as text, exactly as read. */
  fields: RecordFields;
  /** Unknown columns, header → value, carried through to every output. */
  extra: Record<string, string>;
  /** Candidate names from 拟用名称1..3. */
  candidates?: string[];
  /** Geometry from a WKT/coordinate column or a geometry file (GeoJSON, Shapefile, KML). */
  geometry?: RecordGeometry;
}

export interface Dataset {
  source: SourceRef;
  columns: ColumnMapping[];
  /** Headers of pass-through columns, in input order. */
  extraHeaders: string[];
  records: NameRecord[];
  /** Notes about how the input was read (header choices, renamed duplicates …). */
  notes: Text[];
  /** CRS stated by the source as a whole (.prj of a Shapefile, KML = EPSG:4326), if any. */
  crs?: string;
  /** Facts about the source that matter for CRS detection (e.g. 'ovkml': an 奥维 export, usually GCJ-02). */
  hints?: string[];
}
