/**
 * Deterministic ZIP packages. docx and exceljs both zip with JSZip, which stamps every entry with the current
 * time; this rewrites the DOS date/time of every entry (local headers and central directory) in place, so that
 * identical input gives byte-identical DOCX/XLSX files. Nothing else in the archive depends on the clock
 * (no extended-timestamp extra fields: JSZip writes none for ASCII entry names).
 */

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

/** DOS time and date words for an ISO timestamp (UTC; clamped to the DOS range 1980–2107). */
export function dosDateTime(iso: string): { time: number; date: number } {
  const t = Date.parse(iso);
  const d = new Date(Number.isNaN(t) ? Date.UTC(1980, 0, 1) : t);
  let y = d.getUTCFullYear();
  if (y < 1980) return { time: 0, date: (1 << 5) | 1 };
  if (y > 2107) y = 2107;
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2);
  const date = ((y - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return { time, date };
}

/** Set every entry's modification time to `iso`. Modifies and returns `buf`. Throws on a malformed archive. */
export function fixZipTimestamps(buf: Uint8Array, iso: string): Uint8Array {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const { time, date } = dosDateTime(iso);
  // End of central directory: last 22 bytes plus an optional comment of up to 65535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('zip: end of central directory not found');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let n = 0; n < count; n++) {
    if (view.getUint32(p, true) !== CEN_SIG) throw new Error('zip: bad central directory entry');
    view.setUint16(p + 12, time, true);
    view.setUint16(p + 14, date, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== LOC_SIG) throw new Error('zip: bad local header');
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return buf;
}
