import { rareChar } from '../../src/rules/rare-char.js';
import { ruleTester } from './tester.js';

ruleTester(rareChar, {
  valid: [
    '泾口巷', '垸田路', '箬竹巷', '禧福路', '槐荫路',
    { name: '垟头路', options: { allowChars: ['垟'] } },
    { name: '垟头路', fields: { admin_code: '330381' }, label: '垟 is a toponymic character in Zhejiang' },
    { name: '塅上巷', fields: { admin_code: '360781' }, label: '塅 in Jiangxi' },
  ],
  invalid: [
    { name: '垟头路', fields: { admin_code: '370523' }, label: '垟 in Shandong', errors: [{ severity: 'warning', message: '垟' }] },
    { name: '塅上巷', fields: { admin_code: '130636' }, errors: [{ severity: 'warning', message: '塅' }] },
    { name: '垟头路', label: 'no location: soft', errors: [{ severity: 'info', soft: true }] },
    { name: '泾口巷', options: { level2: 'info' }, errors: [{ severity: 'info', message: '泾' }] },
  ],
});
