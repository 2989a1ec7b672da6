import type { RecordFields } from '../core/record.js';
import { type Text, txt } from '../core/text.js';
import { type Division, divisionPath, divisions, village, villagesOf } from '../divisions/divisions.js';
import { normalizeAdminCode } from '../divisions/region.js';

/** The administrative area of a record, as far as the input settles it. */
export interface AdminInfo {
  /** Most specific known code (2, 4, 6, 9 or 12 digits), or undefined. */
  code?: string;
  /** Official names per level, as resolved. */
  province?: string;
  city?: string;
  county?: string;
  township?: string;
  village?: string;
  /** A problem with the area given (unknown, ambiguous, code not in the list) — reported by rule `admin-area`. */
  issue?: { kind: 'unknown' | 'ambiguous' | 'code-unknown'; text: Text; candidates: string[]; codes?: string[] };
}

const LEVEL_FIELDS = ['province', 'city', 'county', 'township', 'village'] as const;

/**
 * Resolve a record's area from a 6/9/12-digit code, a full path string (山东省东营市广饶县大王镇) or separate
 * 省/市/县/乡镇/村 columns (formats.md §1.3–1.4). Results are cached: batches repeat their areas.
 */
export class AdminResolver {
  private readonly cache = new Map<string, AdminInfo>();

  resolve(f: RecordFields): AdminInfo {
    const key = `${f.admin_code ?? ''}\u0001${f.admin_path ?? ''}\u0001${f.province ?? ''}\u0001${f.city ?? ''}\u0001${f.county ?? ''}\u0001${f.township ?? ''}\u0001${f.village ?? ''}`;
    let info = this.cache.get(key);
    if (!info) {
      info = this.compute(f);
      this.cache.set(key, info);
    }
    return info;
  }

  private compute(f: RecordFields): AdminInfo {
    // A code column holding names (广饶县大王镇), or a path column holding a code (行政区划: either): read as what it is.
    if (f.admin_code?.trim() && !f.admin_path?.trim() && !/\d/.test(f.admin_code) && /\p{Script=Han}/u.test(f.admin_code)) return fromPath(f.admin_code.trim());
    if (!f.admin_code?.trim() && f.admin_path && /^\s*\d{6,12}\s*$/.test(f.admin_path)) return this.compute({ ...f, admin_code: f.admin_path, admin_path: undefined });
    if (f.admin_code?.trim()) {
      const code = normalizeAdminCode(f.admin_code);
      if (!code) {
        return { issue: { kind: 'unknown', candidates: [], text: txt(`区划代码「${f.admin_code}」格式不对（应为 6、9 或 12 位数字）`, `division code "${f.admin_code}" is malformed (6, 9 or 12 digits)`) } };
      }
      return fromCode(code);
    }
    if (f.admin_path?.trim()) return fromPath(f.admin_path.trim());
    const names = LEVEL_FIELDS.map((k) => f[k]?.trim() || undefined);
    if (names.some(Boolean)) return fromNames(names);
    return {};
  }
}

/** Names for a code; codes absent from the list are kept (they change yearly) with a note. */
export function fromCode(code: string): AdminInfo {
  const info: AdminInfo = { code };
  fillNames(info, code);
  const known = code.length === 12 ? village(code) !== undefined : divisions().byCode.has(code);
  if (!known) {
    info.issue = {
      kind: 'code-unknown',
      candidates: [],
      text: txt(`区划代码 ${code} 不在 ${divisions().year} 年区划代码表中（代码每年会有调整）`, `division code ${code} is not in the ${divisions().year} code list (codes change every year)`),
    };
  }
  return info;
}

function fillNames(info: AdminInfo, code: string): void {
  const idx = divisions();
  const lv = (c: string) => idx.byCode.get(c)?.name;
  if (code.length >= 2) info.province = lv(code.slice(0, 2));
  if (code.length >= 4) info.city = lv(code.slice(0, 4));
  if (code.length >= 6) info.county = lv(code.slice(0, 6));
  if (code.length >= 9) info.township = lv(code.slice(0, 9));
  if (code.length >= 12) info.village = village(code)?.name;
}

/** Resolve names level by level, each inside its parent; levels may be skipped. */
function fromNames(names: (string | undefined)[]): AdminInfo {
  let prefix = '';
  for (let level = 0; level < names.length; level++) {
    const name = names[level];
    if (!name) continue;
    const cands = candidates(name, prefix, level + 1);
    if (cands.length === 1) {
      prefix = cands[0].code;
      continue;
    }
    const info: AdminInfo = prefix ? { code: prefix } : {};
    if (prefix) fillNames(info, prefix);
    const where = prefix ? divisionPath(prefix) : '';
    if (cands.length === 0) {
      const elsewhere = level < 4 ? candidates(name, '', level + 1).slice(0, 8) : [];
      info.issue = {
        kind: 'unknown',
        candidates: elsewhere.map((d) => `${divisionPath(d.code)}（${d.code}）`),
        text: txt(
          `${where ? `在${where}` : ''}找不到「${name}」${elsewhere.length ? `；同名的有：${elsewhere.map((d) => `${divisionPath(d.code)}（${d.code}）`).join('、')}` : ''}`,
          `"${name}" not found${where ? ` in ${where}` : ''}${elsewhere.length ? `; divisions with that name: ${elsewhere.map((d) => `${divisionPath(d.code)} (${d.code})`).join(', ')}` : ''}`,
        ),
      };
    } else {
      const list = cands.slice(0, 10).map((d) => `${divisionPath(d.code)}（${d.code}）`);
      info.issue = {
        kind: 'ambiguous',
        candidates: list,
        // Every candidate, for callers that can choose by context (existing names: the batch's own areas).
        codes: cands.map((d) => d.code),
        text: txt(`「${name}」对应多个行政区划：${list.join('、')}；请补充上级名称或区划代码`, `"${name}" matches several divisions: ${list.join(', ')}; add the parent division or the code`),
      };
    }
    return info;
  }
  return prefix ? fromCode(prefix) : {};
}

