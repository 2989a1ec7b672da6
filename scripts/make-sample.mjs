#!/usr/bin/env node
// Adds road geometry to the sample batch data/samples/dawang-roads.csv (41 proposed roads in 大王镇, 广饶县):
// a WKT column of LineStrings in CGCS2000 / 3-degree Gauss-Kruger zone 40 (EPSG:4528; eastings carry the zone
// prefix 40, formats.md §3.2), laid out as a plausible township network around the town seat (~118.53° E, 37.00° N):
// a town-centre grid, a ring of four roads round it, and village clusters in the four quarters, with crossings,
// T-junctions and shared corners. Every line follows the table's 走向 (东西/南北) and its length equals the table's
// 长度 to within 1 % (the free end of each road is solved for it). Interior vertices wander a few metres to either side,
// as digitised lines do; vertex positions come from a seeded generator, so the output is the same on every run.
//
// Planted geometry problem: 周庄路 doubles back over itself at its south end (a self-intersecting, "crossed" line).
// The other planted problems are in the attribute columns (see data/samples/README.md).
//
// Also writes data/samples/dawang-boundary.geojson: a schematic township outline (the network's convex hull widened by
// 500 m, in CGCS2000 lon/lat) for `diming run --boundaries` — clearly marked as not the real boundary.
//
// Run by hand after editing the table or the layout:   node scripts/make-sample.mjs [--check]
// The attribute columns of the CSV are kept as they are; only 起点, 止点 and WKT are (re)written. --check verifies
// that both files are up to date (exit 1 if not) without writing them.
import { readFileSync, writeFileSync } from 'node:fs';
import proj4 from 'proj4';

const FILE = new URL('../data/samples/dawang-roads.csv', import.meta.url);
const BOUNDARY = new URL('../data/samples/dawang-boundary.geojson', import.meta.url);
const WKT_HEADER = 'WKT';

// Town seat of 大王镇 (approximate) and its Gauss-Kruger zone-40 coordinates, rounded to whole metres: the origin of
// the layout below (x east, y north, metres; grid north differs from true north by under 1°).
const CENTRE = [118.53, 37.0];
proj4.defs('EPSG:4528', '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs');
const [E0, N0] = proj4('EPSG:4326', 'EPSG:4528', CENTRE).map((v) => Math.round(v));

