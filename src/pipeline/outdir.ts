import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DimingError } from '../core/errors.js';
import { txt } from '../core/text.js';
import { assertNotInput } from '../io/writers/atomic.js';

/**
 * An output folder written as a unit (`diming signs -o DIR`, `diming run -o DIR`): every file is first written
 * (atomically) into a hidden staging folder inside DIR; `commit` moves the top-level entries into place (a folder such
 * as svg/ replaces the old one as a whole) and `abort` removes the staging folder. A run that fails half-way leaves
 * DIR as it was: no half-written files, no mix of old and new sign artwork. DIR is created only when the first
 * output is staged, and removed again on abort if this run created it and it is empty.
 */
export class OutputDir {
  private staging: string | undefined;
  private created = false;
  private readonly entries: string[] = [];

  constructor(readonly dir: string, private readonly inputs: readonly string[] = []) {}

  /** Refuse (usage error, exit 2) to write any of these entries over an input file. */
  checkTargets(names: readonly string[]): void {
    for (const n of names) assertNotInput(join(this.dir, n), this.inputs);
  }

  private async ensureStaging(): Promise<string> {
    if (!this.staging) {
      try {
        const s = await stat(this.dir).catch(() => undefined);
        if (s && !s.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
        if (!s) {
          await mkdir(this.dir, { recursive: true });
          this.created = true;
        }
        const staging = join(this.dir, `.diming-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
        await mkdir(staging);
        this.staging = staging;
      } catch (e) {
        throw dirError(this.dir, e);
      }
    }
    return this.staging;
  }

  /** The staging path for a top-level entry (a file or a folder); the staging folder is created on first use. */
  async stage(name: string): Promise<string> {
    this.checkTargets([name]);
    const root = await this.ensureStaging();
    if (!this.entries.includes(name)) this.entries.push(name);
    return join(root, name);
  }

  /** The staging folder itself, for a writer that puts several entries (`names`) into it. */
  async root(names: readonly string[]): Promise<string> {
    this.checkTargets(names);
    const root = await this.ensureStaging();
    for (const n of names) if (!this.entries.includes(n)) this.entries.push(n);
    return root;
  }

  /** Entries staged so far. */
  get staged(): readonly string[] {
    return this.entries;
  }

  /** Move every staged entry into DIR; returns their final paths (in staging order). */
  async commit(): Promise<string[]> {
    const out: string[] = [];
    if (!this.staging) return out;
    for (const name of this.entries) {
      const from = join(this.staging, name);
      const to = join(this.dir, name);
      const exists = await stat(from).catch(() => undefined);
      if (!exists) continue;
      try {
        if (exists.isDirectory()) {
          const old = await stat(to).catch(() => undefined);
          if (old) {
            const trash = join(this.staging, `.old-${name}`);
            await rename(to, trash);
          }
        }
        await rename(from, to);
      } catch (e) {
        throw dirError(to, e);
      }
      out.push(to);
    }
    await rm(this.staging, { recursive: true, force: true });
    this.staging = undefined;
    return out;
  }

  /** Drop everything staged; DIR is left as it was (and removed if this run created it and nothing else is in it). */
  async abort(): Promise<void> {
    if (this.staging) await rm(this.staging, { recursive: true, force: true });
    this.staging = undefined;
    if (this.created) await rmdir(this.dir).catch(() => undefined);
  }
}

function dirError(target: string, e: unknown): DimingError {
  if (e instanceof DimingError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? String(e);
  return new DimingError('input', txt(`无法写入输出文件夹（${code}）`, `cannot write the output folder (${code})`), {
    where: { file: resolve(target) },
    hint: txt('请检查 -o 给出的是文件夹、有写权限、磁盘未满。', 'Check that -o names a folder that is writable and that the disk is not full.'),
    cause: e,
  });
}
