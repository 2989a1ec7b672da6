import type { Position } from 'geojson';
import { type Text, txt } from '../core/text.js';
import { SegmentIndex } from './spatial.js';
import { BD09, CGCS2000, type CrsInfo, GCJ02, crsFromEpsg, crsInfo, gk3PrefixedEpsg, gk6PrefixedEpsg } from './crs.js';

/**
 * CRS detection from the numbers and the source (formats.md §3.3), used by `--crs auto` and by the `crs-suspect`
 * rule (rules.md §10). Pure and synchronous except `offsetSuspicion`, which needs the GCJ-02/BD-09 formulas.
 */

/** What one position looks like. */
export type PositionClass =
  | 'lonlat' // lon 73–136, lat 3–54
  | 'latlon' // the same, swapped
  | 'lonlat-outside' // plausible lon/lat, but outside China
  | 'gk3' // 8-digit easting with a 3° zone prefix 25–45
  | 'gk3-swapped'
  | 'gk6' // 8-digit easting with a 6° zone prefix 13–23
  | 'gk6-swapped'
  | 'gk-cm' // easting 100 000–900 000, northing 2 000 000–6 000 000: Gauss-Krüger without zone prefix
  | 'gk-cm-swapped'
  | 'unknown'
  | 'invalid'; // NaN, Infinity

export interface Classified {
  cls: PositionClass;
  /** Zone number read from a prefixed easting. */
  zone?: number;
}

const inLon = (v: number) => v >= 73 && v <= 136;
const inLat = (v: number) => v >= 3 && v <= 54;
/** Northings of China in Gauss-Krüger metres (lat ≈ 3.5°–54°). */
const inNorthing = (v: number) => v >= 3.5e5 && v <= 6.1e6;
const inCmNorthing = (v: number) => v >= 2e6 && v <= 6e6;
const inCmEasting = (v: number) => v >= 1e5 && v <= 9e5;

function prefixedZone(e: number): { width: 3 | 6; zone: number } | undefined {
  if (!(e >= 1e7 && e < 1e8)) return undefined;
  const zone = Math.floor(e / 1e6);
  const off = e - zone * 1e6 - 5e5;
  if (Math.abs(off) > 4e5) return undefined;
  if (zone >= 25 && zone <= 45) return { width: 3, zone };
  if (zone >= 13 && zone <= 23) return { width: 6, zone };
  return undefined;
}

/** Classify one x/y pair (x = first value as stored, y = second). */
export function classify(x: number, y: number): Classified {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return { cls: 'invalid' };
  if (inLon(x) && inLat(y)) return { cls: 'lonlat' };
  if (inLat(x) && inLon(y)) return { cls: 'latlon' };
  if (Math.abs(x) <= 180 && Math.abs(y) <= 90) return { cls: 'lonlat-outside' };
  const px = prefixedZone(x);
  if (px && inNorthing(y)) return { cls: px.width === 3 ? 'gk3' : 'gk6', zone: px.zone };
  const py = prefixedZone(y);
  if (py && inNorthing(x)) return { cls: py.width === 3 ? 'gk3-swapped' : 'gk6-swapped', zone: py.zone };
  if (inCmEasting(x) && inCmNorthing(y)) return { cls: 'gk-cm' };
  if (inCmEasting(y) && inCmNorthing(x)) return { cls: 'gk-cm-swapped' };
  return { cls: 'unknown' };
}

export type SuspicionCode =
  | 'swapped' // lat/lon order
  | 'survey-xy' // X = northing, Y = easting columns
  | 'projected' // metres where lon/lat were declared or expected
  | 'lonlat-declared-projected' // lon/lat numbers, projected CRS declared
  | 'zone-mismatch' // the easting's zone prefix disagrees with the declared zone
  | 'gcj02'
  | 'bd09'
  | 'mixed'
  | 'unknown';

