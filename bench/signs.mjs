#!/usr/bin/env node
/**
 * Sign bench: a 10,000-road grid-like network → sign schedule (ends + junctions) → one SVG per sign written to a
 * temporary folder; median of several runs. Target (issue): 10,000 roads → all signs in ≤ 30 s.
 * Two figures: the library (buildSchedule + writeSignSvgs) and the command as a user runs it —
 * `diming signs roads.geojson -o DIR` with every output (schedule CSV/XLSX/GeoJSON, one SVG per sign, contact sheet),
 * the sign pinyin spelled by the orthography engine (the GeoJSON carries names only).
 * Runs against the built library in dist/ and bin/diming.js (build first: npx tsc -p .).
 *
 *   node bench/signs.mjs [roads] [runs]
 *
 * Also exports `makeRoadNetwork` (the synthetic network), `benchSigns`, `benchCommand`, and `run` for bench/run.js.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './stats.mjs';

// Characters of road 专名 with their toneless pinyin: 60 × 60 two-character 专名 × 4 generics = 14,400 unique names.
const CHARS = (
  '安an 宝bao 北bei 长chang 城cheng 大da 东dong 福fu 富fu 光guang 广guang 和he 河he 红hong 华hua 黄huang 佳jia 建jian ' +
  '金jin 锦jin 京jing 康kang 乐le 利li 林lin 龙long 美mei 民min 明ming 南nan 宁ning 平ping 庆qing 群qun 荣rong 瑞rui ' +
  '山shan 胜sheng 盛sheng 顺shun 泰tai 天tian 通tong 文wen 西xi 祥xiang 新xin 兴xing 幸xing 旭xu 阳yang 义yi 永yong ' +
  '友you 裕yu 园yuan 振zhen 正zheng 中zhong 众zhong'
).split(' ').map((s) => [s[0], s.slice(1)]);
const GENERICS = [['路', 'LU'], ['街', 'JIE'], ['巷', 'XIANG'], ['大道', 'DADAO']];

function roadName(i) {
  const a = CHARS[i % CHARS.length];
  const b = CHARS[Math.floor(i / CHARS.length) % CHARS.length];
  const g = GENERICS[Math.floor(i / (CHARS.length * CHARS.length)) % GENERICS.length];
  const second = /^[aoe]/.test(b[1]) ? `'${b[1]}` : b[1];
  return { name: `${a[0]}${b[0]}${g[0]}`, pinyin: `${(a[1] + second).toUpperCase()} ${g[1]}` };
}

/**
 * A grid-like network of `roads` roads around 118.5 E, 37.1 N: a lattice of nodes `spacing` metres apart; each row
 * and each column is cut into roads three blocks long, staggered so that every road crosses two others in its middle
 * and meets the next road of its row or column at its ends. East–west roads have a vertex at every node; north–south
 * roads only at their ends, so most junctions are crossings without a shared vertex.
 */
