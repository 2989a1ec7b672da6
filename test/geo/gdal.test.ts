import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { convertTable } from '../../src/geo/convert.js';
import { crsFromEpsg, gkZone } from '../../src/geo/crs.js';
import { distance, geodesicLength } from '../../src/geo/measure.js';
import { createTransformer } from '../../src/geo/transform.js';
import type { OutputFeature } from '../../src/geo/writers/common.js';
import { writeGeoJson, writeGeoJsonSeq } from '../../src/geo/writers/geojson.js';
import { writeKml } from '../../src/geo/writers/kml.js';
import { writeShapefile } from '../../src/geo/writers/shapefile.js';
import { FIXTURES, run as runCli, tempDir } from '../helpers.js';

/**
 * Real-client checks against GDAL/PROJ (apt-get install gdal-bin proj-bin). Skipped when the tools are missing,
 * unless DIMING_REQUIRE_GDAL=1 (CI: .ci/suites/gdal.sh), which turns a missing tool into a failure.
 */

const TOOLS = ['ogr2ogr', 'ogrinfo', 'cs2cs', 'projinfo', 'geod'];
const have = TOOLS.every((t) => spawnSync(t, ['--version'], { encoding: 'utf8' }).error === undefined);
const required = process.env.DIMING_REQUIRE_GDAL === '1';

if (required && !have) {
  describe('GDAL/PROJ', () => {
    it('are installed (DIMING_REQUIRE_GDAL=1)', () => {
      expect.fail(`missing one of ${TOOLS.join(', ')}: apt-get install -y gdal-bin proj-bin`);
    });
  });
}

function run(cmd: string, args: string[], input?: string): string {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Read any vector file with GDAL and return its features as GeoJSON (GDAL's own reading). */
function gdalRead(file: string, extra: string[] = []): { type: string; features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } | null }[] } {
  return JSON.parse(run('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=9', ...extra, '/vsistdout/', file]));
}

