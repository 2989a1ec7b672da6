import { assertNotInput, writeFileAtomic } from '../io/writers/atomic.js';

/** Write command output to `-o FILE` (atomically) or to standard output. */
export async function emit(data: string | Uint8Array, output: string | undefined, inputs: readonly string[] = []): Promise<void> {
  if (output && output !== '-') {
    assertNotInput(output, inputs);
    await writeFileAtomic(output, data);
    return;
  }
  await new Promise<void>((res, rej) => process.stdout.write(data, (err) => (err ? rej(err) : res())));
}

export { displayWidth, textTable } from '../io/writers/text-table.js';
