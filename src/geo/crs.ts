import { inputError, usageError, type Where } from '../core/errors.js';
import { type Text, txt } from '../core/text.js';

/**
 * Coordinate reference systems met in Chinese village-road data (formats.md §3.2), as plain data: no proj4 here, so
 * this module is cheap to import. CRS ids are strings: 'EPSG:4490', 'EPSG:4528', 'gcj02', 'bd09', or a proj string
 * ('+proj=tmerc …') for a Transverse Mercator grid read from a .prj that matches no EPSG code (arbitrary meridian).
 */

export const CGCS2000 = 'EPSG:4490';
export const WGS84 = 'EPSG:4326';
export const GCJ02 = 'gcj02';
export const BD09 = 'bd09';

export type CrsKind = 'geographic' | 'projected' | 'gcj02' | 'bd09';

/**
 * The notice to print whenever GCJ-02/BD-09 coordinates are converted or written (formats.md §3.5; quoted there
 * from the gcoord README and its issue tracker: a warning to users, not legal advice).
 */
export const OFFSET_NOTICE = txt(
  '注意：GCJ-02/BD-09 是互联网地图的加偏坐标。《测绘法》禁止未经批准在测绘活动中使用国际坐标系统；GB 20263-2006 要求导航电子地图在公开出版前进行空间位置技术处理；将 GCJ-02 纠偏回 WGS84 严格来说不被允许。diming 的正式数据一律为 CGCS2000 经纬度，加偏坐标只作为标明“预览”的互联网地图数据输出；出版地图须经地图审核取得审图号。以上仅为提示，不构成法律意见。',
  'Note: GCJ-02/BD-09 are the offset coordinates of Chinese web maps. The Surveying and Mapping Law prohibits using international coordinate systems in surveying without approval; GB 20263-2006 requires navigation maps to be position-processed before publication; converting GCJ-02 back to WGS84 is, strictly, not allowed. diming keeps canonical data in CGCS2000 lon/lat and writes offset coordinates only as labelled previews for web maps; published maps need a map review number (审图号). This is a warning, not legal advice.',
);

/** A CGCS2000 Gauss-Krüger zone (EPSG:4491–4554). */
export interface GkZone {
  epsg: number;
  /** Zone width in degrees. */
  width: 3 | 6;
  /** Zone number (3°: 25–45, 6°: 13–23). */
  zone: number;
  /** Central meridian in degrees east. */
  cm: number;
  /** True when the zone number is prefixed to the easting (false easting zone × 10⁶ + 500 000). */
  prefixed: boolean;
  falseEasting: number;
}

export interface CrsInfo {
  /** Canonical id: 'EPSG:4490', 'gcj02', or a proj string for a custom grid. */
  id: string;
  kind: CrsKind;
  epsg?: number;
  datum: 'CGCS2000' | 'WGS84';
  /** Human-readable name. */
  label: Text;
  /** proj4 definition (geographic and projected CRSs). */
  proj4?: string;
  gk?: GkZone;
}

const GRS80 = '+ellps=GRS80';

// ---------------------------------------------------------------------------------------------------------------
// Gauss-Krüger zones from the formulas (formats.md §3.2)

/** The zone behind an EPSG code in 4491–4554, or undefined. */
export function gkZone(epsg: number): GkZone | undefined {
  if (!Number.isInteger(epsg)) return undefined;
  if (epsg >= 4491 && epsg <= 4501) {
    const zone = epsg - 4491 + 13;
    return { epsg, width: 6, zone, cm: 6 * zone - 3, prefixed: true, falseEasting: zone * 1e6 + 5e5 };
  }
  if (epsg >= 4502 && epsg <= 4512) {
    const cm = 75 + (epsg - 4502) * 6;
    return { epsg, width: 6, zone: (cm + 3) / 6, cm, prefixed: false, falseEasting: 5e5 };
  }
  if (epsg >= 4513 && epsg <= 4533) {
    const zone = epsg - 4513 + 25;
    return { epsg, width: 3, zone, cm: 3 * zone, prefixed: true, falseEasting: zone * 1e6 + 5e5 };
  }
  if (epsg >= 4534 && epsg <= 4554) {
    const cm = 75 + (epsg - 4534) * 3;
    return { epsg, width: 3, zone: cm / 3, cm, prefixed: false, falseEasting: 5e5 };
  }
  return undefined;
}