/** One `crs-suspect` finding. */
export interface CrsSuspicion {
  code: SuspicionCode;
  message: Text;
  /** A CRS that would fit the numbers, when one can be named. */
  suggest?: string;
}

export interface DetectContext {
  /** The CRS stated by --crs, a crs column, a .prj or the file type. */
  declared?: string | CrsInfo;
  /**
   * Dataset hints: 'ovkml' (奥维 export), 'gcj02-flag' / 'bd09-flag' (奥维 TXT flags), 'rfc7946' (GeoJSON without a
   * crs member: lon/lat by specification).
   */
  hints?: readonly string[];
  /** File name and field names, searched for 高德/百度/腾讯/gcj/bd09. */
  names?: readonly string[];
}

export interface Detection {
  /** The CRS to use: the declared one, or what the numbers say; undefined when it cannot be decided. */
  crs?: string;
  /** x and y must be swapped before transforming. */
  swapped: boolean;
  /** What most positions look like. */
  dominant: PositionClass | 'empty';
  /** Share of the sampled positions in the dominant class. */
  share: number;
  /** Positions looked at. */
  sampled: number;
  /** Why: one line per step, for the report ("what it decided and why"). */
  reasons: Text[];
  /** `crs-suspect` findings. */
  suspicions: CrsSuspicion[];
  /** The numbers are Gauss-Krüger without zone prefix: the user must name the CRS (--crs). */
  needsCrs: boolean;
}

/** A class must cover this share of positions to decide; otherwise the input is reported as mixed. */
const DECIDE_SHARE = 0.9;

const CLASS_TEXT: Record<PositionClass, Text> = {
  'lonlat': txt('经度 73–136、纬度 3–54（经纬度）', 'lon 73–136, lat 3–54 (lon/lat)'),
  'latlon': txt('第一个数 3–54、第二个数 73–136（纬度在前，经纬度顺序颠倒）', 'first value 3–54, second 73–136 (latitude first: swapped)'),
  'lonlat-outside': txt('像经纬度，但不在中国范围内', 'look like lon/lat, but outside China'),
  'gk3': txt('8 位横坐标，前两位是 3 度带带号（高斯-克吕格投影，米）', '8-digit eastings prefixed with a 3° zone number (Gauss-Kruger metres)'),
  'gk3-swapped': txt('8 位带号横坐标在第二列（测量习惯 X=北坐标、Y=东坐标，与 GIS 相反）', 'the 8-digit zone-prefixed easting is in the second column (survey X = northing, Y = easting)'),
  'gk6': txt('8 位横坐标，前两位是 6 度带带号（高斯-克吕格投影，米）', '8-digit eastings prefixed with a 6° zone number (Gauss-Kruger metres)'),
  'gk6-swapped': txt('8 位 6 度带带号横坐标在第二列（测量习惯 X=北坐标）', 'the 8-digit 6° zone-prefixed easting is in the second column (survey X = northing)'),
  'gk-cm': txt('横坐标 100000–900000、纵坐标 2000000–6000000（不带带号的高斯-克吕格投影，米）', 'eastings 100 000–900 000, northings 2 000 000–6 000 000 (Gauss-Kruger without zone prefix)'),
  'gk-cm-swapped': txt('不带带号的高斯-克吕格坐标，但北坐标在第一列（测量习惯 X=北坐标）', 'Gauss-Kruger without zone prefix, northing in the first column (survey X = northing)'),
  'unknown': txt('不像经纬度，也不像高斯-克吕格坐标', 'look neither like lon/lat nor like Gauss-Kruger metres'),
  'invalid': txt('不是有限数值', 'are not finite numbers'),
};

const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

/**
 * Decide (or check) the CRS of a sample of positions. With `declared`, the result keeps the declared CRS and lists
 * what disagrees with it; without, it decides from the numbers. Both explain themselves in `reasons`.
 */
