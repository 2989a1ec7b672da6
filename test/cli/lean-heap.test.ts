import { spawnSync } from 'node:child_process';
import { closeSync, openSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript launcher module (bin/), without type declarations
import { LARGE_TABLE, LARGE_TOTAL, LEAN_HEAP_FLAGS, needsLeanHeap } from '../../bin/lean-heap.js';
import { tempDir } from '../helpers.js';

/** A sparse file of the given size (no data written). */
function sized(dir: string, name: string, bytes: number): string {
  const file = join(dir, name);
  const fd = openSync(file, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return file;
}

describe('which runs get lean heap growth (bin/lean-heap.js)', () => {
  const dir = tempDir('diming-lean-');
  const small = sized(dir, 'small.csv', 3 * 1024 * 1024);
  const table = sized(dir, 'table.csv', LARGE_TABLE as number);
  const gazetteer = sized(dir, 'existing.csv', 120 * 1024 * 1024);
  const big = sized(dir, 'big.csv', LARGE_TOTAL as number);
  const check = (...args: string[]) => (needsLeanHeap as (a: string[]) => boolean)(args);

  it('a large input table, wherever it stands', () => {
    expect(check('check', table)).toBe(true);
    expect(check('run', table, '-o', 'out', '--force')).toBe(true);
    expect(check('check', small)).toBe(false);
  });

  it('existing names count only towards the total (they are packed)', () => {
    expect(check('check', small, '--gazetteer', table)).toBe(false);
    expect(check('check', small, '-g', gazetteer)).toBe(false);
    expect(check('check', small, '--gazetteer', gazetteer, '--gazetteer', table)).toBe(true);
    expect(check('check', small, `--gazetteer=${big}`)).toBe(true);
  });

  it('options, names and missing files weigh nothing', () => {
    expect(check('pinyin', '幸福路', '--lang', 'en')).toBe(false);
    expect(check('check', join(dir, 'missing.csv'), '-o', dir)).toBe(false);
  });

  it('the settings are ones this Node accepts (a misspelt flag would stop every large run)', () => {
    const flags = LEAN_HEAP_FLAGS as string[];
    expect(flags.some((f) => f.startsWith('--heap-growing-percent='))).toBe(true);
    const r = spawnSync(process.execPath, [...flags, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ok');
  });
});
