import { brandName } from '../../src/rules/brand-name.js';
import { ruleTester } from './tester.js';

ruleTester(brandName, {
  valid: ['金穗路', '创新路', '兴业路', '实业路', '工业路', '幸福路', { name: '金穗路', fields: { applicant: '某村民委员会' } }],
  invalid: [
    { name: '鑫源集团路', errors: [{ severity: 'error', message: '集团' }] },
    { name: '金穗路', fields: { applicant: '金穗农业科技有限公司' }, errors: [{ severity: 'error', message: '申报单位' }] },
    { name: '万达路', label: 'a listed brand with no link: soft', errors: [{ severity: 'warning', soft: true }] },
    { name: '万达路', fields: { naming_rights: '万达集团' }, errors: [{ severity: 'error' }] },
    { name: '红星置业路', errors: [{ message: '置业' }] },
  ],
});
