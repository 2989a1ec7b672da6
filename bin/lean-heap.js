// Which runs get a Node with lean heap growth (see diming.js): plain JavaScript, as the launcher runs before dist/.
import { statSync } from 'node:fs';

/** An input table this large keeps about a gigabyte of records alive. */
export const LARGE_TABLE = 24 * 1024 * 1024;
/** Files named on the command line, together (existing names are packed: they weigh less). */
export const LARGE_TOTAL = 128 * 1024 * 1024;

/**
 * The V8 settings of such a run. Heap growth of 30% keeps the peak near the live size. A young generation of 32 MB
 * instead of 16 MB lets the per-name temporaries (romanizations, keys, findings before they are kept) die young rather
 * than be copied and promoted: 10–15% faster on a million names for about 40 MB (bench/check.mjs; the gain vanishes at
 * 100k names, which therefore keep Node's defaults).
 */
export const LEAN_HEAP_FLAGS = ['--heap-growing-percent=30', '--max-semi-space-size=32'];

function sizeOf(path) {
  try {
    const s = statSync(path);
    return s.isFile() ? s.size : 0;
  } catch {
    return 0; // not a file: an option, a name to spell …
  }
}

/** Do the command-line arguments name an input table of LARGE_TABLE, or files of LARGE_TOTAL in all? */
export function needsLeanHeap(args) {
  let table = 0;
  let total = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--gazetteer=')) total += sizeOf(a.slice('--gazetteer='.length));
    if (a.startsWith('-')) continue;
    const size = sizeOf(a);
    total += size;
    if (args[i - 1] !== '--gazetteer' && args[i - 1] !== '-g') table = Math.max(table, size);
  }
  return table >= LARGE_TABLE || total >= LARGE_TOTAL;
}
