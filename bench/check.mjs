// Check benchmark (issue: 1M generated proposals over ~40k townships against a 5M-name gazetteer, all rules on:
// ≥ 100k names/s end to end, peak RSS ≤ 2 GB; report against a straightforward Map-based exact+homophone check
// measured in the same run, and how the cost grows from 10k to 100k to 1M).
// Both sides run as child processes on the same files; peak RSS from /usr/bin/time.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { checkData } from './check-data.mjs';
import { median } from './stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = `${tmpdir()}/diming-bench`;

/** Wall time (s) and peak RSS (MB) of a command. */
function timed(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [secs, kb] = last.split(' ').map(Number);
  if (![0, 1].includes(r.status ?? -1)) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return { secs, rssMb: Math.round(kb / 1024) };
}

/** The baseline: csv-parse + pinyin-pro + two Maps per township (exact name, toneless pinyin). */
const BASELINE = `
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { pinyin } from 'pinyin-pro';
const [batchFile, gazFile] = process.argv.slice(2);
const batch = parse(readFileSync(batchFile), { from_line: 2 });
const exact = new Map(); const sound = new Map();
const key = (name) => pinyin(name, { toneType: 'none', type: 'array' }).join(' ');
for (const [name, , code] of batch) {
  const t = code.slice(0, 9);
  exact.set(t + '|' + name, (exact.get(t + '|' + name) ?? 0) + 1);
  const s = t + '|' + key(name);
  sound.set(s, (sound.get(s) ?? 0) + 1);
}
let dup = 0, hom = 0;
const gaz = parse(readFileSync(gazFile), { from_line: 2 });
for (const [name, , code] of gaz) {
  const t = code.slice(0, 9);
  if (exact.has(t + '|' + name)) dup++;
  else if (sound.has(t + '|' + key(name))) hom++;
}
console.log(JSON.stringify({ dup, hom }));
`;

export async function run({ sizes = [10_000, 100_000, 1_000_000], runs = 3 } = {}) {
  const baseline = `${ROOT}bench/.baseline-check.mjs`;
  writeFileSync(baseline, BASELINE);
  const rows = [];
  for (const n of sizes) {
    const { proposals, existing } = await checkData(DIR, n, n * 5);
    const ours = [];
    const theirs = [];
    for (let k = 0; k < (n >= 1_000_000 ? Math.min(runs, 3) : runs); k++) {
      ours.push(timed([process.execPath, `${ROOT}bin/diming.js`, 'check', proposals, '--gazetteer', existing, '-f', 'json', '-o', `${DIR}/out-${n}.json`, '-q']));
      theirs.push(timed([process.execPath, baseline, proposals, existing]));
    }
    const s = median(ours.map((r) => r.secs));
    const b = median(theirs.map((r) => r.secs));
    const rss = Math.max(...ours.map((r) => r.rssMb));
    rows.push(
      { metric: `diming check, ${n} names vs ${n * 5} existing`, value: Math.round(n / s), unit: 'names/s', target: n === 1_000_000 ? '≥ 100000' : undefined, pass: n === 1_000_000 ? n / s >= 100_000 : undefined, runs: ours.map((r) => r.secs) },
      { metric: `baseline Map exact+homophone, ${n} names`, value: Math.round(n / b), unit: 'names/s', runs: theirs.map((r) => r.secs) },
      { metric: `ratio diming / baseline, ${n} names`, value: +(b / s).toFixed(2), unit: '×' },
      { metric: `peak RSS, ${n} names`, value: rss, unit: 'MB', target: n === 1_000_000 ? '≤ 2048' : undefined, pass: n === 1_000_000 ? rss <= 2048 : undefined },
    );
  }
  // Memory against existing names outside the batch's scopes: the 10k batch against the 5M register (its rows
  // are read and filtered, not kept), beside the same batch against its own 50k register.
  if (sizes.includes(10_000) && sizes.includes(1_000_000)) {
    const { proposals } = await checkData(DIR, 10_000, 50_000);
    const { existing } = await checkData(DIR, 1_000_000, 5_000_000);
    const big = [];
    for (let k = 0; k < runs; k++) big.push(timed([process.execPath, `${ROOT}bin/diming.js`, 'check', proposals, '--gazetteer', existing, '-f', 'json', '-o', `${DIR}/out-10000-5m.json`, '-q']));
    const small = rows.find((r) => r.metric === 'peak RSS, 10000 names');
    rows.push({
      metric: 'peak RSS, 10000 names vs 5000000 existing',
      value: Math.max(...big.map((r) => r.rssMb)),
      unit: 'MB',
      note: `${small?.value} MB vs 50000; median ${median(big.map((r) => r.secs))} s`,
      runs: big.map((r) => r.secs),
    });
  }
  return { name: 'check', rows };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  const r = await run(sizes.length ? { sizes, runs: 1 } : {});
  console.table(r.rows.map(({ runs: _r, ...x }) => x));
  if (!existsSync(DIR)) console.log('no data');
}
