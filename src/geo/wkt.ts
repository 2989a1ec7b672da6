import { createRequire } from 'node:module';
import type { Geometry, Position } from 'geojson';
import { type Text, txt } from '../core/text.js';

/**
 * WKT / EWKT (and hex WKB) → GeoJSON geometry.
 *
 * The common shapes (POINT, LINESTRING, POLYGON and their MULTI forms, 2D/Z/M/ZM, EMPTY, `SRID=n;` prefix) are read
 * by a strict hand-written scanner: it is 2.5–3× faster than `wkx` on road lines (measured ≈2.3 µs vs 5.5–7 µs per
 * 13-vertex line, which matters for million-row conversions) and stricter (wkx ignores trailing text, turns NaN into
 * null and rejects tabs).
 * GEOMETRYCOLLECTION and hex (E)WKB go to `wkx`, loaded on first use.
 */

export interface ParsedWkt {
  geometry: Geometry;
  /** SRID from an EWKT/EWKB prefix. */
  srid?: number;
  /** The input had Z or M values; they were dropped (outputs are 2D). */
  droppedZ: boolean;
}

export class WktError extends Error {
  readonly text: Text;
  /** 0-based character offset of the problem. */
  readonly offset?: number;
  constructor(text: Text, offset?: number) {
    super(text.en);
    this.name = 'WktError';
    this.text = text;
    this.offset = offset;
  }
}

/** The note to attach when Z/M values were dropped. */
export const DROPPED_Z_NOTE: Text = txt('几何含高程（Z）或量测值（M），已舍弃，只保留平面坐标', 'the geometry had Z or M values; they were dropped (2D output)');

const TYPES: Record<string, Geometry['type']> = {
  POINT: 'Point',
  LINESTRING: 'LineString',
  POLYGON: 'Polygon',
  MULTIPOINT: 'MultiPoint',
  MULTILINESTRING: 'MultiLineString',
  MULTIPOLYGON: 'MultiPolygon',
  GEOMETRYCOLLECTION: 'GeometryCollection',
};

/** Does the text look like WKT, EWKT or hex WKB (as opposed to coordinates or GeoJSON)? */
export function looksLikeWkt(s: string): boolean {
  return /^\s*(SRID\s*=\s*\d+\s*;\s*)?(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION)\b/i.test(s) || isHexWkb(s);
}

function isHexWkb(s: string): boolean {
  const t = s.trim();
  return t.length >= 18 && t.length % 2 === 0 && /^0[01][0-9A-Fa-f]+$/.test(t);
}

/** Parse WKT/EWKT/hex WKB. Throws WktError with a bilingual message on anything malformed. */
export function parseWkt(input: string): ParsedWkt {
  const s = input.trim();
  if (!s) throw new WktError(txt('几何为空', 'the geometry is empty'), 0);
  if (isHexWkb(s)) return viaWkx(Buffer.from(s, 'hex'));
  return new Scanner(s).geometryText();
}

const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

class Scanner {
  private i = 0;
  private dims = 0;
  private z = false;
  constructor(private readonly s: string) {}

  geometryText(): ParsedWkt {
    let srid: number | undefined;
    this.ws();
    if (this.peekWord() === 'SRID') {
      this.i += 4;
      this.ws();
      this.expect('=');
      this.ws();
      const st = this.i;
      while (this.i < this.s.length && this.code() >= 48 && this.code() <= 57) this.i++;
      if (st === this.i) this.fail(txt('SRID= 后面应为数字', 'a number must follow SRID='));
      srid = Number(this.s.slice(st, this.i));
      this.ws();
      this.expect(';');
    }
    const typeStart = this.i;
    const word = this.peekWord();
    const type = TYPES[word.replace(/(ZM|Z|M)$/, '')] ?? TYPES[word];
    if (!type) {
      this.fail(txt(`不认识的几何类型「${word || this.s.slice(this.i, this.i + 12)}」`, `unknown geometry type "${word || this.s.slice(this.i, this.i + 12)}"`));
    }
    if (type === 'GeometryCollection') {
      const r = viaWkx(this.s.slice(typeStart));
      return { ...r, srid: srid ?? r.srid };
    }
    this.i += word.length;
    // Dimension: "LINESTRING Z (…)", "LINESTRINGZ(…)", "POINT ZM (…)".
    const suffix = word.slice(Object.keys(TYPES).find((k) => TYPES[k] === type)!.length);
    let declared = suffix === 'ZM' ? 4 : suffix ? 3 : 0;
    this.ws();
    if (!suffix) {
      const d = this.peekWord();
      if (d === 'Z' || d === 'M' || d === 'ZM') {
        declared = d === 'ZM' ? 4 : 3;
        this.i += d.length;
        this.ws();
      }
    }
    this.dims = declared;
    let geometry: Geometry;
    if (this.peekWord() === 'EMPTY') {
      this.i += 5;
      geometry = type === 'Point' ? { type: 'Point', coordinates: [] } : ({ type, coordinates: [] } as Geometry);
    } else {
      geometry = this.body(type);
    }
    this.ws();
    if (this.i < this.s.length) {
      this.fail(txt(`几何定义后面还有多余的内容「${this.s.slice(this.i, this.i + 20)}」`, `unexpected text after the geometry: "${this.s.slice(this.i, this.i + 20)}"`));
    }
    return { geometry, srid, droppedZ: this.z || declared > 2 };
  }

