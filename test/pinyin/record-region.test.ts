import { describe, expect, it } from 'vitest';
import type { RecordFields } from '../../src/core/record.js';
import { recordRegion } from '../../src/pipeline/pinyin.js';

const rec = (fields: RecordFields) => ({ row: 1, name: '十里堡路', fields, extra: {} });

describe('the region of a table record for regional readings', () => {
  it.each([
    [{ admin_code: '110105' }, '110105'],
    [{ province: '北京市', county: '朝阳区' }, '110105'],
    // A path column (所在政区) and a code column holding names, as diming check reads them.
    [{ admin_path: '北京市朝阳区' }, '110105'],
    [{ admin_code: '北京市朝阳区' }, '110105'],
    [{ admin_path: '110105' }, '110105'],
  ] as [RecordFields, string][])('%o → %s', (fields, region) => {
    expect(recordRegion(rec(fields))).toBe(region);
  });

  it('falls back to --region when the record gives no area', () => {
    expect(recordRegion(rec({}), '37')).toBe('37');
  });
});
