// Deterministic data for the check benchmark: proposals spread over ~40k townships, and existing names.
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { roadNames } from './generate.mjs';

/** Township codes of the bundled division list (the real ~41k). */
export async function townshipCodes() {
  const { divisions } = await import('../dist/divisions/divisions.js');
  return [...divisions().byCode.keys()].filter((c) => c.length === 9).sort();
}

async function writeCsv(file, header, n, rowOf) {
  const ws = createWriteStream(file);
  ws.write(header + '\n');
  let buf = '';
  for (let i = 0; i < n; i++) {
    buf += rowOf(i) + '\n';
    if (buf.length > 1 << 20) {
      if (!ws.write(buf)) await once(ws, 'drain');
      buf = '';
    }
  }
  ws.write(buf);
  ws.end();
  await once(ws, 'finish');
}

/**
 * proposals.csv: `n` names (名称, 类别, 区划代码) over the township codes; existing.csv: `m` standard names
 * (标准名称, 地名类别, 区划代码 with 12-digit village-level codes) over the same townships. Cached by size.
 */
export async function checkData(dir, n, m) {
  mkdirSync(dir, { recursive: true });
  const codes = await townshipCodes();
  const proposals = `${dir}/proposals-${n}.csv`;
  const existing = `${dir}/existing-${m}.csv`;
  if (!existsSync(proposals)) {
    const names = roadNames(n, 7);
    await writeCsv(proposals, '名称,类别,区划代码', n, (i) => `${names[i]},道路,${codes[(i * 7919) % codes.length]}`);
  }
  if (!existsSync(existing)) {
    const names = roadNames(m, 11);
    await writeCsv(existing, '标准名称,地名类别,区划代码', m, (i) => `${names[i]},道路,${codes[(i * 104729) % codes.length]}${String(200 + (i % 300)).padStart(3, '0')}`);
  }
  return { proposals, existing, townships: codes.length };
}
