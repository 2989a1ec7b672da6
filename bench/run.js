#!/usr/bin/env node
// `npm run bench [-- name …]`: runs the benchmarks, prints a results table and saves JSON under bench/results/.
// Figures are medians of several runs with the named baseline measured in the same run (these machines are noisy).
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';

const ALL = ['pinyin', 'check', 'geo', 'announce', 'signs'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : ALL;
const results = [];
for (const name of names) {
  const file = new URL(`./${name}.mjs`, import.meta.url);
  if (!existsSync(file)) {
    console.log(`(no benchmark ${name})`);
    continue;
  }
  process.stdout.write(`running ${name} …\n`);
  const mod = await import(file);
  const r = await mod.run();
  results.push(r);
  console.table(r.rows.map(({ runs: _runs, ...row }) => row));
}
const out = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  results: results.map(({ sink: _s, ...r }) => r),
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const stamp = out.date.replace(/[:.]/g, '-');
writeFileSync(new URL(`./results/${stamp}.json`, import.meta.url), JSON.stringify(out, null, 2));
writeFileSync(new URL('./results/latest.json', import.meta.url), JSON.stringify(out, null, 2));
// The same figures as a Markdown table (for notes and reviews).
const cell = (v) => (v === undefined || v === null ? '' : String(v).replace(/\|/g, '\\|'));
const md = [`# diming benchmarks — ${out.date}`, '', `Node ${out.node}, ${out.cpus} × ${out.cpu ?? 'CPU'}. Medians of several runs; baselines measured in the same run.`, ''];
for (const r of results) {
  md.push(`## ${r.name}`, '', '| metric | value | unit | note | target | pass | runs |', '|---|---|---|---|---|---|---|');
  for (const row of r.rows) md.push(`| ${cell(row.metric)} | ${cell(row.value)} | ${cell(row.unit)} | ${cell(row.note)} | ${cell(row.target)} | ${row.pass === undefined ? '' : row.pass ? 'yes' : 'no'} | ${cell(row.runs?.map((x) => +(+x).toFixed(2)).join(' / '))} |`);
  md.push('');
}
writeFileSync(new URL(`./results/${stamp}.md`, import.meta.url), md.join('\n'));
writeFileSync(new URL('./results/latest.md', import.meta.url), md.join('\n'));
console.log(`saved bench/results/${stamp}.json and .md`);
const failed = results.flatMap((r) => r.rows.filter((row) => row.pass === false).map((row) => `${r.name}: ${row.metric}`));
if (failed.length) console.log(`below target: ${failed.join('; ')}`);
