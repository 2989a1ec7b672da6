import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'diming.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI (npm test builds first) as a user would. */
export function run(args: string[], opts: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, DIMING_LANG: '', NO_COLOR: '1', ...opts.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'diming-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file under a folder with its bytes (to prove a folder was left untouched). */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(p, readFileSync(p).toString('base64'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/**
 * `diming <cmd> ARGS -o DIR` refused (exit 2, a Chinese error, no stack trace): a fresh DIR is not created, and an
 * existing DIR holding an earlier result (`earlier`: relative path → content) stays exactly as it was.
 */
export function expectFolderRefused(cmd: string, args: readonly string[], root: string, earlier: Record<string, string>): void {
  const fresh = join(root, 'fresh');
  const r = run([cmd, ...args, '-o', fresh]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/错误：/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(fresh)).toBe(false);
  const kept = join(root, 'kept');
  for (const [rel, text] of Object.entries(earlier)) {
    mkdirSync(dirname(join(kept, rel)), { recursive: true });
    writeFileSync(join(kept, rel), text);
  }
  const before = snapshot(kept);
  expect(run([cmd, ...args, '-o', kept]).code).toBe(2);
  expect(snapshot(kept)).toEqual(before);
  expect(before.size).toBe(Object.keys(earlier).length);
}
