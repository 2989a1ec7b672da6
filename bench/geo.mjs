// Geometry benchmark: Gauss-Krüger WKT CSV → GeoJSONSeq (lon/lat), diming vs ogr2ogr, plus the CSV/WKT parsers.
//   node bench/geo.mjs [lines=200000] [runs=3]      (needs `npm run build`; ogr2ogr from gdal-bin if installed)
// Exported for bench/run.js: `await benchGeo({ lines, runs })` returns medians, the ratio and peak RSS.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist', 'geo');

/** Deterministic pseudo-random numbers. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A CSV of `lines` village roads in CGCS2000 3° zone 40 (EPSG:4528) around 118.5°E 37°N: id, name, WKT LineString of
 * 5–20 vertices 10–60 m apart (a road-like walk that does not cross itself).
 */
export async function makeGkCsv(file, lines) {
  const random = rng(42);
  const out = createWriteStream(file);
  const write = (s) => (out.write(s) ? undefined : new Promise((r) => out.once('drain', r)));
  await write('id,name,WKT\n');
  let buf = '';
  for (let i = 1; i <= lines; i++) {
    const n = 5 + Math.floor(random() * 16);
    // 118.5°E is 1.5° west of the central meridian 120°E: easting ≈ 40 366 700 at 37°N (northing ≈ 4 096 000).
    let x = 40_366_700 + (random() - 0.5) * 60_000, y = 4_096_000 + (random() - 0.5) * 60_000;
    const dir = random() * 2 * Math.PI;
    const pts = [];
    for (let k = 0; k < n; k++) {
      pts.push(`${x.toFixed(3)} ${y.toFixed(3)}`);
      const step = 10 + random() * 50, turn = dir + (random() - 0.5) * 0.8;
      x += step * Math.cos(turn);
      y += step * Math.sin(turn);
    }
    buf += `${i},村道${i}号,"LINESTRING (${pts.join(', ')})"\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise((r) => out.end(r));
}

/** Wall time (ms) and peak RSS (MB) of a child process, measured by GNU time when present. */
function timed(cmd, args, okCodes = [0]) {
  const useTime = existsSync('/usr/bin/time');
  const argv = useTime ? ['-f', '%M', cmd, ...args] : args;
  const bin = useTime ? '/usr/bin/time' : cmd;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(bin, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (!okCodes.includes(code)) return reject(new Error(`${cmd} exited ${code}: ${stderr.slice(-500)}`));
      const rssKb = useTime ? Number(stderr.trim().split('\n').at(-1)) : NaN;
      resolve({ ms, rssMb: rssKb / 1024, stdout });
    });
  });
}

/** The diming side in a child process (what `diming geojson` does): prints JSON with its own peak RSS. */
const CHILD = `
const { convertTable } = await import(process.argv[1]);
const r = await convertTable(process.argv[2], process.argv[3], { format: 'geojsonseq', crs: 'auto' });
process.stdout.write(JSON.stringify({ features: r.features, skipped: r.skipped, crs: r.sourceCrs, maxRssKb: process.resourceUsage().maxRSS }));
`;

function ours(csv, out) {
  return timed(process.execPath, ['--input-type=module', '-e', CHILD, pathToFileURL(join(DIST, 'convert.js')).href, csv, out]);
}

/** The command as users run it: `diming geojson FILE --no-check -o OUT` (the streaming path), or with the check. */
function cli(csv, out, check = false) {
  const args = [join(ROOT, 'bin', 'diming.js'), 'geojson', csv, '-o', out, '-q'];
  // The generated names (村道1号 …) are bare numbers: with the check, --force writes them anyway (exit 1).
  return timed(process.execPath, check ? [...args, '--force'] : [...args, '--no-check'], check ? [0, 1] : [0]);
}

const countLines = (file) => {
  const b = readFileSync(file);
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 10) n++;
  return n;
};

function ogr2ogr(csv, out) {
  return timed('ogr2ogr', ['-f', 'GeoJSONSeq', '-s_srs', 'EPSG:4528', '-t_srs', 'EPSG:4326', '-oo', 'KEEP_GEOM_COLUMNS=NO', out, csv]);
}

/** Parse-only throughput: csv-parse vs our streaming splitter; wkx vs our WKT scanner. */
async function parsers(csv) {
  const require = createRequire(join(ROOT, 'package.json'));
  const { parse } = require('csv-parse/sync');
  const wkx = require('wkx');
  const { CsvSplitter } = await import(pathToFileURL(join(DIST, 'csvstream.js')).href);
  const { parseWkt } = await import(pathToFileURL(join(DIST, 'wkt.js')).href);
  const buf = readFileSync(csv);
  const mb = buf.length / 1048576;
  const text = buf.toString('utf8');
  // Best of two runs (the first one also warms up the JIT).
  const t = (fn) => {
    let best;
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      const r = fn();
      const s = (performance.now() - t0) / 1000;
      if (!best || s < best.s) best = { s, r };
    }
    return best;
  };
  const cp = t(() => parse(text, { relax_column_count: true, relax_quotes: true }));
  const sp = t(() => {
    const s = new CsvSplitter(',');
    const recs = [];
    for (let i = 0; i < text.length; i += 1 << 16) for (const r of s.push(text.slice(i, i + (1 << 16)))) recs.push(r);
    for (const r of s.end()) recs.push(r);
    return recs;
  });
  if (cp.r.length !== sp.r.length) throw new Error(`parsers disagree: ${cp.r.length} vs ${sp.r.length} records`);
  const wkts = sp.r.slice(1, 20001).map((r) => r.cells[2]);
  const a = t(() => wkts.forEach((w) => wkx.Geometry.parse(w).toGeoJSON()));
  const b = t(() => wkts.forEach((w) => parseWkt(w)));
  return {
    csvParseMBps: +(mb / cp.s).toFixed(1),
    splitterMBps: +(mb / sp.s).toFixed(1),
    wkxUsPerLine: +((a.s * 1e6) / wkts.length).toFixed(2),
    wktUsPerLine: +((b.s * 1e6) / wkts.length).toFixed(2),
  };
}

/** Run the benchmark; returns medians (ms), the ratio ogr2ogr/diming and peak RSS (MB). */
export async function benchGeo({ lines = 200_000, runs = 3, log = console.log, command = false } = {}) {
  if (!existsSync(join(DIST, 'convert.js'))) throw new Error('dist/ is not built: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'diming-bench-geo-'));
  try {
    const csv = join(dir, 'roads-gk.csv');
    await makeGkCsv(csv, lines);
    const bytes = statSync(csv).size;
    const hasOgr = !spawnSync('ogr2ogr', ['--version']).error;
    const oursRuns = [], ogrRuns = [];
    let info;
    // Interleaved, so that both sides see the same machine load.
    for (let i = 0; i < runs; i++) {
      const out = join(dir, 'ours.geojsons');
      const r = command ? await cli(csv, out) : await ours(csv, out);
      info = command ? { features: countLines(out), skipped: 0, maxRssKb: NaN } : JSON.parse(r.stdout);
      oursRuns.push(r);
      if (hasOgr) ogrRuns.push(await ogr2ogr(csv, join(dir, `ogr${i}.geojsonl`)));
    }
    if (info.features !== lines || info.skipped !== 0) throw new Error(`unexpected conversion result ${JSON.stringify(info)}`);
    const result = {
      lines,
      megabytes: +(bytes / 1048576).toFixed(1),
      runs,
      diming: {
        medianMs: Math.round(median(oursRuns.map((r) => r.ms))),
        peakRssMb: Math.round(Math.max(...oursRuns.map((r) => (Number.isFinite(r.rssMb) ? r.rssMb : info.maxRssKb / 1024)))),
      },
      ogr2ogr: hasOgr ? { medianMs: Math.round(median(ogrRuns.map((r) => r.ms))), peakRssMb: Math.round(Math.max(...ogrRuns.map((r) => r.rssMb))) } : null,
      parsers: await parsers(csv),
    };
    result.ratio = result.ogr2ogr ? +(result.ogr2ogr.medianMs / result.diming.medianMs).toFixed(2) : null;
    log(`geo: ${lines} lines (${result.megabytes} MB) GK zone 40 WKT CSV → GeoJSONSeq, median of ${runs}`);
    log(`  diming  ${result.diming.medianMs} ms, peak RSS ${result.diming.peakRssMb} MB`);
    if (result.ogr2ogr) log(`  ogr2ogr ${result.ogr2ogr.medianMs} ms, peak RSS ${result.ogr2ogr.peakRssMb} MB → diming is ${result.ratio}× faster`);
    else log('  ogr2ogr not installed (apt-get install gdal-bin): no ratio');
    const p = result.parsers;
    log(`  parsing: csv-parse ${p.csvParseMBps} MB/s vs streaming splitter ${p.splitterMBps} MB/s; WKT: wkx ${p.wkxUsPerLine} µs/line vs ours ${p.wktUsPerLine} µs/line`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * For `npm run bench` (bench/run.js): `diming geojson --no-check` (the streaming path) against ogr2ogr on the same
 * Gauss-Krüger CSV, peak RSS of both, the parsers, and the full command (check, pinyin, §4.1 properties) on a
 * smaller table.
 */
export async function run({ lines = 200_000, runs = 3, checkedLines = 20_000 } = {}) {
  const r = await benchGeo({ lines, runs, log: () => undefined, command: true });
  const rows = [
    { metric: 'input: GK zone 40 WKT CSV → GeoJSONSeq', value: lines, unit: 'lines', note: `${r.megabytes} MB` },
    { metric: 'diming geojson --no-check (median)', value: r.diming.medianMs, unit: 'ms', note: `${Math.round(lines / (r.diming.medianMs / 1000))} lines/s` },
  ];
  if (r.ogr2ogr) {
    rows.push(
      { metric: 'ogr2ogr -s_srs EPSG:4528 -t_srs EPSG:4326 (median)', value: r.ogr2ogr.medianMs, unit: 'ms' },
      { metric: 'ratio ogr2ogr / diming (time)', value: r.ratio, unit: '×', target: '≥ 3', pass: r.ratio >= 3 },
      { metric: 'ogr2ogr peak RSS', value: r.ogr2ogr.peakRssMb, unit: 'MB' },
    );
  } else {
    rows.push({ metric: 'ogr2ogr', value: null, unit: '', note: 'not installed (apt-get install gdal-bin): no ratio' });
  }
  rows.push(
    { metric: 'diming peak RSS (streaming)', value: r.diming.peakRssMb, unit: 'MB', target: '≤ 500', pass: r.diming.peakRssMb <= 500 },
    { metric: 'CSV parsing: csv-parse / our splitter', value: r.parsers.splitterMBps, unit: 'MB/s', note: `csv-parse ${r.parsers.csvParseMBps} MB/s` },
    { metric: 'WKT parsing: ours', value: r.parsers.wktUsPerLine, unit: 'µs/line', note: `wkx ${r.parsers.wkxUsPerLine} µs/line` },
  );
  // The full command: read, check every rule, pinyin, geometry stage, §4.1 properties, write.
  const dir = mkdtempSync(join(tmpdir(), 'diming-bench-geo-check-'));
  try {
    const csv = join(dir, 'roads.csv');
    await makeGkCsv(csv, checkedLines);
    const times = [];
    let rss = 0;
    for (let i = 0; i < runs; i++) {
      const t = await cli(csv, join(dir, 'out.geojson'), true);
      times.push(t.ms);
      if (Number.isFinite(t.rssMb)) rss = Math.max(rss, t.rssMb);
    }
    const ms = Math.round(median(times));
    rows.push(
      { metric: `diming geojson with the check (${checkedLines} lines, median)`, value: ms, unit: 'ms', note: `${Math.round(checkedLines / (ms / 1000))} lines/s` },
      { metric: 'diming peak RSS (with the check)', value: Math.round(rss) || null, unit: 'MB' },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { name: 'geo', rows };
}

export default benchGeo;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [lines, runs] = process.argv.slice(2).map(Number);
  const r = await benchGeo({ lines: lines || undefined, runs: runs || undefined });
  console.log(JSON.stringify(r));
}
