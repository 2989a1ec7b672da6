// Pinyin benchmark (issue: full orthography ≥ 500k names/s over 1M generated names, ≥ 3× raw pinyin-pro in the
// same run; start-up: `diming --help` ≤ 0.2 s, `diming pinyin 幸福路` ≤ 0.5 s).
// Baseline: raw pinyin-pro making a sign-like string per name (toneType none, upper-cased), as the issue measured.
// Every timed diming run uses a fresh engine, so its caches start empty: the figure is a cold conversion of
// 1M names, the 专名 cache filling as it goes (road names repeat their morphemes).
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';
import { roadNames } from './generate.mjs';
import { commandMs, median } from './stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function run({ n = 1_000_000, runs = 5 } = {}) {
  const { Orthography } = await import('../dist/pinyin/orthography.js');
  const names = roadNames(n);
  const distinct = new Set(names).size;
  const warm = new Orthography();
  for (let i = 0; i < 200_000; i++) warm.romanize(names[i]);
  for (let i = 0; i < 100_000; i++) pinyin(names[i], { toneType: 'none' }).toUpperCase();

  const ours = [];
  const raw = [];
  let sink = 0;
  for (let k = 0; k < runs; k++) {
    // interleaved, so that machine noise hits both sides alike
    const engine = new Orthography();
    let t = performance.now();
    for (const name of names) {
      const r = engine.romanize(name);
      sink += r.pinyin.length + r.plain.length + r.sign.length;
    }
    ours.push(performance.now() - t);
    t = performance.now();
    for (const name of names) sink += pinyin(name, { toneType: 'none' }).toUpperCase().length;
    raw.push(performance.now() - t);
  }
  const oursRate = n / (median(ours) / 1000);
  const rawRate = n / (median(raw) / 1000);
  const bin = [`${ROOT}bin/diming.js`];
  const help = commandMs(process.execPath, [...bin, '--help'], 10);
  const one = commandMs(process.execPath, [...bin, 'pinyin', '幸福路'], 10);
  return {
    name: 'pinyin',
    sink,
    rows: [
      { metric: 'names', value: n, unit: 'names', note: `${distinct} distinct` },
      { metric: 'diming full orthography (pinyin+plain+sign)', value: Math.round(oursRate), unit: 'names/s', target: '≥ 500000', pass: oursRate >= 500_000, runs: ours.map(Math.round) },
      { metric: 'raw pinyin-pro (toneType none, upper-cased)', value: Math.round(rawRate), unit: 'names/s', runs: raw.map(Math.round) },
      { metric: 'ratio diming / raw', value: +(oursRate / rawRate).toFixed(2), unit: '×', target: '≥ 3', pass: oursRate / rawRate >= 3 },
      { metric: 'diming --help (median of 10)', value: Math.round(help), unit: 'ms', target: '≤ 200', pass: help <= 200 },
      { metric: 'diming pinyin 幸福路 (median of 10)', value: Math.round(one), unit: 'ms', target: '≤ 500', pass: one <= 500 },
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await run();
  console.table(r.rows.map(({ runs: _r, ...x }) => x));
}
