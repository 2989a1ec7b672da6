import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ANNOUNCE_FORMATS,
  formatFromPath,
  parseAnnounceFormat,
  renderAnnouncement,
  writeAnnouncement,
} from '../../src/announce/index.js';
import { DimingError } from '../../src/core/errors.js';
import { tempDir } from '../helpers.js';
import { sampleDoc } from './helpers.js';

describe('library entry point', () => {
  it('writes every format atomically (no temp files left) and identically to renderAnnouncement', async () => {
    const doc = sampleDoc({ roads: 12, townships: 2 });
    const dir = tempDir();
    for (const f of ANNOUNCE_FORMATS) {
      const target = join(dir, 'sub', `out.${f}`);
      await writeAnnouncement(doc, f, target);
      const expected = await renderAnnouncement(doc, f);
      const bytes = readFileSync(target);
      expect(Buffer.compare(bytes, Buffer.from(expected as string | Uint8Array))).toBe(0);
    }
    expect(readdirSync(join(dir, 'sub')).sort()).toEqual(ANNOUNCE_FORMATS.map((f) => `out.${f}`).sort());
  });

  it('format from --format and from the output file name', () => {
    expect(parseAnnounceFormat('DOCX')).toBe('docx');
    expect(parseAnnounceFormat('markdown')).toBe('md');
    expect(parseAnnounceFormat('.htm')).toBe('html');
    expect(() => parseAnnounceFormat('pdf')).toThrow(DimingError);
    expect(formatFromPath('公告.xlsx')).toBe('xlsx');
    expect(formatFromPath('a/b.markdown')).toBe('md');
    expect(formatFromPath('a.txt')).toBeUndefined();
    expect(formatFromPath('noext')).toBeUndefined();
  });
});
