import { paidNaming } from '../../src/rules/paid-naming.js';
import { ruleTester } from './tester.js';

ruleTester(paidNaming, {
  valid: [
    '柳湾路',
    { name: '鑫源路', fields: { sponsored: '否', naming_reason: '取当地鑫源泉之名' } },
    { name: '鑫源路', fields: { sponsored: 'false' } },
    { name: '幸福路', fields: { naming_reason: '村民出资修建，寓意幸福' }, label: 'funding without a brand' },
  ],
  invalid: [
    { name: '鑫源路', fields: { sponsored: 'true' }, errors: [{ severity: 'error' }] },
    { name: '鑫源路', fields: { sponsored: '是' }, errors: [{ severity: 'error' }] },
    { name: '鑫源路', fields: { naming_rights: '鑫源集团' }, errors: [{ message: '冠名' }] },
    { name: '万达路', fields: { naming_reason: '万达集团出资修建' }, label: 'brand + funding in the reason: soft', errors: [{ severity: 'warning', soft: true }] },
  ],
});
