import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emit } from '../../src/cli/output.js';

describe('emit: output in pieces', () => {
  it('writes the pieces of an iterable one after another into the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diming-emit-'));
    const out = join(dir, 'report.json');
    await emit((function* () { yield '{"a":'; yield '1'; yield '}\n'; })(), out);
    expect(readFileSync(out, 'utf8')).toBe('{"a":1}\n');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('leaves the old file and no temporary file when making a piece fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diming-emit-'));
    const out = join(dir, 'report.json');
    writeFileSync(out, 'old');
    const pieces = (function* () {
      yield 'new';
      throw new Error('broken');
    })();
    await expect(emit(pieces, out)).rejects.toThrow('broken');
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('refuses to write over an input file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diming-emit-'));
    const input = join(dir, 'in.csv');
    writeFileSync(input, '名称\n');
    await expect(emit(['x'], input, [input])).rejects.toThrow();
    expect(readFileSync(input, 'utf8')).toBe('名称\n');
  });
});
