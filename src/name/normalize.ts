/**
 * Name normalisation (rules.md §0.2 step 1): NFKC (full-width letters, digits and brackets → half-width),
 * no spaces of any kind inside or around a Chinese name. The original string is kept by callers for messages.
 */
const SPACE_RE = /(?:\s|\u200b|\u200c|\u200d|\u2060|\ufeff)+/g;
const NEEDS_NFKC_RE = /[^\u3400-\u4dbf\u4e00-\u9fff]/;

export function normalizeName(raw: string): string {
  // Fast path: a string of plain CJK ideographs is already normal.
  if (!NEEDS_NFKC_RE.test(raw)) return raw;
  return raw.normalize('NFKC').replace(SPACE_RE, '');
}

/** True for a Han ideograph (URO, Extension A, compatibility and the supplementary-plane extensions). */
export function isHan(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f)
  );
}

