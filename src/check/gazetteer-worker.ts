import { parentPort, workerData } from 'node:worker_threads';
import { DimingError } from '../core/errors.js';
import { AdminResolver } from './admin.js';
import { type ScopeNeedsData, ScopeNeeds, checkGazetteerHeaders, loadGazetteers } from './gazetteer.js';
import type { WorkerReply } from './gazetteer-thread.js';

/** Worker thread entry (gazetteer-thread.ts): read the existing-name files and send the store back. */
const { files, needs, failFlag, dbfEncoding } = workerData as { files: string[]; needs: ScopeNeedsData; failFlag: Int32Array; dbfEncoding?: string };
try {
  // First the headers (a wrong file is reported before the check goes on), then the rows.
  await checkGazetteerHeaders(files);
  parentPort!.postMessage({ ready: true } satisfies WorkerReply);
  const { existing, stats } = await loadGazetteers(files, ScopeNeeds.fromData(needs), new AdminResolver(), undefined, { dbfEncoding });
  const { state, transfer } = existing.toState();
  parentPort!.postMessage({ ok: true, state, stats } satisfies WorkerReply, transfer);
} catch (e) {
  // Seen by the main thread at once, even while it runs rules (the message below waits for it to be idle).
  Atomics.store(failFlag, 0, 1);
  const error = e instanceof DimingError
    ? { dimingKind: e.kind, text: e.text, hint: e.hint, where: e.where, stack: e.stack }
    : { message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined };
  parentPort!.postMessage({ ok: false, error } satisfies WorkerReply);
}
