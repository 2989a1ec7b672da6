import type { Geometry, Position } from 'geojson';
import { openAtomic } from '../../io/writers/atomic.js';
import { bbox, rewind } from '../geometry.js';
import { checkRfc7946, checkRfc7946Library } from '../validate.js';
import {
  ByteSink, type FeatureSource, type OutputFeature, PREVIEW_PROPERTY, type WriteOptions, type WriteResult,
  coordinateStatement, flushSink, invalidFeatureError, previewName, batches, outputCrs, precisionOf, roundFn, roundGeometry,
} from './common.js';

/**
 * Streaming RFC 7946 GeoJSON and RFC 8142 GeoJSON text sequences. Each feature is encoded straight into 1 MiB
 * output buffers, so a million features never sit in one string; the file appears only when everything was written
 * and validated (openAtomic).
 */

export interface GeoJsonOptions extends WriteOptions {
  /** Write a `bbox` member on line and polygon features (default true). */
  bbox?: boolean;
}

export interface GeoJsonSeqOptions extends GeoJsonOptions {
  /** Prefix each feature with the RS character (RFC 8142; default true). False writes newline-delimited GeoJSON. */
  rs?: boolean;
}

function pathJson(ps: Position[]): string {
  let s = '[';
  for (let i = 0; i < ps.length; i++) s += (i ? ',[' : '[') + ps[i][0] + ',' + ps[i][1] + ']';
  return s + ']';
}

/** Compact JSON for a geometry whose positions are already rounded. */
export function geometryJson(g: Geometry): string {
  switch (g.type) {
    case 'Point':
      return `{"type":"Point","coordinates":[${g.coordinates[0]},${g.coordinates[1]}]}`;
    case 'MultiPoint':
    case 'LineString':
      return `{"type":"${g.type}","coordinates":${pathJson(g.coordinates)}}`;
    case 'MultiLineString':
    case 'Polygon':
      return `{"type":"${g.type}","coordinates":[${g.coordinates.map(pathJson).join(',')}]}`;
    case 'MultiPolygon':
      return `{"type":"MultiPolygon","coordinates":[${g.coordinates.map((p) => `[${p.map(pathJson).join(',')}]`).join(',')}]}`;
    case 'GeometryCollection':
      return `{"type":"GeometryCollection","geometries":[${g.geometries.map(geometryJson).join(',')}]}`;
  }
}

/**
 * Writes features into a ByteSink: rounds to the precision, rewinds polygons (RFC 7946 §3.1.6), validates and
 * serialises. Points and lines (the hot path) are rounded to integers k = round(v·10^p), range-checked, measured for
 * `bbox` and printed as exact decimals in one pass — the same number as Math.round(v·10^p) / 10^p (and the same
 * text as String() of it, except that tiny values are never written with an exponent), so at most p decimals by
 * construction. Polygons and collections go through roundGeometry + checkRfc7946. geojson-validation
 * checks the structure of every feature. A failing feature throws; the writer then removes the partial file.
 */
export class FeatureEncoder {
  private readonly round: (v: number) => number;
  private readonly precision: number;
  private readonly f: number;
  private readonly validate: boolean;
  private readonly withBbox: boolean;
  private readonly preview?: string;
  private n = 0;

  constructor(private readonly file: string, opts: GeoJsonOptions, labelEach: boolean) {
    this.precision = precisionOf(opts);
    this.f = 10 ** this.precision;
    this.round = roundFn(this.precision);
    this.validate = opts.validate !== false;
    this.withBbox = opts.bbox !== false;
    const crs = outputCrs(opts);
    if (labelEach) this.preview = previewName(crs);
  }

  get count(): number {
    return this.n;
  }

  /** Bounding box of the last fused path, in integer units. */
  private bx0 = 0;
  private by0 = 0;
  private bx1 = 0;
  private by1 = 0;

