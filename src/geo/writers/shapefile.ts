import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Geometry, Position } from 'geojson';
import { inputError } from '../../core/errors.js';
import { type Text, txt } from '../../core/text.js';
import { type AtomicStream, destroyStream, openAtomic } from '../../io/writers/atomic.js';
import { prjFor } from '../crs.js';
import { type Family, bbox, family, rewind } from '../geometry.js';
import { checkRfc7946 } from '../validate.js';
import {
  type FeatureSource, PREVIEW_PROPERTY, type WriteOptions, type WriteResult, coordinateStatement, invalidFeatureError,
  previewName, batches, outputCrs, precisionOf, roundFn, roundGeometry,
} from './common.js';

/**
 * A streaming ESRI Shapefile writer: .shp, .shx, .dbf (UTF-8), .cpg ("UTF-8") and .prj, for ArcGIS and QGIS.
 *
 * Why our own: @mapbox/shp-write builds every file in memory and its DBF writer stores `charCodeAt(i)` as one byte,
 * so Chinese text and field names come out garbled; it writes no .cpg and fixed 254-byte text fields.
 *
 * Shapefile headers hold the record count, extent and DBF field widths, which are known only at the end. Pass 1
 * streams the features into a JSON-lines spool file in the system temp folder while collecting those facts; pass 2
 * streams the spool into the five files through openAtomic. Memory stays flat; nothing appears until all is done.
 */

export interface DbfField {
  /** Property key. */
  key: string;
  /** Field name in the .dbf (≤ 10 bytes, unique). */
  name: string;
  type: 'C' | 'N' | 'L';
  width: number;
  decimals: number;
}

export interface ShapefileResult extends WriteResult {
  fields: DbfField[];
}

interface FieldStat {
  key: string;
  num: number;
  str: number;
  bool: number;
  allInt: boolean;
  intLen: number; // longest integer part incl. sign
  dec: number; // most decimals
  bytes: number; // longest text form in UTF-8 bytes
}

const SHAPE_NULL = 0, SHAPE_POINT = 1, SHAPE_POLYLINE = 3, SHAPE_POLYGON = 5, SHAPE_MULTIPOINT = 8;

function textOf(v: unknown): string {
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function decimalsOf(v: number): number {
  const s = String(v);
  if (s.includes('e')) return 15;
  const d = s.indexOf('.');
  return d < 0 ? 0 : s.length - d - 1;
}

/** Cut UTF-8 text to at most `max` bytes without splitting a character. */
function utf8Cut(s: string, max: number): Buffer {
  const b = Buffer.from(s, 'utf8');
  if (b.length <= max) return b;
  let end = max;
  while (end > 0 && (b[end] & 0xc0) === 0x80) end--;
  return b.subarray(0, end);
}

/** DBF field names: ≤ 10 bytes (UTF-8 per the .cpg), unique; a clash gets a numeric tail like GDAL does. */
export function dbfFieldNames(keys: readonly string[]): string[] {
  const used = new Set<string>();
  return keys.map((k) => {
    const clean = k.replace(/\s+/g, '_').split('\0').join('_') || 'field';
    let name = utf8Cut(clean, 10).toString('utf8');
    for (let n = 1; used.has(name.toUpperCase()); n++) {
      const tail = `_${n}`;
      name = utf8Cut(clean, 10 - tail.length).toString('utf8') + tail;
    }
    used.add(name.toUpperCase());
    return name;
  });
}

function decideField(s: FieldStat, name: string): DbfField {
  const kinds = (s.num ? 1 : 0) + (s.str ? 1 : 0) + (s.bool ? 1 : 0);
  if (kinds === 1 && s.bool) return { key: s.key, name, type: 'L', width: 1, decimals: 0 };
  if (kinds === 1 && s.num) {
    if (s.allInt && s.intLen <= 18) return { key: s.key, name, type: 'N', width: Math.max(1, s.intLen), decimals: 0 };
    const dec = Math.min(15, s.dec, Math.max(0, 24 - s.intLen - 1));
    if (s.intLen + 1 + dec <= 24) return { key: s.key, name, type: 'N', width: s.intLen + 1 + dec, decimals: dec };
  }
  return { key: s.key, name, type: 'C', width: Math.min(254, Math.max(1, s.bytes)), decimals: 0 };
}

/** Buffers binary output into large chunks. */
class BinWriter {
  private parts: Buffer[] = [];
  private size = 0;
  constructor(private readonly out: AtomicStream) {}
  async push(b: Buffer): Promise<void> {
    this.parts.push(b);
    this.size += b.length;
    if (this.size >= 1 << 18) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.parts.length) return;
    const chunk = Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    await this.out.write(chunk);
  }
}