export function detectCrs(sample: readonly Position[], ctx: DetectContext = {}): Detection {
  const declared = typeof ctx.declared === 'string' ? crsInfo(ctx.declared) : ctx.declared;
  const counts = new Map<PositionClass, number>();
  const zones = new Map<string, number>();
  let finite = 0;
  for (const p of sample) {
    const c = classify(p[0], p[1]);
    counts.set(c.cls, (counts.get(c.cls) ?? 0) + 1);
    if (c.cls !== 'invalid') finite++;
    if (c.zone !== undefined) zones.set(`${c.cls}:${c.zone}`, (zones.get(`${c.cls}:${c.zone}`) ?? 0) + 1);
  }
  const reasons: Text[] = [];
  const suspicions: CrsSuspicion[] = [];
  const det: Detection = { swapped: false, dominant: 'empty', share: 0, sampled: sample.length, reasons, suspicions, needsCrs: false };

  sourceSuspicions(declared, ctx, suspicions, reasons);

  if (finite === 0) {
    reasons.push(txt('没有可用的坐标', 'no usable coordinates'));
    det.crs = declared?.id;
    return det;
  }
  let dominant: PositionClass = 'unknown';
  let best = -1;
  for (const [cls, n] of counts) {
    if (cls !== 'invalid' && n > best) {
      dominant = cls;
      best = n;
    }
  }
  const share = best / finite;
  det.dominant = dominant;
  det.share = share;
  let zone: number | undefined;
  let zoneN = 0;
  for (const [k, n] of zones) {
    if (k.startsWith(`${dominant}:`) && n > zoneN) {
      zone = Number(k.slice(dominant.length + 1));
      zoneN = n;
    }
  }
  reasons.push(txt(
    `${finite} 个坐标中 ${pct(share)} ${CLASS_TEXT[dominant].zh}${zone !== undefined ? `，带号 ${zone}` : ''}`,
    `${pct(share)} of ${finite} positions: ${CLASS_TEXT[dominant].en}${zone !== undefined ? `, zone ${zone}` : ''}`,
  ));
  const mixed = share < DECIDE_SHARE || (zone !== undefined && zoneN / best < DECIDE_SHARE);
  if (mixed) {
    const others = [...counts].filter(([c]) => c !== dominant && c !== 'invalid').sort((a, b) => b[1] - a[1]);
    const list = (lang: 'zh' | 'en') => others.map(([c, n]) => `${pct(n / finite)} ${CLASS_TEXT[c][lang]}`).join(lang === 'zh' ? '；' : '; ');
    const zoneNote = zone !== undefined && zoneN / best < DECIDE_SHARE;
    suspicions.push({
      code: 'mixed',
      message: txt(
        `坐标混杂，不像同一个坐标系：${list('zh') || (zoneNote ? '带号不一致' : '')}`,
        `the coordinates are mixed and do not look like one coordinate system: ${list('en') || (zoneNote ? 'different zone numbers' : '')}`,
      ),
    });
  }

  const suggestion = suggestFor(dominant, zone);
  if (declared) {
    det.crs = declared.id;
    reasons.push(txt(`使用声明的坐标系：${declared.label.zh}`, `using the declared coordinate system: ${declared.label.en}`));
    compareDeclared(declared, dominant, zone, suggestion, det);
    return det;
  }

  if (mixed) {
    reasons.push(txt('坐标混杂，无法自动判断坐标系', 'the coordinates are mixed; the coordinate system cannot be detected'));
    return det;
  }
  switch (dominant) {
    case 'lonlat':
    case 'lonlat-outside':
      det.crs = CGCS2000;
      reasons.push(txt('按 CGCS2000 经纬度（EPSG:4490）处理；WGS84 与 CGCS2000 的差别远小于道路数据精度，视为相同', 'treated as CGCS2000 lon/lat (EPSG:4490); WGS84 and CGCS2000 differ far less than road data accuracy and are treated as the same'));
      break;
    case 'latlon':
      det.crs = CGCS2000;
      det.swapped = true;
      reasons.push(txt('经纬度顺序颠倒：交换后按 CGCS2000 经纬度（EPSG:4490）处理', 'latitude and longitude are swapped: swapping them, then CGCS2000 lon/lat (EPSG:4490)'));
      suspicions.push({ code: 'swapped', message: txt('经纬度顺序颠倒（纬度在前）', 'latitude and longitude are swapped (latitude first)'), suggest: CGCS2000 });
      break;
    case 'gk3':
    case 'gk6':
    case 'gk3-swapped':
    case 'gk6-swapped': {
      det.crs = suggestion;
      det.swapped = dominant.endsWith('-swapped');
      const info = crsFromEpsg(Number(suggestion!.slice(5)))!;
      reasons.push(txt(`由横坐标的带号 ${zone} 判断为 ${info.label.zh}`, `zone prefix ${zone} of the eastings: ${info.label.en}`));
      if (ctx.hints?.includes('rfc7946')) {
        suspicions.push({ code: 'projected', message: txt(`GeoJSON 按 RFC 7946 应为经纬度，但坐标是${info.label.zh}的米制坐标`, `GeoJSON must hold lon/lat (RFC 7946), but these are metres of ${info.label.en}`), suggest: suggestion });
      }
      if (det.swapped) {
        reasons.push(txt('北坐标和东坐标所在列颠倒（测量表格 X=北坐标、Y=东坐标），已交换', 'northing and easting are in each other\'s columns (survey X = northing, Y = easting); swapping them'));
        suspicions.push({ code: 'survey-xy', message: txt('X/Y 列是测量习惯（X=北坐标），与 GIS 的 x=东坐标相反', 'the X/Y columns follow the survey convention (X = northing), the reverse of GIS x = easting'), suggest: suggestion });
      }
      break;
    }
    case 'gk-cm':
    case 'gk-cm-swapped':
      det.needsCrs = true;
      det.swapped = dominant === 'gk-cm-swapped';
      reasons.push(txt(
        '横坐标不带带号，无法从数值判断中央经线：请用 --crs 指定（3 度带 EPSG:4534–4554，6 度带 EPSG:4502–4512）',
        'the eastings carry no zone prefix, so the central meridian cannot be read from the numbers: give --crs (3° zones EPSG:4534–4554, 6° zones EPSG:4502–4512)',
      ));
      break;
    default:
      reasons.push(txt('无法从数值判断坐标系，请用 --crs 指定', 'the coordinate system cannot be detected from the numbers; give --crs'));
  }
  return det;
}

