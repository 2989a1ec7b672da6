#!/usr/bin/env node
// Launcher: the CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci` through `prepare`).
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
