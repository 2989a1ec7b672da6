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
  | { ok: true; state: ExistingState; stats: GazetteerStats[] }
  | { ok: false; error: { dimingKind?: ErrorKind; text?: Text; hint?: Text; where?: Where; message?: string; stack?: string } };

/** The compiled worker; absent when running from the TypeScript sources (tests), which then read in this thread. */
const WORKER = new URL('./gazetteer-worker.js', import.meta.url);

/**
 * loadGazetteers, in a worker thread when the files are large: start it, go on with other work, await the result.
 * The store arrives without copying (its typed arrays are transferred). Errors arrive as they would in this thread.
 */
export function loadGazetteersAside(files: readonly string[], needs: ScopeNeeds, opts: { minBytes?: number } = {}): Promise<{ existing: ExistingNames; stats: GazetteerStats[] }> {
  if (!worthAThread(files, opts.minBytes ?? ASIDE_BYTES)) return loadGazetteers(files, needs, new AdminResolver());
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { files: [...files], needs: needs.toData() } });
    let settled = false;
    worker.once('message', (m: WorkerReply) => {
      settled = true;
      if (m.ok) resolve({ existing: ExistingNames.fromState(m.state), stats: m.stats });
      else reject(revive(m.error));
      void worker.terminate();
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the existing-name reader stopped (exit code ${code})`));
    });
  });
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
