import type { Geometry, Position } from 'geojson';
import { CGCS2000, type CrsInfo, crsInfo } from './crs.js';
import { eachPosition, mapPositions } from './geometry.js';

/**
 * Coordinate transforms between the CRSs of crs.ts. Every chain runs through CGCS2000 lon/lat, which is treated as
 * identical to WGS84 (formats.md §3.2: the frames differ by far less than village-road digitising accuracy).
 * Gauss-Krüger uses proj4's Transverse Mercator (the Poder/Engsager algorithm PROJ uses, agreeing with PROJ to
 * ~1e-12°) called directly, without proj4's datum machinery; GCJ-02/BD-09 use gcoord's forward formulas with our own
 * iterative inverses (gcoord stops at 1e-6°, ≈ 0.1 m; ours at 1e-10°).
 * proj4 and gcoord are imported only when a transformer that needs them is created.
 */

export type XY = (x: number, y: number) => Position;

export interface Transformer {
  readonly from: CrsInfo;
  readonly to: CrsInfo;
  /** True when neither side needs work (lon/lat → lon/lat). */
  readonly identity: boolean;
  /** Transform one position; [NaN, NaN] when the input cannot be transformed (e.g. swapped survey columns). */
  point: XY;
  /** A new 2D geometry with every position transformed. */
  geometry<G extends Geometry>(g: G): G;
  /** Transform the positions of a geometry the caller owns, in place (no copies; positions become 2D). */
  inPlace(g: Geometry): void;
}

export interface TransformOptions {
  /** Swap x and y before transforming (latitude/longitude order, survey X = northing tables). */
  swapXY?: boolean;
}

const R2D = 180 / Math.PI;
const D2R = Math.PI / 180;

interface ProjLike {
  forward(p: { x: number; y: number }): { x: number; y: number } | null;
  inverse(p: { x: number; y: number }): { x: number; y: number } | null;
}

type ProjCtor = new (def: string) => ProjLike;
let projCtor: Promise<ProjCtor> | undefined;
const projCache = new Map<string, ProjLike>();

async function projection(def: string): Promise<ProjLike> {
  const hit = projCache.get(def);
  if (hit) return hit;
  projCtor ??= import('proj4').then((mod) => {
    const m = mod as unknown as { default?: { Proj: ProjCtor }; Proj?: ProjCtor };
    return (m.default?.Proj ?? m.Proj)!;
  });
  const Proj = await projCtor;
  const p = new Proj(def);
  projCache.set(def, p);
  return p;
}

/** Projected metres → lon/lat degrees. */
function inverseOf(p: ProjLike): XY {
  const tmp = { x: 0, y: 0 }; // proj4 projections write their result into the point they are given
  return (x, y) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return [NaN, NaN];
    tmp.x = x;
    tmp.y = y;
    const r = p.inverse(tmp);
    if (!r || !Number.isFinite(r.x) || !Number.isFinite(r.y)) return [NaN, NaN];
    return [r.x * R2D, r.y * R2D];
  };
}

/** lon/lat degrees → projected metres. */
function forwardOf(p: ProjLike): XY {
  const tmp = { x: 0, y: 0 };
  return (lon, lat) => {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return [NaN, NaN];
    tmp.x = lon * D2R;
    tmp.y = lat * D2R;
    const r = p.forward(tmp);
    if (!r || !Number.isFinite(r.x) || !Number.isFinite(r.y)) return [NaN, NaN];
    return [r.x, r.y];
  };
}

// ---------------------------------------------------------------------------------------------------------------
// GCJ-02 and BD-09

interface Offsets {
  wgsToGcj: XY;
  gcjToBd: XY;
  bdToGcjApprox: XY;
}

let offsets: Promise<Offsets> | undefined;

async function loadOffsets(): Promise<Offsets> {
  offsets ??= import('gcoord').then((mod) => {
    const g = ((mod as unknown as { default?: typeof mod }).default ?? mod) as unknown as {
      transform(input: [number, number], from: string, to: string): [number, number];
    };
    return {
      wgsToGcj: (x: number, y: number) => g.transform([x, y], 'WGS84', 'GCJ02'),
      gcjToBd: (x: number, y: number) => g.transform([x, y], 'GCJ02', 'BD09'),
      bdToGcjApprox: (x: number, y: number) => g.transform([x, y], 'BD09', 'GCJ02'),
    };
  });
  return offsets;
}

/** Tolerance of the iterative inverses in degrees (≈ 0.01 mm). */
const INVERSE_TOL = 1e-10;
const MAX_ITER = 50;

