#!/usr/bin/env node
// Launcher: the CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci` through `prepare`).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LEAN_HEAP_FLAGS, needsLeanHeap } from './lean-heap.js';

// A million-name check keeps about 1 GB live, and V8's default heap growth lets garbage pile up to nearly twice that
// before a full collection (2.2–2.3 GB peak with five million existing names). Growing the heap by 30% at a time keeps
// the peak at 1.8 GB for about 10% more time (15% saved another 40 MB for 7% more time). The records of the input
// table are what stays live (about 1 KB a row; existing names are packed, a few dozen bytes each), so an input table of
// 24 MB or more (some 700 000 rows), or 128 MB of files in all, gets a Node started with that setting and a larger
// young generation (lean-heap.js). V8 settings changed while running may behave unpredictably, so they are not changed
// in this process.
const args = process.argv.slice(2);
if (!process.env.DIMING_LEAN_HEAP && needsLeanHeap(args)) {
  const r = spawnSync(process.execPath, [...process.execArgv, ...LEAN_HEAP_FLAGS, fileURLToPath(import.meta.url), ...args], {
    stdio: 'inherit',
    env: { ...process.env, DIMING_LEAN_HEAP: '1' },
  });
  if (r.error) {
    process.stderr.write(`diming: ${r.error.message}\n`);
    process.exitCode = 2;
  } else if (r.signal) process.kill(process.pid, r.signal);
  else process.exitCode = r.status ?? 2;
} else {
  import('../dist/cli/main.js')
    .then((m) => m.main(process.argv))
    .catch((err) => {
      if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli/main.js')) {
        process.stderr.write('diming 尚未构建：请先运行 npm run build（或 npm ci）。\n');
      } else {
        process.stderr.write(String(err && err.stack ? err.stack : err) + '\n');
      }
      process.exitCode = 2;
    });
}
