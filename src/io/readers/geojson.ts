import { inputError } from '../../core/errors.js';
import type { Dataset } from '../../core/record.js';
import { type Text, txt } from '../../core/text.js';
import { parseCrs } from '../../geo/crs.js';
import { type GeoReadOptions, type RawFeature, datasetFromFeatures } from '../../geo/read.js';
import { readInput } from '../dataset.js';
import { decodeText } from '../encoding.js';
import { jsonProblem } from '../json.js';

/**
 * GeoJSON (RFC 7946 FeatureCollection, a single Feature or Geometry) and GeoJSON sequences (RFC 8142 with RS, or
 * one feature per line) → Dataset. An old-style `crs` member is read for its EPSG code and dropped (note); without
 * one the dataset states no CRS and carries the hint 'rfc7946' (lon/lat by specification, checked by detection).
 */

export async function readGeoJsonFile(file: string, opts: GeoReadOptions = {}): Promise<Dataset> {
  return readGeoJson(await readInput(file), file, opts);
}

/**
 * Is this text (trimmed at its start) a GeoJSON sequence: RS-prefixed (RFC 8142), or a first line that is one whole
 * object followed by another object? Needs the first line and the start of the next.
 */
export function looksLikeSequence(trimmed: string): boolean {
  if (trimmed.startsWith('\x1e')) return true;
  const firstLine = trimmed.slice(0, trimmed.indexOf('\n') + 1 || undefined);
  const rest = trimmed.slice(firstLine.length).trimStart();
  return /^\{.*\}\s*$/.test(firstLine) && (rest.startsWith('{') || rest.startsWith('\x1e'));
}

export function jsonError(e: unknown, text: string, file: string, lineOffset = 0): never {
  const p = jsonProblem(e, text);
  const line = p.line !== undefined ? lineOffset + p.line : lineOffset ? lineOffset + 1 : undefined;
  invalidGeoJson(p.text, file, line, e);
}

/** The error for a GeoJSON file that is not valid JSON: what is wrong, and the line. */
export function invalidGeoJson(what: Text, file: string, line: number | undefined, cause?: unknown): never {
  throw inputError(
    txt(`GeoJSON 不是有效的 JSON：${what.zh}`, `the GeoJSON is not valid JSON: ${what.en}`),
    { file, line },
    txt('文件可能被截断或手工改坏了，请重新导出。', 'The file may be truncated or hand-edited; export it again.'),
    cause,
  );
}

export function readGeoJson(buf: Uint8Array, file: string, opts: GeoReadOptions = {}): Dataset {
  if (buf.length === 0) throw inputError(txt('文件是空的', 'the file is empty'), { file });
  const { text, encoding } = decodeText(buf, file, opts.encoding);
  const trimmed = text.trimStart();
  const notes: Text[] = [];
  let features: RawFeature[];
  let crs: string | undefined;
  const hints: string[] = [];

  // RFC 8142 (RS-prefixed) or one JSON object per line.
  if (looksLikeSequence(trimmed)) {
    const seq = new SequenceReader(file);
    features = [...seq.push(text), ...seq.end()].map((f) => f.feature);
  } else {
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch (e) {
      jsonError(e, text, file);
    }
    const legacy = legacyCrs((obj as { crs?: unknown } | null)?.crs, file);
    if (legacy) {
      crs = legacy.id;
      notes.push(legacy.note);
    }
    features = toFeatures(obj, file);
  }
  if (!crs) hints.push('rfc7946');
  return datasetFromFeatures(features, file, opts, { crs, hints, notes, encoding });
}

/** The features of one parsed GeoJSON value (a collection, a feature or a bare geometry); `line` for messages. */
export function toFeatures(obj: unknown, file: string, line?: number): RawFeature[] {
  const o = obj as { type?: unknown; features?: unknown; geometry?: unknown; properties?: unknown; id?: unknown };
  if (!o || typeof o !== 'object' || typeof o.type !== 'string') {
    throw inputError(txt('不是 GeoJSON：缺少 type 成员', 'not GeoJSON: no "type" member'), { file, line });
  }
  switch (o.type) {
    case 'FeatureCollection':
      if (!Array.isArray(o.features)) throw inputError(txt('FeatureCollection 缺少 features 数组', 'a FeatureCollection without a "features" array'), { file, line });
      return o.features.map((f, i) => feature(f, file, line, i));
    case 'Feature':
      return [feature(o, file, line, 0)];
    case 'Point':
    case 'MultiPoint':
    case 'LineString':
    case 'MultiLineString':
    case 'Polygon':
    case 'MultiPolygon':
    case 'GeometryCollection':
      return [{ geometry: o, properties: {} }];
    default:
      throw inputError(txt(`不认识的 GeoJSON 类型「${o.type}」`, `unknown GeoJSON type "${o.type}"`), { file, line });
  }
}

