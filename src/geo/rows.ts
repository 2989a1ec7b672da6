import { inputError } from '../core/errors.js';
import type { FieldKey, RecordFields, RecordGeometry } from '../core/record.js';
import { txt } from '../core/text.js';
import { matchHeader } from '../io/columns.js';
import type { CsvRecord } from './csvstream.js';
import { geometryFromFields } from './fields.js';
import { geodesicLength, orientation } from './measure.js';
import { type Transformer, createTransformer } from './transform.js';
import { type GeometryProblem, type OutsideProblem, checkGeometry, checkOutside } from './validate.js';
import type { OutputFeature } from './writers/common.js';

/**
 * One table row → one output feature: the per-row work of the streaming conversion (convert.ts).
 */

export interface RowFinding {
  row: number;
  line: number;
  rule: 'geometry-invalid' | 'geometry-outside';
  problems: (GeometryProblem | OutsideProblem)[];
}

/** Everything a RowConverter needs. */
export interface RowPlan {
  file: string;
  headers: string[];
  keys: (FieldKey | undefined)[];
  /** Physical line of the header row (row numbers count from the line below). */
  headerLine: number;
  /** CRS for rows without their own crs column/SRID. */
  sourceCrs?: string;
  /** Swap x/y of rows without their own CRS (detected swapped axes). */
  swapped: boolean;
  /** Output CRS id. */
  target: string;
  derive: boolean;
  onInvalid: 'skip' | 'error';
  /** Leave out rows outside China too (they are written, with a finding, by default). */
  dropOutside?: boolean;
}

export interface Row {
  row: number;
  line: number;
  fields: RecordFields;
  extra: Record<string, string>;
}

const GEOMETRY_KEYS = new Set<FieldKey>(['geometry', 'crs', 'lon', 'lat', 'start_lon', 'start_lat', 'end_lon', 'end_lat']);
/** Findings kept per converter (the count of skipped rows is always exact). */
export const MAX_FINDINGS = 10000;

/** Header cells → column plan, when the row names a geometry source (WKT column, lon/lat, start/end columns). */
export function headerColumns(cells: string[]): { headers: string[]; keys: (FieldKey | undefined)[] } | undefined {
  const cols = cells.map((c, i) => matchHeader(c, i));
  const keys = cols.map((c) => c.key);
  const has = (k: FieldKey) => keys.includes(k);
  if (!(has('geometry') || (has('lon') && has('lat')) || (has('start_lon') && has('end_lat')))) return undefined;
  const seen = new Map<string, number>();
  const headers = cols.map((c, i) => {
    let h = c.header || `列${i + 1}`;
    const n = seen.get(h) ?? 0;
    seen.set(h, n + 1);
    if (n) h = `${h}(${n + 1})`;
    return h;
  });
  // One column per key: later duplicates pass through as extras.
  const used = new Set<FieldKey>();
  return {
    keys: keys.map((k) => {
      if (!k || used.has(k)) return undefined;
      used.add(k);
      return k;
    }),
    headers,
  };
}

export class RowConverter {
  readonly findings: RowFinding[] = [];
  skipped = 0;
  /** Rows with an error-severity finding: unusable geometry (skipped) or outside China. */
  errorRows = 0;
  private readonly transformers = new Map<string, Transformer>();
  private readonly hasLength: boolean;

  constructor(private readonly plan: RowPlan) {
    this.hasLength = plan.keys.includes('length_m');
  }

  /** Cells → row (undefined for an empty line). */
  toRow(rec: CsvRecord): Row | undefined {
    const cells = rec.cells;
    let empty = true;
    for (const c of cells) {
      if (c.trim()) {
        empty = false;
        break;
      }
    }
    if (empty) return undefined;
    const { headers, keys } = this.plan;
    const fields: RecordFields = {};
    const extra: Record<string, string> = {};
    for (let i = 0; i < headers.length; i++) {
      const k = keys[i];
      const v = cells[i] ?? '';
      if (k) {
        const t = v.trim();
        if (t) fields[k] = t;
      } else extra[headers[i]] = v;
    }
    return { row: rec.line - this.plan.headerLine, line: rec.line, fields, extra };
  }

  private report(f: RowFinding): void {
    if (this.findings.length < MAX_FINDINGS) this.findings.push(f);
  }

  private async loadTransformer(crs: string, swap: boolean): Promise<void> {
    this.transformers.set(`${crs}|${swap}`, await createTransformer(crs, this.plan.target, { swapXY: swap }));
  }

  /**
   * The output feature of a row, or undefined when its geometry is unusable (reported, or thrown with onInvalid
   * 'error'). Synchronous unless a transformer for a new CRS must be loaded first (then a promise).
   */
  feature(row: Row): OutputFeature | undefined | Promise<OutputFeature | undefined> {
    const g = geometryFromFields(row.fields).geometry;
    const crs = g?.crs ?? this.plan.sourceCrs;
    const swap = g?.crs ? false : this.plan.swapped;
    if (g?.geojson && !g.error && crs && !this.transformers.has(`${crs}|${swap}`)) {
      return this.loadTransformer(crs, swap).then(() => this.build(row, g));
    }
    return this.build(row, g);
  }

  private build(row: Row, g: RecordGeometry | undefined): OutputFeature | undefined {
    const plan = this.plan;
    let problems: GeometryProblem[];
    let lonlat;
    let length = NaN;
    if (!g || g.error || !g.geojson) {
      problems = g?.error ? [{ code: 'parse', message: g.error }] : checkGeometry(undefined);
    } else {
      const crs = g.crs ?? plan.sourceCrs;
      if (!crs) problems = [{ code: 'parse', message: txt('不知道坐标系', 'unknown coordinate system') }];
      else {
        const swap = g.crs ? false : plan.swapped;
        const t = this.transformers.get(`${crs}|${swap}`)!;
        lonlat = g.geojson;
        t.inPlace(lonlat);
        length = geodesicLength(lonlat);
        problems = checkGeometry(lonlat, { lengthM: length });
      }
    }
    let hard = false;
    for (const p of problems) if (!p.soft) hard = true;
    if (hard || !lonlat) {
      if (plan.onInvalid === 'error') {
        const h = problems.filter((p) => !p.soft);
        throw inputError(txt(`几何不可用：${h.map((p) => p.message.zh).join('；')}`, `unusable geometry: ${h.map((p) => p.message.en).join('; ')}`), { file: plan.file, row: row.row, line: row.line });
      }
      this.skipped++;
      this.errorRows++;
      this.report({ row: row.row, line: row.line, rule: 'geometry-invalid', problems });
      return undefined;
    }
    if (problems.length) this.report({ row: row.row, line: row.line, rule: 'geometry-invalid', problems });
    const outside = checkOutside(lonlat);
    if (outside.length) {
      this.errorRows++;
      this.report({ row: row.row, line: row.line, rule: 'geometry-outside', problems: outside });
      if (plan.dropOutside) {
        this.skipped++;
        return undefined;
      }
    }
    const properties: Record<string, unknown> = {};
    for (const k in row.fields) if (!GEOMETRY_KEYS.has(k as FieldKey)) properties[k] = row.fields[k as FieldKey];
    for (const k in row.extra) properties[k] = row.extra[k];
    if (plan.derive && lonlat.type !== 'Point') {
      if (this.hasLength && row.fields.length_m) properties.length_source = 'table';
      else {
        properties.length_m = Math.round(length * 100) / 100;
        properties.length_source = 'geometry';
      }
      const o = orientation(lonlat);
      if (o) properties.orientation = o.code;
    }
    return { id: row.fields.id, geometry: lonlat, properties, row: row.row };
  }
}
