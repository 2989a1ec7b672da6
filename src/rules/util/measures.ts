import type { AnalyzedRecord } from '../types.js';

/** A measured value in metres: a single number has min = max; a range ("5~7米") keeps both ends. */
export interface Measure {
  min: number;
  max: number;
  /** The text it was read from. */
  text: string;
}

const RANGE_SEP = /\s*(?:~|～|〜|-|－|—|–|至|到)\s*/;
const NUM = '(\\d+(?:\\.\\d+)?)';
const UNIT_KM = /^(?:公里|千米|km|ｋｍ|kilometres?|kilometers?)$/i;
const UNIT_M = /^(?:米|m|ｍ|metres?|meters?)?$/i;

/**
 * Read a width or length as people write it in naming tables (formats.md §1.3): "5", "5米", "5~7米", "5-7m",
 * "约1200米", "长约1.2公里", "1.2km", "宽5米左右", "≈800 m". Returns metres, or undefined when the text is not a
 * measure (empty, "不详", several unrelated numbers).
 */
export function parseMeasure(raw: string | undefined): Measure | undefined {
  if (raw === undefined) return undefined;
  let s = raw.normalize('NFKC').trim();
  if (!s) return undefined;
  s = s.replace(/,/g, '').replace(/^(?:路?宽|路?长|全长|宽度|长度|宽约|长约|约|大约|近|≈|~)+/, '').replace(/(?:左右|上下|余|多|以上|以内|许)$/, '').trim();
  s = s.replace(/^(?:约|大约|≈)/, '').trim();
  const m = new RegExp(`^${NUM}\\s*([^\\d\\s~～〜\\-－—–至到]*)(?:${RANGE_SEP.source}${NUM}\\s*([^\\d\\s]*))?$`).exec(s);
  if (!m) return undefined;
  const a = Number(m[1]);
  const unitA = (m[2] ?? '').replace(/(?:左右|上下|余|多)$/, '');
  const b = m[3] !== undefined ? Number(m[3]) : undefined;
  const unitB = (m[4] ?? '').replace(/(?:左右|上下|余|多)$/, '');
  const unit = unitB || unitA;
  let factor: number;
  if (UNIT_KM.test(unit)) factor = 1000;
  else if (UNIT_M.test(unit)) factor = 1;
  else return undefined;
  // "1.2公里~1500米" is unusual; each end takes its own unit when both are given.
  const fa = unitA && unitB ? (UNIT_KM.test(unitA) ? 1000 : 1) : factor;
  const lo = a * fa;
  const hi = b !== undefined ? b * factor : lo;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return undefined;
  return { min: Math.min(lo, hi), max: Math.max(lo, hi), text: raw.trim() };
}

/** The road width in metres from the 宽度 column. */
export function widthOf(rec: AnalyzedRecord): Measure | undefined {
  return parseMeasure(rec.record.fields.width_m);
}

/**
 * The road length in metres: a length the analysis computed (an optional `lengthM` on the record, e.g. from its
 * geometry) wins; otherwise the 长度 column.
 */
export function lengthOf(rec: AnalyzedRecord): Measure | undefined {
  const computed = (rec as AnalyzedRecord & { readonly lengthM?: number }).lengthM;
  if (typeof computed === 'number' && Number.isFinite(computed) && computed > 0) {
    return { min: computed, max: computed, text: `${Math.round(computed)}米` };
  }
  return parseMeasure(rec.record.fields.length_m);
}

/** "5米" / "5~7米" / "1200米" for messages. */
export function showMeasure(m: Measure): string {
  const f = (x: number) => (Number.isInteger(x) ? String(x) : String(Math.round(x * 10) / 10));
  return m.min === m.max ? `${f(m.min)}米` : `${f(m.min)}~${f(m.max)}米`;
}
