import type { Position } from 'geojson';
import type { Dataset } from '../core/record.js';
import { type Text, txt } from '../core/text.js';
import { type DatasetGeometry, type RecordGeometryResult, analyzeGeometries } from '../geo/analyze.js';
import type { TownshipBoundaries } from '../geo/boundaries.js';
import { OFFSET_NOTICE, crsInfo } from '../geo/crs.js';
import { attachTableGeometries } from '../geo/fields.js';
import type { AnalyzedRecord } from '../rules/types.js';

/**
 * The geometry stage of a check (rules.md §10): table geometry columns → geometries, CRS decided (declared, else
 * detected, with reasons), every record transformed to CGCS2000 lon/lat and measured; the per-record results go onto
 * the analysed records (`rec.geo`), where geometry-invalid, geometry-outside, crs-suspect, nearby-duplicate,
 * generic-scale (length), generic-orientation, direction-word and series-order read them.
 */

export interface GeometryStageOptions {
  /** --crs: a CRS id or 'auto' (default: what the source declares, else detection). */
  crs?: string;
  /** The command needs geometry (diming geojson): a record without one is a geometry-invalid finding. */
  requireGeometry?: boolean;
  boundaries?: TownshipBoundaries;
  minLengthMeters?: number;
  toleranceMeters?: number;
  /** A CGCS2000 reference layer for the GCJ-02/BD-09 test of crs-suspect. */
  reference?: Position[][];
}

export interface GeometryStage {
  geometry: DatasetGeometry;
  /** For the report: how the input was read, the CRS decision and its reasons, the offset notice. */
  notes: Text[];
  /** The source coordinates were GCJ-02/BD-09 and were converted (formats.md §3.5: print OFFSET_NOTICE). */
  offsetSource: boolean;
}

/**
 * Run the geometry stage on a dataset. Returns undefined when no record has geometry and none is required (a plain
 * table check: rules.md §0.5), so that a table without geometry costs nothing.
 */
export async function runGeometryStage(ds: Dataset, o: GeometryStageOptions = {}): Promise<GeometryStage | undefined> {
  const before = ds.notes.length;
  const { fromEndpoints } = attachTableGeometries(ds);
  const any = ds.records.some((r) => r.geometry);
  if (!any && !o.requireGeometry) return undefined;
  const geometry = await analyzeGeometries(ds, {
    crs: o.crs,
    requireGeometry: o.requireGeometry,
    boundaries: o.boundaries,
    minLengthMeters: o.minLengthMeters,
    toleranceMeters: o.toleranceMeters,
    reference: o.reference,
    fromEndpoints,
  });
  const notes: Text[] = ds.notes.slice(before);
  if (any) {
    // "What it decided and why": the detection's own sentences end with the CRS used.
    const reasons = geometry.detection.reasons;
    if (reasons.length) notes.push(txt(`坐标系：${reasons.map((r) => r.zh).join('；')}`, `coordinate system: ${reasons.map((r) => r.en).join('; ')}`));
  }
  if (o.boundaries) notes.push(...o.boundaries.notes);
  const kinds = new Set<string>();
  if (geometry.crs) kinds.add(crsInfo(geometry.crs).kind);
  for (const r of ds.records) if (r.geometry?.crs) kinds.add(crsInfo(r.geometry.crs).kind);
  const offsetSource = kinds.has('gcj02') || kinds.has('bd09');
  // Report notes get their own 注意：/Note: label.
  if (offsetSource) notes.push(txt(OFFSET_NOTICE.zh.replace(/^注意：/, ''), OFFSET_NOTICE.en.replace(/^Note: /, '')));
  return { geometry, notes, offsetSource };
}

/**
 * Put the stage's results on the analysed records. Dataset-level crs-suspect findings (the CRS of the whole file,
 * not of one road) are reported once, on the first record with geometry.
 */
export function attachGeometry(records: readonly AnalyzedRecord[], geometry: DatasetGeometry): void {
  let pending = geometry.findings.length ? geometry.findings : undefined;
  for (const rec of records) {
    let res: RecordGeometryResult | undefined = geometry.records.get(rec.row);
    if (pending && res && rec.record.geometry) {
      const whole = pending.map((f) => ({ ...f, message: txt(`（整个文件）${f.message.zh}`, `(whole file) ${f.message.en}`) }));
      res = { ...res, findings: [...whole, ...res.findings] };
      pending = undefined;
    }
    if (res) (rec as { geo?: RecordGeometryResult }).geo = res;
  }
}