/** Paths of the shapefile set for a target (.shp or a base name). */
export function shapefilePaths(target: string): { shp: string; shx: string; dbf: string; prj: string; cpg: string } {
  const base = target.replace(/\.shp$/i, '');
  return { shp: `${base}.shp`, shx: `${base}.shx`, dbf: `${base}.dbf`, prj: `${base}.prj`, cpg: `${base}.cpg` };
}

type SpoolGeom = [number, Position[][]] | null; // shape type, parts

function spoolGeometry(g: Geometry | null): SpoolGeom {
  if (!g) return null;
  switch (g.type) {
    case 'Point':
      return [SHAPE_POINT, [[g.coordinates]]];
    case 'MultiPoint':
      return [SHAPE_MULTIPOINT, [g.coordinates]];
    case 'LineString':
      return [SHAPE_POLYLINE, [g.coordinates]];
    case 'MultiLineString':
      return [SHAPE_POLYLINE, g.coordinates];
    case 'Polygon':
    case 'MultiPolygon': {
      const cw = rewind(g, true);
      return [SHAPE_POLYGON, cw.type === 'Polygon' ? cw.coordinates : cw.coordinates.flat()];
    }
    default:
      return undefined as never;
  }
}

/** The shapefile set (target: 'roads.shp' or 'roads'). Returns the files and the DBF fields chosen. */
export async function writeShapefile(target: string, features: FeatureSource, opts: WriteOptions = {}): Promise<ShapefileResult> {
  const precision = precisionOf(opts);
  const round = roundFn(precision);
  const crs = outputCrs(opts);
  const preview = previewName(crs);
  const validate = opts.validate !== false;
  const paths = shapefilePaths(target);
  const notes: Text[] = [coordinateStatement(crs)];

  const dir = await mkdtemp(join(tmpdir(), 'diming-shp-'));
  const spoolPath = join(dir, 'spool.jsonl');
  const spool = createWriteStream(spoolPath);
  try {
    // Pass 1: validate, collect header facts, spool.
    let spoolErr: unknown;
    spool.on('error', (e) => {
      spoolErr = e;
    });
    const stats = new Map<string, FieldStat>();
    const families = new Set<Family>();
    let anyMultiPoint = false;
    let n = 0;
    // Header facts: extent, and the counts that give the .shp length once the shape type is known.
    const ext = [Infinity, Infinity, -Infinity, -Infinity];
    let nGeom = 0, sumParts = 0, sumPts = 0;
    let buf = '';
    const write = async (s: string) => {
      buf += s;
      if (buf.length < 1 << 18) return;
      const chunk = buf;
      buf = '';
      if (spoolErr) throw spoolErr;
      if (!spool.write(chunk)) await new Promise<void>((res) => spool.once('drain', () => res()));
    };
    for await (const batch of batches(features)) for (const f of batch) {
      const g = f.geometry ? rewind(roundGeometry(f.geometry, round)) : null;
      const props = preview ? { ...f.properties, [PREVIEW_PROPERTY]: preview } : f.properties;
      if (validate) {
        const problems = checkRfc7946({ type: 'Feature', geometry: g, properties: props }, { precision });
        if (problems.length) throw invalidFeatureError(paths.shp, f, n, problems);
      }
      if (g) {
        const fam = family(g);
        if (fam === 'collection') {
          throw inputError(txt('Shapefile 不能保存几何集合（GeometryCollection）', 'a Shapefile cannot hold a GeometryCollection'), { file: paths.shp, row: f.row }, txt('请改用 GeoJSON 或 KML 输出。', 'Write GeoJSON or KML instead.'));
        }
        families.add(fam);
        if (g.type === 'MultiPoint') anyMultiPoint = true;
      }
      for (const [k, v] of Object.entries(props)) {
        if (v === null || v === undefined || v === '') {
          if (!stats.has(k)) stats.set(k, { key: k, num: 0, str: 0, bool: 0, allInt: true, intLen: 0, dec: 0, bytes: 0 });
          continue;
        }
        let s = stats.get(k);
        if (!s) stats.set(k, (s = { key: k, num: 0, str: 0, bool: 0, allInt: true, intLen: 0, dec: 0, bytes: 0 }));
        if (typeof v === 'number' && Number.isFinite(v)) {
          s.num++;
          if (!Number.isInteger(v)) s.allInt = false;
          s.intLen = Math.max(s.intLen, String(Math.trunc(v)).length + (v < 0 && Math.trunc(v) === 0 ? 1 : 0));
          s.dec = Math.max(s.dec, decimalsOf(v));
        } else if (typeof v === 'boolean') s.bool++;
        else s.str++;
        s.bytes = Math.max(s.bytes, Buffer.byteLength(textOf(v), 'utf8'));
      }
      const sg = spoolGeometry(g);
      if (sg) {
        nGeom++;
        sumParts += sg[1].length;
        for (const part of sg[1]) {
          sumPts += part.length;
          for (const p of part) {
            if (p[0] < ext[0]) ext[0] = p[0];
            if (p[1] < ext[1]) ext[1] = p[1];
            if (p[0] > ext[2]) ext[2] = p[0];
            if (p[1] > ext[3]) ext[3] = p[1];
          }
        }
      }
      await write(`${JSON.stringify([sg, props])}\n`);
      n++;
    }
    if (buf) {
      if (!spool.write(buf)) await new Promise<void>((res) => spool.once('drain', () => res()));
      buf = '';
    }
    await new Promise<void>((res, rej) => spool.end((e?: Error | null) => (e ? rej(e) : res())));
    if (spoolErr) throw spoolErr;

    if (families.size > 1) {
      const names = [...families].map((f) => ({ point: '点', line: '线', polygon: '面', collection: '集合' })[f]).join('、');
      throw inputError(
        txt(`要素的几何类型混杂（${names}），一个 Shapefile 只能有一种几何类型`, `the features mix geometry types (${[...families].join(', ')}); a Shapefile holds one geometry type`),
        { file: paths.shp },
        txt('请按几何类型分别导出，或改用 GeoJSON/KML。', 'Export each geometry type separately, or write GeoJSON/KML.'),
      );
    }
    const fam = [...families][0];
    const shapeType = fam === 'line' ? SHAPE_POLYLINE : fam === 'polygon' ? SHAPE_POLYGON : fam === 'point' ? (anyMultiPoint ? SHAPE_MULTIPOINT : SHAPE_POINT) : SHAPE_NULL;
    const statList = [...stats.values()];
    if (statList.length > 255) {
      throw inputError(txt(`属性太多（${statList.length} 个），Shapefile 最多 255 个字段`, `too many properties (${statList.length}); a Shapefile holds at most 255 fields`), { file: paths.dbf }, txt('请减少列，或改用 GeoJSON。', 'Drop some columns, or write GeoJSON.'));
    }
    const names = dbfFieldNames(statList.map((s) => s.key));
    const fields = statList.map((s, i) => decideField(s, names[i]));
    const renamed = fields.filter((f) => f.name !== f.key);
    if (renamed.length) {
      notes.push(txt(
        `Shapefile 字段名最多 10 个字节，以下属性改名：${renamed.map((f) => `${f.key}→${f.name}`).join('、')}`,
        `Shapefile field names hold at most 10 bytes; renamed: ${renamed.map((f) => `${f.key}→${f.name}`).join(', ')}`,
      ));
    }
    const recLen = 1 + fields.reduce((s, f) => s + f.width, 0);
    if (recLen > 65535) throw inputError(txt('属性内容太长，超出 .dbf 记录长度上限', 'the attributes are too long for a .dbf record'), { file: paths.dbf });

    // Pass 2: stream the spool into the five files.
    const outs = await Promise.all([openAtomic(paths.shp), openAtomic(paths.shx), openAtomic(paths.dbf), openAtomic(paths.prj), openAtomic(paths.cpg)]);
    try {
      const [shpOut, shxOut, dbfOut, prjOut, cpgOut] = outs;
      const shp = new BinWriter(shpOut), shx = new BinWriter(shxOut), dbf = new BinWriter(dbfOut);
      let truncated = 0;
      const geomBytes = shapeType === SHAPE_POINT ? 20 * nGeom
        : shapeType === SHAPE_MULTIPOINT ? 40 * nGeom + 16 * sumPts
          : 44 * nGeom + 4 * sumParts + 16 * sumPts;
      const shpWords = 50 + 4 * n + (geomBytes + 4 * (n - nGeom)) / 2;
      if (!Number.isFinite(ext[0])) ext.fill(0);
      await shp.push(mainHeader(shapeType, shpWords, ext));
      await shx.push(mainHeader(shapeType, 50 + 4 * n, ext));
      await dbf.push(dbfHeader(fields, n, recLen));
      let offset = 50;
      let recNo = 0;
      for await (const line of lines(spoolPath)) {
        const [geom, props] = JSON.parse(line) as [SpoolGeom, Record<string, unknown>];
        recNo++;
        const content = shapeContent(geom, shapeType);
        const head = Buffer.alloc(8);
        head.writeInt32BE(recNo, 0);
        head.writeInt32BE(content.length / 2, 4);
        await shp.push(head);
        await shp.push(content);
        const idx = Buffer.alloc(8);
        idx.writeInt32BE(offset, 0);
        idx.writeInt32BE(content.length / 2, 4);
        await shx.push(idx);
        offset += 4 + content.length / 2;
        const r = dbfRecord(fields, props, recLen);
        truncated += r.truncated;
        await dbf.push(r.buf);
      }
      await dbf.push(Buffer.from([0x1a]));
      await Promise.all([shp.flush(), shx.flush(), dbf.flush()]);
      await prjOut.write(prjFor(crs.id));
      await cpgOut.write('UTF-8');
      if (truncated) {
        notes.push(txt(`${truncated} 个属性值超过 254 字节，在 .dbf 中被截断`, `${truncated} attribute values longer than 254 bytes were cut in the .dbf`));
      }
      for (const o of outs) await o.commit();
    } catch (e) {
      await Promise.all(outs.map((o) => o.abort()));
      throw e;
    }
    return { files: [paths.shp, paths.shx, paths.dbf, paths.prj, paths.cpg], features: n, notes, fields };
  } finally {
    await destroyStream(spool);
    await rm(dir, { recursive: true, force: true });
  }
}