/** Deterministic pseudo-random numbers. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe.skipIf(!have)('GDAL/PROJ agreement', () => {
  const dir = tempDir('diming-gdal-');

  it('our proj4 definitions are PROJ’s for all 64 CGCS2000 Gauss-Krüger codes', () => {
    for (let e = 4491; e <= 4554; e++) {
      const out = run('projinfo', [`EPSG:${e}`, '-o', 'PROJ', '-q']).trim().replace(/\s*\+type=crs$/, '');
      expect(crsFromEpsg(e)!.proj4, `EPSG:${e}`).toBe(out);
    }
  });

  it('Gauss-Krüger ↔ lon/lat agrees with cs2cs within 1 mm on 1,280 points across all zones', async () => {
    const random = rng(7);
    let n = 0, worstFwd = 0, worstInv = 0;
    for (let e = 4491; e <= 4554; e++) {
      const z = gkZone(e)!;
      const pts: Position[] = Array.from({ length: 20 }, () => [z.cm + (random() - 0.5) * z.width * 1.02, 18 + random() * 35]);
      // EPSG axis order: 4490 is lat, lon; the Gauss-Krüger codes are northing, easting.
      const fwdOut = run('cs2cs', ['-f', '%.6f', 'EPSG:4490', `EPSG:${e}`], pts.map((p) => `${p[1].toFixed(12)} ${p[0].toFixed(12)}`).join('\n') + '\n');
      const proj = fwdOut.trim().split('\n').map((l) => l.split(/\s+/).map(Number));
      const fwd = await createTransformer('EPSG:4490', `EPSG:${e}`);
      const inv = await createTransformer(`EPSG:${e}`, 'EPSG:4490');
      const gk = proj.map(([north, east]) => [east, north]);
      pts.forEach((p, i) => {
        const ours = fwd.point(p[0], p[1]);
        worstFwd = Math.max(worstFwd, Math.hypot(ours[0] - gk[i][0], ours[1] - gk[i][1]));
      });
      const invOut = run('cs2cs', ['-f', '%.12f', `EPSG:${e}`, 'EPSG:4490'], gk.map((p) => `${p[1].toFixed(6)} ${p[0].toFixed(6)}`).join('\n') + '\n');
      const projLL = invOut.trim().split('\n').map((l) => l.split(/\s+/).map(Number)).map(([lat, lon]) => [lon, lat]);
      gk.forEach((p, i) => {
        const ours = inv.point(p[0], p[1]);
        worstInv = Math.max(worstInv, distance(ours, projLL[i]));
      });
      n += pts.length;
    }
    expect(n).toBeGreaterThanOrEqual(1000);
    // Both directions agree far below a millimetre (printed for the report).
    console.log(`PROJ agreement over ${n} points: forward max ${(worstFwd * 1000).toFixed(6)} mm, inverse max ${(worstInv * 1000).toFixed(6)} mm`);
    expect(worstFwd).toBeLessThan(0.001);
    expect(worstInv).toBeLessThan(0.001);
  });

  it('lengths agree with PROJ geod and GDAL ST_Length (ellipsoidal) within 0.1 %', async () => {
    const random = rng(11);
    const lines: Position[][] = [];
    for (let i = 0; i < 40; i++) {
      const n = 3 + Math.floor(random() * 18);
      const step = i < 30 ? 0.0005 : 0.3; // village roads, and some long segments
      const p: Position[] = [[75 + random() * 58, 5 + random() * 48]];
      for (let k = 1; k < n; k++) p.push([p[k - 1][0] + step * random(), p[k - 1][1] + step * (random() - 0.5)]);
      lines.push(p);
    }
    let worst = 0;
    for (const l of lines) {
      const segs = l.slice(1).map((p, i) => `${l[i][1]} ${l[i][0]} ${p[1]} ${p[0]}`).join('\n') + '\n';
      const proj = run('geod', ['+ellps=GRS80', '-I', '+units=m', '-F', '%.6f'], segs).trim().split('\n').reduce((s, line) => s + Number(line.split(/\s+/).at(-1)), 0);
      const ours = geodesicLength({ type: 'LineString', coordinates: l });
      worst = Math.max(worst, Math.abs(ours - proj) / proj);
    }
    expect(worst).toBeLessThan(1e-7);

    const f = join(dir, 'len.geojson');
    await writeGeoJson(f, lines.map((coordinates, i) => ({ geometry: { type: 'LineString', coordinates }, properties: { i } })), { precision: 7 });
    const out = run('ogrinfo', ['-ro', '-dialect', 'SQLite', '-sql', 'SELECT i, ST_Length(geometry, 1) AS len FROM len', f]);
    const lens = [...out.matchAll(/len \(Real\) = ([\d.]+)/g)].map((m) => Number(m[1]));
    // Every line must be measured by GDAL (no silent skip when its SQL dialect lacks ST_Length).
    expect(lens).toHaveLength(lines.length);
    // GDAL measures on the WGS84 ellipsoid of CRS84 (GRS80 differs by ~1e-9 relative) and sees rounded input.
    const rounded = JSON.parse(readFileSync(f, 'utf8')).features.map((x: { geometry: { coordinates: Position[] } }) => geodesicLength({ type: 'LineString', coordinates: x.geometry.coordinates }));
    let worstGdal = 0;
    lens.forEach((len, i) => (worstGdal = Math.max(worstGdal, Math.abs(rounded[i] - len) / len)));
    console.log(`length agreement: geod max rel ${worst.toExponential(2)}, GDAL ST_Length max rel ${worstGdal.toExponential(2)} over ${lens.length} lines`);
    expect(worstGdal).toBeLessThan(1e-3);
  });

  describe('GDAL reads every output format back with the same features and text', () => {
    const names = ['幸福路', '和平街 "东段"', '龍泉巷<&>', '𠀋村道', 'Ā ö'];
    const features: OutputFeature[] = names.map((name, i) => ({
      id: i + 1,
      geometry: i === 2
        ? { type: 'MultiLineString', coordinates: [[[118.5 + i / 100, 37], [118.505 + i / 100, 37.001]], [[118.506 + i / 100, 37.001], [118.51 + i / 100, 37.003]]] }
        : { type: 'LineString', coordinates: [[118.5 + i / 100, 37], [118.5051234 + i / 100, 37.0012345], [118.51 + i / 100, 37.003]] },
      properties: { id: i + 1, name, length_m: 1234.5 + i, note: `备注${i}` },
    }));

    const check = (fc: ReturnType<typeof gdalRead>, nameKey = 'name') => {
      expect(fc.features).toHaveLength(features.length);
      fc.features.forEach((f, i) => {
        expect(f.properties[nameKey]).toBe(names[i]);
        const want = features[i].geometry as { type: string; coordinates: Position[] | Position[][] };
        const flat = (c: unknown): number[] => (Array.isArray(c) ? c.flatMap(flat) : [c as number]);
        const got = flat(f.geometry!.coordinates);
        flat(want.coordinates).forEach((v, k) => expect(Math.abs(v - got[k])).toBeLessThan(1e-9));
      });
    };

    it('GeoJSON', async () => {
      const f = join(dir, 'out.geojson');
      await writeGeoJson(f, features);
      check(gdalRead(f));
      expect(run('ogrinfo', ['-ro', '-so', '-al', f])).toMatch(/Feature Count: 5/);
    });

    it('GeoJSONSeq (RFC 8142)', async () => {
      const f = join(dir, 'out.geojsons');
      await writeGeoJsonSeq(f, features);
      check(gdalRead(f));
    });

    it('Shapefile (.shp/.shx/.dbf/.prj/.cpg, UTF-8)', async () => {
      const f = join(dir, 'out.shp');
      await writeShapefile(f, features);
      const fc = gdalRead(f);
      check(fc);
      expect(fc.features[0].properties.length_m).toBe(1234.5);
      const info = run('ogrinfo', ['-ro', '-so', '-al', f]);
      expect(info).toMatch(/Geometry: Line String/);
      expect(info).toMatch(/China Geodetic Coordinate System 2000|CGCS2000|China_2000/);
      expect(info).toMatch(/Feature Count: 5/);
    });

    it('KML', async () => {
      const f = join(dir, 'out.kml');
      await writeKml(f, features);
      const fc = gdalRead(f);
      check(fc, fc.features[0].properties.Name !== undefined ? 'Name' : 'name');
      expect(JSON.stringify(fc.features[0].properties)).toContain('备注0');
    });
  });

  it('CSV conversion matches ogr2ogr -s_srs EPSG:4528 -t_srs EPSG:4326 to 1e-7°', async () => {
    const random = rng(3);
    const rows = ['id,name,WKT'];
    for (let i = 1; i <= 300; i++) {
      let x = 40500000 + (random() - 0.5) * 200000, y = 4100000 + (random() - 0.5) * 200000;
      const pts: string[] = [];
      for (let k = 0; k < 5 + (i % 16); k++) {
        pts.push(`${x.toFixed(3)} ${y.toFixed(3)}`);
        x += 10 + random() * 50;
        y += (random() - 0.5) * 40;
      }
      rows.push(`${i},路${i},"LINESTRING (${pts.join(', ')})"`);
    }
    const csv = join(dir, 'gk.csv');
    writeFileSync(csv, rows.join('\n') + '\n');
    const ours = join(dir, 'ours.geojsons');
    const r = await convertTable(csv, ours, { format: 'geojsonseq' });
    expect(r.sourceCrs).toBe('EPSG:4528');
    const theirs = join(dir, 'theirs.geojsonl');
    run('ogr2ogr', ['-f', 'GeoJSONSeq', '-s_srs', 'EPSG:4528', '-t_srs', 'EPSG:4326', '-oo', 'KEEP_GEOM_COLUMNS=NO', theirs, csv]);
    const read = (f: string) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l.startsWith('\x1e') ? l.slice(1) : l));
    const a = read(ours), b = read(theirs);
    expect(a).toHaveLength(300);
    expect(b).toHaveLength(300);
    let worst = 0;
    a.forEach((f, i) => {
      expect(f.properties.name).toBe(b[i].properties.name);
      f.geometry.coordinates.forEach((p: Position, k: number) => {
        const q = b[i].geometry.coordinates[k];
        worst = Math.max(worst, Math.abs(p[0] - q[0]), Math.abs(p[1] - q[1]));
      });
    });
    // Both round to 7 decimals; a rounding tie may differ by one unit in the last place.
    expect(worst).toBeLessThanOrEqual(1.0000001e-7);
  });
});

describe.skipIf(!have)('diming geojson output read back by GDAL', () => {
  const csv = join(FIXTURES, 'geo', 'roads-gk.csv');
  const ext = { geojson: 'geojson', geojsonseq: 'geojsons', kml: 'kml', shp: 'shp' } as const;
  // The reference: the same table transformed by GDAL/PROJ.
  const reference = () => {
    const dir = tempDir('diming-gdal-ref-');
    const theirs = join(dir, 'theirs.geojson');
    run('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=9', '-s_srs', 'EPSG:4528', '-t_srs', 'EPSG:4326', '-oo', 'KEEP_GEOM_COLUMNS=NO', '-oo', 'GEOM_POSSIBLE_NAMES=WKT', theirs, csv]);
    return JSON.parse(readFileSync(theirs, 'utf8')) as ReturnType<typeof gdalRead>;
  };

  it.each(Object.keys(ext) as (keyof typeof ext)[])('%s: ogrinfo reads it, names, pinyin and coordinates intact', (format) => {
    const dir = tempDir('diming-gdal-cli-');
    const out = join(dir, `roads.${ext[format]}`);
    const r = runCli(['geojson', csv, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const info = run('ogrinfo', ['-al', '-so', out]);
    expect(info).toMatch(/Feature Count: 3/);
    if (format === 'shp') expect(info).toMatch(/China Geodetic Coordinate System 2000|CGCS2000|China_2000/);
    const fc = gdalRead(out);
    expect(fc.features.map((f) => f.properties.name ?? f.properties.Name)).toEqual(['东风路', '西风路', '南风路']);
    expect(fc.features.map((f) => f.geometry?.type)).toEqual(['LineString', 'LineString', 'MultiLineString']);
    if (format !== 'kml') expect(fc.features[0].properties.pinyin).toBe('Dōngfēng Lù');
    const ref = reference();
    let worst = 0;
    fc.features.forEach((f, i) => {
      const ours = (f.geometry!.coordinates as Position[] | Position[][]).flat(2) as number[];
      const theirs = (ref.features[i].geometry!.coordinates as Position[] | Position[][]).flat(2) as number[];
      expect(ours.length).toBe(theirs.length);
      ours.forEach((v, k) => (worst = Math.max(worst, Math.abs(v - theirs[k]))));
    });
    // 7 decimals written; PROJ's transform agrees to ~1e-12°.
    expect(worst).toBeLessThanOrEqual(1.0000001e-7);
  });
});
