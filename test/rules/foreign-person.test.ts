import { foreignPerson } from '../../src/rules/foreign-person.js';
import { ruleTester } from './tester.js';

ruleTester(foreignPerson, {
  valid: ['维新路', '白求恩路', '斯文巷', '博爱路', '吉利路', '拉萨路', '幸福路', '斯诺路', '德胜路', '克拉玛依路', '马克路'],
  invalid: [
    { name: '克鲁诺尔路', fields: { admin_code: '370523' }, label: 'shaped like a transliterated personal name: soft', errors: [{ severity: 'warning', soft: true, message: '克鲁诺尔' }] },
    { name: '克鲁诺尔路', fields: { admin_code: '652901' }, label: 'in an autonomous area (新疆 阿克苏): an info', errors: [{ severity: 'info', message: '民族自治地方' }] },
    {
      name: '布什觉村路', fields: { admin_code: '513434106200' }, label: 'the own village is 布什觉村 (凉山): its approved name, checked not refused',
      errors: [{ severity: 'warning', soft: true, message: '「布什」是本地地名「布什觉村」的一部分' }],
    },
    { name: '牛顿路', errors: [{ severity: 'error', message: '牛顿' }] },
    { name: '莎士比亚巷', errors: [{ severity: 'error', message: '莎士比亚' }] },
    { name: '维多利亚路', errors: [{ severity: 'error' }] },
    { name: '康德路', label: 'also a Chinese word: soft', errors: [{ severity: 'warning', soft: true }] },
    { name: '卡尔路', label: 'transliteration shaped like a name: soft', errors: [{ severity: 'warning', soft: true }] },
    { name: '维伦路', errors: [{ severity: 'warning', soft: true }] },
  ],
});