/** Divisions named `name` (full or short) below `prefix` at the given level (5 = village). */
function candidates(name: string, prefix: string, level: number): Division[] {
  const n = name.normalize('NFKC').replace(/\s+/g, '');
  if (level === 5) {
    if (prefix.length !== 9) return [];
    return villageCandidates(n, prefix);
  }
  const list = divisions().byName.get(n) ?? [];
  // A city-level column often holds 北京/上海 whose prefecture is the 市辖区 placeholder.
  return list.filter((d) => d.code.startsWith(prefix) && d.code.length > prefix.length && (d.level === level || (prefix === '' && d.level >= level)));
}

/**
 * The forms a village name is written in: 王家庄村委会, 王家庄村民委员会, 王家庄村 and 王家庄 are one village,
 * 花园社区居民委员会 and 花园社区 one community; 新村村委会 is written 新村 or 新村村.
 */
function villageForms(name: string): string[] {
  const base = name.replace(/(社区居民委员会|村民委员会|居民委员会|社区居委会|村委会|居委会|委员会)$/, '');
  const short = base.replace(/(社区|村)$/, '');
  return short && short !== base ? [base, short] : [base];
}

function villageCandidates(name: string, township: string): Division[] {
  const list = villagesOf(township);
  const want = villageForms(name);
  return list.filter((v) => v.name === name || villageForms(v.name).some((f) => want.includes(f)));
}

/**
 * Split a path string such as 山东省东营市广饶县大王镇 against the division list: at each step the longest name
 * (full or short) below the current division; 市辖区 and omitted levels are allowed.
 */
function fromPath(path: string): AdminInfo {
  const text = path.normalize('NFKC').replace(/[\s/／,，、>|]+/g, '');
  const idx = divisions();
  let prefix = '';
  let rest = text;
  while (rest) {
    let found: Division[] = [];
    let used = 0;
    for (let len = Math.min(12, rest.length); len >= 2 && !found.length; len--) {
      const cands = (idx.byName.get(rest.slice(0, len)) ?? []).filter((d) => d.code.startsWith(prefix) && d.code.length > prefix.length);
      if (cands.length) {
        // Prefer the nearest level below the current one.
        const top = Math.min(...cands.map((d) => d.level));
        found = cands.filter((d) => d.level === top);
        used = len;
      }
    }
    if (!found.length) {
      if (prefix.length === 9) {
        const v = villageCandidates(rest, prefix);
        if (v.length === 1) return fromCode(v[0].code);
      }
      break;
    }
    if (found.length > 1) {
      const list = found.slice(0, 10).map((d) => `${divisionPath(d.code)}（${d.code}）`);
      const info: AdminInfo = prefix ? { code: prefix } : {};
      if (prefix) fillNames(info, prefix);
      info.issue = {
        kind: 'ambiguous',
        candidates: list,
        codes: found.map((d) => d.code),
        text: txt(`所属政区「${path}」中的「${rest.slice(0, used)}」对应多个行政区划：${list.join('、')}`, `"${rest.slice(0, used)}" in "${path}" matches several divisions: ${list.join(', ')}`),
      };
      return info;
    }
    prefix = found[0].code;
    rest = rest.slice(used);
  }
  if (!prefix || rest) {
    const info: AdminInfo = prefix ? fromCode(prefix) : {};
    info.issue = {
      kind: 'unknown',
      candidates: [],
      text: txt(
        `所属政区「${path}」${prefix ? `只识别到「${divisionPath(prefix)}」，无法识别「${rest}」` : '无法识别'}`,
        `cannot read the area "${path}"${prefix ? ` beyond ${divisionPath(prefix)} ("${rest}" unknown)` : ''}`,
      ),
    };
    return info;
  }
  return fromCode(prefix);
}

/** Digits of the administrative code that make up each uniqueness scope (rules.md §0.3). */
export const SCOPE_LEN: Readonly<Record<string, number>> = { village: 12, township: 9, county: 6, city: 4, province: 2 };

/** Scope levels finest first, with the word for the level (乡镇一级, 县一级 …). */
const LEVELS: readonly { scope: string; zh: string }[] = [
  { scope: 'village', zh: '村' }, { scope: 'township', zh: '乡镇' }, { scope: 'county', zh: '县' }, { scope: 'city', zh: '市' }, { scope: 'province', zh: '省' },
];

/** The finest scope level a code of this many digits reaches (6 → county), or undefined below a province code. */
export function levelOfCode(length: number): { scope: string; zh: string } | undefined {
  return LEVELS.find((l) => length >= SCOPE_LEN[l.scope]);
}

/** The record's scope key for a uniqueness scope (rules.md §0.3), or undefined when the area is too coarse. */
export function scopeKey(admin: AdminInfo, scope: string): string | undefined {
  const code = admin.code;
  if (!code) return undefined;
  const len = SCOPE_LEN[scope];
  if (!len) return undefined;
  return code.length >= len ? code.slice(0, len) : undefined;
}
