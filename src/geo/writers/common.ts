import type { Geometry, Position } from 'geojson';
import { inputError, usageError } from '../../core/errors.js';
import { type Text, txt } from '../../core/text.js';
import type { AtomicStream } from '../../io/writers/atomic.js';
import { CGCS2000, type CrsInfo, crsInfo } from '../crs.js';

/** One feature to write: geometry in lon/lat of the output CRS (or null), flat properties. */
export interface OutputFeature {
  id?: string | number;
  geometry: Geometry | null;
  properties: Record<string, unknown>;
  /** Where the feature came from, for error messages. */
  row?: number;
}

/** Features to write: any iterable, or an async iterable of features or of feature batches (cheaper per feature). */
export type FeatureSource = Iterable<OutputFeature> | AsyncIterable<OutputFeature | OutputFeature[]>;

export interface WriteOptions {
  /** Decimals of coordinates, 1–7 (default 7; never more, formats.md §4.1). */
  precision?: number;
  /** CRS of the coordinates given (default EPSG:4490); gcj02/bd09 produce labelled previews. */
  crs?: string | CrsInfo;
  /** FeatureCollection / document metadata (the `diming` foreign member). */
  meta?: Record<string, unknown>;
  /** Run the RFC 7946 checks on every feature (default true). */
  validate?: boolean;
  /** Document name (KML). */
  name?: string;
}

export interface WriteResult {
  /** Files written. */
  files: string[];
  features: number;
  notes: Text[];
}

export function precisionOf(opts: WriteOptions): number {
  const p = opts.precision ?? 7;
  if (!Number.isInteger(p) || p < 1 || p > 7) {
    throw usageError(txt(`坐标小数位数应为 1–7，不是 ${p}`, `the coordinate precision must be 1–7, not ${p}`), txt('RFC 7946 数据最多保留 7 位小数（约 1 厘米）。', 'RFC 7946 data keeps at most 7 decimals (about 1 cm).'));
  }
  return p;
}

export function outputCrs(opts: WriteOptions): CrsInfo {
  const c = opts.crs ?? CGCS2000;
  return typeof c === 'string' ? crsInfo(c) : c;
}

/** 'GCJ-02' / 'BD-09' for preview outputs, undefined for real (CGCS2000/WGS84) outputs. */
export function previewName(crs: CrsInfo): string | undefined {
  return crs.kind === 'gcj02' ? 'GCJ-02' : crs.kind === 'bd09' ? 'BD-09' : undefined;
}

/** The statement every output carries about its coordinates. */
export function coordinateStatement(crs: CrsInfo): Text {
  const n = previewName(crs);
  if (n) {
    return txt(
      `预览数据：坐标为${n}（互联网地图加偏坐标），仅供在互联网地图平台上预览，不是发布用的数据；正式数据为 CGCS2000 经纬度`,
      `PREVIEW: coordinates are ${n} (offset coordinates of Chinese web maps) for previews on web-map platforms only, not the published dataset; the canonical data is CGCS2000 lon/lat`,
    );
  }
  return txt(
    `坐标为 ${crs.datum} 经纬度（${crs.id}），按 RFC 7946 视为与 WGS84 兼容（两者差别远小于道路数据精度）`,
    `coordinates are ${crs.datum} longitude/latitude (${crs.id}), treated as WGS84-compatible per RFC 7946 (the difference is far below road data accuracy)`,
  );
}

/** Property added to every feature of a preview where the format has no document-level place for a label. */
export const PREVIEW_PROPERTY = 'preview_crs';

export function roundFn(precision: number): (v: number) => number {
  const f = 10 ** precision;
  return (v) => Math.round(v * f) / f;
}

/** A copy of the geometry with rounded 2D positions. */
export function roundGeometry(g: Geometry, round: (v: number) => number): Geometry {
  const pos = (p: Position): Position => [round(p[0]), round(p[1])];
  const ring = (ps: Position[]) => ps.map(pos);
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: pos(g.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: ring(g.coordinates) };
    case 'LineString':
      return { type: 'LineString', coordinates: ring(g.coordinates) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map(ring) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map(ring) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map((c) => roundGeometry(c, round)) };
  }
}

/** A feature source as batches (one await per batch, not per feature). */
export async function* batches(src: FeatureSource): AsyncGenerator<OutputFeature[]> {
  if (Symbol.asyncIterator in src) {
    for await (const x of src as AsyncIterable<OutputFeature | OutputFeature[]>) yield Array.isArray(x) ? x : [x];
    return;
  }
  let b: OutputFeature[] = [];
  for (const f of src as Iterable<OutputFeature>) {
    b.push(f);
    if (b.length >= 1024) {
      yield b;
      b = [];
    }
  }
  if (b.length) yield b;
}

const POW10 = Array.from({ length: 16 }, (_, i) => Number(`1e${i}`));