async function* lines(file: string): AsyncGenerator<string> {
  const rl = createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const l of rl) if (l) yield l;
}

function mainHeader(shapeType: number, words: number, ext: number[]): Buffer {
  const h = Buffer.alloc(100);
  h.writeInt32BE(9994, 0);
  h.writeInt32BE(words, 24);
  h.writeInt32LE(1000, 28);
  h.writeInt32LE(shapeType, 32);
  h.writeDoubleLE(ext[0], 36);
  h.writeDoubleLE(ext[1], 44);
  h.writeDoubleLE(ext[2], 52);
  h.writeDoubleLE(ext[3], 60);
  return h;
}

function contentBytes(g: SpoolGeom, shapeType: number): number {
  if (!g) return 4;
  const nPts = g[1].reduce((s, p) => s + p.length, 0);
  if (shapeType === SHAPE_POINT) return 20;
  if (shapeType === SHAPE_MULTIPOINT) return 40 + 16 * nPts;
  return 44 + 4 * g[1].length + 16 * nPts;
}

function shapeContent(g: SpoolGeom, shapeType: number): Buffer {
  const b = Buffer.alloc(contentBytes(g, shapeType));
  if (!g) return b; // null shape: type 0
  const parts = g[1];
  b.writeInt32LE(shapeType, 0);
  if (shapeType === SHAPE_POINT) {
    b.writeDoubleLE(parts[0][0][0], 4);
    b.writeDoubleLE(parts[0][0][1], 12);
    return b;
  }
  const pts = parts.flat();
  const box = bbox({ type: 'MultiPoint', coordinates: pts })!;
  box.forEach((v, i) => b.writeDoubleLE(v, 4 + 8 * i));
  let o: number;
  if (shapeType === SHAPE_MULTIPOINT) {
    b.writeInt32LE(pts.length, 36);
    o = 40;
  } else {
    b.writeInt32LE(parts.length, 36);
    b.writeInt32LE(pts.length, 40);
    let start = 0;
    parts.forEach((p, i) => {
      b.writeInt32LE(start, 44 + 4 * i);
      start += p.length;
    });
    o = 44 + 4 * parts.length;
  }
  for (const p of pts) {
    b.writeDoubleLE(p[0], o);
    b.writeDoubleLE(p[1], o + 8);
    o += 16;
  }
  return b;
}

