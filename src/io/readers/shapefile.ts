import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import { type DimingError, inputError, isDimingError } from '../../core/errors.js';
import type { Dataset } from '../../core/record.js';
import { type Text, txt } from '../../core/text.js';
import { crsFromPrj, parseCrs } from '../../geo/crs.js';
import { type GeoReadOptions, type RawFeature, datasetFromFeatures } from '../../geo/read.js';
import { listZip } from '../../geo/zip.js';
import { openInput, readInput } from '../dataset.js';
import { DBF_ENCODINGS_HINT, type TextEncoding, dbfEncodingFromLabel, encodingFromLabel } from '../encoding.js';

/**
 * ESRI Shapefile (.shp + .dbf, with .prj and .cpg; or a .zip of them) → Dataset. Geometry is read by the
 * `shapefile` package; the .dbf by our own reader, so that numbers keep their digits (20-digit 地名代码) and the code
 * page follows formats.md §2.2: --dbf-encoding > .cpg > language-driver byte (offset 29; 0x4D = GBK) > strict UTF-8,
 * else GB18030. A .shp without .prj is refused unless --crs is given (or 'auto').
 */

export interface ShapefileParts {
  shp: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
  /** Names for messages. */
  names: { shp: string; dbf?: string; prj?: string };
}

export async function readShapefile(file: string, opts: GeoReadOptions = {}): Promise<Dataset> {
  const parts = extname(file).toLowerCase() === '.zip' ? await partsFromZip(file, opts) : await partsFromFolder(file);
  return readShapefileParts(parts, file, opts);
}

/** The .dbf, .prj and .cpg beside a .shp (same name, any case). */
async function sidecarsOf(file: string): Promise<{ dbf?: string; prj?: string; cpg?: string }> {
  const dir = dirname(file);
  const base = basename(file, extname(file)).toLowerCase();
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    // the .shp was readable, so this is unexpected: carry on without sidecars
  }
  const find = (ext: string) => {
    const n = names.find((x) => x.toLowerCase() === `${base}.${ext}`);
    return n && join(dir, n);
  };
  return { dbf: find('dbf'), prj: find('prj'), cpg: find('cpg') };
}

async function partsFromFolder(file: string): Promise<ShapefileParts> {
  const shp = await readInput(file);
  const side = await sidecarsOf(file);
  const dec = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);
  return {
    shp,
    dbf: side.dbf ? await readInput(side.dbf) : undefined,
    prj: side.prj ? dec(await readInput(side.prj)) : undefined,
    cpg: side.cpg ? dec(await readInput(side.cpg)) : undefined,
    names: { shp: file, dbf: side.dbf, prj: side.prj },
  };
}

async function partsFromZip(file: string, opts: GeoReadOptions): Promise<ShapefileParts> {
  const buf = await readInput(file);
  const zip = await listZip(buf, file, { maxBytes: opts.maxUnzippedBytes });
  const shps = zip.paths.filter((p) => /\.shp$/i.test(p));
  if (shps.length === 0) {
    throw inputError(txt('压缩文件中没有 .shp 文件', 'the zip file contains no .shp file'), { file }, txt('请把同名的 .shp、.shx、.dbf、.prj、.cpg 一起打包。', 'Pack the .shp, .shx, .dbf, .prj and .cpg of one layer together.'));
  }
  let shpPath = shps[0];
  if (shps.length > 1) {
    const want = opts.sheet?.trim().toLowerCase();
    const hit = want ? shps.find((p) => basename(p, extname(p)).toLowerCase() === want || p.toLowerCase() === want) : undefined;
    if (!hit) {
      throw inputError(
        txt(`压缩文件中有多个图层：${shps.join('、')}`, `the zip file holds several layers: ${shps.join(', ')}`),
        { file },
        txt('请用 --sheet 指定图层名，或只打包一个图层。', 'Choose one with --sheet (layer name), or pack one layer only.'),
      );
    }
    shpPath = hit;
  }
  const stem = shpPath.slice(0, -4).toLowerCase();
  const side = (ext: string) => zip.paths.find((p) => p.toLowerCase() === `${stem}.${ext}`);
  const wanted = [shpPath, side('dbf'), side('prj'), side('cpg')].filter((p): p is string => !!p);
  const entries = await zip.read(wanted);
  const get = (p?: string) => (p ? entries.find((e) => e.path === p)?.data : undefined);
  const dec = (b?: Uint8Array) => (b ? new TextDecoder('utf-8').decode(b) : undefined);
  return {
    shp: get(shpPath)!,
    dbf: get(side('dbf')),
    prj: dec(get(side('prj'))),
    cpg: dec(get(side('cpg'))),
    names: { shp: `${file}:${shpPath}`, dbf: side('dbf') && `${file}:${side('dbf')}`, prj: side('prj') && `${file}:${side('prj')}` },
  };
}

