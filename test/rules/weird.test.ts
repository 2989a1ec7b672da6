import { weird } from '../../src/rules/weird.js';
import { ruleTester } from './tester.js';

ruleTester(weird, {
  valid: ['稻香路', '忆桥巷', '二道河路', '三里河路', '五里堡路', '万亩园路', '博爱村路', '拉萨河路', '八一路', '十里铺路', '伊犁河路', '三尺巷'],
  invalid: [
    { name: '若水之境路', errors: [{ severity: 'warning', message: '之境' }] },
    { name: '三瓶五斗路', errors: [{ message: '数量词' }] },
    { name: '十克拉路', errors: [{ message: '十克拉' }] },
    { name: '24克拉', type: 'residential', label: 'Arabic digits + measure word: the 2019 criteria\'s own example', errors: [{ message: '24克拉' }] },
    { name: '8哩岛', type: 'residential', label: 'the other example (8 miles)', errors: [{ message: '8哩' }] },
    { name: '维斯塔路', label: 'mostly transliteration characters', errors: [{ message: '音译' }] },
    { name: '梦想之城路', errors: [{ message: '之城' }] },
  ],
});