/**
 * Invert `fwd` near the identity by fixed-point iteration: x ← x − (fwd(x) − target). GCJ-02 and BD-09 offsets
 * change slowly with position (their Jacobian is the identity to about 1e-4), so this converges in a few steps.
 */
export function invertNearIdentity(fwd: XY, x: number, y: number, start: Position = [x, y]): Position {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return [NaN, NaN];
  let gx = start[0], gy = start[1];
  for (let i = 0; i < MAX_ITER; i++) {
    const f = fwd(gx, gy);
    const dx = f[0] - x, dy = f[1] - y;
    if (Math.abs(dx) < INVERSE_TOL && Math.abs(dy) < INVERSE_TOL) break;
    gx -= dx;
    gy -= dy;
  }
  return [gx, gy];
}

/** lon/lat ↔ GCJ-02 / BD-09 functions (loaded lazily). */
export async function offsetFunctions(): Promise<{ toGcj: XY; fromGcj: XY; toBd: XY; fromBd: XY }> {
  const o = await loadOffsets();
  const fromGcj: XY = (x, y) => invertNearIdentity(o.wgsToGcj, x, y);
  const bdToGcj: XY = (x, y) => invertNearIdentity(o.gcjToBd, x, y, o.bdToGcjApprox(x, y));
  return {
    toGcj: (x, y) => (Number.isFinite(x) && Number.isFinite(y) ? o.wgsToGcj(x, y) : [NaN, NaN]),
    fromGcj,
    toBd: (x, y) => {
      if (!Number.isFinite(x) || !Number.isFinite(y)) return [NaN, NaN];
      const g = o.wgsToGcj(x, y);
      return o.gcjToBd(g[0], g[1]);
    },
    fromBd: (x, y) => {
      const g = bdToGcj(x, y);
      return fromGcj(g[0], g[1]);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------

async function toLonLat(info: CrsInfo): Promise<XY | undefined> {
  switch (info.kind) {
    case 'geographic':
      return undefined;
    case 'projected':
      return inverseOf(await projection(info.proj4!));
    case 'gcj02':
      return (await offsetFunctions()).fromGcj;
    case 'bd09':
      return (await offsetFunctions()).fromBd;
  }
}

async function fromLonLat(info: CrsInfo): Promise<XY | undefined> {
  switch (info.kind) {
    case 'geographic':
      return undefined;
    case 'projected':
      return forwardOf(await projection(info.proj4!));
    case 'gcj02':
      return (await offsetFunctions()).toGcj;
    case 'bd09':
      return (await offsetFunctions()).toBd;
  }
}

function mapPath(ps: Position[], fn: XY): Position[] {
  const out = new Array<Position>(ps.length);
  for (let i = 0; i < ps.length; i++) out[i] = fn(ps[i][0], ps[i][1]);
  return out;
}

/** A transformer from one CRS to another (default: to CGCS2000 lon/lat). */
export async function createTransformer(from: string | CrsInfo, to: string | CrsInfo = CGCS2000, opts: TransformOptions = {}): Promise<Transformer> {
  const src = typeof from === 'string' ? crsInfo(from) : from;
  const dst = typeof to === 'string' ? crsInfo(to) : to;
  const same = src.id === dst.id || (src.kind === 'geographic' && dst.kind === 'geographic');
  const a = same ? undefined : await toLonLat(src);
  const b = same ? undefined : await fromLonLat(dst);
  let point: XY;
  if (a && b) {
    point = (x, y) => {
      const p = a(x, y);
      return b(p[0], p[1]);
    };
  } else {
    point = a ?? b ?? ((x, y) => [x, y]);
  }
  if (opts.swapXY) {
    const inner = point;
    point = (x, y) => inner(y, x);
  }
  return {
    from: src,
    to: dst,
    identity: !a && !b && !opts.swapXY,
    point,
    geometry: <G extends Geometry>(g: G): G => {
      // Road lines are the hot path: plain loops instead of the generic mapper.
      if (g.type === 'LineString') return { type: 'LineString', coordinates: mapPath(g.coordinates, point) } as G;
      if (g.type === 'MultiLineString') return { type: 'MultiLineString', coordinates: g.coordinates.map((p) => mapPath(p, point)) } as G;
      return mapPositions(g, point);
    },
    inPlace: (g) => {
      const one = (p: Position) => {
        const q = point(p[0], p[1]);
        if (p.length > 2) p.length = 2;
        p[0] = q[0];
        p[1] = q[1];
      };
      if (g.type === 'LineString') for (const p of g.coordinates) one(p);
      else eachPosition(g, one);
    },
  };
}