/** Code page of a .dbf (formats.md §2.2) and why. */
export function dbfEncoding(dbf: Uint8Array, cpg: string | undefined, forced: string | undefined, file: string): Promise<{ encoding: TextEncoding; reason: Text }> {
  const headLen = dbf.length >= 10 ? dbf[8] | (dbf[9] << 8) : 0;
  return decideDbfEncoding(dbf, () => isUtf8(async (pos, len) => dbf.subarray(pos, pos + len), dbf.length, headLen), cpg, forced, file);
}

/**
 * dbfEncoding from the .dbf's header (at least 30 bytes) and a test of whether its field names and records are all
 * valid UTF-8, asked only when it decides (for a streamed .dbf the test is a pass over the whole file).
 */
async function decideDbfEncoding(head: Uint8Array, utf8: () => boolean | Promise<boolean>, cpg: string | undefined, forced: string | undefined, file: string): Promise<{ encoding: TextEncoding; reason: Text }> {
  if (forced) {
    const enc = dbfEncodingFromLabel(forced);
    if (!enc) throw inputError(txt(`不支持的 DBF 编码「${forced}」`, `unsupported DBF encoding "${forced}"`), { file }, DBF_ENCODINGS_HINT);
    return { encoding: enc, reason: txt(`按指定的编码 ${enc} 读取 .dbf`, `.dbf read as ${enc} (given)`) };
  }
  if (cpg?.trim()) {
    const enc = encodingFromLabel(cpg.trim());
    if (enc === 'utf-8' && !(await utf8())) {
      // A wrong .cpg (common after re-saving in another program) would silently garble every name.
      return { encoding: 'gb18030', reason: txt(`.cpg 写的是 ${cpg.trim()}，但 .dbf 内容不是 UTF-8：按 GBK/GB18030 读取`, `the .cpg says ${cpg.trim()} but the .dbf is not UTF-8: read as GBK/GB18030`) };
    }
    if (enc) return { encoding: enc, reason: txt(`按 .cpg 文件（${cpg.trim()}）读取 .dbf`, `.dbf read as ${cpg.trim()} (.cpg)`) };
  }
  const ldid = head.length > 29 ? head[29] : 0;
  if (ldid === 0x4d || ldid === 0x7a) return { encoding: 'gb18030', reason: txt(`.dbf 头部语言驱动标记 0x${ldid.toString(16).toUpperCase()}（代码页 936）：按 GBK 读取`, `.dbf language driver 0x${ldid.toString(16).toUpperCase()} (code page 936): read as GBK`) };
  if (await utf8()) return { encoding: 'utf-8', reason: txt('.dbf 没有 .cpg，内容是有效的 UTF-8：按 UTF-8 读取', 'no .cpg; the .dbf is valid UTF-8: read as UTF-8') };
  return { encoding: 'gb18030', reason: txt('.dbf 没有 .cpg，内容不是 UTF-8：按 GBK/GB18030 读取', 'no .cpg; the .dbf is not UTF-8: read as GBK/GB18030') };
}

/** The layout of a .dbf: how many records, where they start, how long each is, and the fields. */
interface DbfLayout {
  count: number;
  headLen: number;
  recLen: number;
  fields: { name: string; type: string; len: number }[];
}

