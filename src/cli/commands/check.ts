import { basename } from 'node:path';
import { tr } from '../../core/text.js';
import { DIVISION_CODE_YEAR } from '../../divisions/divisions.js';
import { csvReportChunks, jsonChunks } from '../../check/output/formats.js';
import { htmlChunks } from '../../check/output/html.js';
import { toText } from '../../check/output/text.js';
import { layerFileList, loadLayers } from '../../check/layers.js';
import { OFFSET_NOTICE, parseCrsOption } from '../../geo/crs.js';
import { readAnyDataset } from '../../io/read-any.js';
import type { EntityType } from '../../name/types.js';
import { loadProfile } from '../../profiles/profile.js';
import { AUTO } from '../../profiles/auto.js';
import { RULES } from '../../rules/registry.js';
import { EXIT } from '../main.js';
import { emit } from '../output.js';
import { checkWithProgress, ruleFlags } from '../check-step.js';
import { printNote } from '../report.js';

export interface CheckCliOptions {
  format: 'text' | 'json' | 'csv' | 'html';
  output?: string;
  profile: string[];
  rule: string[];
  gazetteer: string[];
  type?: EntityType;
  sheet?: string;
  encoding?: string;
  verbose?: boolean;
  maxWarnings?: string;
  quiet?: boolean;
  crs?: string;
  boundaries?: string;
  /** --built-up: built-up-area polygons (scope builtUpArea). */
  builtUp?: string;
  dbfEncoding?: string;
  /** --column: the column of names, when its header is not one the aliases know. */
  column?: string;
}

export async function runCheckCommand(file: string, o: CheckCliOptions): Promise<number> {
  const rules = ruleFlags(o.rule);
  // A wrong --crs is a usage error before anything is read.
  if (o.crs) parseCrsOption(o.crs);
  // Names are what is checked: a geometry file without a name attribute is refused like a table without one.
  // A broken profile is reported before a large input is read.
  for (const p of o.profile.filter((x) => x !== AUTO)) loadProfile(p, RULES);
  const ds = await readAnyDataset(file, { sheet: o.sheet, encoding: o.encoding, crs: o.crs, dbfEncoding: o.dbfEncoding, requireName: true, column: o.column, columnOption: true });
  for (const n of ds.notes) printNote(tr(n));
  const layers = { gazetteers: o.gazetteer, boundaries: o.boundaries, builtUp: o.builtUp, dbfEncoding: o.dbfEncoding };
  const result = await checkWithProgress(ds, o, rules, { ...(await loadLayers(layers)), dbfEncoding: o.dbfEncoding });
  // The legal notice on offset coordinates must be seen even when the report goes to a file (formats.md §3.5).
  if (result.offsetSource && (o.output || o.format !== 'text')) process.stderr.write(`${tr(OFFSET_NOTICE)}\n`);
  const profileName = result.profiles.length > 1 ? `auto (${result.profiles[0].name} …)` : result.profiles[0].name;
  const source = basename(ds.source.file);
  // The report is built from the findings alone: let the records and geometries (most of a large batch's memory) go
  // first, so that building it reuses their space instead of growing the process.
  ds.records.length = 0;
  result.records.length = 0;
  result.geometry = undefined;
  let out: string | Iterable<string>;
  switch (o.format) {
    case 'json': out = jsonChunks(result); break;
    case 'csv': out = csvReportChunks(result); break;
    case 'html': out = htmlChunks(result, { source, profile: profileName, divisionYear: DIVISION_CODE_YEAR }); break;
    default: out = toText(result, Boolean(o.verbose));
  }
  const code = result.summary.errors > 0 || (o.maxWarnings !== undefined && result.summary.warnings > Number(o.maxWarnings)) ? EXIT.findings : EXIT.ok;
  // Known before the report is written: a reader that stops early (| head) ends the process with this code.
  process.exitCode = code;
  await emit(out, o.output, [file, ...layerFileList(layers)]);
  return code;
}
