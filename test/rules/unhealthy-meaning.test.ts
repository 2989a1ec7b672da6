import { unhealthyMeaning } from '../../src/rules/unhealthy-meaning.js';
import { join } from 'node:path';
import { FIXTURES } from '../helpers.js';
import { ruleTester } from './tester.js';

/** 北 reads bai in this (made-up) dialect table: 北池 sounds like bai chi. */
const DIALECT = { dialectTable: join(FIXTURES, 'dialect', 'tongling-example.tsv') };

ruleTester(unhealthyMeaning, {
  valid: [
    '和顺路', '仁和巷', '幸福路', '佛山路', '仙居路', '神木街', '孤山路', '龙泉路', '兴业路',
    { name: '鬼谷路', options: { allowWords: ['鬼谷'] }, label: 'a local name on the allowlist' },
    { name: '北池路', label: 'bei chi: no pun in Mandarin' },
    { name: '北池路', options: { ...DIALECT, allowWords: ['北池'] }, label: 'a dialect pun on the allowlist' },
  ],
  invalid: [
    { name: '阴曹路', errors: [{ severity: 'error', message: '阴曹' }] },
    { name: '冥府巷', errors: [{ severity: 'error', message: '冥府' }] },
    { name: '二流子街', label: 'an insult (2026-11-24 addition)', errors: [{ severity: 'error', message: '二流子' }] },
    {
      name: '黄泉沟路', fields: { admin_code: '370982110232' }, label: 'the own village is 黄泉沟村: its approved name, checked not refused',
      errors: [{ severity: 'warning', soft: true, message: '「黄泉」是本地地名「黄泉沟」的一部分' }],
    },
    { name: '骷髅巷', errors: [{ severity: 'error', message: '骷髅' }] },
    { name: '黄泉路', errors: [{ severity: 'error' }] },
    { name: '鬼门路', label: 'hard word hides its soft character', errors: [{ severity: 'error', message: '鬼门' }] },
    { name: '神仙路', label: 'superstition characters: soft', errors: [{ severity: 'warning', soft: true }] },
    { name: '沙碧路', label: 'pun on sha bi', errors: [{ severity: 'warning', soft: true, message: 'sha bi' }] },
    { name: '北池路', options: DIALECT, label: 'pun in the dialect (开平)', errors: [{ severity: 'warning', soft: true, message: /方言中读作 bai chi/ }] },
  ],
});
