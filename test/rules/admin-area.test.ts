import { adminArea } from '../../src/rules/admin-area.js';
import { ruleTester } from './tester.js';

ruleTester(adminArea, {
  valid: [
    { name: '幸福路', fields: { admin_code: '370523101' } },
    { name: '幸福路', fields: { province: '山东省', county: '广饶县', township: '大王镇' } },
    { name: '幸福路', fields: { admin_path: '山东省东营市广饶县大王镇' } },
    { name: '幸福路', fields: { admin_path: '山东省广饶县大王镇刘集前村' }, label: 'omitted level and a village' },
  ],
  invalid: [
    { name: '幸福路', fields: { township: '大王镇' }, label: 'ambiguous township', errors: [{ severity: 'warning', message: '对应多个行政区划' }] },
    { name: '幸福路', fields: { county: '广饶县', township: '小王镇' }, label: 'unknown township', errors: [{ message: '找不到「小王镇」' }] },
    { name: '幸福路', fields: { admin_code: '370523199' }, label: 'code not in the list', errors: [{ message: '不在' }] },
    { name: '幸福路', fields: {}, label: 'no area at all', errors: [{ severity: 'info', soft: true }] },
  ],
});