function damagedDbf(file: string) {
  return inputError(txt('.dbf 文件已损坏', 'the .dbf file is damaged'), { file }, txt('请从 GIS 软件重新导出。', 'Export it again from the GIS.'));
}

/** The layout from the header (`head`: the first headLen bytes or more) of a .dbf of `size` bytes. */
function dbfLayout(head: Uint8Array, size: number, dec: InstanceType<typeof TextDecoder>, file: string): DbfLayout {
  if (head.length < 33 || size < 33) throw damagedDbf(file);
  const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const count = dv.getUint32(4, true);
  const headLen = dv.getUint16(8, true);
  const recLen = dv.getUint16(10, true);
  if (headLen > size || recLen === 0) throw damagedDbf(file);
  const fields: DbfLayout['fields'] = [];
  for (let o = 32; o + 32 <= Math.min(headLen, head.length) && head[o] !== 0x0d; o += 32) {
    let end = o;
    while (end < o + 11 && head[end] !== 0) end++;
    fields.push({ name: dec.decode(head.subarray(o, end)).trim(), type: String.fromCharCode(head[o + 11]), len: head[o + 16] });
  }
  return { count, headLen, recLen, fields };
}

/** The values of the record at `start` (its deletion flag byte) as text: numbers keep their digits, dates YYYY-MM-DD. */
function dbfRecord(buf: Uint8Array, start: number, layout: DbfLayout, dec: InstanceType<typeof TextDecoder>): string[] {
  let o = start + 1;
  const row: string[] = [];
  for (const f of layout.fields) {
    const raw = dec.decode(buf.subarray(o, o + f.len)).replace(/\0+$/, '').trim();
    o += f.len;
    if (f.type === 'D' && /^\d{8}$/.test(raw)) row.push(`${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6)}`);
    else if (f.type === 'L') row.push(/^[TtYy]$/.test(raw) ? 'true' : /^[FfNn]$/.test(raw) ? 'false' : '');
    else if ((f.type === 'N' || f.type === 'F') && /^\*+$/.test(raw)) row.push('');
    else row.push(raw);
  }
  return row;
}

/** Minimal dBASE III/IV reader: field names and values as text (numbers keep their digits, dates YYYY-MM-DD). */
export function readDbf(buf: Uint8Array, encoding: TextEncoding, file: string): { headers: string[]; rows: string[][]; deleted: number } {
  const dec = new TextDecoder(encoding);
  const layout = dbfLayout(buf, buf.length, dec, file);
  const rows: string[][] = [];
  let deleted = 0;
  for (let r = 0; r < layout.count; r++) {
    const start = layout.headLen + r * layout.recLen;
    if (start + layout.recLen > buf.length) break;
    if (buf[start] === 0x2a) deleted++;
    rows.push(dbfRecord(buf, start, layout, dec));
  }
  return { headers: layout.fields.map((f) => f.name), rows, deleted };
}

/** The attribute table of a shapefile, read a batch of records at a time (shapefileAttributes). */
export interface DbfBatches {
  /** The .dbf, for messages. */
  file: string;
  headers: string[];
  /** Records with their numbers (1-based, the feature numbers of readShapefile). */
  batches: AsyncIterable<{ cells: string[]; line: number }[]>;
  /** The .prj's text and name, when there is one (for a caller that reads the shapes too). */
  prj?: { text: string; file: string };
  /** Open the shapes, to be read in step with the records (the .shp's path, or its bytes out of a .zip). */
  shapes(): Promise<ShapeReader>;
  /** Close the file (call it when done, read through or not). */
  close(): Promise<void>;
}

/** The `shapefile` package's reader of shapes, one at a time (GeoJSON geometry, or null). */
export interface ShapeReader {
  read(): Promise<{ done: boolean; value: unknown }>;
}

/** Bytes read a batch of records at a time: the records are decoded as they are read. */
const DBF_BATCH_BYTES = 1 << 20;

