import { usageError } from '../core/errors.js';
import { txt } from '../core/text.js';
import { type Division, divisionPath, divisions } from './divisions.js';

/**
 * A region given on the command line (`--region`): an admin-code prefix (2–12 digits) or a division name
 * (山东, 东营市, 广饶县, 大王镇 …). Returns the code prefix used for regional readings.
 */
export function resolveRegion(input: string): string {
  const s = input.trim();
  if (/^\d+$/.test(s)) {
    if (![2, 4, 6, 9, 12].includes(s.length)) {
      throw usageError(
        txt(`区划代码「${s}」的位数不对`, `the division code "${s}" has the wrong number of digits`),
        txt('区划代码应为 2 位（省）、4 位（市）、6 位（县）、9 位（乡镇）或 12 位（村）。', 'Use 2 (province), 4 (prefecture), 6 (county), 9 (township) or 12 (village) digits.'),
      );
    }
    return s;
  }
  const found = findDivisions(s);
  if (found.length === 0) {
    throw usageError(
      txt(`找不到名为「${s}」的行政区划`, `no administrative division named "${s}"`),
      txt('请检查名称，或直接给出区划代码（如 37 表示山东省）。', 'Check the name, or give the division code (e.g. 37 for Shandong).'),
    );
  }
  const top = Math.min(...found.map((d) => d.level));
  const best = found.filter((d) => d.level === top);
  if (best.length > 1) {
    const list = best.slice(0, 10).map((d) => `${divisionPath(d.code)}（${d.code}）`);
    throw usageError(
      txt(`「${s}」对应多个行政区划：${list.join('；')}`, `"${s}" matches several divisions: ${list.join('; ')}`),
      txt('请给出区划代码，或写出上级名称。', 'Give the division code instead.'),
    );
  }
  return best[0].code;
}

/** Divisions whose full or short name is `name`. */
export function findDivisions(name: string): Division[] {
  return divisions().byName.get(name.normalize('NFKC').trim()) ?? [];
}

/** Normalise an admin code: digits only; 12-digit codes padded with zeros are cut to their real level. */
export function normalizeAdminCode(raw: string): string | undefined {
  // Fast path: a bare 9- or 12-digit code that needs nothing done (the common case in large files).
  if ((raw.length === 12 && !raw.endsWith('000')) || raw.length === 9) {
    let digits = true;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c < 48 || c > 57) {
        digits = false;
        break;
      }
    }
    if (digits) return raw;
  }
  const s = raw.replace(/\s/g, '');
  if (!/^\d+$/.test(s)) return undefined;
  if (s.length === 12) {
    if (s.endsWith('000000000')) return s.slice(0, 4).replace(/00$/, '') || undefined;
    if (s.endsWith('000000')) return s.slice(0, 6);
    if (s.endsWith('000')) return s.slice(0, 9);
    return s;
  }
  if (s.length === 6 && s.endsWith('0000')) return s.slice(0, 2);
  if (s.length === 6 && s.endsWith('00')) return s.slice(0, 4);
  return [2, 4, 6, 9, 12].includes(s.length) ? s : undefined;
}

export interface AdminNames {
  province?: string;
  city?: string;
  county?: string;
  township?: string;
}

/**
 * The most specific division code that the given names settle (each name resolved inside its parent);
 * undefined when no name is known. Ambiguous names stop at the last level that was unique.
 */
export function regionFromNames(names: AdminNames): string | undefined {
  let prefix = '';
  for (const name of [names.province, names.city, names.county, names.township]) {
    if (!name) continue;
    const cands = findDivisions(name).filter((d) => d.code.startsWith(prefix) && d.code.length > prefix.length);
    if (cands.length !== 1) {
      if (cands.length > 1) {
        const top = Math.min(...cands.map((d) => d.level));
        const best = cands.filter((d) => d.level === top);
        if (best.length === 1) {
          prefix = best[0].code;
          continue;
        }
      }
      break;
    }
    prefix = cands[0].code;
  }
  return prefix || undefined;
}
