#!/usr/bin/env node
// Evaluate the orthography engine against real published place names.
//
// Usage:
//   node scripts/eval-real-names.mjs [--file test/fixtures/real-names/names.tsv] [--json] [--matches]
//
// Reads the TSV (see test/fixtures/real-names/README.md), romanizes every row with the built engine
// (dist/, run `npx tsc -p .` first) using the row's type and region, and prints:
//   - exact sign-form accuracy over all rows and over rows not marked `deviates`;
//   - accuracy per provenance group (full published form / division-only / reading-only / deviates);
//   - letters-only accuracy (spaces, apostrophes and hyphens ignored: isolates reading errors);
//   - every mismatch as `name | expected | got | cause`, cause classified automatically as
//     reading | division | apostrophe | numeral | erhua | reading+division | other.
// --json prints the same data as JSON; --matches also lists the rows that match.
// Exit code is 0 whatever the accuracy (this is a measurement, not a test gate).

import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const file = resolve(process.cwd(), opt('--file') ?? resolve(root, 'test/fixtures/real-names/names.tsv'));
const asJson = args.includes('--json');
const showMatches = args.includes('--matches');

const enginePath = resolve(root, 'dist/pinyin/orthography.js');
if (!existsSync(enginePath)) {
  console.error(`engine not built: ${enginePath} is missing; run \`npx tsc -p .\` in ${root} first`);
  process.exit(2);
}
const { Orthography } = await import(enginePath);

/** Parse the TSV: `#` comments, one header row starting with `name`. */
function load(path) {
  const rows = [];
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const cols = line.split('\t');
    if (cols[0] === 'name') return;
    const [name, type, region, sign, pinyin, source, note] = cols;
    if (!name || !sign) {
      console.error(`${path}:${i + 1}: row without name or sign, skipped`);
      return;
    }
    rows.push({ line: i + 1, name, type: type || 'road', region: region || '', sign, pinyin: pinyin || '', source: source || '', note: note || '' });
  });
  return rows;
}

/** Provenance group of a row, from the keywords in its note. */
function group(note) {
  if (/\bdeviates\b/.test(note)) return 'deviates';
  if (/\bdivision-only\b/.test(note)) return 'division-only';
  if (/\breading-only\b/.test(note)) return 'reading-only';
  return 'published';
}

const letters = (s) => s.replace(/[\s'’-]/g, '');
const digits = (s) => (s.match(/\d+/g) ?? []).join(',');

/** Classify why `got` differs from `expected` (both sign forms). */
export function classify(expected, got) {
  if (got.startsWith('ERROR')) return 'other';
  if (letters(expected) === letters(got)) {
    if (expected.replace(/'/g, '') === got.replace(/'/g, '')) return 'apostrophe';
    return 'division';
  }
  if (digits(expected) !== digits(got)) return 'numeral';
  const erh = (s) => letters(s).replace(/ER/g, 'R');
  if (erh(expected) === erh(got)) return 'erhua';
  const we = expected.split(' ').length;
  const wg = got.split(' ').length;
  if (we === wg) return 'reading';
  return 'reading+division';
}

/** Words of `expected` that `got` lacks (a compact hint for the report). */
function wordDiff(expected, got) {
  const g = new Set(got.split(' '));
  return expected.split(' ').filter((w) => !g.has(w)).join(' ');
}

const rows = load(file);
const engine = new Orthography();
const results = rows.map((r) => {
  let got;
  let review = false;
  try {
    const res = engine.romanize(r.name, { type: r.type, region: r.region || undefined });
    got = res.sign;
    review = res.review;
  } catch (e) {
    got = `ERROR ${e?.message ?? e}`;
  }
  const ok = got === r.sign;
  return {
    ...r,
    group: group(r.note),
    got,
    review,
    ok,
    lettersOk: letters(got) === letters(r.sign),
    cause: ok ? '' : classify(r.sign, got),
    hint: ok ? '' : wordDiff(r.sign, got),
  };
});

const pct = (n, d) => (d ? ((100 * n) / d).toFixed(1) + '%' : 'n/a');
const summary = (list) => ({ rows: list.length, exact: list.filter((x) => x.ok).length, lettersOnly: list.filter((x) => x.lettersOk).length });
const all = summary(results);
const conforming = summary(results.filter((x) => x.group !== 'deviates'));
const groups = {};
for (const g of ['published', 'division-only', 'reading-only', 'deviates']) groups[g] = summary(results.filter((x) => x.group === g));
const causes = {};
for (const x of results) if (!x.ok) causes[x.cause] = (causes[x.cause] ?? 0) + 1;
const causesConforming = {};
for (const x of results) if (!x.ok && x.group !== 'deviates') causesConforming[x.cause] = (causesConforming[x.cause] ?? 0) + 1;

if (asJson) {
  console.log(JSON.stringify({ file, all, conforming, groups, causes, causesConforming, mismatches: results.filter((x) => !x.ok), ...(showMatches ? { matches: results.filter((x) => x.ok) } : {}) }, null, 2));
} else {
  const line = (label, s) => `${label.padEnd(34)} ${String(s.exact).padStart(4)}/${String(s.rows).padEnd(4)} ${pct(s.exact, s.rows).padStart(6)}   letters-only ${pct(s.lettersOnly, s.rows)}`;
  console.log(`file: ${file}`);
  console.log(line('exact sign, all rows', all));
  console.log(line('exact sign, rows not `deviates`', conforming));
  for (const [g, s] of Object.entries(groups)) console.log(line(`  group ${g}`, s));
  console.log(`mismatch causes (all): ${Object.entries(causes).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  console.log(`mismatch causes (not deviates): ${Object.entries(causesConforming).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  const print = (title, list) => {
    if (!list.length) return;
    console.log(`\n${title} (${list.length}) — name | expected | got | cause`);
    for (const x of list) console.log(`${x.name} | ${x.sign} | ${x.got} | ${x.cause}${x.review ? ' (engine: review)' : ''}`);
  };
  print('mismatches, rows not marked deviates', results.filter((x) => !x.ok && x.group !== 'deviates'));
  print('mismatches, rows marked deviates (the publication breaks the 1984 rules)', results.filter((x) => !x.ok && x.group === 'deviates'));
  if (showMatches) print('matches', results.filter((x) => x.ok));
}