  /** Check a path and update the bbox; returns a bad position, if any. */
  private scan(ps: Position[]): Position | undefined {
    const f = this.f;
    const lim = 180 * f, latLim = 90 * f;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i];
      const kx = Math.round(p[0] * f), ky = Math.round(p[1] * f);
      // NaN fails every comparison.
      if (!(kx >= -lim && kx <= lim && ky >= -latLim && ky <= latLim) || p.length > 3) return p;
      if (kx < this.bx0) this.bx0 = kx;
      if (kx > this.bx1) this.bx1 = kx;
      if (ky < this.by0) this.by0 = ky;
      if (ky > this.by1) this.by1 = ky;
    }
    return undefined;
  }

  private path(sink: ByteSink, ps: Position[]): void {
    const f = this.f, d = this.precision;
    sink.byte(91); // [
    for (let i = 0; i < ps.length; i++) {
      if (i) sink.byte(44); // ,
      sink.byte(91);
      sink.fixed(Math.round(ps[i][0] * f), d);
      sink.byte(44);
      sink.fixed(Math.round(ps[i][1] * f), d);
      sink.byte(93); // ]
    }
    sink.byte(93);
  }

  /** Problems of a point/line geometry (fused path), or undefined for other types. */
  private scanGeometry(g: Geometry): string[] | undefined {
    this.bx0 = this.by0 = Infinity;
    this.bx1 = this.by1 = -Infinity;
    let bad: Position | undefined;
    const problems: string[] = [];
    switch (g.type) {
      case 'Point':
        bad = this.scan([g.coordinates]);
        break;
      case 'MultiPoint':
      case 'LineString':
        bad = this.scan(g.coordinates);
        if (g.type === 'LineString' && g.coordinates.length < 2) problems.push('a LineString needs two or more positions (RFC 7946 §3.1.4)');
        break;
      case 'MultiLineString':
        for (const l of g.coordinates) bad ??= this.scan(l);
        if (g.coordinates.some((l) => l.length < 2)) problems.push('a LineString needs two or more positions (RFC 7946 §3.1.4)');
        break;
      default:
        return undefined;
    }
    if (bad) problems.push(`position [${bad.join(', ')}] is not a lon/lat position (finite, longitude −180…180, latitude −90…90)`);
    return problems;
  }

  /** Append one feature to the sink (throws a DimingError naming the feature when it fails the output checks). */
  write(f: OutputFeature, sink: ByteSink): void {
    const properties = this.preview ? { ...f.properties, [PREVIEW_PROPERTY]: this.preview } : f.properties;
    const g = f.geometry;
    const problems = g ? this.scanGeometry(g) : [];
    let slow: Geometry | undefined;
    if (g && !problems) {
      slow = rewind(roundGeometry(g, this.round));
    }
    if (this.validate) {
      const p = problems ?? checkRfc7946({ type: 'Feature', geometry: slow!, properties }, { precision: this.precision, skipLibrary: true });
      if (!p.length) p.push(...checkRfc7946Library({ type: 'Feature', geometry: g, properties }));
      if (p.length) throw invalidFeatureError(this.file, f, this.n, p);
    } else if (problems?.length) {
      throw invalidFeatureError(this.file, f, this.n, problems);
    }
    sink.ascii('{"type":"Feature"');
    if (f.id !== undefined) {
      sink.ascii(',"id":');
      sink.text(JSON.stringify(f.id));
    }
    sink.ascii(',"properties":');
    sink.text(JSON.stringify(properties));
    sink.ascii(',"geometry":');
    if (!g) sink.ascii('null');
    else if (slow) sink.text(geometryJson(slow));
    else if (g.type === 'Point') {
      sink.ascii('{"type":"Point","coordinates":[');
      sink.fixed(Math.round(g.coordinates[0] * this.f), this.precision);
      sink.ascii(',');
      sink.fixed(Math.round(g.coordinates[1] * this.f), this.precision);
      sink.ascii(']}');
    } else {
      sink.ascii(`{"type":"${g.type}","coordinates":`);
      if (g.type === 'MultiLineString') {
        sink.ascii('[');
        g.coordinates.forEach((l, i) => {
          if (i) sink.ascii(',');
          this.path(sink, l);
        });
        sink.ascii(']');
      } else this.path(sink, (g as { coordinates: Position[] }).coordinates);
      sink.ascii('}');
    }
    if (this.withBbox && g && g.type !== 'Point') {
      if (slow) {
        const box = bbox(slow);
        if (box) sink.ascii(`,"bbox":[${box.join(',')}]`);
      } else if (this.bx0 <= this.bx1) {
        const d = this.precision;
        sink.ascii(',"bbox":[');
        sink.fixed(this.bx0, d);
        sink.ascii(',');
        sink.fixed(this.by0, d);
        sink.ascii(',');
        sink.fixed(this.bx1, d);
        sink.ascii(',');
        sink.fixed(this.by1, d);
        sink.ascii(']');
      }
    }
    sink.ascii('}');
    this.n++;
  }
}

/** The `diming` foreign member: metadata and the coordinate statement. */
function collectionMeta(opts: GeoJsonOptions): string {
  const crs = outputCrs(opts);
  const statement = coordinateStatement(crs);
  return JSON.stringify({
    ...opts.meta,
    coordinates: { crs: crs.id, statement: statement.en, statement_zh: statement.zh, ...(previewName(crs) ? { preview: true } : {}) },
  });
}

async function writeAll(target: string, features: FeatureSource, enc: FeatureEncoder, opts: GeoJsonOptions, layout: { head: string; before: (i: number) => string; after: string; tail: string }): Promise<WriteResult> {
  const out = await openAtomic(target);
  const sink = new ByteSink();
  try {
    sink.text(layout.head);
    let i = 0;
    for await (const batch of batches(features)) {
      for (const f of batch) {
        sink.ascii(layout.before(i++));
        enc.write(f, sink);
        sink.ascii(layout.after);
      }
      await flushSink(sink, out);
    }
    sink.ascii(layout.tail);
    await flushSink(sink, out, true);
    await out.commit();
  } catch (e) {
    await out.abort();
    throw e;
  }
  return { files: [target], features: enc.count, notes: [coordinateStatement(outputCrs(opts))] };
}

/** A FeatureCollection with the `diming` foreign member (metadata and the coordinate statement). */
export async function writeGeoJson(target: string, features: FeatureSource, opts: GeoJsonOptions = {}): Promise<WriteResult> {
  return writeAll(target, features, new FeatureEncoder(target, opts, false), opts, {
    head: `{"type":"FeatureCollection","diming":${collectionMeta(opts)},"features":[\n`,
    before: (i) => (i ? ',\n' : ''),
    after: '',
    tail: '\n]}\n',
  });
}

/** RFC 8142 GeoJSON text sequence: one feature per line, each preceded by RS (0x1E) unless `rs: false`. */
export async function writeGeoJsonSeq(target: string, features: FeatureSource, opts: GeoJsonSeqOptions = {}): Promise<WriteResult> {
  const rs = opts.rs === false ? '' : '\x1e';
  return writeAll(target, features, new FeatureEncoder(target, opts, true), opts, { head: '', before: () => rs, after: '\n', tail: '' });
}
