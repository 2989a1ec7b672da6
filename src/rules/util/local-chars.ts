import { divisions, forEachVillageName, shortName, townshipsOf, villagesOf } from '../../divisions/divisions.js';
import type { AnalyzedRecord } from '../types.js';
import { ownLocalNames } from './words.js';

/** A local division name holding a character, and whether it lies in the record's county or only in its province. */
export interface LocalName {
  name: string;
  scope: 'county' | 'province';
}

/** The characters of a county's township and village names → one name holding each (cached per county). */
const countyChars = new Map<string, Map<string, string>>();
/** The unusual characters (as the caller judges) of a province's township and village names → one name holding each. */
const provinceChars = new Map<string, Map<string, string>>();

/**
 * A township or village name of the record's county (or its own village or township column), else of its province,
 * that holds `ch`: a character outside the standard table, or a variant, that the local names use (周砦村, 濛江乡) is
 * theirs, and a road named after such a place keeps it: checked, not refused (standard-char, traditional-char).
 * The province is searched only when `unusual` is given: it says which characters the province's index keeps (those
 * the rule reports), so that it stays small. traditional-char looks in the county only (東 stands in a few village
 * names of many provinces; a variant is kept only after the place that uses it).
 */
export function localNameWith(rec: AnalyzedRecord, ch: string, unusual?: (c: string) => boolean): LocalName | undefined {
  for (const n of ownLocalNames(rec)) if (n?.includes(ch)) return { name: n, scope: 'county' };
  const code = rec.admin.code ?? '';
  if (code.length < 2 || (!unusual && code.length < 6)) return undefined;
  if (code.length >= 6) {
    // The own township's villages first (the name shown is then the nearest).
    if (code.length >= 9) for (const v of villagesOf(code.slice(0, 9))) if (v.short.includes(ch)) return { name: v.short, scope: 'county' };
    const county = code.slice(0, 6);
    let chars = countyChars.get(county);
    if (!chars) {
      chars = new Map();
      for (const t of townshipsOf(county)) {
        for (const d of [t, ...villagesOf(t.code)]) for (const c of d.short) if (!chars.has(c)) chars.set(c, d.short);
      }
      countyChars.set(county, chars);
    }
    const hit = chars.get(ch);
    if (hit) return { name: hit, scope: 'county' };
  }
  if (!unusual) return undefined;
  // Else the province: small places (自然村) named with the character are not in the list, their villages elsewhere in
  // the province often are (垅 in 湖南, 砦 in 河南).
  const province = code.slice(0, 2);
  let chars = provinceChars.get(province);
  if (!chars) {
    const found = new Map<string, string>();
    // The short name is made only for a name that holds such a character (a province has tens of thousands).
    const take = (name: string, short: () => string) => {
      for (const c of name) if (unusual(c) && !found.has(c)) found.set(c, short());
    };
    for (const d of divisions().byCode.values()) if (d.level === 4 && d.code.startsWith(province)) take(d.name, () => d.short);
    forEachVillageName(province, (name) => take(name, () => shortName(name, 5)));
    provinceChars.set(province, (chars = found));
  }
  const hit = chars.get(ch);
  return hit ? { name: hit, scope: 'province' } : undefined;
}

/** 本县（区） when every name lies in the record's county, else 本省（区、市）. */
export function localScope(found: readonly LocalName[]): { zh: string; en: string } {
  return found.every((l) => l.scope === 'county') ? { zh: '本县（区）', en: 'the local' } : { zh: '本省（区、市）', en: "the province's" };
}
