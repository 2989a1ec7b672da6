import { townshipsOf, villagesOf } from '../../divisions/divisions.js';
import type { AnalyzedRecord } from '../types.js';

/** The characters of a county's township and village names → one name holding each (cached per county). */
const countyChars = new Map<string, Map<string, string>>();

/**
 * A township or village name of the record's county (or its own village or township column) that holds `ch`: a
 * character outside the standard table, or a variant, that the local names use (周砦村, 濛江乡) is theirs, and a road
 * named after such a place keeps it: checked, not refused (standard-char, traditional-char).
 */
export function localNameWith(rec: AnalyzedRecord, ch: string): string | undefined {
  const f = rec.record.fields;
  for (const n of [f.village, f.township, rec.admin.village, rec.admin.township]) if (n?.includes(ch)) return n;
  const code = rec.admin.code ?? '';
  if (code.length < 6) return undefined;
  // The own township's villages first (the name shown is then the nearest).
  if (code.length >= 9) for (const v of villagesOf(code.slice(0, 9))) if (v.short.includes(ch)) return v.short;
  const county = code.slice(0, 6);
  let chars = countyChars.get(county);
  if (!chars) {
    chars = new Map();
    for (const t of townshipsOf(county)) {
      for (const d of [t, ...villagesOf(t.code)]) for (const c of d.short) if (!chars.has(c)) chars.set(c, d.short);
    }
    countyChars.set(county, chars);
  }
  return chars.get(ch);
}
