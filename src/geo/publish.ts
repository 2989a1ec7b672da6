import { toIsoDate } from '../announce/dates.js';
import { describeLocation, orientationCode } from '../announce/location.js';
import type { FieldKey } from '../core/record.js';
import { tr } from '../core/text.js';
import { parseMeasure } from '../rules/util/measures.js';
import type { AnalyzedRecord, Finding } from '../rules/types.js';
import { roadFeature } from './analyze.js';
import type { OutputFeature } from './writers/common.js';

/**
 * Features for map publication (采集上图, formats.md §4.1): one per analysed record, with the published properties in
 * the documented order — id, name, 专名/通名, pinyin forms from the orthography engine (with the record's region),
 * area, 位置描述, start/end/via, length (table, else geometry, with length_source), width, orientation, meaning,
 * process fields (ISO dates), profile and the check's validation — followed by the input's unknown columns.
 */

export interface PublishOptions {
  /** Findings of the check, any order. */
  findings: readonly Finding[];
  /** Leave out pinyin and validation (a geometry-only conversion, --no-check). */
  geometryOnly?: boolean;
}

const PROCESS_TEXT: FieldKey[] = ['approval_body', 'approval_no'];
const PROCESS_DATES: FieldKey[] = ['approval_date', 'filing_date', 'announce_date'];
/** Fields roadFeature publishes as read that this module rewrites or places itself. */
const OWN = new Set([
  'id', 'name', 'specific', 'generic', 'pinyin', 'pinyin_sign', 'common_name', 'type', 'grade', 'admin_code', 'admin_path',
  'province', 'city', 'county', 'township', 'village', 'start', 'end', 'via', 'width_m', 'naming_reason', 'old_name',
  'approval_body', 'approval_no', 'approval_date', 'filing_date', 'announce_date', 'place_code', 'length_m',
  'length_source', 'orientation', 'location_desc', 'geometry_approximate',
]);

/** The §4.1 properties of one record (the geometry as the geometry stage left it: CGCS2000 lon/lat, or null). */
export function publishFeature(rec: AnalyzedRecord, findings: readonly Finding[], o: Omit<PublishOptions, 'findings'> = {}): OutputFeature {
  const f = rec.record.fields;
  const base = roadFeature(rec.record, rec.geo);
  const p: Record<string, unknown> = {};
  const set = (k: string, v: unknown) => {
    if (v !== undefined && v !== null && v !== '') p[k] = v;
  };
  set('id', f.id ?? rec.row);
  set('name', rec.name);
  if (!o.geometryOnly) {
    set('specific', rec.parsed.specific);
    set('modifier', (rec.parsed.direction ?? '') + (rec.parsed.ordinal?.text ?? ''));
    set('generic', rec.parsed.generic);
    const r = rec.romanization;
    if (r) {
      set('pinyin', r.pinyin);
      set('pinyin_plain', r.plain);
      set('pinyin_sign', r.sign);
      p.pinyin_needs_review = r.review;
      // Where each character's reading came from, when a human must confirm one (place-dependent readings).
      if (r.review) {
        const chars = Array.from(r.parsed.full);
        set('pinyin_reading_source', r.readingSources.map((src, i) => `${chars[i] ?? ''}:${src}`).join(' '));
      }
    }
    // A pinyin the table supplied is kept beside the engine's form when they differ (the pinyin-* rules judge it).
    if (f.pinyin && r && f.pinyin.trim() !== r.pinyin) set('pinyin_input', f.pinyin.trim());
    if (f.pinyin_sign && r && f.pinyin_sign.trim() !== r.sign) set('pinyin_sign_input', f.pinyin_sign.trim());
  } else {
    set('specific', f.specific);
    set('generic', f.generic);
    set('pinyin', f.pinyin);
    set('pinyin_sign', f.pinyin_sign);
  }
  set('common_name', f.common_name);
  set('type', f.type ?? (o.geometryOnly ? undefined : rec.type));
  set('grade', f.grade);
  const a = rec.admin;
  set('admin_code', a.code ?? f.admin_code);
  const path = [a.province, a.city, a.county, a.township, a.village].filter(Boolean).join('/');
  set('admin_path', path || f.admin_path);
  const m = rec.geo?.measure;
  const location = describeLocation({
    township: f.township ?? a.township,
    village: f.village ?? a.village,
    start: f.start ?? rec.geo?.startName,
    end: f.end ?? rec.geo?.endName,
    via: f.via,
    orientation: m?.orientation?.code ?? f.orientation,
    from: m?.start,
    to: m?.end,
  });
  set('location_desc', location);
  set('start', base.properties.start);
  set('end', base.properties.end);
  set('via', f.via);
  const tableLength = parseMeasure(f.length_m);
  if (tableLength) {
    p.length_m = tableLength.max;
    p.length_source = 'table';
  } else if (m && m.lengthM > 0) {
    p.length_m = Math.round(m.lengthM * 10) / 10;
    p.length_source = 'geometry';
  }
  if (rec.geo?.approximate) p.geometry_approximate = true;
  const width = parseMeasure(f.width_m);
  if (width) p.width_m = width.min === width.max ? width.max : { min: width.min, max: width.max };
  else set('width_m', f.width_m);
  set('orientation', m?.orientation?.code ?? orientationCode(f.orientation) ?? (f.orientation ? 'other' : undefined));
  set('naming_reason', f.naming_reason);
  set('old_name', f.old_name);
  for (const k of PROCESS_TEXT) set(k, f[k]);
  for (const k of PROCESS_DATES) set(k, f[k] ? toIsoDate(f[k]) ?? f[k] : undefined);
  set('place_code', f.place_code);
  if (!o.geometryOnly) set('profile', rec.profile);
  const summary = { error: 0, warning: 0, info: 0 };
  for (const x of findings) summary[x.severity]++;
  if (!o.geometryOnly || findings.length) {
    p.validation_summary = summary;
    p.validation = findings.map((x) => ({ rule: x.rule, severity: x.severity, message: tr(x.message) }));
  }
  // Everything else the record had: known fields not published above, then the input's unknown columns as written.
  for (const [k, v] of Object.entries(base.properties)) if (!OWN.has(k) && !(k in p)) set(k, v);
  for (const [k, v] of Object.entries(rec.record.extra)) if (!(k in p) && v !== '') p[k] = v;
  // Unusable geometry (geometry-invalid, outside China) is null: written only with --force, then as a feature without geometry.
  return { id: f.id ?? rec.row, geometry: base.geometry, properties: p, row: rec.row };
}

/** Findings grouped by row. */
export function findingsByRow(findings: readonly Finding[]): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  for (const f of findings) {
    const l = out.get(f.row);
    if (l) l.push(f);
    else out.set(f.row, [f]);
  }
  return out;
}
