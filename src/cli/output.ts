import { assertNotInput, writeFileAtomic } from '../io/writers/atomic.js';

/**
 * Write a command's output to `-o FILE` (atomically) or to standard output. A large output may come in pieces (an
 * iterable of strings), which are written one after another and never joined.
 */
export async function emit(data: string | Uint8Array | Iterable<string>, output: string | undefined, inputs: readonly string[] = []): Promise<void> {
  if (output && output !== '-') {
    assertNotInput(output, inputs);
    await writeFileAtomic(output, data);
    return;
  }
  const pieces = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
  for (const chunk of pieces) await new Promise<void>((res, rej) => process.stdout.write(chunk, (err) => (err ? rej(err) : res())));
}

export { displayWidth, textTable } from '../io/writers/text-table.js';