// The layout. axis EW: the road runs along y = c from x = a to x = b (NS: along x = c, from y = a to y = b).
// An end is a number (a fixed coordinate along the axis), 'free' (solved so that the length equals the table's),
// { on: road } (a T-junction: the point of that road where it meets this road's axis line), or
// { endOf: road, which: 'start' | 'end' } (a shared corner: exactly that road's end vertex).
// Order matters: a road refers only to roads listed before it.
const LAYOUT = [
  // Town centre and the ring round it.
  { name: '花园街', axis: 'NS', c: 0, a: -740, b: 740 },
  { name: '和谐路', axis: 'NS', c: -480, a: -480, b: 480 },
  { name: '阳河路', axis: 'EW', c: 0, a: { on: '和谐路' }, b: 480 },
  { name: '红星路', axis: 'NS', c: 300, a: { on: '阳河路' }, b: 'free' },
  { name: '中心街', axis: 'EW', c: 300, a: 'free', b: { on: '红星路' } },
  { name: '兴业路', axis: 'NS', c: -1150, a: -740, b: 740 },
  { name: '丰收路', axis: 'EW', c: 740, a: { endOf: '兴业路', which: 'end' }, b: { endOf: '花园街', which: 'end' } },
  { name: '创业路', axis: 'EW', c: -740, a: { endOf: '兴业路', which: 'start' }, b: { endOf: '花园街', which: 'start' } },
  { name: '利民路', axis: 'NS', c: 880, a: -700, b: 'free' },
  { name: '幸福路', axis: 'EW', c: -300, a: { on: '花园街' }, b: { on: '利民路' } },
  { name: '幸福一巷', axis: 'NS', c: 600, a: { on: '幸福路' }, b: 'free' },
  { name: '幸福二巷', axis: 'NS', c: 800, a: { on: '幸福路' }, b: 'free' },
  { name: '富民路', axis: 'EW', c: -600, a: -225, b: 'free' },
  { name: '福民路', axis: 'NS', c: -300, a: { on: '创业路' }, b: 'free', dir: -1 },
  { name: '文化路', axis: 'EW', c: 600, a: 'free', b: { on: '花园街' } },
  { name: '建设路', axis: 'EW', c: -450, a: -900, b: 'free' },
  { name: '致富路', axis: 'NS', c: -800, a: { on: '创业路' }, b: 'free' },
  { name: '威尼斯路', axis: 'EW', c: 200, a: { on: '利民路' }, b: 'free' },
  { name: '刘堡路', axis: 'EW', c: 300, a: 'free', b: { on: '兴业路' } },
  { name: '龍泉路', axis: 'NS', c: -1700, a: -575, b: 'free' },
  // North: 韩桥村, 田门村, 苏庙村, 三贤村.
  { name: '田门巷', axis: 'EW', c: 2500, a: -480, b: 'free' },
  { name: '韩桥路', axis: 'NS', c: 0, a: 2200, b: 'free' },
  { name: '苏庙路', axis: 'NS', c: 400, a: { on: '田门巷' }, b: 'free' },
  { name: '三贤路', axis: 'EW', c: 2650, a: { on: '韩桥路' }, b: 'free' },
  // North-east: 延集村, 崔寨村, 耿集村, 孟集村.
  { name: '延集路', axis: 'NS', c: 2500, a: 1900, b: 'free' },
  { name: '崔寨路', axis: 'EW', c: 2600, a: 1800, b: 'free' },
  { name: '耿集路', axis: 'EW', c: 3000, a: { on: '延集路' }, b: 'free' },
  { name: '孟集路', axis: 'NS', c: 3100, a: 1900, b: 'free' },
  // South-east: 魏庄村, 荣庄村, 任楼村, 东卧石村.
  { name: '魏庄路', axis: 'NS', c: 2400, a: -3200, b: 'free' },
  { name: '荣庄路', axis: 'NS', c: 3280, a: -3100, b: 'free' },
  { name: '任楼路', axis: 'EW', c: -2500, a: { on: '魏庄路' }, b: { on: '荣庄路' } },
  { name: '卧石路', axis: 'EW', c: -3000, a: 'free', b: { on: '荣庄路' } },
  // South-west: 书房刘村, 灶户王村, 铁匠李村, 鞠家村, 吴家村.
  { name: '书房路', axis: 'NS', c: -2500, a: -3240, b: 'free' },
  { name: '铁匠路', axis: 'NS', c: -2950, a: -2480, b: 'free' },
  { name: '灶户路', axis: 'EW', c: -2000, a: { on: '铁匠路' }, b: { on: '书房路' } },
  { name: '鞠家路', axis: 'EW', c: -3000, a: -2980, b: 'free' },
  { name: '吴家巷', axis: 'NS', c: -2200, a: { on: '鞠家路' }, b: 'free', dir: -1 },
  // North-west: 永和村, 菜园村, 曲江村, 周庄村.
  { name: '永和路', axis: 'NS', c: -2400, a: 1800, b: 'free' },
  { name: '菜园巷', axis: 'EW', c: 2400, a: -3200, b: 'free' },
  { name: '曲江路', axis: 'EW', c: 2900, a: { on: '永和路' }, b: 'free' },
  { name: '周庄路', axis: 'NS', c: -2000, a: { on: '菜园巷' }, b: 'free', dir: -1, crossed: true },
];

// ---------------------------------------------------------------------------------------------------------------

/** mulberry32: a small seeded generator, so that every run gives the same wobble. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(name) {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.codePointAt(0), 16777619);
  return h >>> 0;
}

const len = (pts) => pts.reduce((s, p, i) => (i ? s + Math.hypot(p[0] - pts[i - 1][0], p[1] - pts[i - 1][1]) : 0), 0);

/** The point of a polyline where its x (along = 0) or y (along = 1) coordinate equals v, or undefined. */
function pointAtCoordinate(pts, along, v) {
  for (let i = 0; i + 1 < pts.length; i++) {
    const p = pts[i];
    const q = pts[i + 1];
    const lo = Math.min(p[along], q[along]);
    const hi = Math.max(p[along], q[along]);
    if (v < lo - 1e-9 || v > hi + 1e-9 || p[along] === q[along]) continue;
    const t = (v - p[along]) / (q[along] - p[along]);
    return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
  }
  return undefined;
}

/**
 * A road line from `from` to `to` (points in metres): vertices about every 110 m, interior ones shifted up to 3 m
 * sideways (the ends stay put: they are junctions or fixed points).
 */
function wobbly(from, to, rand) {
  const d = Math.hypot(to[0] - from[0], to[1] - from[1]);
  const n = Math.max(1, Math.round(d / 110));
  const nx = -(to[1] - from[1]) / d;
  const ny = (to[0] - from[0]) / d;
  const out = [from];
  for (let k = 1; k < n; k++) {
    const t = (k + (rand() - 0.5) * 0.3) / n;
    const off = (rand() - 0.5) * 6;
    out.push([from[0] + t * (to[0] - from[0]) + off * nx, from[1] + t * (to[1] - from[1]) + off * ny]);
  }
  out.push(to);
  return out;
}