/**
 * The attributes of a shapefile (.shp with its .dbf beside it, or a .zip) without its shapes, and without holding
 * the records: the .dbf beside a .shp is read a batch at a time from disk (a zip is inflated whole, but its records are
 * decoded a batch at a time). For existing-name registers, whose shapes are not needed: no .prj is required. The code
 * page is decided as readShapefile does (a first pass checks that the whole .dbf is UTF-8).
 */
export async function shapefileAttributes(file: string, opts: GeoReadOptions = {}): Promise<DbfBatches> {
  const dbf = await dbfSource(file, opts);
  try {
    const first = await dbf.read(0, 32);
    const headLen = first.length >= 10 ? first[8] | (first[9] << 8) : 0;
    const head = await dbf.read(0, Math.max(33, headLen));
    const { encoding } = await decideDbfEncoding(head, () => isUtf8(dbf.read, dbf.size, headLen), dbf.cpg, opts.dbfEncoding, dbf.name);
    const dec = new TextDecoder(encoding);
    const layout = dbfLayout(head, dbf.size, dec, dbf.name);
    const perBatch = Math.max(1, Math.floor(DBF_BATCH_BYTES / layout.recLen));
    async function* batches() {
      for (let r = 0; r < layout.count; r += perBatch) {
        const n = Math.min(perBatch, layout.count - r);
        const buf = await dbf.read(layout.headLen + r * layout.recLen, n * layout.recLen);
        const out: { cells: string[]; line: number }[] = [];
        for (let i = 0; (i + 1) * layout.recLen <= buf.length; i++) out.push({ cells: dbfRecord(buf, i * layout.recLen, layout, dec), line: r + i + 1 });
        if (out.length) yield out;
        if (buf.length < n * layout.recLen) break; // the file ends early: the records it has, as readDbf
      }
    }
    const { openShp } = createRequire(import.meta.url)('shapefile') as { openShp: (src: string | Uint8Array) => Promise<ShapeReader> };
    return { file: dbf.name, headers: layout.fields.map((f) => f.name), batches: batches(), prj: dbf.prj, shapes: () => openShp(dbf.shp), close: dbf.close };
  } catch (e) {
    await dbf.close();
    throw e;
  }
}