  private body(type: Geometry['type']): Geometry {
    switch (type) {
      case 'Point': {
        this.open();
        const p = this.position();
        this.close();
        return { type, coordinates: p };
      }
      case 'LineString':
        return { type, coordinates: this.positions() };
      case 'MultiPoint':
        return { type, coordinates: this.multiPoint() };
      case 'Polygon':
      case 'MultiLineString':
        return { type, coordinates: this.list(() => this.positions()) } as Geometry;
      default:
        return { type: 'MultiPolygon', coordinates: this.list(() => this.list(() => this.positions())) };
    }
  }

  private list<T>(item: () => T): T[] {
    this.open();
    const out: T[] = [];
    for (;;) {
      this.ws();
      if (this.peekWord() === 'EMPTY') {
        this.i += 5;
        out.push([] as T);
      } else {
        out.push(item());
      }
      this.ws();
      if (this.s.charCodeAt(this.i) === 44 /* , */) {
        this.i++;
        continue;
      }
      this.close();
      return out;
    }
  }

  private multiPoint(): Position[] {
    this.open();
    const out: Position[] = [];
    for (;;) {
      this.ws();
      if (this.s.charCodeAt(this.i) === 40 /* ( */) {
        this.i++;
        out.push(this.position());
        this.close();
      } else {
        out.push(this.position());
      }
      this.ws();
      if (this.s.charCodeAt(this.i) === 44) {
        this.i++;
        continue;
      }
      this.close();
      return out;
    }
  }

  private positions(): Position[] {
    this.open();
    const out: Position[] = [];
    for (;;) {
      out.push(this.position());
      this.ws();
      if (this.s.charCodeAt(this.i) === 44) {
        this.i++;
        continue;
      }
      this.close();
      return out;
    }
  }

  private position(): Position {
    const x = this.number();
    const y = this.number();
    let n = 2;
    for (;;) {
      this.ws();
      const c = this.s.charCodeAt(this.i);
      if (c === 44 || c === 41 || Number.isNaN(c)) break;
      this.number();
      n++;
      if (n > 4) this.fail(txt('一个坐标点最多有 4 个数值', 'a position has at most 4 numbers'));
    }
    if (this.dims === 0) this.dims = n;
    else if (n !== this.dims) {
      this.fail(txt(`坐标点的维数不一致（${this.dims} 和 ${n}）`, `positions have different numbers of values (${this.dims} and ${n})`));
    }
    if (n > 2) this.z = true;
    return [x, y];
  }

