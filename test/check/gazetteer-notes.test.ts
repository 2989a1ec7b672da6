import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdminResolver } from '../../src/check/admin.js';
import { ScopeNeeds, loadGazetteers, withoutTrailingNote } from '../../src/check/gazetteer.js';
import { tempDir } from '../helpers.js';

describe('notes in brackets after an existing name', () => {
  it.each([
    ['幸福路(东段)', '幸福路'],
    ['幸福路(原名胜利路)', '幸福路'],
    ['幸福路[西段]', '幸福路'],
    ['幸福路【规划】', '幸福路'],
    ['幸福路〔暂名〕', '幸福路'],
    ['幸福路', '幸福路'],
    ['(东段)', '(东段)'],
    ['幸福(东)路', '幸福(东)路'],
    ['幸福路(东段', '幸福路(东段'],
  ])('%s → %s', (full, want) => {
    expect(withoutTrailingNote(full)).toBe(want);
  });

  it('compares the name before the note and shows the name as written', async () => {
    const dir = tempDir();
    const file = join(dir, 'existing.csv');
    writeFileSync(file, '标准名称,行政区划代码\n幸福路（东段）,370523101\n和谐路,370523101\n');
    const needs = new ScopeNeeds();
    needs.add('370523101');
    const { existing } = await loadGazetteers([file], needs, new AdminResolver());
    expect(existing.size).toBe(2);
    const i = [0, 1].find((k) => existing.name(k) === '幸福路（东段）')!;
    expect(existing.full(i)).toBe('幸福路');
    expect(existing.hasName('幸福路')).toBe(true);
  });
});
