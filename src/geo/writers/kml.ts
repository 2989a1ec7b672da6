import type { Geometry, Position } from 'geojson';
import { openAtomic } from '../../io/writers/atomic.js';
import { rewind } from '../geometry.js';
import { checkRfc7946 } from '../validate.js';
import {
  ChunkWriter, type FeatureSource, type WriteOptions, type WriteResult, coordinateStatement, invalidFeatureError,
  previewName, batches, outputCrs, precisionOf, roundFn, roundGeometry,
} from './common.js';

/**
 * Streaming KML 2.2 for 奥维互动地图 and Google Earth: one Placemark per feature with its name, all properties as
 * ExtendedData, and the coordinate statement in the document description (previews say so in the document name).
 */

/** Text safe for XML 1.0: escapes markup and drops characters XML cannot carry. */
export function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function coords(ps: Position[]): string {
  let s = '<coordinates>';
  for (let i = 0; i < ps.length; i++) s += (i ? ' ' : '') + ps[i][0] + ',' + ps[i][1];
  return s + '</coordinates>';
}

function ring(tag: 'outerBoundaryIs' | 'innerBoundaryIs', ps: Position[]): string {
  return `<${tag}><LinearRing>${coords(ps)}</LinearRing></${tag}>`;
}

function polygon(rings: Position[][]): string {
  return `<Polygon>${rings.map((r, i) => ring(i === 0 ? 'outerBoundaryIs' : 'innerBoundaryIs', r)).join('')}</Polygon>`;
}

/** KML geometry element for a rounded geometry. */
export function kmlGeometry(g: Geometry): string {
  switch (g.type) {
    case 'Point':
      return `<Point>${coords([g.coordinates])}</Point>`;
    case 'LineString':
      return `<LineString><tessellate>1</tessellate>${coords(g.coordinates)}</LineString>`;
    case 'Polygon':
      return polygon(g.coordinates);
    case 'MultiPoint':
      return `<MultiGeometry>${g.coordinates.map((p) => `<Point>${coords([p])}</Point>`).join('')}</MultiGeometry>`;
    case 'MultiLineString':
      return `<MultiGeometry>${g.coordinates.map((l) => `<LineString><tessellate>1</tessellate>${coords(l)}</LineString>`).join('')}</MultiGeometry>`;
    case 'MultiPolygon':
      return `<MultiGeometry>${g.coordinates.map(polygon).join('')}</MultiGeometry>`;
    case 'GeometryCollection':
      return `<MultiGeometry>${g.geometries.map(kmlGeometry).join('')}</MultiGeometry>`;
  }
}

function valueText(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export async function writeKml(target: string, features: FeatureSource, opts: WriteOptions = {}): Promise<WriteResult> {
  const precision = precisionOf(opts);
  const round = roundFn(precision);
  const crs = outputCrs(opts);
  const statement = coordinateStatement(crs);
  const validate = opts.validate !== false;
  const preview = previewName(crs);
  const docName = `${preview ? `【预览 PREVIEW ${preview}】` : ''}${opts.name ?? 'diming'}`;
  const out = await openAtomic(target);
  let n = 0;
  try {
    const w = new ChunkWriter(out);
    await w.push(
      '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n' +
        `<name>${xmlText(docName)}</name>\n<description>${xmlText(`${statement.zh}\n${statement.en}`)}</description>\n`,
    );
    for await (const batch of batches(features)) for (const f of batch) {
      const g = f.geometry ? rewind(roundGeometry(f.geometry, round)) : null;
      if (validate) {
        const problems = checkRfc7946({ type: 'Feature', geometry: g, properties: f.properties }, { precision });
        if (problems.length) throw invalidFeatureError(target, f, n, problems);
      }
      let s = '<Placemark>';
      const name = valueText(f.properties.name);
      if (name !== undefined) s += `<name>${xmlText(name)}</name>`;
      const desc = valueText(f.properties.location_desc);
      if (desc !== undefined) s += `<description>${xmlText(desc)}</description>`;
      let ext = '';
      for (const [k, v] of Object.entries(f.properties)) {
        const t = valueText(v);
        if (t !== undefined) ext += `<Data name="${xmlText(k)}"><value>${xmlText(t)}</value></Data>`;
      }
      if (ext) s += `<ExtendedData>${ext}</ExtendedData>`;
      if (g) s += kmlGeometry(g);
      await w.push(`${s}</Placemark>\n`);
      n++;
    }
    await w.push('</Document>\n</kml>\n');
    await w.flush();
    await out.commit();
  } catch (e) {
    await out.abort();
    throw e;
  }
  return { files: [target], features: n, notes: [statement] };
}