function dbfHeader(fields: DbfField[], n: number, recLen: number): Buffer {
  const headLen = 32 + 32 * fields.length + 1;
  const h = Buffer.alloc(headLen);
  const now = new Date();
  h[0] = 0x03;
  h[1] = now.getFullYear() - 1900;
  h[2] = now.getMonth() + 1;
  h[3] = now.getDate();
  h.writeUInt32LE(n, 4);
  h.writeUInt16LE(headLen, 8);
  h.writeUInt16LE(recLen, 10);
  h[29] = 0x00; // language driver: none; the .cpg says UTF-8
  fields.forEach((f, i) => {
    const o = 32 + 32 * i;
    Buffer.from(f.name, 'utf8').copy(h, o, 0, 10);
    h[o + 11] = f.type.charCodeAt(0);
    h[o + 16] = f.width;
    h[o + 17] = f.decimals;
  });
  h[headLen - 1] = 0x0d;
  return h;
}

function dbfRecord(fields: DbfField[], props: Record<string, unknown>, recLen: number): { buf: Buffer; truncated: number } {
  const b = Buffer.alloc(recLen, 0x20);
  let o = 1;
  let truncated = 0;
  for (const f of fields) {
    const v = props[f.key];
    if (v !== null && v !== undefined && v !== '') {
      if (f.type === 'L') {
        b[o] = v ? 0x54 : 0x46;
      } else if (f.type === 'N') {
        const s = f.decimals ? (v as number).toFixed(f.decimals) : String(v);
        b.write(s.padStart(f.width, ' ').slice(-f.width), o, 'latin1');
      } else {
        const full = textOf(v);
        const cut = utf8Cut(full, f.width);
        if (cut.length < Buffer.byteLength(full, 'utf8')) truncated++;
        cut.copy(b, o);
      }
    }
    o += f.width;
  }
  return { buf: b, truncated };
}
