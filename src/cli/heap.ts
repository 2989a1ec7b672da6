import { setFlagsFromString } from 'node:v8';

/** Rows from which a check keeps several hundred MB alive (about 1 KB a record). */
const LARGE_BATCH = 200_000;
let lean = false;

/**
 * Grow V8's heap by 15% at a time for a large batch, as bin/diming.js does once the heap passes 384 MB: garbage then
 * cannot pile up to twice the live heap (a million-row check: 1.9 GB peak instead of 2.9 GB). The launcher's timer
 * runs only when the event loop is free, and the check runs for long stretches without yielding, so the check says
 * so itself before it starts.
 */
export function leanHeapFor(rows: number): void {
  if (lean || rows < LARGE_BATCH) return;
  setFlagsFromString('--heap-growing-percent=15');
  lean = true;
}
