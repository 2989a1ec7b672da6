import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package's data/ folder (dist/data/files.js → ../../data). Product code reads data only from here. */
const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export function dataPath(rel: string): string {
  return DATA_DIR + rel;
}

/** Lines of a UTF-8 list file, without comments (#…) and blank lines, split on tabs. */
export function readDataTable(rel: string): string[][] {
  return parseTable(readFileSync(dataPath(rel), 'utf8'));
}

/** Parse tab-separated list text: `#` starts a comment line, blank lines are skipped, cells are trimmed. */
export function parseTable(text: string): string[][] {
  const out: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    out.push(line.split('\t').map((c) => c.trim()));
  }
  return out;
}
