import { describe, expect, it } from 'vitest';
import { DimingError } from '../../src/core/errors.js';
import {
  crsFromEpsg, crsFromPrj, gkEpsg, gkEsriName, gkZone, parseCrs, parseCrsOption, parseTargetCrs, prjFor,
} from '../../src/geo/crs.js';

describe('Gauss-Krüger zones from the formulas', () => {
  it('matches the checks in formats.md §3.2', () => {
    expect(gkZone(4522)).toMatchObject({ width: 3, zone: 34, cm: 102, prefixed: true, falseEasting: 34_500_000 });
    expect(gkZone(4543)).toMatchObject({ width: 3, cm: 102, prefixed: false, falseEasting: 500_000 });
    expect(gkZone(4528)).toMatchObject({ zone: 40, cm: 120, prefixed: true, falseEasting: 40_500_000 });
    expect(gkZone(4549)).toMatchObject({ cm: 120, prefixed: false });
    expect(gkZone(4530)).toMatchObject({ zone: 42, cm: 126 });
    expect(gkZone(4551)).toMatchObject({ cm: 126, prefixed: false });
    expect(gkEpsg(3, 120, true)).toBe(4528);
    expect(gkEpsg(3, 120, false)).toBe(4549);
    expect(gkEpsg(6, 117, true)).toBe(4491 + 20 - 13);
    expect(gkEpsg(6, 117, false)).toBe(4502 + (117 - 75) / 6);
    expect(gkEpsg(3, 121, true)).toBeUndefined();
  });

  it('defines all 64 codes 4491–4554, each round-tripping through width/CM', () => {
    for (let e = 4491; e <= 4554; e++) {
      const z = gkZone(e)!;
      expect(z, `EPSG:${e}`).toBeDefined();
      expect(gkEpsg(z.width, z.cm, z.prefixed)).toBe(e);
      expect(z.width === 3 ? z.cm === 3 * z.zone : z.cm === 6 * z.zone - 3).toBe(true);
      const info = crsFromEpsg(e)!;
      expect(info.proj4).toBe(`+proj=tmerc +lat_0=0 +lon_0=${z.cm} +k=1 +x_0=${z.falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`);
    }
    expect(gkZone(4490)).toBeUndefined();
    expect(gkZone(4555)).toBeUndefined();
  });
});

