import { bareNumber } from '../../src/rules/bare-number.js';
import { ruleTester } from './tester.js';

ruleTester(bareNumber, {
  valid: [
    '八一巷', '二道河路', '五四路', '三八路', '一二九街', '五里堡路', '三号沟路', '杏园一巷', '幸福一号路', '二马路', '三环路', '十里铺路', '八角场东街',
    { name: '二环路', options: { ringRoads: ['环路'] } },
    { name: '陆家村路', label: '陆 is a surname here, not the formal six' },
    { name: '伍家岭路', label: '伍 is a surname (伍家岭, 长沙)' },
    { name: '陆港大道', label: '陆 = land (a land port)' },
    { name: '拾翠街', label: '拾 = to pick (a classical word)' },
    { name: '陆一路', label: 'a lone 陆 before an ordinal: a surname\'s road' },
  ],
  invalid: [
    { name: '三路', errors: [{ severity: 'error', message: '只是数字' }] },
    { name: '一号巷', errors: [{ severity: 'error' }] },
    { name: '壹号路', errors: [{ message: '大写' }] },
    { name: '玖龙湾路', label: 'formal numeral for effect', errors: [{ message: '大写数字' }] },
    { name: '陆号院', type: 'residential', label: '陆 before 号 is the number', errors: [{ message: '陆' }] },
    { name: '伍拾路', label: 'formal numerals side by side: the number fifty', errors: [{ message: '只是数字' }] },
    { name: '捌零路', errors: [{ message: '大写数字' }] },
    { name: '十八号街', errors: [{ severity: 'error' }] },
  ],
});
