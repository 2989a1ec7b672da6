#!/usr/bin/env node
// Launcher: the CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci` through `prepare`).
import { setFlagsFromString } from 'node:v8';

// A million-name check keeps about 1 GB live, and V8's default heap growth lets garbage pile up to nearly twice that
// before a full collection (2.9 GB peak). Once the heap is large, growing it by 15% at a time keeps the peak near the
// live size (1.9 GB) for about 10% more time; small runs (a county's batch) never pay for it. The flag is read at each
// collection, so setting it while running works.
const lean = setInterval(() => {
  if (process.memoryUsage().heapUsed > 384 * 1024 * 1024) {
    setFlagsFromString('--heap-growing-percent=15');
    clearInterval(lean);
  }
}, 250);
lean.unref();
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