/**
 * An output buffer that text and numbers are encoded into directly (1 MiB chunks). Writers encode a feature, then
 * hand the filled chunks to the atomic stream (`take`). Compared with building JSON strings and encoding them, this
 * halves the CPU time of GeoJSON output (no rope strings, no second UTF-8 pass, no number-to-string conversions).
 */
export class ByteSink {
  private buf: Buffer;
  private off = 0;
  private full: Buffer[] = [];

  constructor(private readonly size = 1 << 20) {
    this.buf = Buffer.allocUnsafe(size);
  }

  private room(n: number): void {
    if (this.off + n <= this.buf.length) return;
    if (this.off) this.full.push(this.buf.subarray(0, this.off));
    this.buf = Buffer.allocUnsafe(Math.max(this.size, n));
    this.off = 0;
  }

  /** Any text, as UTF-8. */
  text(s: string): void {
    this.room(s.length * 3);
    this.off += this.buf.write(s, this.off, 'utf8');
  }

  /** One byte (ASCII). */
  byte(c: number): void {
    if (this.off >= this.buf.length) this.room(1);
    this.buf[this.off++] = c;
  }

  /** Short ASCII text (JSON punctuation, keys). */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let o = this.off;
    for (let i = 0; i < n; i++) b[o++] = s.charCodeAt(i);
    this.off = o;
  }

  /** The decimal k / 10^decimals (k an integer, |k| < 2^53), trailing zeros dropped: "119.2769118", "37", "-0.5". */
  fixed(k: number, decimals: number): void {
    this.room(24);
    const b = this.buf;
    let o = this.off;
    if (k < 0) {
      b[o++] = 45;
      k = -k;
    }
    const f = POW10[decimals];
    let ip = Math.floor(k / f);
    let fr = k - ip * f;
    // Integer part: lon/lat need at most 3 digits; int32 arithmetic when it fits.
    if (ip < 10) b[o++] = 48 + ip;
    else if (ip < 100) {
      b[o++] = 48 + ((ip / 10) | 0);
      b[o++] = 48 + (ip % 10);
    } else if (ip < 1000) {
      b[o++] = 48 + ((ip / 100) | 0);
      b[o++] = 48 + (((ip / 10) | 0) % 10);
      b[o++] = 48 + (ip % 10);
    } else {
      const s = String(ip);
      for (let i = 0; i < s.length; i++) b[o++] = s.charCodeAt(i);
      ip = 0;
    }
    if (fr > 0) {
      let digits = decimals;
      if (fr < 2147483648) {
        let q = (fr / 10) | 0;
        while (fr - q * 10 === 0) {
          fr = q;
          q = (fr / 10) | 0;
          digits--;
        }
        b[o] = 46;
        for (let i = digits; i >= 1; i--) {
          q = (fr / 10) | 0;
          b[o + i] = 48 + fr - q * 10;
          fr = q;
        }
      } else {
        while (fr % 10 === 0) {
          fr /= 10;
          digits--;
        }
        b[o] = 46;
        for (let i = digits; i >= 1; i--) {
          b[o + i] = 48 + (fr % 10);
          fr = Math.floor(fr / 10);
        }
      }
      o += digits + 1;
    }
    this.off = o;
  }

  /** Filled chunks to write now (the chunk being filled stays). */
  take(): Buffer[] {
    const f = this.full;
    this.full = [];
    return f;
  }

  /** Everything, including the chunk being filled. */
  drain(): Buffer[] {
    if (this.off) this.full.push(this.buf.subarray(0, this.off));
    this.buf = Buffer.allocUnsafe(this.size);
    this.off = 0;
    return this.take();
  }
}

/** Write what a sink has filled (all of it with `all`) to an atomic stream. */
export async function flushSink(sink: ByteSink, out: AtomicStream, all = false): Promise<void> {
  for (const b of all ? sink.drain() : sink.take()) await out.write(b);
}

/** Collects strings (KML) into a ByteSink and writes filled chunks with back-pressure. */
export class ChunkWriter {
  private readonly sink = new ByteSink();
  constructor(private readonly out: AtomicStream) {}

  async push(s: string): Promise<void> {
    this.sink.text(s);
    await flushSink(this.sink, this.out);
  }

  async flush(): Promise<void> {
    await flushSink(this.sink, this.out, true);
  }
}

/** The error for a feature that fails the output checks (nothing is written: the caller aborts). */
export function invalidFeatureError(file: string, f: OutputFeature, index: number, problems: readonly string[]) {
  const label = f.id !== undefined ? `id ${String(f.id)}` : `#${index + 1}`;
  return inputError(
    txt(`要素 ${label} 不符合 RFC 7946：${problems.join('；')}`, `feature ${label} is not valid RFC 7946: ${problems.join('; ')}`),
    { file, row: f.row },
    txt('请先用 diming check 修正几何问题（geometry-invalid、crs-suspect），再导出。', 'Fix the geometry problems first (diming check: geometry-invalid, crs-suspect), then export again.'),
  );
}
