import { type Text, txt } from '../core/text.js';
import type { BuiltUpAreas } from '../geo/built-up.js';
import type { AnalyzedRecord } from '../rules/types.js';
import { ExistingNames } from './existing.js';
import type { LocatedResult } from './located.js';

/**
 * The uniqueness scope `builtUpArea` (rules.md §0.3) made concrete: which built-up area each batch record lies in (by
 * its geometry), and the existing names with geometry that lie in one. Records outside every area, or without
 * geometry, are compared by township (uniqueness.ts).
 */
export interface BuiltUpScope {
  /** Area names, by area number. */
  names: readonly string[];
  /** The area a batch record lies in, by its lon/lat geometry. */
  areaOf(rec: AnalyzedRecord): number | undefined;
  /** Existing names with geometry inside an area, and the area of each (by store index). */
  existing: ExistingNames;
  existingArea: readonly number[];
  /**
   * Can this register row be placed? Rows of files with geometry can, unless the row itself has none: their names
   * count for a record in an area only where they lie. Other names are compared by township, one level lower.
   */
  placed(file: string, line: number): boolean;
}

/** The scope for a batch, with a note of what lies where. */
export function builtUpScope(areas: BuiltUpAreas, records: readonly AnalyzedRecord[], located: Pick<LocatedResult, 'names' | 'placedFiles'> | undefined): { scope: BuiltUpScope; notes: Text[] } {
  const byRec = new Map<AnalyzedRecord, number>();
  let inside = 0;
  let placeable = 0;
  for (const rec of records) {
    const g = rec.geo?.lonlat;
    if (!g) continue;
    placeable++;
    const k = areas.areaOf(g);
    if (k === undefined) continue;
    byRec.set(rec, k);
    inside++;
  }
  const existing = new ExistingNames();
  const existingArea: number[] = [];
  const fileNo = new Map<string, number>();
  for (const n of located?.names ?? []) {
    const k = areas.areaOf(n.geometry);
    if (k === undefined) continue;
    let f = fileNo.get(n.file);
    if (f === undefined) fileNo.set(n.file, (f = existing.addFile(n.file)));
    existing.add(n.name, n.full, n.adminCode, n.type, f, n.line);
    existingArea.push(k);
  }
  const noGeometry = records.length - placeable;
  const others = records.length - inside;
  const zhRest = others ? `；其余 ${others} 条${noGeometry ? `（其中 ${noGeometry} 条没有几何）` : ''}按同一乡镇（街道）比较` : '';
  const enRest = others ? `; the other${others === 1 ? ' row' : ` ${others}`}${noGeometry ? ` (${noGeometry} without geometry)` : ''} ${others === 1 ? 'is' : 'are'} compared by township` : '';
  const notes = [txt(
    `建成区（${areas.file}）：本表 ${inside} 条位于建成区内，按所在建成区比较重名、同音和近似${zhRest}；已有地名中 ${existing.size} 条带几何且位于建成区内`,
    `built-up areas (${areas.file}): ${inside} of this table's rows lie in one and are compared within it${enRest}; ${existing.size} existing name${existing.size === 1 ? ' with geometry lies' : 's with geometry lie'} in the areas`,
  )];
  return {
    scope: {
      names: areas.areas.map((a) => a.name),
      areaOf: (rec) => byRec.get(rec),
      existing,
      existingArea,
      placed: (file, line) => {
        const without = located?.placedFiles.get(file);
        return without !== undefined && !without.has(line);
      },
    },
    notes,
  };
}
