import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DimingError } from '../../src/core/errors.js';
import { prjFor } from '../../src/geo/crs.js';
import { readGeometryDataset } from '../../src/geo/read.js';
import { writeShapefile } from '../../src/geo/writers/shapefile.js';
import { readGeoJson } from '../../src/io/readers/geojson.js';
import { readKml } from '../../src/io/readers/kml.js';
import { dbfEncoding, readDbf, readShapefile } from '../../src/io/readers/shapefile.js';
import { FIXTURES, tempDir } from '../helpers.js';

const fx = (n: string) => join(FIXTURES, 'geo', n);

/** A DimingError whose text (either language) matches. */
function throwsText(fn: () => unknown, re: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DimingError);
    expect(`${(e as DimingError).text.zh} ${(e as DimingError).text.en}`).toMatch(re);
    return;
  }
  throw new Error('expected an error');
}

async function rejects(p: Promise<unknown>, re: RegExp): Promise<DimingError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DimingError);
    expect(`${(e as DimingError).text.zh} ${(e as DimingError).text.en}`).toMatch(re);
    return e as DimingError;
  }
  throw new Error('expected a rejection');
}

describe('GeoJSON reader', () => {
  it('maps properties through the header aliases and reads the old crs member', async () => {
    const ds = await readGeometryDataset(fx('roads-4490.geojson'));
    expect(ds.crs).toBe('EPSG:4490');
    expect(ds.notes.map((n) => n.en).join(' ')).toMatch(/crs member .* EPSG:4490/);
    expect(ds.records.map((r) => r.name)).toEqual(['幸福路', '和平街', '村口桥', '坏坐标路', '无几何路']);
    expect(ds.records[0].fields).toMatchObject({ id: '1', grade: '村道', length_m: '820', township: '城关镇' });
    expect(ds.records[0].geometry).toEqual({ geojson: { type: 'LineString', coordinates: [[118.5001, 37.0002], [118.5052, 37.0004], [118.5103, 37.0011]] }, crs: 'EPSG:4490' });
    expect(ds.records[3].geometry?.error?.en).toMatch(/not numbers/);
    expect(ds.records[4].geometry).toBeUndefined();
    const notes = ds.notes.map((n) => n.en).join(' | ');
    expect(notes).toMatch(/Z or M values/);
    expect(notes).toMatch(/mixed geometry types: line 2, point 1/);
  });

  it('leaves the CRS open (hint rfc7946) without a crs member, so detection can see projected metres', async () => {
    const ds = await readGeometryDataset(fx('roads-gk.geojson'));
    expect(ds.crs).toBeUndefined();
    expect(ds.hints).toEqual(['rfc7946']);
    expect(ds.records[0].geometry?.geojson).toMatchObject({ coordinates: [[40515300, 3349722], [40515420.5, 3349731.2], [40515530.1, 3349760.8]] });
  });

  it('reads RFC 8142 sequences and bare geometries', async () => {
    const ds = await readGeometryDataset(fx('roads.geojsons'));
    expect(ds.records.map((r) => r.name)).toEqual(['一号路', '二号路']);
    const g = readGeoJson(Buffer.from('{"type":"LineString","coordinates":[[1,2],[3,4]]}'), 'g.json');
    expect(g.records).toHaveLength(1);
  });

  it('reports broken JSON with its line, and non-GeoJSON clearly', async () => {
    const e = await rejects(readGeometryDataset(fx('broken.geojson')), /not valid JSON/);
    expect(e.where?.line).toBe(4);
    throwsText(() => readGeoJson(Buffer.from('{"a":1}'), 'x.json'), /type/);
    throwsText(() => readGeoJson(Buffer.from('{"type":"FeatureCollection","features":[]}'), 'x.json'), /no features/);
    throwsText(() => readGeoJson(Buffer.from('{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features":[]}'), 'x.json'), /unsupported/);
    throwsText(() => readGeoJson(Buffer.from('{"type":"Topology"}'), 'x.json'), /Topology/);
  });
});

