import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DimingError, usageError } from '../../core/errors.js';
import { txt } from '../../core/text.js';

/** A temporary sibling of `target`: the final rename is atomic on one file system. */
function tempPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.diming-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Refuse to overwrite a file the command is reading. */
export function assertNotInput(target: string, inputs: readonly string[]): void {
  const t = resolve(target);
  for (const i of inputs) {
    if (i !== '-' && resolve(i) === t) {
      throw usageError(
        txt(`输出文件「${target}」就是输入文件，不能覆盖`, `the output file "${target}" is an input file and will not be overwritten`),
        txt('请用 -o 指定另一个文件名。', 'Choose another file name with -o.'),
      );
    }
  }
}

/**
 * Write a whole file atomically: temp file + rename, nothing half-written on failure. A large text may come in pieces
 * (an iterable of strings), which are written one after another and never joined.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
    const out = await openAtomic(target);
    try {
      for (const chunk of data) await out.write(chunk);
    } catch (e) {
      await out.abort();
      throw e;
    }
    await out.commit();
    return;
  }
  await ensureDir(target);
  const tmp = tempPath(target);
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw outputError(target, e);
  }
}

/** A streaming atomic writer for large outputs (a million features never sit in one string). */
export interface AtomicStream {
  write(chunk: string | Uint8Array): Promise<void>;
  /** Flush, close and rename into place. */
  commit(): Promise<void>;
  /** Remove the temporary file. */
  abort(): Promise<void>;
}

export async function openAtomic(target: string): Promise<AtomicStream> {
  await ensureDir(target);
  const tmp = tempPath(target);
  const ws = createWriteStream(tmp);
  let failed: unknown;
  ws.on('error', (e) => {
    failed = e;
  });
  const write = (chunk: string | Uint8Array) =>
    new Promise<void>((res, rej) => {
      if (failed) return rej(outputError(target, failed));
      if (ws.write(chunk)) res();
      else ws.once('drain', () => res());
    });
  return {
    write,
    async commit() {
      await new Promise<void>((res, rej) => ws.end((err?: Error | null) => (err ? rej(err) : res())));
      if (failed) {
        await rm(tmp, { force: true });
        throw outputError(target, failed);
      }
      try {
        await rename(tmp, target);
      } catch (e) {
        await rm(tmp, { force: true });
        throw outputError(target, e);
      }
    },
    async abort() {
      await destroyStream(ws);
      await rm(tmp, { force: true });
    },
  };
}

/**
 * Destroy a file write stream and wait until it is closed. Its file is opened asynchronously,
 * so removing the file straight after destroy() could run before the open and leave it behind.
 */
export function destroyStream(ws: WriteStream): Promise<void> {
  return new Promise<void>((res) => {
    if (ws.closed) return res();
    ws.once('close', () => res());
    ws.destroy();
  });
}

async function ensureDir(target: string): Promise<void> {
  const dir = dirname(resolve(target));
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) throw new Error('not a directory');
  } catch {
    try {
      await mkdir(dir, { recursive: true });
    } catch (e) {
      throw outputError(target, e);
    }
  }
}

function outputError(target: string, e: unknown): DimingError {
  if (e instanceof DimingError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? String(e);
  return new DimingError(
    'input',
    txt(`无法写入输出文件（${code}）`, `cannot write the output file (${code})`),
    { where: { file: target }, hint: txt('请检查文件夹是否存在、是否有写权限、磁盘是否已满。', 'Check that the folder exists, is writable and the disk is not full.'), cause: e },
  );
}