function suggestFor(cls: PositionClass, zone: number | undefined): string | undefined {
  if (zone === undefined) return cls === 'lonlat' || cls === 'latlon' ? CGCS2000 : undefined;
  const e = cls.startsWith('gk3') ? gk3PrefixedEpsg(zone) : cls.startsWith('gk6') ? gk6PrefixedEpsg(zone) : undefined;
  return e === undefined ? undefined : `EPSG:${e}`;
}

function compareDeclared(declared: CrsInfo, cls: PositionClass, zone: number | undefined, suggestion: string | undefined, det: Detection): void {
  const s = det.suspicions;
  const expectLonLat = declared.kind !== 'projected';
  const name = declared.label;
  if (expectLonLat) {
    if (cls === 'latlon') {
      det.swapped = true;
      s.push({ code: 'swapped', message: txt(`声明为${name.zh}，但经纬度顺序颠倒（纬度在前）`, `declared ${name.en}, but latitude and longitude are swapped (latitude first)`), suggest: declared.id });
    } else if (cls.startsWith('gk')) {
      const swapped = cls.endsWith('-swapped');
      const what = cls.startsWith('gk-cm')
        ? txt('不带带号的高斯-克吕格投影坐标（米），请用 --crs 指定中央经线对应的 EPSG 代码', 'Gauss-Kruger metres without zone prefix; give the EPSG code of the central meridian with --crs')
        : txt(`第 ${zone} 带高斯-克吕格投影坐标（米），应为 ${suggestion}`, `Gauss-Kruger metres of zone ${zone}; the CRS should be ${suggestion}`);
      s.push({
        code: 'projected',
        message: txt(`声明为${name.zh}，但数值是${what.zh}${swapped ? '（且 X/Y 为测量习惯，X=北坐标）' : ''}`, `declared ${name.en}, but the numbers are ${what.en}${swapped ? ' (with survey X = northing columns)' : ''}`),
        suggest: suggestion,
      });
    } else if (cls === 'unknown') {
      s.push({ code: 'projected', message: txt(`声明为${name.zh}，但数值不是经纬度（绝对值超过 180）`, `declared ${name.en}, but the numbers are not lon/lat (beyond ±180)`) });
    }
    return;
  }
  // Declared projected.
  const gk = declared.gk;
  if (cls === 'lonlat' || cls === 'latlon' || cls === 'lonlat-outside') {
    s.push({ code: 'lonlat-declared-projected', message: txt(`声明为${name.zh}，但数值像经纬度`, `declared ${name.en}, but the numbers look like lon/lat`), suggest: CGCS2000 });
    return;
  }
  const swapped = cls.endsWith('-swapped');
  if (swapped) {
    det.swapped = true;
    s.push({ code: 'survey-xy', message: txt('X/Y 列是测量习惯（X=北坐标、Y=东坐标），与 GIS 的 x=东坐标相反，已交换', 'the X/Y columns follow the survey convention (X = northing, Y = easting), the reverse of GIS x = easting; swapped'), suggest: declared.id });
  }
  if (!gk) return;
  if ((cls.startsWith('gk3') || cls.startsWith('gk6')) && zone !== undefined) {
    const width = cls.startsWith('gk3') ? 3 : 6;
    if (!gk.prefixed || gk.width !== width || gk.zone !== zone) {
      s.push({
        code: 'zone-mismatch',
        message: txt(`声明为${name.zh}，但横坐标带号是 ${width} 度带第 ${zone} 带`, `declared ${name.en}, but the eastings carry the ${width}° zone prefix ${zone}`),
        suggest: suggestion,
      });
    }
  } else if (cls.startsWith('gk-cm') && gk.prefixed) {
    s.push({ code: 'zone-mismatch', message: txt(`声明为${name.zh}（横坐标带带号），但横坐标没有带号`, `declared ${name.en} (zone-prefixed eastings), but the eastings have no zone prefix`) });
  } else if (cls === 'unknown') {
    s.push({ code: 'unknown', message: txt(`声明为${name.zh}，但数值不像该投影的坐标`, `declared ${name.en}, but the numbers do not look like coordinates of that projection`) });
  }
}

