import type * as ReadAny from '../../src/io/read-any.js';

/**
 * The read-any module with a readAnyDataset that records each file it reads whole (the common readers hold a file and
 * its records in memory): for `vi.mock('../../src/io/read-any.js', …)` in tests that show a format is streamed.
 */
export async function recordingReadAny(importOriginal: <T>() => Promise<T>, files: string[]): Promise<typeof ReadAny> {
  const m = await importOriginal<typeof ReadAny>();
  return {
    ...m,
    readAnyDataset: (file, opts) => {
      files.push(file);
      return m.readAnyDataset(file, opts);
    },
  };
}