export function makeRoadNetwork({ roads = 10_000, spacing = 150 } = {}) {
  const side = Math.ceil(Math.sqrt((roads * 3) / 2)) + 3;
  const M = (6_371_008.8 * Math.PI) / 180;
  const lat0 = 37.1;
  const lon0 = 118.5;
  const ll = (x, y) => [+(lon0 + x / (M * Math.cos((lat0 * Math.PI) / 180))).toFixed(7), +(lat0 + y / M).toFixed(7)];
  const features = [];
  let n = 0;
  const add = (coords) => {
    const { name, pinyin } = roadName(n);
    features.push({ type: 'Feature', properties: { id: `R${n + 1}`, name, pinyin_sign: pinyin }, geometry: { type: 'LineString', coordinates: coords } });
    n++;
  };
  outer: for (let k = 0; k < side; k++) {
    for (const dir of ['ew', 'ns']) {
      for (let start = k % 3; start + 3 < side; start += 3) {
        if (n >= roads) break outer;
        if (dir === 'ew') add([0, 1, 2, 3].map((d) => ll((start + d) * spacing, k * spacing)));
        else add([ll(k * spacing, start * spacing), ll(k * spacing, (start + 3) * spacing)]);
      }
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Time schedule + all SVGs written to a temp folder; returns medians in milliseconds. */
export async function benchSigns({ roads = 10_000, runs = 3, lib } = {}) {
  const signs = lib ?? (await import(new URL('../dist/signs/index.js', import.meta.url).href));
  const network = makeRoadNetwork({ roads });
  const style = signs.defaultSignStyle();
  const totals = [];
  const scheduleTimes = [];
  const svgTimes = [];
  let count = 0;
  let files = 0;
  let counts;
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'diming-bench-signs-'));
    try {
      const t0 = performance.now();
      const schedule = signs.buildSchedule(network, { style });
      const t1 = performance.now();
      // Plain writes into a fresh folder, as `diming signs` does (its output folder is staged and moved into place
      // as a whole, so the files need no temp-and-rename of their own).
      await signs.writeSignSvgs(dir, schedule.signs, style, { atomic: false });
      const t2 = performance.now();
      scheduleTimes.push(t1 - t0);
      svgTimes.push(t2 - t1);
      totals.push(t2 - t0);
      count = schedule.signs.length;
      counts = schedule.counts;
      files = readdirSync(dir).length;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    roads: network.features.length,
    signs: count,
    counts,
    files,
    runs,
    medianMs: Math.round(median(totals)),
    runsMs: totals.map(Math.round),
    scheduleMedianMs: Math.round(median(scheduleTimes)),
    svgMedianMs: Math.round(median(svgTimes)),
  };
}

/**
 * `diming signs FILE -o DIR` on the network written as GeoJSON (names only: the command spells the sign pinyin), all
 * formats; wall time of the whole process, median of `runs`.
 */
export function benchCommand({ roads = 10_000, runs = 3 } = {}) {
  const network = makeRoadNetwork({ roads });
  for (const f of network.features) delete f.properties.pinyin_sign;
  const work = mkdtempSync(join(tmpdir(), 'diming-bench-signs-cli-'));
  const file = join(work, 'roads.geojson');
  writeFileSync(file, JSON.stringify(network));
  const bin = new URL('../bin/diming.js', import.meta.url).pathname;
  const times = [];
  let stdout = '';
  try {
    for (let i = 0; i < runs; i++) {
      const out = join(work, `out${i}`);
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [bin, 'signs', file, '-o', out, '-q'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      times.push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`diming signs failed (${r.status}): ${r.stderr}`);
      stdout = r.stdout;
      rmSync(out, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { roads: network.features.length, runs, medianMs: Math.round(median(times)), runsMs: times.map(Math.round), summary: stdout.split('\n')[0] };
}

/** Entry point for `npm run bench` (bench/run.js): result rows with the 30 s target. */
export async function run({ roads = 10_000, runs = 3 } = {}) {
  const r = await benchSigns({ roads, runs });
  const c = benchCommand({ roads, runs });
  return {
    name: 'signs',
    rows: [
      { metric: 'roads', value: r.roads, unit: 'roads', note: `${r.signs} signs (${r.counts.start} start, ${r.counts.end} end, ${r.counts.junction} junction)` },
      { metric: 'library: schedule + one SVG per sign written', value: +(r.medianMs / 1000).toFixed(2), unit: 's', target: '≤ 30', pass: r.medianMs <= 30_000, runs: r.runsMs },
      { metric: 'of which schedule', value: +(r.scheduleMedianMs / 1000).toFixed(2), unit: 's' },
      { metric: 'of which SVGs (render + write)', value: +(r.svgMedianMs / 1000).toFixed(2), unit: 's' },
      { metric: 'diming signs roads.geojson -o DIR (all outputs, pinyin spelled)', value: +(c.medianMs / 1000).toFixed(2), unit: 's', target: '≤ 30', pass: c.medianMs <= 30_000, runs: c.runsMs, note: c.summary },
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const roads = Number(process.argv[2] ?? 10_000);
  const runs = Number(process.argv[3] ?? 3);
  const r = await benchSigns({ roads, runs });
  console.log(`signs bench: ${r.roads} roads → ${r.signs} signs (${r.counts.start} start, ${r.counts.end} end, ${r.counts.junction} junction), ${r.files} SVG files, median of ${r.runs}`);
  console.log(`  library: total ${(r.medianMs / 1000).toFixed(2)} s (runs ${r.runsMs.join(', ')} ms): schedule ${(r.scheduleMedianMs / 1000).toFixed(2)} s, SVGs ${(r.svgMedianMs / 1000).toFixed(2)} s`);
  const c = benchCommand({ roads, runs });
  console.log(`  diming signs (all outputs): ${(c.medianMs / 1000).toFixed(2)} s (runs ${c.runsMs.join(', ')} ms) — ${c.summary}`);
  const ok = r.medianMs <= 30_000 && c.medianMs <= 30_000;
  console.log(ok ? '  within the 30 s target' : '  OVER the 30 s target');
  process.exitCode = ok ? 0 : 1;
}
