import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DimingError, type ErrorKind, type Where } from '../core/errors.js';
import type { Text } from '../core/text.js';
import { AdminResolver } from './admin.js';
import { type ExistingState, ExistingNames } from './existing.js';
import { type GazetteerStats, type ScopeNeeds, loadGazetteers } from './gazetteer.js';

/**
 * Existing-name files this large in total are read in a worker thread, so that the main thread checks the records
 * meanwhile (a five-million-name file takes seconds to read; a county's list takes less than starting a thread).
 */
export const ASIDE_BYTES = 16 * 1024 * 1024;

export type WorkerReply =
  | { ready: true }
  | { ok: true; state: ExistingState; stats: GazetteerStats[] }
  | { ok: false; error: { dimingKind?: ErrorKind; text?: Text; hint?: Text; where?: Where; message?: string; stack?: string } };

/** The compiled worker; absent when running from the TypeScript sources (tests), which then read in this thread. */
const WORKER = new URL('./gazetteer-worker.js', import.meta.url);

/** Existing names being read: `ready` once the files are known to be name tables, `done` with the names. */
export interface Reading {
  ready: Promise<void>;
  done: Promise<{ existing: ExistingNames; stats: GazetteerStats[] }>;
  /**
   * Has the reading already failed? Readable while this thread is busy (no message can arrive then), so that a long
   * pass of rules can stop at once and `done` tell the user about the bad file.
   */
  failed(): boolean;
}

/**
 * loadGazetteers, in a worker thread when the files are large: start it, go on with other work once `ready` (the
 * headers are found, so a wrong file stops the run at once), then await `done`. The store arrives without copying (its
 * typed arrays are transferred). Errors arrive as they would in this thread. Small files are read here, and `ready`
 * waits for all of it (as reading before the check always did).
 */
export function loadGazetteersAside(files: readonly string[], needs: ScopeNeeds, opts: { minBytes?: number; dbfEncoding?: string } = {}): Reading {
  if (!worthAThread(files, opts.minBytes ?? ASIDE_BYTES)) {
    const done = loadGazetteers(files, needs, new AdminResolver(), undefined, { dbfEncoding: opts.dbfEncoding });
    return { ready: done.then(() => undefined), done, failed: () => false };
  }
  // Set by the worker when it fails: shared memory, seen here even in the middle of a synchronous loop.
  const failFlag = new Int32Array(new SharedArrayBuffer(4));
  let ready!: { resolve: () => void; reject: (e: unknown) => void };
  const readyP = new Promise<void>((resolve, reject) => (ready = { resolve, reject }));
  const done = new Promise<{ existing: ExistingNames; stats: GazetteerStats[] }>((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { files: [...files], needs: needs.toData(), failFlag, dbfEncoding: opts.dbfEncoding } });
    let settled = false;
    const fail = (e: unknown) => {
      settled = true;
      ready.reject(e);
      reject(e);
    };
    worker.on('message', (m: WorkerReply) => {
      if ('ready' in m) return ready.resolve();
      settled = true;
      if (m.ok) {
        ready.resolve();
        resolve({ existing: ExistingNames.fromState(m.state), stats: m.stats });
      } else fail(revive(m.error));
      void worker.terminate();
    });
    worker.once('error', fail);
    worker.once('exit', (code) => {
      if (!settled) fail(new Error(`the existing-name reader stopped (exit code ${code})`));
    });
  });
  // Each is awaited by the caller in turn; a failure must not count as unhandled while the other is awaited.
  readyP.catch(() => undefined);
  done.catch(() => undefined);
  return { ready: readyP, done, failed: () => Atomics.load(failFlag, 0) === 1 };
}

/** A thread pays off only for large files, and only when the compiled worker exists. Missing files: read here (the error). */
function worthAThread(files: readonly string[], minBytes: number): boolean {
  if (!existsSync(fileURLToPath(WORKER))) return false;
  let total = 0;
  for (const f of files) {
    try {
      total += statSync(f).size;
    } catch {
      return false;
    }
  }
  return total >= minBytes;
}

function revive(e: Extract<WorkerReply, { ok: false }>['error']): Error {
  if (e.dimingKind && e.text) {
    const err = new DimingError(e.dimingKind, e.text, { hint: e.hint, where: e.where });
    if (e.stack) err.stack = e.stack;
    return err;
  }
  const err = new Error(e.message ?? 'unknown error while reading existing names');
  if (e.stack) err.stack = e.stack;
  return err;
}
