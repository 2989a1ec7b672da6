import type { Geometry, Position } from 'geojson';
import { isDimingError } from '../core/errors.js';
import type { Dataset, NameRecord, RecordFields, RecordGeometry } from '../core/record.js';
import { type Text, txt } from '../core/text.js';
import { parseCrs } from './crs.js';
import { DROPPED_Z_NOTE, WktError, looksLikeWkt, parseWkt } from './wkt.js';

/**
 * Geometry of a table record (formats.md §3.1): a WKT/EWKT/hex-WKB or GeoJSON cell in the geometry column, a
 * "lon,lat;lon,lat" list, lon/lat columns (a Point), or start/end coordinate columns (a two-point line whose length
 * and orientation are approximate). Values may be decimal degrees, DMS text or projected metres; the CRS comes from
 * the record's crs column, an EWKT SRID, or the dataset.
 */

/**
 * Decimal degrees from DMS or decimal text: "116°23′45.6″", "116度23分45.6秒", "116 23 45.6", "E116.5", "39°54'N",
 * "116.5°". Plain numbers (also projected metres) pass through. NaN when the text is not a coordinate.
 */
export function parseCoordinate(text: string): number {
  let s = text.normalize('NFKC').trim();
  if (!s) return NaN;
  let sign = 1;
  const pre = /^(东经|西经|北纬|南纬)\s*/.exec(s);
  if (pre) {
    if (pre[1] === '西经' || pre[1] === '南纬') sign = -1;
    s = s.slice(pre[0].length);
  } else {
    const hemi = /^([NSEW])\s*|\s*([NSEW])$/i.exec(s);
    if (hemi) {
      const h = (hemi[1] ?? hemi[2]).toUpperCase();
      if (h === 'S' || h === 'W') sign = -1;
      s = s.replace(hemi[0], '').trim();
    }
  }
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return sign * Number(s);
  const m = /^([-+]?)(\d+(?:\.\d+)?)\s*(?:°|度|\s)\s*(?:(\d+(?:\.\d+)?)\s*(?:['′’]|分|\s)\s*(?:(\d+(?:\.\d+)?)\s*(?:["″”]|''|′′|秒)?)?)?$/.exec(s);
  if (!m) return NaN;
  const deg = Number(m[2]);
  const min = m[3] !== undefined ? Number(m[3]) : 0;
  const sec = m[4] !== undefined ? Number(m[4]) : 0;
  if (min >= 60 || sec >= 60) return NaN;
  return (m[1] === '-' ? -1 : 1) * sign * (deg + min / 60 + sec / 3600);
}

const GEOM_COLUMN = txt('几何', 'geometry');

function errorGeometry(raw: string, error: Text, crs?: string): RecordGeometry {
  return { raw, error, ...(crs ? { crs } : {}) };
}

/** "118.1,37.2;118.3,37.4" or "118.1 37.2, 118.3 37.4" → positions, or undefined when the text is not such a list. */
function coordinateList(s: string): Position[] | undefined {
  const t = s.normalize('NFKC').trim();
  let pairs: string[][];
  if (t.includes(';')) pairs = t.split(';').filter((p) => p.trim()).map((p) => p.trim().split(/\s*[,\s]\s*/));
  else if (/^[-+\d.\s]+,[-+\d.\s]+(,[-+\d.\s]+)*$/.test(t) && /\d\s+\d/.test(t)) pairs = t.split(',').map((p) => p.trim().split(/\s+/));
  else if (/^[-+\d.]+\s*,\s*[-+\d.]+$/.test(t)) pairs = [t.split(/\s*,\s*/)];
  else return undefined;
  if (!pairs.every((p) => p.length === 2 || p.length === 3)) return undefined;
  return pairs.map((p) => [parseCoordinate(p[0]), parseCoordinate(p[1])]);
}

function fromJson(s: string): Geometry | Text {
  let v: unknown;
  try {
    v = JSON.parse(s);
  } catch {
    return txt('几何单元格不是有效的 JSON', 'the geometry cell is not valid JSON');
  }
  const g = (v && typeof v === 'object' && (v as { type?: string }).type === 'Feature' ? (v as { geometry: unknown }).geometry : v) as Geometry;
  const problem = geoJsonGeometryProblem(g);
  return problem ?? g;
}

const GEOJSON_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** Structural problem of a GeoJSON geometry read from a file or cell (non-numeric coordinates, bad nesting …). */
export function geoJsonGeometryProblem(g: unknown): Text | undefined {
  if (!g || typeof g !== 'object') return txt('几何不是 GeoJSON 对象', 'the geometry is not a GeoJSON object');
  const type = (g as { type?: unknown }).type;
  if (typeof type !== 'string' || !GEOJSON_TYPES.has(type)) return txt(`不认识的几何类型「${String(type)}」`, `unknown geometry type "${String(type)}"`);
  if (type === 'GeometryCollection') {
    const gs = (g as { geometries?: unknown }).geometries;
    if (!Array.isArray(gs)) return txt('GeometryCollection 缺少 geometries', 'a GeometryCollection without geometries');
    for (const c of gs) {
      const p = geoJsonGeometryProblem(c);
      if (p) return p;
    }
    return undefined;
  }
  const depth = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 }[type as 'Point'];
  const coords = (g as { coordinates?: unknown }).coordinates;
  const check = (c: unknown, d: number): Text | undefined => {
    if (!Array.isArray(c)) return txt('坐标的嵌套层次不对', 'the coordinates are nested wrongly');
    if (d === 0) {
      if (c.length === 0) return undefined; // empty: reported by geometry-invalid
      if (c.length < 2) return txt('坐标点少于 2 个数值', 'a position has fewer than 2 values');
      if (!c.every((v) => typeof v === 'number' || v === null)) return txt(`坐标不是数字：${JSON.stringify(c).slice(0, 60)}`, `coordinates are not numbers: ${JSON.stringify(c).slice(0, 60)}`);
      return undefined;
    }
    for (const x of c) {
      const p = check(x, d - 1);
      if (p) return p;
    }
    return undefined;
  };
  return check(coords, depth);
}

/** Replace null ordinates by NaN and drop Z/M; returns whether anything beyond 2D was present. */
export function to2D<G extends Geometry>(g: G): { geometry: G; droppedZ: boolean } {
  let dropped = false;
  const fix = (c: unknown): unknown => {
    if (Array.isArray(c) && (c.length === 0 || typeof c[0] === 'number' || c[0] === null)) {
      if (c.length > 2) dropped = true;
      return c.length === 0 ? c : [c[0] ?? NaN, c[1] ?? NaN];
    }
    return Array.isArray(c) ? c.map(fix) : c;
  };
  const walk = (x: Geometry): Geometry => (x.type === 'GeometryCollection' ? { ...x, geometries: x.geometries.map(walk) } : ({ ...x, coordinates: fix(x.coordinates) } as Geometry));
  const geometry = walk(g) as G;
  return { geometry, droppedZ: dropped };
}

export interface FieldGeometry {
  geometry?: RecordGeometry;
  /** Made from start/end coordinate columns: a two-point line; length and orientation are approximate. */
  fromEndpoints?: boolean;
  /** Z or M values were dropped. */
  droppedZ?: boolean;
}

/** The geometry of one table record from its fields; `geometry` undefined when the record has none. */
export function geometryFromFields(fields: RecordFields): FieldGeometry {
  let crs: string | undefined;
  let crsError: Text | undefined;
  if (fields.crs) {
    try {
      const info = parseCrs(fields.crs);
      if (info) crs = info.id;
      else crsError = txt(`不认识的坐标系「${fields.crs}」`, `unknown coordinate system "${fields.crs}"`);
    } catch (e) {
      crsError = isDimingError(e) ? e.text : txt(String(e), String(e));
    }
  }
  const g = fields.geometry?.trim();
  if (g) {
    if (crsError) return { geometry: errorGeometry(g, crsError) };
    if (looksLikeWkt(g)) {
      try {
        const w = parseWkt(g);
        let c = crs;
        if (w.srid !== undefined) {
          const info = parseCrs(String(w.srid));
          if (!info) return { geometry: errorGeometry(g, txt(`不支持的 SRID ${w.srid}`, `unsupported SRID ${w.srid}`)) };
          c = info.id;
        }
        return { geometry: { geojson: w.geometry, raw: g, ...(c ? { crs: c } : {}) }, droppedZ: w.droppedZ };
      } catch (e) {
        if (e instanceof WktError) return { geometry: errorGeometry(g, txt(`WKT 格式错误：${e.text.zh}`, `malformed WKT: ${e.text.en}`), crs) };
        if (isDimingError(e)) return { geometry: errorGeometry(g, e.text, crs) };
        throw e;
      }
    }
    if (g.startsWith('{')) {
      const r = fromJson(g);
      if ('zh' in r) return { geometry: errorGeometry(g, r, crs) };
      const { geometry, droppedZ } = to2D(r);
      return { geometry: { geojson: geometry, raw: g, ...(crs ? { crs } : {}) }, droppedZ };
    }
    const list = coordinateList(g);
    if (list) {
      const geojson: Geometry = list.length === 1 ? { type: 'Point', coordinates: list[0] } : { type: 'LineString', coordinates: list };
      return { geometry: { geojson, raw: g, ...(crs ? { crs } : {}) } };
    }
    return { geometry: errorGeometry(g, txt(`「${GEOM_COLUMN.zh}」列的内容不是 WKT、GeoJSON 或坐标串`, `the ${GEOM_COLUMN.en} cell is neither WKT, GeoJSON nor a coordinate list`), crs) };
  }
  const ends = [fields.start_lon, fields.start_lat, fields.end_lon, fields.end_lat];
  if (ends.some((v) => v?.trim())) {
    const raw = `${fields.start_lon ?? ''} ${fields.start_lat ?? ''}; ${fields.end_lon ?? ''} ${fields.end_lat ?? ''}`;
    if (crsError) return { geometry: errorGeometry(raw, crsError) };
    if (!ends.every((v) => v?.trim())) {
      return { geometry: errorGeometry(raw, txt('起点/止点坐标不完整（需要起点经度、起点纬度、止点经度、止点纬度四列）', 'incomplete start/end coordinates (all four of start_lon, start_lat, end_lon, end_lat are needed)'), crs) };
    }
    const [a, b, c, d] = ends.map((v) => parseCoordinate(v!));
    return { geometry: { geojson: { type: 'LineString', coordinates: [[a, b], [c, d]] }, raw, ...(crs ? { crs } : {}) }, fromEndpoints: true };
  }
  if (fields.lon?.trim() || fields.lat?.trim()) {
    const raw = `${fields.lon ?? ''} ${fields.lat ?? ''}`;
    if (crsError) return { geometry: errorGeometry(raw, crsError) };
    if (!fields.lon?.trim() || !fields.lat?.trim()) return { geometry: errorGeometry(raw, txt('经度或纬度为空', 'longitude or latitude is empty'), crs) };
    return { geometry: { geojson: { type: 'Point', coordinates: [parseCoordinate(fields.lon), parseCoordinate(fields.lat)] }, raw, ...(crs ? { crs } : {}) } };
  }
  return {};
}

/**
 * Fill `geometry` of every table record from its fields (records that already have one are left alone). Returns
 * the rows whose line came from start/end columns, and adds a dataset note for dropped Z values and for those lines.
 */
export function attachTableGeometries(ds: Dataset): { fromEndpoints: Set<number> } {
  const fromEndpoints = new Set<number>();
  let z = 0;
  for (const r of ds.records as NameRecord[]) {
    if (r.geometry) continue;
    const fg = geometryFromFields(r.fields);
    if (!fg.geometry) continue;
    r.geometry = fg.geometry;
    if (fg.fromEndpoints) fromEndpoints.add(r.row);
    if (fg.droppedZ) z++;
  }
  if (z) ds.notes.push(txt(`${z} 条记录的几何含高程，已舍弃：${DROPPED_Z_NOTE.zh}`, `${z} records: ${DROPPED_Z_NOTE.en}`));
  if (fromEndpoints.size) {
    ds.notes.push(txt(
      `${fromEndpoints.size} 条记录的几何由起点、止点坐标连成直线，长度和走向只是近似值`,
      `${fromEndpoints.size} records have a straight line from their start/end coordinates; length and orientation are approximate`,
    ));
  }
  return { fromEndpoints };
}
