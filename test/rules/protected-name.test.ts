import { protectedName } from '../../src/rules/protected-name.js';
import { ruleTester } from './tester.js';

const LIST = { protectedNames: ['文昌街', '鼓楼大街'] };

ruleTester(protectedName, {
  valid: [
    '幸福路',
    { name: '兴文路', fields: { old_name: '文昌街', protection_measures: '原名刻入路牌副牌并载入地名志' }, options: LIST },
    { name: '文昌街', fields: { old_name: '文昌街' }, options: LIST, label: 'not a rename' },
    { name: '兴文路', fields: { old_name: '东风路' }, options: LIST, label: 'old name not protected' },
    { name: '文昌街', fields: { old_name: '红卫路' }, options: LIST, label: 'reviving an old name' },
  ],
  invalid: [
    { name: '兴文路', fields: { old_name: '文昌街' }, options: LIST, errors: [{ severity: 'error', message: '保护名录' }] },
    { name: '兴文路', fields: { old_name: '文昌街', protection_measures: '无' }, options: LIST, label: '"无" is no measure', errors: [{ severity: 'error' }] },
    { name: '兴文路', fields: { old_name: '中山路' }, label: 'historic old name, no reason: soft', errors: [{ severity: 'warning', soft: true }] },
  ],
});
