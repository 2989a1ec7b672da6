import type { Geometry, Position } from 'geojson';
import { inputError } from '../core/errors.js';
import type { Dataset, FieldKey, NameRecord } from '../core/record.js';
import { type Text, txt } from '../core/text.js';
import type { TownshipBoundaries } from './boundaries.js';
import { CGCS2000, crsInfo } from './crs.js';
import { type CrsSuspicion, type Detection, detectCrs, offsetSuspicion } from './detect.js';
import { eachPosition, family } from './geometry.js';
import { describeLocation } from '../announce/location.js';
import { EndpointNamer, type NamedPlace } from './location.js';
import { type RoadMeasure, measure } from './measure.js';
import { type Transformer, createTransformer } from './transform.js';
import { checkGeometry, checkOutside, parseProblem } from './validate.js';
import type { OutputFeature } from './writers/common.js';

/**
 * The geometry stage of the pipeline for a whole Dataset: decide the CRS (declared, else detected), transform every
 * record to CGCS2000 lon/lat, run geometry-invalid / geometry-outside / crs-suspect (rules.md §10), and derive length,
 * ends, bbox, orientation and the 位置描述. The rule engine maps `findings` to its findings; writers take
 * `roadFeature()`.
 */

export type GeometryRule = 'geometry-invalid' | 'geometry-outside' | 'crs-suspect';

export interface GeometryFinding {
  rule: GeometryRule;
  code: string;
  message: Text;
  /** The soft case: one severity level lower (rules.md §0.1). */
  soft?: boolean;
  /** A CRS that would fit (crs-suspect). */
  suggest?: string;
}

export interface RecordGeometryResult {
  /** CGCS2000 lon/lat geometry (also when it has problems, if it could be transformed). */
  lonlat?: Geometry;
  /** Derived attributes, for usable geometries. */
  measure?: RoadMeasure;
  /** Generated 位置描述. */
  location?: string;
  /** Names used for the start and end: from the table, else the nearest named road or village. */
  startName?: string;
  endName?: string;
  /** A two-point line from start/end coordinate columns: length and orientation are approximate. */
  approximate?: boolean;
  findings: GeometryFinding[];
}

export interface DatasetGeometry {
  /** CRS of records that state none of their own. */
  crs?: string;
  /** The decision with its reasons ("what it decided and why"). */
  detection: Detection;
  /** Dataset-level crs-suspect findings (report once, not per record). */
  findings: GeometryFinding[];
  /** Keyed by record row. */
  records: Map<number, RecordGeometryResult>;
}

export interface AnalyzeOptions {
  /** --crs: an id, or 'auto'. Default: the CRS the dataset states, else detection. */
  crs?: string;
  /** The command needs geometry (export geojson …): a record without one is a geometry-invalid finding. */
  requireGeometry?: boolean;
  minLengthMeters?: number;
  /** geometry-outside tolerance in metres (default 50). */
  toleranceMeters?: number;
  /** Township polygons (--boundaries). */
  boundaries?: TownshipBoundaries;
  /** More named features for endpoint names (villages, rivers …), besides the dataset's own roads. */
  places?: NamedPlace[];
  /** How far (m) an endpoint name may be (default 200). */
  placeMeters?: number;
  /** Rows whose line came from start/end columns (attachTableGeometries). */
  fromEndpoints?: ReadonlySet<number>;
  /** A CGCS2000 reference layer (lon/lat lines) for the GCJ-02/BD-09 offset test. */
  reference?: Position[][];
  /** Add 全长约…米 to generated location descriptions. */
  locationLength?: boolean;
}

const SUSPECT_CAP = 5000;

