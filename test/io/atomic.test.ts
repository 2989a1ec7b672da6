import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAtomic, writeFileAtomic } from '../../src/io/writers/atomic.js';

const dir = mkdtempSync(join(tmpdir(), 'diming-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic writers', () => {
  it('abort right after open leaves no temporary file (the open may still be pending)', async () => {
    // Regression: abort() removed the temp file before the stream's asynchronous
    // open had created it, so the file appeared afterwards.
    for (let i = 0; i < 200; i++) {
      const out = await openAtomic(join(dir, `a${i}.json`));
      await out.abort();
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('abort after writing leaves nothing; commit renames into place', async () => {
    const a = await openAtomic(join(dir, 'x.txt'));
    await a.write('half');
    await a.abort();
    const b = await openAtomic(join(dir, 'y.txt'));
    await b.write('地名');
    await b.commit();
    await writeFileAtomic(join(dir, 'z.txt'), 'z');
    expect(readdirSync(dir).sort()).toEqual(['y.txt', 'z.txt']);
    expect(readFileSync(join(dir, 'y.txt'), 'utf8')).toBe('地名');
  });
});