function build(rows) {
  const byName = new Map(rows.map((r) => [r.name, r]));
  const lines = new Map();
  for (const spec of LAYOUT) {
    const row = byName.get(spec.name);
    if (!row) throw new Error(`layout road ${spec.name} is not in the table`);
    const want = Number(row.length);
    const axisOk = (spec.axis === 'EW' && row.orientation === '东西') || (spec.axis === 'NS' && row.orientation === '南北');
    if (!axisOk) throw new Error(`${spec.name}: layout axis ${spec.axis} but the table says ${row.orientation}`);
    const along = spec.axis === 'EW' ? 0 : 1;
    const point = (u) => (along === 0 ? [u, spec.c] : [spec.c, u]);
    const resolve = (end) => {
      if (typeof end === 'number') return point(end);
      if (end === 'free') return undefined;
      if (end.endOf) {
        const other = lines.get(end.endOf);
        return other[end.which === 'start' ? 0 : other.length - 1];
      }
      const other = lines.get(end.on);
      if (!other) throw new Error(`${spec.name}: ${end.on} must come first`);
      const p = pointAtCoordinate(other, 1 - along, spec.c);
      if (!p) throw new Error(`${spec.name}: does not meet ${end.on}`);
      return p;
    };
    const rand = rng(seedOf(spec.name));
    let a = resolve(spec.a);
    let b = resolve(spec.b);
    const dir = spec.dir ?? 1;
    let pts;
    if (spec.crossed) {
      // Down the axis, then a digitising slip: back up and across the line already drawn (it crosses itself).
      const make = (depth) => {
        const p1 = [a[0], a[1] + dir * depth];
        const p2 = [a[0] + 25, p1[1] - dir * 40];
        const p3 = [a[0] - 20, p1[1] - dir * 30];
        return [a, [a[0] + 1.5, a[1] + dir * depth * 0.5], p1, p2, p3];
      };
      let depth = want - 95;
      for (let k = 0; k < 20; k++) depth += want - len(make(depth));
      pts = make(depth);
    } else if (a && b) {
      pts = wobbly(a, b, rand);
    } else {
      // Solve the free end so that the length equals the table's.
      const fixed = a ?? b;
      const sign = a ? dir : -dir;
      let extent = want;
      for (let k = 0; k < 30; k++) {
        const other = along === 0 ? [fixed[0] + sign * extent, spec.c] : [spec.c, fixed[1] + sign * extent];
        // The same wobble on every iteration: only the free end moves.
        const r2 = rng(seedOf(spec.name));
        pts = a ? wobbly(fixed, other, r2) : wobbly(other, fixed, r2);
        extent *= want / len(pts);
      }
      if (a) b = pts[pts.length - 1];
      else a = pts[0];
    }
    const got = len(pts);
    if (Math.abs(got - want) / want > 0.01) throw new Error(`${spec.name}: length ${got.toFixed(1)} m, the table says ${want} m`);
    lines.set(spec.name, pts);
  }
  for (const r of rows) if (!lines.has(r.name)) throw new Error(`${r.name} has no layout`);
  return lines;
}

/** Distance from point p to a polyline. */
function distanceTo(p, pts) {
  let best = Infinity;
  for (let i = 0; i + 1 < pts.length; i++) {
    const [ax, ay] = pts[i];
    const [bx, by] = pts[i + 1];
    const dx = bx - ax;
    const dy = by - ay;
    const l2 = dx * dx + dy * dy;
    const t = l2 ? Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / l2)) : 0;
    best = Math.min(best, Math.hypot(ax + t * dx - p[0], ay + t * dy - p[1]));
  }
  return best;
}

/**
 * 起点 and 止点 as a township table writes them: the road the end meets (within 1 m), else the side of the village
 * the road runs out to (大王南村西侧). The start is the first vertex of the line, so 西起/东至 follow the geometry.
 */
function endNames(name, pts, geometry, village) {
  const side = (p, q) => {
    const dx = p[0] - q[0];
    const dy = p[1] - q[1];
    return Math.abs(dx) >= Math.abs(dy) ? (dx > 0 ? '东' : '西') : dy > 0 ? '北' : '南';
  };
  const at = (p, other) => {
    for (const [n, line] of geometry) if (n !== name && distanceTo(p, line) < 1) return n;
    return `${village}${side(p, other)}侧`;
  };
  const first = pts[0];
  const last = pts[pts.length - 1];
  return [at(first, last), at(last, first)];
}

