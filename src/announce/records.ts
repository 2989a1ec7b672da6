/**
 * Announcement rows from checked records: the half of `diming announce` that is library, not wiring.
 * Every value comes from the table when the table gives it, else from what the pipeline derived (resolved
 * administrative area, the engine's pinyin, the geometry's length, ends and direction).
 */
import type { Dataset, FieldKey, NameRecord } from '../core/record.js';
import { FIELD_KEYS } from '../core/record.js';
import { divisionPath } from '../divisions/divisions.js';
import type { Orthography } from '../pinyin/orthography.js';
import type { AnalyzedRecord } from '../rules/types.js';
import { describeLocation, formatLength, type Orientation } from './location.js';
import { type AnnouncementRow, COLUMN_CATALOG, type ColumnSpec, EXTRA_PREFIX } from './model.js';
import { cleanText } from './text.js';

/** What the geometry stage knows about one road (CGCS2000 lon/lat). */
export interface RoadGeometryInfo {
  /** Geodesic length in metres (0 for points). */
  lengthM?: number;
  /** First and last coordinates (lon, lat). */
  start?: readonly number[];
  end?: readonly number[];
  orientation?: Orientation;
  /** Names for the ends: the nearest named road or place. */
  startName?: string;
  endName?: string;
}

/** One record made ready for the announcement. */
export interface AnnounceValues {
  rec: AnalyzedRecord;
  /** Cell values keyed by column key: the template's columns (catalogue keys, `extra:<header>`) and `remark`. */
  row: AnnouncementRow;
  /** Township (乡镇/街道) for grouping; undefined when neither the table nor the resolved area names one. */
  township?: string;
  /** 省市县乡 path of the township, for the group. */
  townshipPath?: string;
  /**
   * The row has a real 位置描述: a table column, or both ends known (from the table or the geometry). A description
   * that could only say 「位于某镇某村」 does not locate a road (rules.md announce-fields) and is left empty.
   */
  hasLocation: boolean;
  /** The pinyin printed (supplied column, normalised, or the engine's tone-marked form); '' when none. */
  pinyin: string;
}

export interface RowBuildOptions {
  /** The template's columns (decides whether 位置描述 carries 全长约…米: only when there is no length column). */
  columns: readonly ColumnSpec[];
  /** Geometry facts per data row, when the input has geometry. */
  geometry?: (rec: AnalyzedRecord) => RoadGeometryInfo | undefined;
  /** Used to normalise a supplied 拼音 column as `diming pinyin` does; without it the column is printed as written. */
  orthography?: Orthography;
}

/** Keys of the record model: catalogue columns with these keys come from record fields. */
const KNOWN_FIELDS = new Set<string>(FIELD_KEYS);

