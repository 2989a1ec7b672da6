import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers.js';

/** Run the binary with its standard output closed by the reader at once (as `| head` does). */
function runClosed(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a reader that stops early (diming … | head)', () => {
  it.each([['rules'], ['check', '--help'], ['pinyin', '幸福路']])('diming %s ends quietly', async (...args) => {
    const r = await runClosed(args);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.code).toBe(0);
  });

  it.each([['json'], ['csv'], ['text']])('diming check -f %s keeps the exit code of its findings (1: errors)', async (format) => {
    const dir = tempDir('diming-pipe-');
    const table = join(dir, 'roads.csv');
    // 五千条: a report larger than a pipe's buffer, with an error (皇宫路: a feudal word).
    writeFileSync(table, '名称,区划代码\n' + Array.from({ length: 5000 }, (_, i) => `${i % 2 ? '皇宫' : '幸福'}${i}号路,370523101`).join('\n') + '\n');
    const r = await runClosed(['check', table, '-f', format]);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.code).toBe(1);
  });
});
