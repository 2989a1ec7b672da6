import type { AnalyzedRecord } from '../rules/types.js';
import { offsetMeters } from '../rules/util/geo.js';

/** Ends of two segments this close meet (digitising leaves small gaps at a junction). */
const MEET_METERS = 30;

function place(s: string | undefined): string | undefined {
  const t = s?.normalize('NFKC').replace(/\s+/g, '');
  return t || undefined;
}

/**
 * Do two rows describe adjoining segments of one road? A road named in segments has one row per segment (formats.md
 * §1.1): the rows share the name, and one segment ends where another starts. With a geometry on both rows, their end
 * points decide (within MEET_METERS); otherwise the 起点/止点 columns, when the rows name a common end point.
 */
export function adjoins(a: AnalyzedRecord, b: AnalyzedRecord): boolean {
  const ma = a.geo?.measure;
  const mb = b.geo?.measure;
  if (ma && mb) {
    for (const p of [ma.start, ma.end]) {
      for (const q of [mb.start, mb.end]) {
        const o = offsetMeters(p, q);
        if (Math.hypot(o.east, o.north) <= MEET_METERS) return true;
      }
    }
    return false;
  }
  const fa = a.record.fields;
  const fb = b.record.fields;
  const ends = [place(fa.start), place(fa.end)];
  return [place(fb.start), place(fb.end)].some((e) => e !== undefined && ends.includes(e));
}

/**
 * The roads that rows of the same name form: rows joined by adjoins, directly or through other segments (A–B–C),
 * belong to one road. Given the pairs of same-name rows; returns a function that says whether two rows are one road.
 */
export function oneRoad(pairs: Iterable<readonly [AnalyzedRecord, AnalyzedRecord]>): (a: AnalyzedRecord, b: AnalyzedRecord) => boolean {
  const parent = new Map<AnalyzedRecord, AnalyzedRecord>();
  const find = (r: AnalyzedRecord): AnalyzedRecord => {
    let root = r;
    for (let p = parent.get(root); p && p !== root; p = parent.get(root)) root = p;
    // Path compression: later finds are short.
    for (let x = r, p = parent.get(x); p && p !== root; x = p, p = parent.get(x)) parent.set(x, root);
    return root;
  };
  for (const [a, b] of pairs) {
    if (a.row > b.row || !adjoins(a, b)) continue; // each pair comes both ways
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  }
  return (a, b) => parent.size > 0 && find(a) === find(b);
}
