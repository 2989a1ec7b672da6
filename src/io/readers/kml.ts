import { extname } from 'node:path';
import type { Geometry } from 'geojson';
import { inputError } from '../../core/errors.js';
import type { Dataset } from '../../core/record.js';
import { type Text, txt } from '../../core/text.js';
import { WGS84 } from '../../geo/crs.js';
import { type GeoReadOptions, type RawFeature, datasetFromFeatures } from '../../geo/read.js';
import { listZip } from '../../geo/zip.js';
import { readInput } from '../dataset.js';
import { decodeText } from '../encoding.js';

/**
 * KML / KMZ and 奥维互动地图 .ovkml / .ovkmz → Dataset, with @tmcw/togeojson on an @xmldom/xmldom DOM. KML is
 * EPSG:4326 by specification; 奥维 exports are usually GCJ-02, so they state no CRS and carry the hint 'ovkml'
 * (a crs-suspect finding; conversion needs an explicit --crs gcj02).
 */

/** togeojson's styling and bookkeeping properties: not attributes of the road. */
const STYLE_KEYS = new Set([
  'styleUrl', 'styleHash', 'styleMapHash', 'stroke', 'stroke-opacity', 'stroke-width', 'fill', 'fill-opacity',
  'icon', 'icon-scale', 'icon-color', 'icon-opacity', 'icon-offset', 'icon-offset-units', 'icon-heading', 'label-scale',
  'label-color', 'label-opacity', 'visibility', 'timespan', 'timestamp', '@geometry-type', 'coordinateProperties',
]);

export async function readKmlFile(file: string, opts: GeoReadOptions = {}): Promise<Dataset> {
  return readKml(await readInput(file), file, opts);
}

export async function readKml(buf: Uint8Array, file: string, opts: GeoReadOptions = {}): Promise<Dataset> {
  const ext = extname(file).toLowerCase();
  const ovital = ext === '.ovkml' || ext === '.ovkmz';
  const zipped = ext === '.kmz' || ext === '.ovkmz' || (buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04);
  if (buf.length === 0) throw inputError(txt('文件是空的', 'the file is empty'), { file });
  let xmlBytes = buf;
  let where = file;
  if (zipped) {
    const zip = await listZip(buf, file, { maxBytes: opts.maxUnzippedBytes });
    const kmls = zip.paths.filter((p) => /\.(ov)?kml$/i.test(p));
    const pick = kmls.find((p) => /^doc\.(ov)?kml$/i.test(p)) ?? kmls.sort((a, b) => a.split('/').length - b.split('/').length)[0];
    if (!pick) {
      throw inputError(txt('KMZ 压缩包中没有 KML 文件', 'the KMZ archive contains no KML file'), { file }, txt('KMZ 里应有 doc.kml；请重新导出。', 'A KMZ should contain doc.kml; export it again.'));
    }
    xmlBytes = (await zip.read([pick]))[0].data;
    where = `${file}:${pick}`;
  }
  const { text, encoding } = decodeText(xmlBytes, where, opts.encoding);
  const { DOMParser } = await import('@xmldom/xmldom');
  let doc;
  // The parser's own message and position (xmldom wraps what onError throws in a message of its own).
  let fatal: { msg: string; line?: number } | undefined;
  try {
    doc = new DOMParser({
      onError: (level: string, msg: string, ctx?: { locator?: { lineNumber?: number } }) => {
        if (level === 'warning') return;
        fatal ??= { msg: String(msg).split('\n')[0], line: ctx?.locator?.lineNumber };
        throw new Error(msg);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    const msg = fatal?.msg ?? (e as Error).message.split('\n')[0];
    const m = /line:?\s*(\d+)/i.exec((e as Error).message);
    throw inputError(txt(`KML 不是有效的 XML：${xmlProblemZh(msg)}`, `the KML is not valid XML: ${msg}`), { file: where, line: fatal?.line ?? (m ? Number(m[1]) : undefined) }, txt('文件可能被截断或手工改坏了，请重新导出。', 'The file may be truncated or hand-edited; export it again.'), e);
  }
  const root = doc.documentElement;
  if (!root || root.localName !== 'kml') {
    throw inputError(txt('不是 KML 文件（根元素不是 <kml>）', 'not a KML file (the root element is not <kml>)'), { file: where });
  }
  const { kml } = await import('@tmcw/togeojson');
  const fc = kml(doc as unknown as Parameters<typeof kml>[0]);
  const notes: Text[] = [];
  let collections = 0;
  const features: RawFeature[] = fc.features.map((f) => {
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) if (!STYLE_KEYS.has(k)) props[k] = v;
    const g = f.geometry ? simplifyCollection(f.geometry) : null;
    if (g && g.type === 'GeometryCollection') collections++;
    return { id: f.id ?? undefined, geometry: g, properties: props };
  });
  if (collections) notes.push(txt(`${collections} 个要素的 MultiGeometry 混合了不同几何类型`, `${collections} features have a MultiGeometry mixing geometry types`));
  if (ovital) {
    notes.push(txt('奥维互动地图导出文件：坐标通常是 GCJ-02（加偏），未作转换', '奥维 (Ovital) export: coordinates are usually GCJ-02 (offset); not converted'));
  }
  return datasetFromFeatures(features, where, opts, { crs: ovital ? undefined : WGS84, hints: ovital ? ['ovkml'] : undefined, notes, encoding });
}

/** xmldom's commonest messages in Chinese (the English original otherwise). */
function xmlProblemZh(msg: string): string {
  const mismatch = /^Opening and ending tag mismatch: "([^"]*)" != "([^"]*)"/.exec(msg);
  if (mismatch) return `开始标签 <${mismatch[1]}> 与结束标签 </${mismatch[2]}> 不匹配`;
  const unclosed = /^unclosed xml tag\(s\): (.*)$/.exec(msg);
  if (unclosed) return `标签没有闭合：${unclosed[1]}（文件可能被截断）`;
  return `格式有误（${msg}）`;
}

/** MultiGeometry of one kind → the matching Multi* geometry (togeojson returns a GeometryCollection). */
function simplifyCollection(g: Geometry): Geometry {
  if (g.type !== 'GeometryCollection' || g.geometries.length === 0) return g;
  const parts = g.geometries.map(simplifyCollection);
  if (parts.every((p) => p.type === 'LineString' || p.type === 'MultiLineString')) {
    return { type: 'MultiLineString', coordinates: parts.flatMap((p) => (p.type === 'LineString' ? [p.coordinates] : p.type === 'MultiLineString' ? p.coordinates : [])) };
  }
  if (parts.every((p) => p.type === 'Point' || p.type === 'MultiPoint')) {
    return { type: 'MultiPoint', coordinates: parts.flatMap((p) => (p.type === 'Point' ? [p.coordinates] : p.type === 'MultiPoint' ? p.coordinates : [])) };
  }
  if (parts.every((p) => p.type === 'Polygon' || p.type === 'MultiPolygon')) {
    return { type: 'MultiPolygon', coordinates: parts.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : p.type === 'MultiPolygon' ? p.coordinates : [])) };
  }
  return { type: 'GeometryCollection', geometries: parts };
}
