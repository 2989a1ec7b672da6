import { type CalendarDate, isoDate, parseDate } from '../../announce/dates.js';
import type { FieldKey } from '../../core/record.js';
import type { AnalyzedRecord } from '../types.js';

/** Values that mean "nothing" in a filled-in table cell. */
const EMPTY = /^(?:|无|没有|否|不|空|-+|—+|\/|n\/?a|none|null|nil|no|false|0|不详|暂无)$/i;
const YES = /^(?:是|有|y|yes|true|1|√|✓|已冠名|冠名)$/i;

/** The field's text, trimmed, or undefined when the cell is empty or says "none". */
export function filled(rec: AnalyzedRecord, key: FieldKey): string | undefined {
  const v = rec.record.fields[key];
  if (v === undefined) return undefined;
  const s = v.normalize('NFKC').trim();
  return EMPTY.test(s) ? undefined : s;
}

/** A yes/no cell read as yes. */
export function truthy(rec: AnalyzedRecord, key: FieldKey): boolean {
  const v = rec.record.fields[key];
  return v !== undefined && YES.test(v.normalize('NFKC').trim());
}

/** Fields that make a record an approval / filing / announcement record (rules.md §0.5). */
export const PROCESS_FIELDS: readonly FieldKey[] = ['approval_body', 'approval_no', 'approval_date', 'filing_date', 'announce_date'];

export function hasProcessFields(rec: AnalyzedRecord): boolean {
  return PROCESS_FIELDS.some((k) => filled(rec, k) !== undefined);
}

/** A date field read in any accepted form; `bad` when the cell is filled but not a date. */
export function dateField(rec: AnalyzedRecord, key: FieldKey): { date?: CalendarDate; bad?: string } {
  const v = filled(rec, key);
  if (v === undefined) return {};
  const d = parseDate(v);
  return d ? { date: d } : { bad: v };
}

const DAY = 86_400_000;

export function dayNumber(d: CalendarDate): number {
  return Math.floor(Date.UTC(d.y, d.m - 1, d.d) / DAY);
}

export function fromDayNumber(n: number): CalendarDate {
  const t = new Date(n * DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Days from a to b: calendar days, or working days (Monday–Friday; no holiday calendar) when asked. */
export function daysBetween(a: CalendarDate, b: CalendarDate, businessDays: boolean): number {
  const x = dayNumber(a);
  const y = dayNumber(b);
  if (!businessDays) return y - x;
  const sign = y >= x ? 1 : -1;
  let n = 0;
  for (let d = x; d !== y; d += sign) {
    const wd = (((d + sign) % 7) + 7 + 4) % 7; // 1970-01-01 was a Thursday (4)
    if (wd !== 0 && wd !== 6) n += sign;
  }
  return n;
}

/** The date `days` (calendar or working) after `a`. */
export function addDays(a: CalendarDate, days: number, businessDays: boolean): CalendarDate {
  let d = dayNumber(a);
  if (!businessDays) return fromDayNumber(d + days);
  let left = days;
  while (left > 0) {
    d++;
    const wd = ((d % 7) + 7 + 4) % 7;
    if (wd !== 0 && wd !== 6) left--;
  }
  return fromDayNumber(d);
}

export function todayOf(date: Date): CalendarDate {
  return { y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate() };
}

export { isoDate };

/** What kind of body approved the name (rules.md approval-authority, announce-deadline). */
export type BodyKind = 'government' | 'township-government' | 'village' | 'naming-authority' | 'department' | 'unknown';

/**
 * Classify an approving body from its name: a county-level-or-higher 人民政府, a township government, a village or
 * community committee, a place-name authority (地名委员会/地名办), another department (民政局 …), or unknown.
 */
export function bodyKind(raw: string): { kind: BodyKind; place?: string } {
  const s = raw.normalize('NFKC').replace(/\s+/g, '').replace(/[（(][^)）]*[)）]/g, '');
  if (/(村民委员会|村委会|居民委员会|居委会|社区)$/.test(s) || /村(民)?委/.test(s)) return { kind: 'village' };
  if (/地名(委员会|办公室|办|管理办公室)$/.test(s)) return { kind: 'naming-authority' };
  const gov = /^(.*?)(?:人民政府|政府)$/.exec(s);
  if (gov) {
    const place = gov[1];
    if (!place) return { kind: 'unknown' };
    if (/(乡|镇|街道|街道办事处|苏木|民族乡)$/.test(place)) return { kind: 'township-government', place };
    if (/(省|自治区|市|州|盟|地区|县|区|旗|自治县|自治旗|林区|特区)$/.test(place)) return { kind: 'government', place };
    return { kind: 'unknown', place };
  }
  if (/街道办事处$|街道办$/.test(s)) return { kind: 'township-government' };
  if (/(局|厅|部|委员会|委|办公室|办|处|中心|管委会|公司|所|站|院)$/.test(s)) return { kind: 'department' };
  return { kind: 'unknown' };
}