describe('KML reader', () => {
  it('reads names, ExtendedData through the aliases, MultiGeometry as MultiLineString; KML is EPSG:4326', async () => {
    const ds = await readGeometryDataset(fx('roads.kml'));
    expect(ds.crs).toBe('EPSG:4326');
    expect(ds.records.map((r) => r.name)).toEqual(['幸福路', '和平街', '村口桥']);
    expect(ds.records[0].fields).toMatchObject({ grade: '村道', naming_reason: '寓意生活幸福' });
    expect(Object.keys(ds.records[0].extra)).not.toContain('styleUrl');
    expect(ds.records[1].geometry?.geojson?.type).toBe('MultiLineString');
    expect(ds.records[0].geometry?.geojson).toMatchObject({ coordinates: [[118.5001, 37.0002], [118.5052, 37.0004], [118.5103, 37.0011]] });
  });

  it('treats 奥维 .ovkml as a GCJ-02 suspect without a stated CRS', async () => {
    const ds = await readKml(readFileSync(fx('roads.kml')), 'export.ovkml');
    expect(ds.crs).toBeUndefined();
    expect(ds.hints).toEqual(['ovkml']);
  });

  it('reads KMZ (doc.kml), and refuses a KMZ without KML, broken XML and non-KML', async () => {
    const zip = new JSZip();
    zip.file('doc.kml', readFileSync(fx('roads.kml')));
    zip.file('files/icon.png', Buffer.from([1, 2, 3]));
    const kmz = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect((await readKml(kmz, 'a.kmz')).records).toHaveLength(3);
    const empty = new JSZip();
    empty.file('readme.txt', 'x');
    await rejects(readKml(await empty.generateAsync({ type: 'nodebuffer' }), 'b.kmz'), /no KML/);
    await rejects(readKml(Buffer.from('<kml><Document><Placemark></Document></kml>'), 'c.kml'), /not valid XML/);
    await rejects(readKml(Buffer.from('<gpx></gpx>'), 'd.kml'), /not a KML/);
  });
});