/** EPSG code of a CGCS2000 Gauss-Krüger zone given by width and central meridian, or undefined. */
export function gkEpsg(width: 3 | 6, cm: number, prefixed: boolean): number | undefined {
  if (width === 3) {
    if (cm < 75 || cm > 135 || cm % 3 !== 0) return undefined;
    return prefixed ? 4513 + (cm / 3 - 25) : 4534 + (cm - 75) / 3;
  }
  if (cm < 75 || cm > 135 || (cm - 75) % 6 !== 0) return undefined;
  return prefixed ? 4491 + ((cm + 3) / 6 - 13) : 4502 + (cm - 75) / 6;
}

/** EPSG code of the prefixed 3° zone with this number (25–45), or undefined. */
export function gk3PrefixedEpsg(zone: number): number | undefined {
  return zone >= 25 && zone <= 45 ? 4513 + zone - 25 : undefined;
}

/** EPSG code of the prefixed 6° zone with this number (13–23), or undefined. */
export function gk6PrefixedEpsg(zone: number): number | undefined {
  return zone >= 13 && zone <= 23 ? 4491 + zone - 13 : undefined;
}

/** The proj4 definition of a zone (the one PROJ prints for the EPSG code, minus +type=crs). */
export function gkProj4(z: GkZone): string {
  return `+proj=tmerc +lat_0=0 +lon_0=${z.cm} +k=1 +x_0=${z.falseEasting} +y_0=0 ${GRS80} +units=m +no_defs`;
}

function gkLabel(z: GkZone): Text {
  if (z.width === 3) {
    return z.prefixed
      ? txt(`CGCS2000 3度带高斯-克吕格投影 第${z.zone}带（横坐标带带号）`, `CGCS2000 / 3-degree Gauss-Kruger zone ${z.zone}`)
      : txt(`CGCS2000 3度带高斯-克吕格投影 中央经线${z.cm}°E`, `CGCS2000 / 3-degree Gauss-Kruger CM ${z.cm}E`);
  }
  return z.prefixed
    ? txt(`CGCS2000 6度带高斯-克吕格投影 第${z.zone}带（横坐标带带号）`, `CGCS2000 / Gauss-Kruger zone ${z.zone}`)
    : txt(`CGCS2000 6度带高斯-克吕格投影 中央经线${z.cm}°E`, `CGCS2000 / Gauss-Kruger CM ${z.cm}E`);
}

/** ESRI name of a zone as ArcGIS writes it in .prj files. */
export function gkEsriName(z: GkZone): string {
  if (z.width === 3) return z.prefixed ? `CGCS2000_3_Degree_GK_Zone_${z.zone}` : `CGCS2000_3_Degree_GK_CM_${z.cm}E`;
  return z.prefixed ? `CGCS2000_GK_Zone_${z.zone}` : `CGCS2000_GK_CM_${z.cm}E`;
}

// ---------------------------------------------------------------------------------------------------------------
// Old datums: recognised and refused (formats.md §3.2: no official parameters, out of scope)

interface OldDatum {
  name: Text;
}
const XIAN80: OldDatum = { name: txt('1980西安坐标系', 'Xian 1980') };
const BEIJING54: OldDatum = { name: txt('1954北京坐标系', 'Beijing 1954') };
const NEWBEIJING: OldDatum = { name: txt('新1954北京坐标系', 'New Beijing') };

function oldDatumOfEpsg(epsg: number): OldDatum | undefined {
  if (epsg === 4610 || (epsg >= 2327 && epsg <= 2390)) return XIAN80;
  if (epsg === 4214 || (epsg >= 2401 && epsg <= 2442) || (epsg >= 21413 && epsg <= 21423) || (epsg >= 21453 && epsg <= 21483)) return BEIJING54;
  if (epsg === 4555 || (epsg >= 4568 && epsg <= 4589)) return NEWBEIJING;
  return undefined;
}