  private number(): number {
    this.ws();
    const s = this.s;
    const st = this.i;
    let i = st;
    // Fast path: [-]digits[.digits] with ≤ 15 significant digits is an exact integer divided by an exact power of
    // ten, i.e. one correctly rounded division: the same double as Number(text).
    let neg = false;
    let c = s.charCodeAt(i);
    if (c === 45 /* - */ || c === 43 /* + */) {
      neg = c === 45;
      c = s.charCodeAt(++i);
    }
    let mant = 0, digits = 0, scale = 0;
    while (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      digits++;
      c = s.charCodeAt(++i);
    }
    if (c === 46 /* . */) {
      c = s.charCodeAt(++i);
      while (c >= 48 && c <= 57) {
        mant = mant * 10 + (c - 48);
        digits++;
        scale++;
        c = s.charCodeAt(++i);
      }
    }
    if (digits > 0 && digits <= 15 && c !== 101 && c !== 69 && !(c >= 48 && c <= 57) && c !== 46) {
      this.i = i;
      const v = scale ? mant / POW10[scale] : mant;
      return neg ? -v : v;
    }
    // General path: exponents, long mantissas, NaN/Infinity, junk.
    i = st;
    for (; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      // 0-9 . - + e E
      if (!((ch >= 48 && ch <= 57) || ch === 46 || ch === 45 || ch === 43 || ch === 101 || ch === 69)) break;
    }
    if (i === st) {
      const w = /^[+-]?(nan|inf(inity)?)/i.exec(s.slice(st, st + 9));
      if (w) {
        this.i = st + w[0].length;
        const v = w[1].toLowerCase() === 'nan' ? NaN : Infinity;
        return w[0].startsWith('-') ? -v : v;
      }
      this.fail(txt(`第 ${st + 1} 个字符处应为数字，实为「${s.slice(st, st + 12) || '（结尾）'}」`, `a number was expected at character ${st + 1}, found "${s.slice(st, st + 12) || '(end)'}"`));
    }
    const text = s.slice(st, i);
    const v = Number(text);
    if (Number.isNaN(v)) this.fail(txt(`「${text}」不是数字`, `"${text}" is not a number`));
    this.i = i;
    return v;
  }

  private open(): void {
    this.ws();
    if (this.s.charCodeAt(this.i) !== 40) this.fail(txt(`第 ${this.i + 1} 个字符处应为「(」`, `"(" expected at character ${this.i + 1}`));
    this.i++;
  }

  private close(): void {
    this.ws();
    if (this.s.charCodeAt(this.i) !== 41) {
      this.fail(
        this.i >= this.s.length
          ? txt('括号没有闭合（WKT 可能被截断）', 'a parenthesis is not closed (the WKT may be truncated)')
          : txt(`第 ${this.i + 1} 个字符处应为「,」或「)」，实为「${this.s.slice(this.i, this.i + 12)}」`, `"," or ")" expected at character ${this.i + 1}, found "${this.s.slice(this.i, this.i + 12)}"`),
      );
    }
    this.i++;
  }

  private expect(ch: string): void {
    if (this.s[this.i] !== ch) this.fail(txt(`第 ${this.i + 1} 个字符处应为「${ch}」`, `"${ch}" expected at character ${this.i + 1}`));
    this.i++;
  }

  private ws(): void {
    const s = this.s;
    let i = this.i;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
    this.i = i;
  }

  private code(): number {
    return this.s.charCodeAt(this.i);
  }

  private peekWord(): string {
    let j = this.i;
    while (j < this.s.length) {
      const c = this.s.charCodeAt(j) | 32;
      if (c >= 97 && c <= 122) j++;
      else break;
    }
    return this.s.slice(this.i, j).toUpperCase();
  }

  private fail(text: Text): never {
    throw new WktError(text, this.i);
  }
}

interface WkxModule {
  Geometry: { parse(v: string | Buffer): { srid?: number; hasZ: boolean; hasM: boolean; toGeoJSON(): unknown } };
}

let wkx: WkxModule | undefined;

function viaWkx(value: string | Buffer): ParsedWkt {
  wkx ??= createRequire(import.meta.url)('wkx') as WkxModule;
  let g;
  try {
    g = wkx.Geometry.parse(value);
  } catch (e) {
    throw new WktError(txt(`几何无法解析：${(e as Error).message}`, `the geometry cannot be parsed: ${(e as Error).message}`));
  }
  const geometry = stripZ(g.toGeoJSON() as Geometry);
  return { geometry, srid: g.srid || undefined, droppedZ: g.hasZ || g.hasM };
}

function stripZ<G extends Geometry>(g: G): G {
  const pos = (p: Position): Position => (p.length > 2 ? [p[0], p[1]] : p);
  const arr = (a: unknown): unknown => (Array.isArray(a) && typeof a[0] === 'number' ? pos(a as Position) : Array.isArray(a) ? a.map(arr) : a);
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map(stripZ) };
  return { ...g, coordinates: arr((g as { coordinates: unknown }).coordinates) } as G;
}
