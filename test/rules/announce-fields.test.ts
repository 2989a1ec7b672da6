import { describe, expect, it } from 'vitest';
import { announceFields, missingAnnounceFields } from '../../src/rules/announce-fields.js';
import type { AnalyzedRecord } from '../../src/rules/types.js';
import { ruleTester } from './tester.js';

const FULL = { admin_code: '370523101', start: '大王村', end: '李刘村', approval_body: '广饶县人民政府', approval_date: '2024-03-01' };

ruleTester(announceFields, {
  valid: [
    { name: '幸福路', label: 'a proposal table without approval fields: not checked' },
    { name: '幸福路', fields: FULL },
    { name: '幸福路', fields: { ...FULL, pinyin: 'Xìngfú Lù' } },
  ],
  invalid: [
    { name: '幸福路', fields: { ...FULL, start: '' }, label: 'no location and no start/end', errors: [{ severity: 'error', message: '位置描述' }] },
    { name: '幸福路', fields: { ...FULL, approval_body: '' }, errors: [{ message: '批准机关' }] },
    { name: '幸福路', fields: { approval_date: '2024-03-01' }, label: 'several fields missing, each reported', errors: [{ message: '所属政区' }, { message: '位置描述' }, { message: '批准机关' }] },
    { name: 'Q路', fields: FULL, label: 'no romanisation can be made', errors: [{ message: '罗马字母拼写' }] },
  ],
});

describe('missingAnnounceFields (for the announcement command)', () => {
  it('lists the missing fields of any record', () => {
    const rec = { name: '幸福路', full: '幸福路', record: { row: 1, name: '幸福路', fields: {}, extra: {} }, admin: {}, romanization: undefined } as unknown as AnalyzedRecord;
    expect(missingAnnounceFields(rec).map((m) => m.field)).toEqual(['pinyin', 'admin', 'location_desc', 'approval_body', 'approval_date']);
  });
});