export async function analyzeGeometries(ds: Dataset, opts: AnalyzeOptions = {}): Promise<DatasetGeometry> {
  const explicit = opts.crs && opts.crs.trim().toLowerCase() !== 'auto' ? crsInfo(opts.crs).id : undefined;
  const declared = explicit ?? ds.crs;
  // Records in the dataset CRS (readers copy it onto each record) are what detection looks at.
  const usesDataset = (r: NameRecord) => !!r.geometry?.geojson && (!r.geometry.crs || r.geometry.crs === ds.crs);
  const sample: Position[] = [];
  for (const r of ds.records) {
    if (sample.length >= SUSPECT_CAP) break;
    if (usesDataset(r)) eachPosition(r.geometry!.geojson!, (p) => void sample.push(p));
  }
  const detection = detectCrs(sample, { declared, hints: ds.hints, names: [ds.source.file, ...ds.columns.map((c) => c.header)] });
  const crs = detection.crs;
  if (!crs && ds.records.some(usesDataset)) {
    throw inputError(
      txt(`无法判断坐标系：${detection.reasons.map((r) => r.zh).join('；')}`, `cannot tell the coordinate system: ${detection.reasons.map((r) => r.en).join('; ')}`),
      { file: ds.source.file },
      txt('请用 --crs 指定，例如 --crs EPSG:4528（CGCS2000 3 度带第 40 带）或 --crs EPSG:4490。', 'Give it with --crs, e.g. --crs EPSG:4528 (CGCS2000 3° zone 40) or --crs EPSG:4490.'),
    );
  }
  const suspect = (s: CrsSuspicion): GeometryFinding => ({ rule: 'crs-suspect', code: s.code, message: s.message, suggest: s.suggest });
  const findings = detection.suspicions.map(suspect);

  const transformers = new Map<string, Transformer>();
  const transform = async (id: string, swap: boolean, g: Geometry) => {
    const key = `${id}|${swap}`;
    let t = transformers.get(key);
    if (!t) transformers.set(key, (t = await createTransformer(id, CGCS2000, { swapXY: swap })));
    return t.geometry(g);
  };

  const records = new Map<number, RecordGeometryResult>();
  for (const r of ds.records) {
    const res: RecordGeometryResult = { findings: [] };
    records.set(r.row, res);
    const g = r.geometry;
    if (!g || (!g.geojson && !g.error)) {
      if (opts.requireGeometry) res.findings.push(...checkGeometry(undefined).map((p) => ({ rule: 'geometry-invalid' as const, code: p.code, message: p.message })));
      continue;
    }
    if (g.error || !g.geojson) {
      const p = parseProblem(g.error!);
      res.findings.push({ rule: 'geometry-invalid', code: p.code, message: p.message });
      continue;
    }
    const own = usesDataset(r) ? undefined : g.crs;
    res.lonlat = await transform(own ?? crs!, own ? false : detection.swapped, g.geojson);
    res.approximate = opts.fromEndpoints?.has(r.row) || undefined;
    const problems = checkGeometry(res.lonlat, { minLengthMeters: opts.minLengthMeters });
    res.findings.push(...problems.map((p) => ({ rule: 'geometry-invalid' as const, code: p.code, message: p.message, soft: p.soft })));
    if (problems.some((p) => !p.soft)) continue;
    const township = opts.boundaries?.find(r);
    const outside = checkOutside(res.lonlat, { township: township?.polygon, townshipName: township?.name ?? r.fields.township, toleranceMeters: opts.toleranceMeters });
    res.findings.push(...outside.map((p) => ({ rule: 'geometry-outside' as const, code: p.code, message: p.message, soft: p.soft })));
    if (!outside.some((p) => p.code === 'outside-china')) res.measure = measure(res.lonlat);
  }

  if (opts.reference?.length) {
    const { suspicion } = await offsetSuspicion(sample, opts.reference);
    if (suspicion && !findings.some((f) => f.code === suspicion.code)) findings.push(suspect(suspicion));
  }

  // Endpoint names and location descriptions, from the other roads of the dataset and the given places.
  const roads: NamedPlace[] = [];
  for (const r of ds.records) {
    const lonlat = records.get(r.row)?.lonlat;
    if (r.name && lonlat && records.get(r.row)?.measure && family(lonlat) === 'line') roads.push({ name: r.name, geometry: lonlat });
  }
  const namer = new EndpointNamer([...roads, ...(opts.places ?? [])]);
  for (const r of ds.records) {
    const res = records.get(r.row)!;
    if (!res.measure || !res.lonlat) continue;
    res.startName = r.fields.start ?? namer.nameAt(res.measure.start, opts.placeMeters, r.name)?.name;
    res.endName = r.fields.end ?? namer.nameAt(res.measure.end, opts.placeMeters, r.name)?.name;
    const loc = describeLocation({
      township: r.fields.township,
      village: r.fields.village,
      start: res.startName,
      end: res.endName,
      via: r.fields.via,
      orientation: res.measure.orientation?.code,
      from: res.measure.start,
      to: res.measure.end,
      lengthM: opts.locationLength ? res.measure.lengthM : undefined,
    });
    if (loc) res.location = loc;
  }
  return { crs, detection, findings, records };
}

/** Known fields published as feature properties (formats.md §4.1), in this order. */
const PUBLISHED: FieldKey[] = [
  'id', 'name', 'specific', 'generic', 'pinyin', 'pinyin_sign', 'common_name', 'type', 'grade', 'admin_code', 'admin_path',
  'province', 'city', 'county', 'township', 'village', 'start', 'end', 'via', 'width_m', 'naming_reason', 'old_name',
  'approval_body', 'approval_no', 'approval_date', 'filing_date', 'announce_date', 'place_code',
];

/**
 * A road as an output feature: the record's published fields and pass-through columns, plus length_m (table value
 * when numeric, else the geodesic length; length_source says which), orientation (EW/NS/other), location_desc and
 * the table's or derived start/end names. The caller adds pinyin, validation summaries and the like to `properties`.
 */
export function roadFeature(rec: NameRecord, res: RecordGeometryResult | undefined): OutputFeature {
  const properties: Record<string, unknown> = {};
  for (const k of PUBLISHED) {
    const v = k === 'name' ? rec.name || rec.fields.name : rec.fields[k];
    if (v) properties[k] = v;
  }
  const m = res?.measure;
  const tableLength = rec.fields.length_m ? Number(rec.fields.length_m.replace(/[^\d.]/g, '')) : NaN;
  if (rec.fields.length_m && Number.isFinite(tableLength) && tableLength > 0) {
    properties.length_m = tableLength;
    properties.length_source = 'table';
  } else if (m && m.lengthM > 0) {
    properties.length_m = Math.round(m.lengthM * 10) / 10;
    properties.length_source = 'geometry';
  }
  if (m?.orientation) properties.orientation = m.orientation.code;
  if (res?.location) properties.location_desc = res.location;
  if (!properties.start && res?.startName) properties.start = res.startName;
  if (!properties.end && res?.endName) properties.end = res.endName;
  if (res?.approximate) properties.geometry_approximate = true;
  for (const [k, v] of Object.entries(rec.extra)) if (!(k in properties) && v !== '') properties[k] = v;
  return { id: rec.fields.id ?? rec.row, geometry: res?.lonlat && res.measure ? res.lonlat : null, properties, row: rec.row };
}
