import { genericStacked } from '../../src/rules/generic-stacked.js';
import { ruleTester } from './tester.js';

ruleTester(genericStacked, {
  valid: [
    { name: '金宝花园路', fields: { admin_code: '110113012007' }, label: 'the own community is 金宝花园社区: a real place, as an existing name is' },
    '幸福路', '中心路', '中心街', '花园路', '老街路', '古街路', '南大街', '梨苑路', '新街路', '张桥村路', '步行街路', { name: '同德路站', type: 'structure' }, '解放路桥',
    { name: '解放路南小街', existing: [{ name: '解放路' }], label: '1984 rule 4: 解放路 exists' },
    { name: '包头胡同东巷', existing: [{ name: '包头胡同' }] },
    { name: '解放路南小街', batch: ['解放路'], label: 'the inner road is in the batch' },
    { name: '新风路街', fields: { specific: '新风路', generic: '街' }, label: 'explicit 专名 column' },
  ],
  invalid: [
    { name: '金宝花园路', label: 'elsewhere: a stacked generic', errors: [{ severity: 'error', message: '花园' }] },
    { name: '新风路街', errors: [{ severity: 'error', message: '叠用' }] },
    { name: '桂香苑公寓', errors: [{ severity: 'error', message: '苑' }] },
    { name: '阳光花园路', errors: [{ severity: 'error', message: '花园' }] },
    { name: '幸福小区路', errors: [{ severity: 'error' }] },
    { name: '解放路南小街', label: 'derived name, inner road unknown: soft', errors: [{ severity: 'warning', soft: true }] },
    { name: '建设路支路', errors: [{ severity: 'warning', soft: true }] },
    { name: '文化中心路', label: '中心 is also an ordinary word: soft', errors: [{ severity: 'warning', soft: true }] },
  ],
});
