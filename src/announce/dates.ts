import { usageError } from '../core/errors.js';
import { txt } from '../core/text.js';

/** A calendar date (no time, no time zone): what 批准时间 means. */
export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

const FULLWIDTH_DIGITS = /[０-９]/g;

/**
 * Read a date as people write it in naming tables:
 * ISO (`2024-03-01`, `2024-03-01T10:00:00+08:00`), `2024/3/1`, `2024.3.1`, `2024年3月1日` (also 号, full-width
 * digits), `20240301`, and Excel serial day numbers (`45352` = 2024-03-01, as a number or a string of digits).
 * Returns undefined for anything else or for impossible dates (2024-02-30).
 */
export function parseDate(v: unknown): CalendarDate | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    return { y: v.getUTCFullYear(), m: v.getUTCMonth() + 1, d: v.getUTCDate() };
  }
  if (typeof v === 'number') return fromExcelSerial(v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim().replace(FULLWIDTH_DIGITS, (c) => String(c.charCodeAt(0) - 0xff10)).replace(/\s+/g, '');
  if (!s) return undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (!m) m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (!m) m = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  // Excel serial day number as text (cells read as strings): 5 digits covers 1927-05-18 … 2173-10-14.
  if (/^\d{5}(?:\.\d+)?$/.test(s)) return fromExcelSerial(Number(s));
  return undefined;
}

/** Excel's 1900 date system: serial 1 = 1900-01-01, with Lotus' phantom 1900-02-29 (serial 60). */
function fromExcelSerial(n: number): CalendarDate | undefined {
  if (!Number.isFinite(n) || n < 1 || n >= 2958466) return undefined;
  const day = Math.floor(n);
  if (day === 60) return undefined; // 1900-02-29 does not exist
  const offset = day < 60 ? day : day - 1;
  const t = Date.UTC(1899, 11, 31) + offset * 86_400_000;
  const dt = new Date(t);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function valid(y: number, m: number, d: number): CalendarDate | undefined {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? { y, m, d } : undefined;
}

/** `2024年3月1日`, the form used in Chinese official documents (no leading zeros). */
export function chineseDate(d: CalendarDate): string {
  return `${d.y}年${d.m}月${d.d}日`;
}

/** `2024-03-01`. */
export function isoDate(d: CalendarDate): string {
  return `${String(d.y).padStart(4, '0')}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

/** Any accepted date form → `2024年3月1日`; undefined when it is not a date. */
export function formatChineseDate(v: unknown): string | undefined {
  const d = parseDate(v);
  return d ? chineseDate(d) : undefined;
}

/** Any accepted date form → ISO `2024-03-01`; undefined when it is not a date. */
export function toIsoDate(v: unknown): string | undefined {
  const d = parseDate(v);
  return d ? isoDate(d) : undefined;
}

/**
 * A date given on the command line (`--date`): parsed or a usage error naming the option and the accepted forms.
 */
export function requireDate(v: string, option = '--date'): CalendarDate {
  const d = parseDate(v);
  if (!d) {
    throw usageError(
      txt(`${option} 的值「${v}」不是有效日期`, `the value "${v}" of ${option} is not a valid date`),
      txt('请写成 2024-03-01、2024/3/1 或 2024年3月1日。', 'Write it as 2024-03-01, 2024/3/1 or 2024年3月1日.'),
    );
  }
  return d;
}