/**
 * A schematic township outline for the review page and geometry-outside: the convex hull of the network, widened by
 * `margin` metres (rounded corners of 8 points), as a CGCS2000 lon/lat polygon (exterior ring counter-clockwise,
 * RFC 7946). It is NOT the real boundary of 大王镇 (none is bundled); the file says so.
 */
function schematicBoundary(geometry, margin = 500) {
  const pts = [...geometry.values()].flat().map(([x, y]) => [x, y]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper = [];
  for (const p of [...pts].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  const hull = [...lower.slice(0, -1), ...upper.slice(0, -1)]; // counter-clockwise
  const ring = [];
  hull.forEach((p, i) => {
    const prev = hull[(i + hull.length - 1) % hull.length];
    const next = hull[(i + 1) % hull.length];
    // Outward normals of the two edges at p (counter-clockwise ring: outward = right of the direction).
    const n1 = Math.atan2(-(p[0] - prev[0]), p[1] - prev[1]);
    let n2 = Math.atan2(-(next[0] - p[0]), next[1] - p[1]);
    while (n2 < n1) n2 += 2 * Math.PI;
    for (let k = 0; k <= 8; k++) {
      const a = n1 + ((n2 - n1) * k) / 8;
      ring.push([p[0] + margin * Math.cos(a), p[1] + margin * Math.sin(a)]);
    }
  });
  ring.push(ring[0]);
  const lonlat = ring.map(([x, y]) => proj4('EPSG:4528', 'EPSG:4326', [E0 + x, N0 + y]).map((v) => Math.round(v * 1e7) / 1e7));
  return {
    type: 'FeatureCollection',
    features: [{
      type: 'Feature',
      properties: {
        区划代码: '370523101',
        '乡镇(街道)': '大王镇',
        说明: '示意范围：按示例路网外扩 500 米生成，不是大王镇的真实行政界线 / schematic extent (the sample network widened by 500 m), not the real boundary',
      },
      geometry: { type: 'Polygon', coordinates: [lonlat] },
    }],
  };
}

function wkt(pts) {
  return `LINESTRING (${pts.map(([x, y]) => `${(E0 + x).toFixed(2)} ${(N0 + y).toFixed(2)}`).join(', ')})`;
}

// Minimal CSV (the sample has no quotes or line breaks inside its attribute cells; WKT cells are quoted).
function parseCsvLine(line) {
  const out = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const cell = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const text = readFileSync(FILE, 'utf8');
const lines = text.split(/\r?\n/).filter((l) => l.length);
const header = parseCsvLine(lines[0]);
// Columns this script writes: 起点 and 止点 (inserted before 走向 when missing) and WKT (last).
const OWN = [WKT_HEADER, '起点', '止点'];
const keep = header.map((_, i) => i).filter((i) => !OWN.includes(header[i]));
const col = (name) => header.indexOf(name);
const rows = lines.slice(1).map((l) => {
  const cells = parseCsvLine(l);
  return {
    cells: keep.map((i) => cells[i] ?? ''),
    name: cells[col('名称')],
    village: cells[col('村(社区)')],
    orientation: cells[col('走向')],
    length: cells[col('长度(米)')],
  };
});
const geometry = build(rows);
const keptHeaders = keep.map((i) => header[i]);
const at = keptHeaders.indexOf('走向');
const outHeader = [...keptHeaders.slice(0, at), '起点', '止点', ...keptHeaders.slice(at), WKT_HEADER];
const out = [outHeader.map(cell).join(',')];
for (const r of rows) {
  const pts = geometry.get(r.name);
  const [start, end] = endNames(r.name, pts, geometry, r.village);
  out.push([...r.cells.slice(0, at), start, end, ...r.cells.slice(at), wkt(pts)].map(cell).join(','));
}
const result = out.join('\n') + '\n';

const boundary = JSON.stringify(schematicBoundary(geometry), null, 1) + '\n';

if (process.argv.includes('--check')) {
  let old = '';
  try {
    old = readFileSync(BOUNDARY, 'utf8');
  } catch {
    old = '';
  }
  if (result !== text || boundary !== old) {
    console.error('data/samples/dawang-roads.csv or dawang-boundary.geojson is not up to date: run node scripts/make-sample.mjs');
    process.exitCode = 1;
  } else console.log('data/samples/dawang-roads.csv and dawang-boundary.geojson are up to date');
} else {
  writeFileSync(FILE, result);
  writeFileSync(BOUNDARY, boundary);
  console.log(`wrote ${rows.length} roads with EPSG:4528 geometry (origin ${E0} ${N0}) to data/samples/dawang-roads.csv, and a schematic outline to dawang-boundary.geojson`);
}