describe('Shapefile reader', () => {
  const dir = tempDir();
  const features = [
    { geometry: { type: 'LineString' as const, coordinates: [[40515300, 3349722], [40515420.5, 3349731.2]] }, properties: { 名称: '东风路', 地名代码: '37010200100000000001' } },
    { geometry: { type: 'LineString' as const, coordinates: [[40516300, 3350722], [40516410, 3350790]] }, properties: { 名称: '西风路', 地名代码: '37010200100000000002' } },
  ];

  async function gkShapefile(name: string): Promise<string> {
    // Our writer validates lon/lat; for projected test data, write without validation and replace the .prj.
    const base = join(dir, `${name}.shp`);
    await writeShapefile(base, features, { validate: false });
    writeFileSync(join(dir, `${name}.prj`), prjFor('EPSG:4528'));
    return base;
  }

  it('reads the .prj, the attributes through the aliases, and keeps 20-digit codes intact', async () => {
    const ds = await readShapefile(await gkShapefile('gk'));
    expect(ds.crs).toBe('EPSG:4528');
    expect(ds.records.map((r) => r.name)).toEqual(['东风路', '西风路']);
    expect(ds.records[0].fields.place_code).toBe('37010200100000000001');
    expect(ds.source.encoding).toBe('utf-8');
    expect(ds.records[0].geometry?.crs).toBe('EPSG:4528');
  });

  it('refuses a .shp without .prj unless --crs is given; auto detects later', async () => {
    const base = join(dir, 'noprj.shp');
    await writeShapefile(base, features, { validate: false });
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'noprj.prj'));
    const e = await rejects(readShapefile(base), /no \.prj/);
    expect(e.where?.file).toBe(base);
    expect(e.hint?.en).toMatch(/--crs/);
    expect((await readShapefile(base, { crs: 'auto' })).notes.map((n) => n.en).join(' ')).toMatch(/detected from the numbers/);
    expect((await readShapefile(base, { crs: 'EPSG:4528' })).crs).toBeUndefined();
  });

  it('refuses a Xian 1980 .prj unless the user overrides it', async () => {
    const base = await gkShapefile('xian');
    writeFileSync(join(dir, 'xian.prj'), prjFor('EPSG:4528').replace(/China_Geodetic_Coordinate_System_2000|China_2000|CGCS2000/g, 'Xian_1980'));
    await rejects(readShapefile(base), /Xian 1980/);
    const ds = await readShapefile(base, { crs: 'EPSG:4528' });
    expect(ds.notes.map((n) => n.en).join(' ')).toMatch(/cannot be used/);
  });

  it('decides the DBF code page: .cpg > language driver 0x4D > strict UTF-8 > GB18030', async () => {
    const gbkName = Buffer.from([0xc3, 0xfb, 0xb3, 0xc6]); // 名称 in GBK
    const gbkValue = Buffer.from([0xd0, 0xd2, 0xb8, 0xa3, 0xc2, 0xb7]); // 幸福路
    const dbf = Buffer.alloc(32 + 32 + 1 + 1 + 10 + 1);
    dbf[0] = 3;
    dbf.writeUInt32LE(1, 4);
    dbf.writeUInt16LE(65, 8);
    dbf.writeUInt16LE(11, 10);
    gbkName.copy(dbf, 32);
    dbf[32 + 11] = 0x43; // C
    dbf[32 + 16] = 10;
    dbf[64] = 0x0d;
    dbf[65] = 0x20;
    Buffer.alloc(10, 0x20).copy(dbf, 66);
    gbkValue.copy(dbf, 66);
    dbf[76] = 0x1a;
    expect((await dbfEncoding(dbf, undefined, undefined, 'x.dbf')).encoding).toBe('gb18030');
    expect((await dbfEncoding(dbf, 'UTF-8', undefined, 'x.dbf')).reason.en).toMatch(/says UTF-8 but .* not UTF-8/);
    expect((await dbfEncoding(Buffer.from(dbf).fill(0x41, 66, 72).fill(0x41, 32, 36), 'UTF-8', undefined, 'x.dbf')).encoding).toBe('utf-8');
    expect((await dbfEncoding(dbf, '936', undefined, 'x.dbf')).encoding).toBe('gb18030');
    expect((await dbfEncoding(dbf, undefined, 'utf8', 'x.dbf')).encoding).toBe('utf-8');
    const ldid = Buffer.from(dbf);
    ldid[29] = 0x4d;
    expect((await dbfEncoding(ldid, undefined, undefined, 'x.dbf')).reason.en).toMatch(/0x4D/);
    await expect(dbfEncoding(dbf, undefined, 'latin9', 'x.dbf')).rejects.toThrow(/unsupported|不支持/);
    expect(readDbf(dbf, 'gb18030', 'x.dbf')).toEqual({ headers: ['名称'], rows: [['幸福路']], deleted: 0 });
  });

  it('reads a .zip of the layer, chooses layers by --sheet, and stops zip bombs', async () => {
    const base = await gkShapefile('zipped');
    const zip = new JSZip();
    for (const ext of ['shp', 'shx', 'dbf', 'prj', 'cpg']) zip.file(`data/zipped.${ext}`, readFileSync(join(dir, `zipped.${ext}`)));
    const zf = join(dir, 'layer.zip');
    writeFileSync(zf, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect((await readShapefile(zf)).records.map((r) => r.name)).toEqual(['东风路', '西风路']);
    await rejects(readShapefile(zf, { maxUnzippedBytes: 200 }), /zip bomb/);

    zip.file('other.shp', readFileSync(base));
    const two = join(dir, 'two.zip');
    writeFileSync(two, await zip.generateAsync({ type: 'nodebuffer' }));
    await rejects(readShapefile(two), /several layers/);
    expect((await readShapefile(two, { sheet: 'zipped' })).records).toHaveLength(2);

    const none = new JSZip();
    none.file('a.txt', 'x');
    const nf = join(dir, 'none.zip');
    writeFileSync(nf, await none.generateAsync({ type: 'nodebuffer' }));
    await rejects(readShapefile(nf), /no \.shp/);
    writeFileSync(join(dir, 'junk.zip'), 'PK\x03\x04 not really');
    await rejects(readShapefile(join(dir, 'junk.zip')), /damaged|not a zip/);
  });

  it('refuses a damaged .shp', async () => {
    const d = join(dir, 'bad');
    mkdirSync(d);
    writeFileSync(join(d, 'x.shp'), Buffer.alloc(50));
    await rejects(readShapefile(join(d, 'x.shp'), { crs: 'auto' }), /damaged/);
    copyFileSync(join(dir, 'gk.shp'), join(d, 'y.shp'));
    const shp = readFileSync(join(d, 'y.shp'));
    writeFileSync(join(d, 'y.shp'), shp.subarray(0, shp.length - 20));
    await rejects(readShapefile(join(d, 'y.shp'), { crs: 'auto' }), /cannot be read/);
  });

  it('dispatches by extension and refuses unknown files', async () => {
    await rejects(readGeometryDataset('x.dxf'), /unsupported geometry file type/);
  });
});
