import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emit } from '../../src/cli/output.js';
import { tempDir } from '../helpers.js';

/** A fresh folder and the report path in it, with `old` already written there when given. */
function target(old?: string): { dir: string; out: string } {
  const dir = tempDir('diming-emit-');
  const out = join(dir, 'report.json');
  if (old !== undefined) writeFileSync(out, old);
  return { dir, out };
}

describe('emit: output in pieces', () => {
  it('writes the pieces of an iterable one after another into the file', async () => {
    const { dir, out } = target();
    await emit((function* () { yield '{"a":'; yield '1'; yield '}\n'; })(), out);
    expect(readFileSync(out, 'utf8')).toBe('{"a":1}\n');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('leaves the old file and no temporary file when making a piece fails', async () => {
    const { dir, out } = target('old');
    const pieces = (function* () {
      yield 'new';
      throw new Error('broken');
    })();
    await expect(emit(pieces, out)).rejects.toThrow('broken');
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('refuses to write over an input file', async () => {
    const { out } = target('名称\n');
    await expect(emit(['x'], out, [out])).rejects.toThrow();
    expect(readFileSync(out, 'utf8')).toBe('名称\n');
  });
});