/** One element of a collection's `features` (the i-th, 0-based), checked. */
export function feature(f: unknown, file: string, line: number | undefined, i: number): RawFeature {
  const o = f as { type?: unknown; geometry?: unknown; properties?: unknown; id?: unknown };
  if (!o || typeof o !== 'object' || o.type !== 'Feature') {
    throw inputError(txt(`第 ${i + 1} 个要素不是 Feature`, `feature ${i + 1} is not a Feature`), { file, line, row: line === undefined ? i + 1 : undefined });
  }
  const props = o.properties;
  if (props !== null && props !== undefined && (typeof props !== 'object' || Array.isArray(props))) {
    throw inputError(txt(`第 ${i + 1} 个要素的 properties 不是对象`, `the properties of feature ${i + 1} are not an object`), { file, line, row: i + 1 });
  }
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? o.id : undefined;
  return { id, geometry: o.geometry, properties: props as Record<string, unknown> | null };
}

/**
 * The CRS an old-style `crs` member names (RFC 7946 removed it), with the note saying it was used; undefined when there
 * is none. An unsupported one is an error.
 */
export function legacyCrs(member: unknown, file: string): { id: string; note: Text } | undefined {
  if (!member || typeof member !== 'object') return undefined;
  const props = (member as { properties?: { name?: unknown; code?: unknown } }).properties;
  const name = props?.name ?? (props?.code !== undefined ? `EPSG:${String(props.code)}` : undefined);
  const info = typeof name === 'string' ? parseCrs(name, { file }) : undefined;
  if (!info) {
    throw inputError(
      txt(`GeoJSON 的 crs 成员指定了不支持的坐标系「${String(name)}」`, `the GeoJSON crs member names an unsupported coordinate system "${String(name)}"`),
      { file },
      txt('请用 GIS 软件导出为 EPSG:4490/4326 经纬度，或用 --crs 指定。', 'Export it as EPSG:4490/4326 lon/lat from a GIS, or give --crs.'),
    );
  }
  return { id: info.id, note: txt(`GeoJSON 的 crs 成员（RFC 7946 已废除）声明 ${info.id}，已采用；输出不再带 crs 成员`, `the GeoJSON crs member (removed in RFC 7946) states ${info.id}; used, and not written to outputs`) };
}

/** A feature with its number (1-based, in file order): the record's row. */
export interface NumberedFeature {
  feature: RawFeature;
  row: number;
}

/**
 * A GeoJSON sequence, given as text in pieces of any size: each line (and each RS-separated part of it) one JSON
 * text, parsed whole; the features of the lines completed so far are returned by push, the rest by end.
 */
export class SequenceReader {
  private rest = '';
  private line = 0;
  private row = 0;
  private out: NumberedFeature[] = [];

  constructor(private readonly file: string) {}

  push(text: string): NumberedFeature[] {
    let nl = text.indexOf('\n');
    if (nl < 0) {
      // A long line arrives in pieces: only the new text is scanned for its end.
      this.rest += text;
      return [];
    }
    this.parseLine(this.rest + text.slice(0, nl));
    for (let from = nl + 1; ; from = nl + 1) {
      nl = text.indexOf('\n', from);
      if (nl < 0) {
        this.rest = text.slice(from);
        break;
      }
      this.parseLine(text.slice(from, nl));
    }
    return this.take();
  }

  end(): NumberedFeature[] {
    if (this.rest) this.parseLine(this.rest);
    this.rest = '';
    return this.take();
  }

  private parseLine(raw: string): void {
    this.line++;
    for (const part of raw.split('\x1e')) {
      const s = part.trim();
      if (!s) continue;
      let obj: unknown;
      try {
        obj = JSON.parse(s);
      } catch (e) {
        jsonError(e, s, this.file, this.line - 1);
      }
      for (const f of toFeatures(obj, this.file, this.line)) this.out.push({ feature: f, row: ++this.row });
    }
  }

  private take(): NumberedFeature[] {
    const out = this.out;
    this.out = [];
    return out;
  }
}