describe('parseCrs', () => {
  it.each([
    ['EPSG:4528', 'EPSG:4528'],
    ['4528', 'EPSG:4528'],
    ['epsg 4549', 'EPSG:4549'],
    ['urn:ogc:def:crs:EPSG::4490', 'EPSG:4490'],
    ['http://www.opengis.net/def/crs/EPSG/0/4326', 'EPSG:4326'],
    ['CRS84', 'EPSG:4326'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'],
    ['CGCS2000', 'EPSG:4490'],
    ['2000国家大地坐标系', 'EPSG:4490'],
    ['WGS84', 'EPSG:4326'],
    ['GCJ-02', 'gcj02'],
    ['高德', 'gcj02'],
    ['BD09', 'bd09'],
    ['百度', 'bd09'],
    ['ＥＰＳＧ：４５２８', 'EPSG:4528'],
  ])('%s → %s', (input, id) => {
    expect(parseCrs(input)?.id).toBe(id);
  });

  it('returns undefined for unknown values and refuses old datums', () => {
    expect(parseCrs('EPSG:3857')).toBeUndefined();
    expect(parseCrs('mars')).toBeUndefined();
    expect(() => parseCrs('EPSG:2364')).toThrow(/西安/);
    expect(() => parseCrs('Beijing 1954')).toThrow(/北京/);
    expect(() => parseCrs('西安80')).toThrow(DimingError);
  });

  it('reads a standard zone from a proj string and keeps arbitrary meridians as custom grids', () => {
    expect(parseCrs('+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs')?.id).toBe('EPSG:4528');
    const custom = parseCrs('+proj=tmerc +lon_0=118.5 +x_0=500000 +ellps=GRS80')!;
    expect(custom.kind).toBe('projected');
    expect(custom.proj4).toContain('+lon_0=118.5');
    expect(parseCrs('+proj=tmerc +lon_0=118.5 +ellps=krass')).toBeUndefined();
  });

  it('parseCrsOption gives usage errors with the list of choices', () => {
    expect(parseCrsOption('auto')).toBe('auto');
    expect((parseCrsOption('EPSG:4528') as { id: string }).id).toBe('EPSG:4528');
    try {
      parseCrsOption('EPSG:9999');
      expect.unreachable();
    } catch (e) {
      expect((e as DimingError).kind).toBe('usage');
      expect((e as DimingError).hint?.en).toMatch(/4491–4554/);
    }
    expect(() => parseCrsOption('EPSG:2364')).toThrow(/Xian 1980|西安/);
    expect((() => {
      try {
        parseCrsOption('EPSG:2364');
      } catch (e) {
        return (e as DimingError).kind;
      }
    })()).toBe('usage');
  });

  it('parseTargetCrs accepts lon/lat and previews only', () => {
    expect(parseTargetCrs('gcj02').kind).toBe('gcj02');
    expect(parseTargetCrs('EPSG:4326').id).toBe('EPSG:4326');
    expect(() => parseTargetCrs('EPSG:4528')).toThrow(DimingError);
  });
});

describe('.prj → CRS', () => {
  const esriGcs = 'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

  it('reads ArcGIS names and our own .prj output for every supported code', () => {
    expect(crsFromPrj(esriGcs, 'a.prj').id).toBe('EPSG:4490');
    for (const e of [4326, 4490, ...Array.from({ length: 64 }, (_, i) => 4491 + i)]) {
      expect(crsFromPrj(prjFor(`EPSG:${e}`), 'a.prj').id, `EPSG:${e}`).toBe(`EPSG:${e}`);
    }
    expect(prjFor('EPSG:4528')).toContain('CGCS2000_3_Degree_GK_Zone_40');
    expect(prjFor('EPSG:4549')).toContain('CGCS2000_3_Degree_GK_CM_120E');
    expect(gkEsriName(gkZone(4498)!)).toBe('CGCS2000_GK_Zone_20');
  });

  it('lets the parameters decide when the name says otherwise', () => {
    const prj = prjFor('EPSG:4528').replace('CGCS2000_3_Degree_GK_Zone_40', 'CGCS2000_3_Degree_GK_Zone_39');
    expect(crsFromPrj(prj, 'a.prj').id).toBe('EPSG:4528');
  });

  it('reads OGC WKT1 with an EPSG authority and WKT2', () => {
    const wkt1 = 'PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 40",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",120],PARAMETER["scale_factor",1],PARAMETER["false_easting",40500000],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","4528"]]';
    expect(crsFromPrj(wkt1, 'a.prj').id).toBe('EPSG:4528');
    const wkt2 = 'PROJCRS["CGCS2000 / 3-degree Gauss-Kruger CM 120E",BASEGEOGCRS["China Geodetic Coordinate System 2000",DATUM["China 2000",ELLIPSOID["CGCS2000",6378137,298.257222101,LENGTHUNIT["metre",1]]]],CONVERSION["3-degree Gauss-Kruger CM 120E",METHOD["Transverse Mercator",ID["EPSG",9807]],PARAMETER["Latitude of natural origin",0],PARAMETER["Longitude of natural origin",120],PARAMETER["Scale factor at natural origin",1],PARAMETER["False easting",500000],PARAMETER["False northing",0]],CS[Cartesian,2],AXIS["northing (X)",north],AXIS["easting (Y)",east],LENGTHUNIT["metre",1]]';
    expect(crsFromPrj(wkt2, 'a.prj').id).toBe('EPSG:4549');
    expect(crsFromPrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]', 'a.prj').id).toBe('EPSG:4326');
  });

  it('keeps an arbitrary central meridian as a custom grid', () => {
    const prj = prjFor('EPSG:4549').replace('PARAMETER["Central_Meridian",120.0]', 'PARAMETER["Central_Meridian",118.5]');
    const c = crsFromPrj(prj, 'a.prj');
    expect(c.kind).toBe('projected');
    expect(c.id).toContain('+lon_0=118.5');
  });

  it('refuses Xian 1980 and Beijing 1954 with a clear message', () => {
    const xian = 'PROJCS["Xian_1980_3_Degree_GK_Zone_40",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",40500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    try {
      crsFromPrj(xian, 'roads.prj');
      expect.unreachable();
    } catch (e) {
      const d = e as DimingError;
      expect(d.kind).toBe('input');
      expect(d.text.zh).toContain('1980西安坐标系');
      expect(d.where?.file).toBe('roads.prj');
      expect(d.hint?.zh).toContain('转换参数');
    }
    const bj = 'GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
    expect(() => crsFromPrj(bj, 'a.prj')).toThrow(/1954北京/);
  });

  it('refuses other projections, non-metre units and garbage', () => {
    const lcc = 'PROJCS["Asia_Lambert",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["Central_Meridian",105.0],UNIT["Meter",1.0]]';
    expect(() => crsFromPrj(lcc, 'a.prj')).toThrow(/Asia_Lambert/);
    expect(() => crsFromPrj(prjFor('EPSG:4528').replace('UNIT["Meter",1.0]', 'UNIT["Foot",0.3048]'), 'a.prj')).toThrow(/metres|米/);
    expect(() => crsFromPrj('PROJCS["x",', 'a.prj')).toThrow(/WKT/);
    expect(() => crsFromPrj('  ', 'a.prj')).toThrow(/空|empty/);
  });
});