const GCJ_NAME = /高德|腾讯|amap|gaode|autonavi|tencent|qqmap|gcj/i;
const BD_NAME = /百度|baidu|bmap|bd-?09/i;

function sourceSuspicions(declared: CrsInfo | undefined, ctx: DetectContext, out: CrsSuspicion[], reasons: Text[]): void {
  if (declared && (declared.kind === 'gcj02' || declared.kind === 'bd09')) return;
  const hints = ctx.hints ?? [];
  if (hints.includes('ovkml')) {
    out.push({ code: 'gcj02', message: txt('奥维互动地图导出的 .ovkml/.ovkmz 通常是 GCJ-02 加偏坐标（偏移数百米）', '奥维 (Ovital) .ovkml/.ovkmz exports are usually GCJ-02 offset coordinates (hundreds of metres off)'), suggest: GCJ02 });
  }
  if (hints.includes('gcj02-flag')) out.push({ code: 'gcj02', message: txt('奥维 TXT 第一列标记 g：GCJ-02 坐标', '奥维 TXT first-column flag g: GCJ-02 coordinates'), suggest: GCJ02 });
  if (hints.includes('bd09-flag')) out.push({ code: 'bd09', message: txt('奥维 TXT 第一列标记 b：BD-09 坐标', '奥维 TXT first-column flag b: BD-09 coordinates'), suggest: BD09 });
  const names = ctx.names ?? [];
  const bd = names.find((n) => BD_NAME.test(n));
  const gcj = names.find((n) => GCJ_NAME.test(n));
  if (bd && !out.some((x) => x.code === 'bd09')) {
    out.push({ code: 'bd09', message: txt(`名称「${bd}」提到百度：坐标可能是 BD-09`, `the name "${bd}" mentions Baidu: the coordinates may be BD-09`), suggest: BD09 });
  } else if (gcj && !out.some((x) => x.code === 'gcj02')) {
    out.push({ code: 'gcj02', message: txt(`名称「${gcj}」提到高德/腾讯/GCJ：坐标可能是 GCJ-02`, `the name "${gcj}" mentions Amap/Tencent/GCJ: the coordinates may be GCJ-02`), suggest: GCJ02 });
  }
  for (const s of out) {
    if (s.code === 'gcj02' || s.code === 'bd09') {
      reasons.push(txt(`${s.message.zh}；不自动转换，确认后用 --crs ${s.suggest} 明确转换`, `${s.message.en}; not converted automatically: confirm and convert explicitly with --crs ${s.suggest}`));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reference-layer test for GCJ-02/BD-09 (rules.md §10 crs-suspect)

export interface OffsetTest {
  system: 'gcj02' | 'bd09';
  /** Median distance in metres from the input to the reference, as given and after removing the offset. */
  before: number;
  after: number;
  /** Relative drop (0.6 = 60 % closer). */
  drop: number;
}

/** Distances are capped here (metres): a point with no reference within 5 km counts as 5 km. */
const CAP_M = 5000;

/**
 * Compare lon/lat input positions with a CGCS2000 reference layer (lines): if the median distance drops by more
 * than `minDrop` (default 60 %) after applying GCJ-02→WGS84 or BD-09→WGS84, the input is probably offset.
 */
export async function offsetSuspicion(input: readonly Position[], reference: readonly Position[][], minDrop = 0.6): Promise<{ tests: OffsetTest[]; suspicion?: CrsSuspicion }> {
  const { offsetFunctions } = await import('./transform.js');
  const f = await offsetFunctions();
  const idx = new SegmentIndex();
  reference.forEach((line, i) => idx.addPath(i, line));
  const sample = input.length > 500 ? input.filter((_, i) => i % Math.ceil(input.length / 500) === 0) : input;
  const median = (ps: Position[]) => {
    const d = ps.map((p) => idx.nearest(p, CAP_M)?.distance ?? CAP_M).sort((a, b) => a - b);
    return d.length ? d[Math.floor(d.length / 2)] : NaN;
  };
  const before = median(sample.map((p) => p));
  const tests: OffsetTest[] = [];
  for (const system of ['gcj02', 'bd09'] as const) {
    const inv = system === 'gcj02' ? f.fromGcj : f.fromBd;
    const after = median(sample.map((p) => inv(p[0], p[1])));
    tests.push({ system, before, after, drop: before > 0 ? (before - after) / before : 0 });
  }
  const best = tests.reduce((a, b) => (b.drop > a.drop ? b : a));
  if (!(best.drop > minDrop)) return { tests };
  const label = best.system === 'gcj02' ? 'GCJ-02' : 'BD-09';
  return {
    tests,
    suspicion: {
      code: best.system,
      message: txt(
        `与参考图层比较：按 ${label} 纠偏后，与参考道路的中位距离从 ${Math.round(best.before)} 米降到 ${Math.round(best.after)} 米，坐标很可能是 ${label}`,
        `against the reference layer: removing the ${label} offset brings the median distance to the reference roads from ${Math.round(best.before)} m down to ${Math.round(best.after)} m; the coordinates are probably ${label}`,
      ),
      suggest: best.system === 'gcj02' ? GCJ02 : BD09,
    },
  };
}