function refuseOldDatum(d: OldDatum, where: Where | undefined, usage: boolean): never {
  const text = txt(
    `坐标系是${d.name.zh}，diming 不转换旧坐标系`,
    `the coordinate system is ${d.name.en}; diming does not convert old datums`,
  );
  const hint = txt(
    '旧坐标系到 CGCS2000 的转换需要当地测绘部门提供的转换参数。请先在 GIS 软件中用官方参数转换为 CGCS2000（EPSG:4490 或 4513–4554），再交给 diming。',
    'Converting an old datum to CGCS2000 needs official parameters from the local surveying authority. Convert the data to CGCS2000 (EPSG:4490 or 4513–4554) in a GIS first.',
  );
  throw usage ? usageError(text, hint) : inputError(text, where, hint);
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing CRS ids

const SUPPORTED_HINT = txt(
  '可用：EPSG:4490（CGCS2000 经纬度）、EPSG:4326（WGS84 经纬度）、EPSG:4491–4554（CGCS2000 高斯-克吕格投影）、gcj02（高德/腾讯）、bd09（百度）、auto（自动判断）。',
  'Supported: EPSG:4490 (CGCS2000 lon/lat), EPSG:4326 (WGS84 lon/lat), EPSG:4491–4554 (CGCS2000 Gauss-Kruger), gcj02 (Amap/Tencent), bd09 (Baidu), auto (detect).',
);

const cache = new Map<string, CrsInfo>();

/** The CRS of an EPSG code we support, or undefined. */
export function crsFromEpsg(epsg: number): CrsInfo | undefined {
  const key = `EPSG:${epsg}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let info: CrsInfo | undefined;
  if (epsg === 4490) {
    info = { id: key, kind: 'geographic', epsg, datum: 'CGCS2000', label: txt('CGCS2000 经纬度（EPSG:4490）', 'CGCS2000 lon/lat (EPSG:4490)'), proj4: `+proj=longlat ${GRS80} +no_defs` };
  } else if (epsg === 4326) {
    info = { id: key, kind: 'geographic', epsg, datum: 'WGS84', label: txt('WGS84 经纬度（EPSG:4326）', 'WGS84 lon/lat (EPSG:4326)'), proj4: '+proj=longlat +datum=WGS84 +no_defs' };
  } else {
    const z = gkZone(epsg);
    if (z) {
      const l = gkLabel(z);
      info = { id: key, kind: 'projected', epsg, datum: 'CGCS2000', label: txt(`${l.zh}（EPSG:${epsg}）`, `${l.en} (EPSG:${epsg})`), proj4: gkProj4(z), gk: z };
    }
  }
  if (info) cache.set(key, info);
  return info;
}

const GCJ02_INFO: CrsInfo = { id: GCJ02, kind: 'gcj02', datum: 'WGS84', label: txt('GCJ-02（高德、腾讯等互联网地图的加偏坐标）', 'GCJ-02 (offset coordinates of Amap, Tencent and other Chinese web maps)') };
const BD09_INFO: CrsInfo = { id: BD09, kind: 'bd09', datum: 'WGS84', label: txt('BD-09（百度地图坐标）', 'BD-09 (Baidu map coordinates)') };

/**
 * Understand a CRS as written by a user or a data column: 'EPSG:4528', '4528', 'epsg 4528',
 * 'urn:ogc:def:crs:EPSG::4490', 'CRS84', 'CGCS2000', 'WGS84', 'gcj02'/'GCJ-02'/'高德', 'bd09'/'百度', or a
 * '+proj=tmerc …' string on GRS80/WGS84. Returns undefined for anything else; throws for old datums.
 */
export function parseCrs(text: string, where?: Where): CrsInfo | undefined {
  return parseCrsAs(text, where, false);
}

function parseCrsAs(text: string, where: Where | undefined, usage: boolean): CrsInfo | undefined {
  const raw = text.trim();
  const s = raw.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if (!s) return undefined;
  if (s.startsWith('+proj=')) return customCrs(raw);
  if (['gcj02', 'gcj-02', 'gcj', 'amap', 'gaode', '高德', '火星坐标', '火星坐标系', '国测局坐标', '腾讯', 'tencent'].includes(s)) return GCJ02_INFO;
  if (['bd09', 'bd-09', 'bd09ll', 'baidu', '百度', '百度坐标'].includes(s)) return BD09_INFO;
  if (['cgcs2000', 'cgcs-2000', '2000', '2000国家大地坐标系', '国家2000', 'china2000', 'chinageodeticcoordinatesystem2000'].includes(s)) return crsFromEpsg(4490);
  if (['wgs84', 'wgs-84', 'wgs1984', 'crs84', 'urn:ogc:def:crs:ogc:1.3:crs84', 'urn:ogc:def:crs:ogc::crs84', 'gps'].includes(s)) return crsFromEpsg(4326);
  if (/西安|xian/.test(s) && /80|1980/.test(s)) refuseOldDatum(XIAN80, where, usage);
  if (/北京|beijing/.test(s) && /54|1954/.test(s)) refuseOldDatum(BEIJING54, where, usage);
  const m = /^(?:epsg:{1,2}|epsg|srid=?|urn:ogc:def:crs:epsg:[\d.]*:|https?:\/\/www\.opengis\.net\/def\/crs\/epsg\/\d+\/)?(\d{4,5})$/.exec(s);
  if (!m) return undefined;
  const code = Number(m[1]);
  const old = oldDatumOfEpsg(code);
  if (old) refuseOldDatum(old, where, usage);
  return crsFromEpsg(code);
}

/** `--crs` / `--from` value: a supported CRS or 'auto'. Throws a usage error with the list of choices. */
export function parseCrsOption(text: string): CrsInfo | 'auto' {
  if (text.trim().toLowerCase() === 'auto') return 'auto';
  const info = parseCrsAs(text, undefined, true);
  if (!info) throw usageError(txt(`不认识的坐标系「${text}」`, `unknown coordinate system "${text}"`), SUPPORTED_HINT);
  return info;
}

/** `--to` value: lon/lat output (EPSG:4490/4326) or a labelled gcj02/bd09 preview. */
export function parseTargetCrs(text: string): CrsInfo {
  const info = parseCrsAs(text, undefined, true);
  if (!info || info.kind === 'projected') {
    throw usageError(
      txt(`不支持的输出坐标系「${text}」`, `unsupported output coordinate system "${text}"`),
      txt('输出为经纬度：EPSG:4490（默认，CGCS2000）、EPSG:4326，或供互联网地图预览的 gcj02、bd09。', 'Outputs are lon/lat: EPSG:4490 (default, CGCS2000), EPSG:4326, or gcj02/bd09 previews for web maps.'),
    );
  }
  return info;
}

/** The CRS behind an id produced by this module (never undefined for such ids). */
export function crsInfo(id: string): CrsInfo {
  const info = parseCrs(id);
  if (!info) throw usageError(txt(`不认识的坐标系「${id}」`, `unknown coordinate system "${id}"`), SUPPORTED_HINT);
  return info;
}

/** A Transverse Mercator (or UTM / longlat) proj string on GRS80 or WGS84, as read from a .prj or --crs. */
function customCrs(def: string): CrsInfo | undefined {
  const params = new Map<string, string>();
  for (const tok of def.trim().split(/\s+/)) {
    const m = /^\+([a-z_0-9]+)(?:=(.*))?$/i.exec(tok);
    if (!m) return undefined;
    params.set(m[1].toLowerCase(), m[2] ?? '');
  }
  const proj = params.get('proj');
  const ellps = params.get('ellps') ?? (params.get('datum') === 'WGS84' ? 'WGS84' : undefined);
  if (ellps !== 'GRS80' && ellps !== 'WGS84') return undefined;
  if (params.has('towgs84') || params.has('nadgrids')) return undefined;
  const units = params.get('units') ?? 'm';
  if (proj === 'longlat') return crsFromEpsg(ellps === 'GRS80' ? 4490 : 4326);
  if ((proj !== 'tmerc' && proj !== 'utm') || units !== 'm') return undefined;
  const num = (k: string, d: number) => (params.has(k) ? Number(params.get(k)) : d);
  if (proj === 'tmerc') {
    const lon0 = num('lon_0', 0), lat0 = num('lat_0', 0), k = num('k', num('k_0', 1)), x0 = num('x_0', 0), y0 = num('y_0', 0);
    if (![lon0, lat0, k, x0, y0].every(Number.isFinite)) return undefined;
    // A standard CGCS2000 zone gets its EPSG code.
    if (ellps === 'GRS80' && lat0 === 0 && k === 1 && y0 === 0) {
      for (const width of [3, 6] as const) {
        const e = gkEpsg(width, lon0, x0 !== 5e5);
        const z = e === undefined ? undefined : gkZone(e);
        if (z && z.falseEasting === x0) return crsFromEpsg(z.epsg);
      }
    }
    const norm = `+proj=tmerc +lat_0=${lat0} +lon_0=${lon0} +k=${k} +x_0=${x0} +y_0=${y0} +ellps=${ellps} +units=m +no_defs`;
    return {
      id: norm,
      kind: 'projected',
      datum: ellps === 'GRS80' ? 'CGCS2000' : 'WGS84',
      label: txt(`横轴墨卡托投影（中央经线 ${lon0}°，${ellps === 'GRS80' ? 'CGCS2000' : 'WGS84'}）`, `Transverse Mercator (central meridian ${lon0}°, ${ellps === 'GRS80' ? 'CGCS2000' : 'WGS84'})`),
      proj4: norm,
    };
  }
  const zone = Number(params.get('zone'));
  if (!Number.isInteger(zone) || zone < 1 || zone > 60) return undefined;
  const south = params.has('south');
  const norm = `+proj=utm +zone=${zone}${south ? ' +south' : ''} +ellps=${ellps} +units=m +no_defs`;
  return {
    id: norm,
    kind: 'projected',
    datum: ellps === 'GRS80' ? 'CGCS2000' : 'WGS84',
    label: txt(`UTM 第${zone}带${south ? '（南半球）' : ''}`, `UTM zone ${zone}${south ? 'S' : 'N'}`),
    proj4: norm,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// .prj (WKT1, ESRI WKT, WKT2) → CRS

interface WktNode {
  key: string;
  args: (string | number | WktNode)[];
}

/** A small WKT tokenizer: KEYWORD[ "text", 1.5, CHILD[…] ] (brackets or parentheses). */
function parseWktTree(src: string): WktNode {
  let i = 0;
  const n = src.length;
  const ws = () => {
    while (i < n && /\s/.test(src[i])) i++;
  };
  const node = (): WktNode => {
    ws();
    const start = i;
    while (i < n && /[A-Za-z0-9_]/.test(src[i])) i++;
    const key = src.slice(start, i).toUpperCase();
    if (!key) throw new Error(`keyword expected at ${i}`);
    ws();
    const open = src[i];
    if (open !== '[' && open !== '(') return { key, args: [] };
    const close = open === '[' ? ']' : ')';
    i++;
    const args: (string | number | WktNode)[] = [];
    for (;;) {
      ws();
      if (i >= n) throw new Error('unexpected end');
      const c = src[i];
      if (c === close || c === ']' || c === ')') {
        i++;
        break;
      }
      if (c === ',') {
        i++;
        continue;
      }
      if (c === '"') {
        let s = '';
        i++;
        for (;;) {
          if (i >= n) throw new Error('unterminated string');
          if (src[i] === '"') {
            if (src[i + 1] === '"') {
              s += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          s += src[i++];
        }
        args.push(s);
      } else if (/[-+.\d]/.test(c)) {
        const st = i;
        while (i < n && /[-+.\deE]/.test(src[i])) i++;
        args.push(Number(src.slice(st, i)));
      } else {
        args.push(node());
      }
    }
    return { key, args };
  };
  const root = node();
  return root;
}

const children = (n: WktNode, ...keys: string[]): WktNode[] => n.args.filter((a): a is WktNode => typeof a === 'object' && keys.includes(a.key));
const child = (n: WktNode, ...keys: string[]): WktNode | undefined => children(n, ...keys)[0];
const nameOf = (n: WktNode | undefined): string => (n && typeof n.args[0] === 'string' ? n.args[0] : '');

function authorityCode(n: WktNode): number | undefined {
  const a = child(n, 'AUTHORITY', 'ID');
  if (!a || String(a.args[0]).toUpperCase() !== 'EPSG') return undefined;
  const code = Number(a.args[1]);
  return Number.isInteger(code) ? code : undefined;
}

const normName = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_');

function datumOf(name: string): 'CGCS2000' | 'WGS84' | OldDatum | undefined {
  const s = normName(name);
  if (/xian|xi_an|1980/.test(s) && !/china|cgcs/.test(s)) return XIAN80;
  if (/new_beijing/.test(s)) return NEWBEIJING;
  if (/beijing|1954/.test(s)) return BEIJING54;
  if (/cgcs|china_2000|china_geodetic_coordinate_system_2000|cgcs2000/.test(s)) return 'CGCS2000';
  if (/wgs_?84|wgs_1984|world_geodetic_system_1984/.test(s)) return 'WGS84';
  return undefined;
}

/**
 * Read a .prj (ESRI WKT or OGC WKT1/WKT2) into a CRS we support. Names such as CGCS2000_3_Degree_GK_Zone_40,
 * CGCS2000_3_Degree_GK_CM_120E and GCS_China_Geodetic_Coordinate_System_2000 are recognised; projection parameters
 * decide (a Transverse Mercator with a non-standard meridian becomes a custom grid). Xian 1980 and Beijing 1954 are
 * refused with a clear message, and so is anything else we cannot transform.
 */
export function crsFromPrj(wkt: string, file: string): CrsInfo {
  const where = { file };
  const text = wkt.replace(/^\uFEFF/, '').trim();
  if (!text) throw inputError(txt('.prj 文件是空的', 'the .prj file is empty'), where, PRJ_HINT);
  let root: WktNode;
  try {
    root = parseWktTree(text);
  } catch (e) {
    throw inputError(txt('.prj 文件不是有效的 WKT 坐标系定义', 'the .prj file is not a valid WKT coordinate system'), where, PRJ_HINT, e);
  }
  if (root.key === 'COMPD_CS' || root.key === 'COMPOUNDCRS') {
    const horiz = child(root, 'PROJCS', 'PROJCRS', 'GEOGCS', 'GEOGCRS', 'GEODCRS');
    if (!horiz) throw unsupportedPrj(nameOf(root), where);
    root = horiz;
  }
  const rootName = nameOf(root);
  const code = authorityCode(root);
  if (code !== undefined) {
    const old = oldDatumOfEpsg(code);
    if (old) refuseOldDatum(old, where, false);
    const info = crsFromEpsg(code);
    if (info) return info;
  }
  const isProjected = root.key === 'PROJCS' || root.key === 'PROJCRS';
  const geog = isProjected ? child(root, 'GEOGCS', 'GEOGCRS', 'BASEGEOGCRS', 'BASEGEODCRS') : root;
  if (!geog) throw unsupportedPrj(rootName, where);
  const datumNode = child(geog, 'DATUM', 'TRF');
  const ellNode = datumNode && child(datumNode, 'SPHEROID', 'ELLIPSOID');
  const datum = datumOf(nameOf(datumNode)) ?? datumOf(nameOf(geog)) ?? datumOf(rootName) ?? ellipsoidDatum(ellNode);
  if (typeof datum === 'object') refuseOldDatum(datum, where, false);
  if (!datum) throw unsupportedPrj(rootName, where);
  if (!isProjected) return crsFromEpsg(datum === 'CGCS2000' ? 4490 : 4326)!;

  const conv = child(root, 'CONVERSION') ?? root;
  const method = normName(nameOf(child(conv, 'PROJECTION', 'METHOD')));
  const unit = child(root, 'UNIT', 'LENGTHUNIT') ?? findUnit(root);
  if (unit && Math.abs(Number(unit.args[1]) - 1) > 1e-9) {
    throw inputError(txt(`.prj 的长度单位不是米（${nameOf(unit)}）`, `the .prj length unit is not metres (${nameOf(unit)})`), where, PRJ_HINT);
  }
  if (!/transverse_mercator|gauss_kruger|gauss_krueger|tmerc/.test(method) || /south_orientated/.test(method)) {
    throw unsupportedPrj(rootName, where);
  }
  const p = new Map<string, number>();
  for (const par of children(conv, 'PARAMETER')) {
    const k = normName(nameOf(par));
    const v = Number(par.args[1]);
    p.set(k, v);
  }
  const get = (d: number, ...names: string[]) => {
    for (const nm of names) if (p.has(nm)) return p.get(nm)!;
    return d;
  };
  const lon0 = get(NaN, 'central_meridian', 'longitude_of_natural_origin', 'longitude_of_origin', 'longitude_of_center');
  const lat0 = get(0, 'latitude_of_origin', 'latitude_of_natural_origin', 'latitude_of_center');
  const k = get(1, 'scale_factor', 'scale_factor_at_natural_origin');
  const x0 = get(0, 'false_easting');
  const y0 = get(0, 'false_northing');
  if (!Number.isFinite(lon0)) throw unsupportedPrj(rootName, where);
  const info = customCrs(`+proj=tmerc +lat_0=${lat0} +lon_0=${lon0} +k=${k} +x_0=${x0} +y_0=${y0} +ellps=${datum === 'CGCS2000' ? 'GRS80' : 'WGS84'} +units=m`);
  if (!info) throw unsupportedPrj(rootName, where);
  // 3° and 6° zones without prefix share meridians (CM 75E, 81E …): the parameters are identical, the name tells.
  const named = zoneFromName(rootName);
  if (named && crsFromEpsg(named)?.proj4 === info.proj4) return crsFromEpsg(named)!;
  return info;
}

/** EPSG code named by an ESRI or EPSG zone name ("CGCS2000_GK_CM_117E", "CGCS2000 / 3-degree Gauss-Kruger zone 40"). */
function zoneFromName(name: string): number | undefined {
  const s = name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  if (!s.includes('cgcs2000')) return undefined;
  const three = /3_degree/.test(s);
  let m = /(?:gk|gauss_kruger)_zone_(\d+)/.exec(s);
  if (m) return three ? gk3PrefixedEpsg(Number(m[1])) : gk6PrefixedEpsg(Number(m[1]));
  m = /(?:gk|gauss_kruger)_cm_(\d+)e/.exec(s);
  if (m) return gkEpsg(three ? 3 : 6, Number(m[1]), false);
  return undefined;
}

function findUnit(root: WktNode): WktNode | undefined {
  // WKT2: CS[…] then AXIS[… LENGTHUNIT[…]]
  for (const ax of children(root, 'AXIS')) {
    const u = child(ax, 'LENGTHUNIT', 'UNIT');
    if (u) return u;
  }
  return undefined;
}

function ellipsoidDatum(ell: WktNode | undefined): 'CGCS2000' | 'WGS84' | OldDatum | undefined {
  if (!ell) return undefined;
  const a = Number(ell.args[1]);
  const rf = Number(ell.args[2]);
  if (a === 6378137 && Math.abs(rf - 298.257222101) < 1e-6) return 'CGCS2000';
  if (a === 6378137 && Math.abs(rf - 298.257223563) < 1e-6) return 'WGS84';
  if (a === 6378140) return XIAN80; // IAG 1975
  if (a === 6378245) return BEIJING54; // Krassowsky 1940
  return undefined;
}

const PRJ_HINT = txt(
  '请提供 CGCS2000（EPSG:4490、4491–4554）或 WGS84 的 .prj，或用 --crs 指定坐标系。',
  'Provide a .prj for CGCS2000 (EPSG:4490, 4491–4554) or WGS84, or give the coordinate system with --crs.',
);

function unsupportedPrj(name: string, where: Where) {
  return inputError(
    txt(`不支持 .prj 中的坐标系「${name || '未命名'}」`, `unsupported coordinate system in the .prj: "${name || 'unnamed'}"`),
    where,
    txt(
      '支持 CGCS2000 与 WGS84 的经纬度和高斯-克吕格/横轴墨卡托投影。其他投影请先在 GIS 软件中转换为 CGCS2000，或用 --crs 指定。',
      'Supported: CGCS2000 and WGS84 lon/lat and Gauss-Kruger/Transverse Mercator grids. Reproject other systems to CGCS2000 in a GIS, or give --crs.',
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// .prj output

const GEOGCS_CGCS2000 =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const GEOGCS_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** ESRI WKT for a .prj as ArcGIS writes it: lon/lat outputs, and the Gauss-Krüger zones (used for test data). */
export function prjFor(id: string): string {
  const info = crsInfo(id);
  if (info.kind === 'geographic') return info.datum === 'CGCS2000' ? GEOGCS_CGCS2000 : GEOGCS_WGS84;
  if (info.kind === 'gcj02' || info.kind === 'bd09') return GEOGCS_WGS84;
  const z = info.gk;
  if (!z) throw usageError(txt(`无法为「${id}」写出 .prj`, `cannot write a .prj for "${id}"`));
  return (
    `PROJCS["${gkEsriName(z)}",${GEOGCS_CGCS2000},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${z.falseEasting.toFixed(1)}],` +
    `PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${z.cm.toFixed(1)}],PARAMETER["Scale_Factor",1.0],` +
    'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]'
  );
}
