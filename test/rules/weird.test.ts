import { weird } from '../../src/rules/weird.js';
import { ruleTester } from './tester.js';

ruleTester(weird, {
  valid: [
    { name: '托万克墩其格村路', fields: { admin_code: '652927200212' }, label: 'the own village\'s name: 万克 is no measure phrase there' },

    { name: '哈拉亥图路', fields: { admin_code: '150521' }, label: 'an autonomous area\'s transliterated name (foreign-word gives its hint)' },
    { name: '扎兰希伯嘎查路', fields: { admin_code: '150521202221' }, label: 'the own village (嘎查)' },
'稻香路', '忆桥巷', '二道河路', '三里河路', '五里堡路', '万亩园路', '博爱村路', '拉萨河路', '八一路', '十里铺路', '伊犁河路', '三尺巷'],
  invalid: [
    { name: '哈拉亥图路', fields: { admin_code: '370523' }, label: 'the same elsewhere: mostly transliteration characters', errors: [{ message: '音译用字' }] },
    { name: '若水之境路', errors: [{ severity: 'warning', message: '之境' }] },
    { name: '三瓶五斗路', errors: [{ message: '数量词' }] },
    { name: '十克拉路', errors: [{ message: '十克拉' }] },
    { name: '24克拉', type: 'residential', label: 'Arabic digits + measure word: the 2019 criteria\'s own example', errors: [{ message: '24克拉' }] },
    { name: '8哩岛', type: 'residential', label: 'the other example (8 miles)', errors: [{ message: '8哩' }] },
    { name: '维斯塔路', label: 'mostly transliteration characters', errors: [{ message: '音译' }] },
    { name: '梦想之城路', errors: [{ message: '之城' }] },
  ],
});