/** The .dbf of a shapefile, to be read a piece at a time: from disk beside a .shp, or from memory out of a .zip. */
async function dbfSource(
  file: string,
  opts: GeoReadOptions,
): Promise<{ name: string; size: number; cpg?: string; prj?: { text: string; file: string }; shp: string | Uint8Array; read(pos: number, len: number): Promise<Uint8Array>; close(): Promise<void> }> {
  const noDbf = () =>
    inputError(
      txt('Shapefile 缺少 .dbf 文件，没有名称等属性', 'the Shapefile has no .dbf file, so it has no names or other attributes'),
      { file },
      txt('请把同名的 .dbf（以及 .shx、.prj、.cpg）和 .shp 放在同一文件夹，或一起打包成 .zip。', 'Put the .dbf (and .shx, .prj, .cpg) of the same name next to the .shp, or zip them together.'),
    );
  if (extname(file).toLowerCase() === '.zip') {
    const parts = await partsFromZip(file, opts);
    assertShpHeader(parts.shp, parts.names.shp);
    const dbf = parts.dbf;
    if (!dbf || !parts.names.dbf) throw noDbf();
    const prj = parts.prj !== undefined ? { text: parts.prj, file: parts.names.prj ?? file } : undefined;
    return { name: parts.names.dbf, size: dbf.length, cpg: parts.cpg, prj, shp: parts.shp, read: async (pos, len) => dbf.subarray(pos, pos + len), close: async () => {} };
  }
  const shp = await openInput(file);
  const shpHead = Buffer.alloc(Math.min(100, shp.size));
  await shp.handle.read(shpHead, 0, shpHead.length, 0).finally(() => shp.handle.close());
  assertShpHeader(shpHead, file);
  const side = await sidecarsOf(file);
  if (!side.dbf) throw noDbf();
  const text = async (f?: string) => (f ? new TextDecoder('utf-8').decode(await readInput(f)) : undefined);
  const cpg = await text(side.cpg);
  const prjText = await text(side.prj);
  const prj = prjText !== undefined && side.prj ? { text: prjText, file: side.prj } : undefined;
  const { handle, size } = await openInput(side.dbf);
  return {
    name: side.dbf,
    size,
    cpg,
    prj,
    shp: file,
    read: async (pos, len) => {
      const buf = Buffer.alloc(Math.max(0, Math.min(len, size - pos)));
      const { bytesRead } = await handle.read(buf, 0, buf.length, pos);
      return buf.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

/** Are the field names and records of a .dbf (read a piece at a time) valid UTF-8, as dbfEncoding asks? */
async function isUtf8(read: (pos: number, len: number) => Promise<Uint8Array>, size: number, headLen: number): Promise<boolean> {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode((await read(0, Math.min(headLen, size))).subarray(32));
    const body = new TextDecoder('utf-8', { fatal: true });
    for (let pos = headLen; pos < size; pos += DBF_BATCH_BYTES) body.decode(await read(pos, DBF_BATCH_BYTES), { stream: true });
    body.decode();
    return true;
  } catch {
    return false;
  }
}

/** Build the Dataset from the parts of one shapefile. */
export async function readShapefileParts(parts: ShapefileParts, file: string, opts: GeoReadOptions = {}): Promise<Dataset> {
  assertShpHeader(parts.shp, parts.names.shp);
  const notes: Text[] = [];
  const explicit = opts.crs && opts.crs.trim().toLowerCase() !== 'auto' ? opts.crs : undefined;
  let crs: string | undefined;
  if (parts.prj !== undefined) {
    try {
      crs = crsFromPrj(parts.prj, parts.names.prj ?? file).id;
    } catch (e) {
      if (!explicit || !isDimingError(e)) throw e;
      notes.push(txt(`.prj 无法使用（${e.text.zh}），按 --crs ${explicit} 处理`, `the .prj cannot be used (${e.text.en}); using --crs ${explicit}`));
    }
    if (explicit && crs && parseCrs(explicit)?.id !== crs) {
      notes.push(txt(`.prj 声明 ${crs}，但按 --crs ${explicit} 处理`, `the .prj states ${crs}, but --crs ${explicit} is used`));
    }
  } else if (!opts.crs) {
    throw inputError(
      txt('Shapefile 缺少 .prj 文件，不知道坐标系', 'the Shapefile has no .prj file, so its coordinate system is unknown'),
      { file: parts.names.shp },
      txt(
        '请把同名的 .prj 文件放在一起（或一起打包），或用 --crs 指定坐标系（如 --crs EPSG:4528），也可用 --crs auto 按数值判断。注意：1980西安、1954北京坐标与 CGCS2000 数值相近，无法从数值区分。',
        'Put the .prj of the same name next to it (or into the zip), or give the coordinate system with --crs (e.g. --crs EPSG:4528), or --crs auto to detect it from the numbers. Xian 1980 and Beijing 1954 numbers cannot be told from CGCS2000.',
      ),
    );
  } else if (!explicit) {
    notes.push(txt('Shapefile 没有 .prj：坐标系按数值自动判断', 'the Shapefile has no .prj: the coordinate system is detected from the numbers'));
  }

  const geometries = await readShpGeometries(parts.shp, parts.names.shp);
  let headers: string[] = [];
  let rows: string[][] = [];
  let encoding: string | undefined;
  if (parts.dbf) {
    const enc = await dbfEncoding(parts.dbf, parts.cpg, opts.dbfEncoding, parts.names.dbf ?? file);
    encoding = enc.encoding;
    notes.push(enc.reason);
    const dbf = readDbf(parts.dbf, enc.encoding, parts.names.dbf ?? file);
    headers = dbf.headers;
    rows = dbf.rows;
    if (dbf.deleted) notes.push(txt(`.dbf 中有 ${dbf.deleted} 条记录带删除标记，仍按原样读取`, `${dbf.deleted} .dbf records are marked deleted; read anyway`));
    if (rows.length !== geometries.length) {
      notes.push(txt(`.shp 有 ${geometries.length} 个图形，.dbf 有 ${rows.length} 条记录，数量不一致，按顺序对应`, `the .shp has ${geometries.length} shapes but the .dbf ${rows.length} records; matched in order`));
    }
  } else if (opts.requireName) {
    throw inputError(
      txt('Shapefile 缺少 .dbf 文件，没有名称等属性', 'the Shapefile has no .dbf file, so it has no names or other attributes'),
      { file: parts.names.shp },
      txt('请把同名的 .dbf（以及 .shx、.prj、.cpg）和 .shp 放在同一文件夹，或一起打包成 .zip。', 'Put the .dbf (and .shx, .prj, .cpg) of the same name next to the .shp, or zip them together.'),
    );
  } else {
    notes.push(txt('Shapefile 缺少 .dbf：没有属性（名称等）', 'the Shapefile has no .dbf: no attributes (names …)'));
  }
  const n = Math.max(geometries.length, rows.length);
  const features: RawFeature[] = [];
  for (let i = 0; i < n; i++) {
    const props: Record<string, unknown> = {};
    const row = rows[i];
    if (row) headers.forEach((h, j) => (props[h] = row[j]));
    features.push({ geometry: geometries[i] ?? null, properties: props });
  }
  const ds = datasetFromFeatures(features, file, opts, { crs, notes, encoding });
  return ds;
}

async function readShpGeometries(shp: Uint8Array, file: string): Promise<unknown[]> {
  const { openShp } = createRequire(import.meta.url)('shapefile') as { openShp: OpenShp };
  assertShpHeader(shp, file);
  // The header states the file length (in 16-bit words): a shorter file was cut off.
  const declared = new DataView(shp.buffer, shp.byteOffset, shp.byteLength).getInt32(24, false) * 2;
  if (declared > shp.length) {
    throw inputError(
      txt(`.shp 文件不完整：文件头记录的长度是 ${declared} 字节，实际只有 ${shp.length} 字节（文件可能被截断）`, `the .shp file is incomplete and cannot be read: its header states ${declared} bytes but it has ${shp.length} (it may have been cut off)`),
      { file },
      txt('请从 GIS 软件重新导出，或重新复制/下载完整的文件。', 'Export it again from the GIS, or copy/download the whole file again.'),
    );
  }
  const out: unknown[] = [];
  try {
    const src = await openShp(shp);
    for (;;) {
      const r = await src.read();
      if (r.done) break;
      out.push(r.value);
    }
  } catch (e) {
    throw damagedShape(file, out.length + 1, e);
  }
  if (out.length === 0 && shp.length > 100) {
    // Bytes after the header, but no shape could be read from them.
    throw inputError(txt('.shp 文件已损坏：文件头之后的内容无法读成图形', 'the .shp file is damaged: nothing after its header reads as a shape'), { file }, txt('请从 GIS 软件重新导出。', 'Export it again from the GIS.'));
  }
  return out;
}

/** The error for shape number `n` (1-based) that the `shapefile` package could not read. */
export function damagedShape(file: string, n: number, cause: unknown): DimingError {
  return inputError(txt(`.shp 文件已损坏，第 ${n} 个图形无法读取`, `the .shp file is damaged: shape ${n} cannot be read (${(cause as Error).message})`), { file, row: n }, txt('请从 GIS 软件重新导出。', 'Export it again from the GIS.'), cause);
}

/** A .shp starts with a 100-byte header whose first word is 9994 (checked before sidecars, so a stray file is named as such). */
function assertShpHeader(shp: Uint8Array, file: string): void {
  if (shp.length < 100 || new DataView(shp.buffer, shp.byteOffset, shp.byteLength).getInt32(0, false) !== 9994) {
    throw inputError(txt('.shp 文件已损坏或不是 Shapefile', 'the .shp file is damaged or not a Shapefile'), { file }, txt('请从 GIS 软件重新导出。', 'Export it again from the GIS.'));
  }
}

type OpenShp = (src: Uint8Array) => Promise<ShapeReader>;