function norm(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Cells that mean "nothing" (as the process rules read them). */
const BLANK = /^(?:|无|暂无|不详|没有|空|-+|—+|\/|n\/?a|none|null)$/i;

export function isBlank(v: string | undefined): boolean {
  return v === undefined || BLANK.test(v.normalize('NFKC').trim());
}

/**
 * Builds rows for one dataset. Knows the dataset's columns: which pass-through column holds 位置描述, 备注 or 附图,
 * and the unit of the length column (长度(公里) is converted to metres).
 */
export class AnnounceRowBuilder {
  private readonly extraFor = new Map<string, string>();
  private readonly lengthFactor: number;
  private readonly lengthInLocation: boolean;

  constructor(ds: Dataset, private readonly opts: RowBuildOptions) {
    // Catalogue columns without a record field (位置描述, 备注, 附图 …) come from pass-through columns.
    const headers = new Map(ds.extraHeaders.map((h) => [norm(h), h]));
    for (const c of COLUMN_CATALOG) {
      if (KNOWN_FIELDS.has(c.key)) continue;
      for (const alias of [c.header, ...c.aliases, c.key]) {
        const h = headers.get(norm(alias));
        if (h !== undefined) {
          this.extraFor.set(c.key, h);
          break;
        }
      }
    }
    if (!this.extraFor.has('location_desc')) {
      for (const a of ['地理位置', '起止', 'location']) {
        const h = headers.get(a);
        if (h !== undefined) this.extraFor.set('location_desc', h);
      }
    }
    const unit = ds.columns.find((c) => c.key === 'length_m')?.unit?.toLowerCase();
    this.lengthFactor = unit === 'km' || unit === '公里' || unit === '千米' ? 1000 : 1;
    this.lengthInLocation = !opts.columns.some((c) => c.key === 'length_m');
  }

  /** The pass-through column that carries a catalogue column (位置描述 → the 位置描述 header), if any. */
  extraHeader(key: string): string | undefined {
    return this.extraFor.get(key);
  }

  build(rec: AnalyzedRecord): AnnounceValues {
    const r = rec.record;
    const f = r.fields;
    const geo = this.opts.geometry?.(rec);
    const field = (k: FieldKey): string | undefined => (isBlank(f[k]) ? undefined : cleanText(f[k]));
    const extra = (key: string): string | undefined => {
      const h = this.extraFor.get(key);
      const v = h !== undefined ? r.extra[h] : undefined;
      return isBlank(v) ? undefined : cleanText(v);
    };

    const township = rec.admin.township ?? field('township');
    // The village as people write it (大王东村), not the committee's official name (大王东村委会).
    const village = field('village') ?? villageLabel(rec.admin.village);
    const start = field('start') ?? (cleanText(geo?.startName) || undefined);
    const end = field('end') ?? (cleanText(geo?.endName) || undefined);
    const orientation = field('orientation') ?? geo?.orientation;
    const length = this.length(r, geo);
    const { pinyin, sign } = this.romanize(rec);

    const tableLocation = extra('location_desc');
    let location = tableLocation;
    const hasEnds = Boolean(start && end);
    if (!location && (start || end)) {
      location = describeLocation({
        township,
        village,
        start,
        end,
        via: field('via'),
        orientation,
        from: geo?.start,
        to: geo?.end,
        lengthM: this.lengthInLocation && length !== undefined ? length.metres : undefined,
      });
    }

    const row: AnnouncementRow = {};
    const ctx: CellContext = { field, extra, township, village, start, end, orientation, length, location, pinyin, sign };
    for (const c of this.opts.columns) row[c.key] = this.cell(c.key, rec, ctx);
    // 备注 also when the template has none: a caller may add the column (diming announce --force marks rows there).
    if (!('remark' in row)) row.remark = this.cell('remark', rec, ctx);
    const code = rec.admin.code;
    return {
      rec,
      row,
      township: township || undefined,
      townshipPath: code && code.length >= 9 ? divisionPath(code.slice(0, 9)) : undefined,
      hasLocation: Boolean(tableLocation) || hasEnds,
      pinyin,
    };
  }

  private cell(key: string, rec: AnalyzedRecord, v: CellContext): string | undefined {
    if (key.startsWith(EXTRA_PREFIX)) {
      const h = key.slice(EXTRA_PREFIX.length);
      const s = rec.record.extra[h];
      return s === undefined ? undefined : cleanText(s);
    }
    switch (key) {
      // Numbered 1…N in document order by the writers (the table's own 序号 no longer fits after grouping).
      case 'seq': return undefined;
      case 'name': return rec.name;
      case 'pinyin': return v.pinyin;
      case 'pinyin_sign': return v.field('pinyin_sign') ?? v.sign;
      case 'admin_path': return adminPath(rec, v.field);
      case 'admin_code': return rec.admin.code ?? v.field('admin_code');
      case 'township': return v.township;
      case 'village': return v.village;
      case 'location_desc': return v.location;
      case 'length_m': return v.length?.text;
      case 'orientation': return v.orientation;
      case 'start': return v.start;
      case 'end': return v.end;
      default:
        if (KNOWN_FIELDS.has(key)) return v.field(key as FieldKey) ?? v.extra(key);
        return v.extra(key);
    }
  }

  /** Length in metres: the table's value (unit-aware), else the geodesic length of the geometry. */
  private length(r: NameRecord, geo: RoadGeometryInfo | undefined): { metres?: number; text: string } | undefined {
    const raw = isBlank(r.fields.length_m) ? undefined : cleanText(r.fields.length_m);
    if (raw !== undefined) {
      const m = /^约?\s*([0-9]+(?:\.[0-9]+)?)\s*(公里|千米|km|米|m)?$/i.exec(raw.normalize('NFKC'));
      if (m) {
        const unit = m[2]?.toLowerCase();
        const factor = unit === undefined ? this.lengthFactor : unit === '米' || unit === 'm' ? 1 : 1000;
        const metres = Number(m[1]) * factor;
        return { metres, text: formatLength(metres) };
      }
      return { text: raw };
    }
    if (geo?.lengthM !== undefined && geo.lengthM > 0) return { metres: geo.lengthM, text: formatLength(geo.lengthM) };
    return undefined;
  }

  /** A supplied 拼音 column wins (normalised as `diming pinyin` does); else the engine's tone-marked form. */
  private romanize(rec: AnalyzedRecord): { pinyin: string; sign?: string } {
    const supplied = isBlank(rec.record.fields.pinyin) ? undefined : cleanText(rec.record.fields.pinyin);
    if (supplied) {
      if (this.opts.orthography) {
        try {
          const r = this.opts.orthography.romanize(rec.full, { type: rec.type, supplied });
          return { pinyin: r.pinyin, sign: r.sign };
        } catch {
          // A name the engine cannot spell (han-only reports it): print the column as written.
        }
      }
      return { pinyin: supplied };
    }
    const r = rec.romanization;
    return r ? { pinyin: r.pinyin, sign: r.sign } : { pinyin: '' };
  }
}

interface CellContext {
  field(k: FieldKey): string | undefined;
  extra(key: string): string | undefined;
  township?: string;
  village?: string;
  start?: string;
  end?: string;
  orientation?: string;
  length?: { metres?: number; text: string };
  location?: string;
  pinyin: string;
  sign?: string;
}

/** 大王东村委会 → 大王东村, 中心社区居民委员会 → 中心社区: the committee's list name as the place is called. */
export function villageLabel(name: string | undefined): string | undefined {
  if (!name) return undefined;
  return name.replace(/(村民委员会|村委会)$/, '村').replace(/(社区居民委员会|社区居委会)$/, '社区').replace(/(居民委员会|居委会)$/, '社区');
}

/**
 * 所属政区: the resolved area (山东省东营市广饶县大王镇大王东村), with the table's village added when only the
 * township resolved; without a resolved area, the table's 所属政区 or its 省/市/县/乡镇/村 columns as written.
 */
export function adminPath(rec: AnalyzedRecord, field: (k: FieldKey) => string | undefined): string | undefined {
  const code = rec.admin.code;
  if (code) {
    if (code.length === 12) return divisionPath(code.slice(0, 9)) + (villageLabel(rec.admin.village) ?? '');
    const path = divisionPath(code);
    const village = field('village');
    if (code.length === 9 && village && !path.endsWith(village)) return path + village;
    return path || undefined;
  }
  const written = field('admin_path');
  if (written) return written;
  const parts = (['province', 'city', 'county', 'township', 'village'] as const).map(field).filter((x): x is string => Boolean(x));
  return parts.length ? parts.join('') : undefined;
}
