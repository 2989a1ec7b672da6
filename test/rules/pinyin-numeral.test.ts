import { pinyinNumeral } from '../../src/rules/pinyin-numeral.js';
import { ruleTester } from './tester.js';

const py = (pinyin: string) => ({ pinyin_sign: pinyin });

ruleTester(pinyinNumeral, {
  valid: [
    { name: '槐荫一巷', fields: py('HUAIYIN 1 XIANG') },
    { name: '八一巷', fields: py('BAYI XIANG') },
    { name: '第九弄', fields: py('DI-9 LONG') },
    { name: '二道河路', fields: py('ERDAOHE LU') },
    { name: '槐荫一巷', fields: py('HUAIYIN YIXIANG'), options: { ordinals: 'spelled' } },
    { name: '东四十二条', fields: py('DONGSI 12 TIAO') },
  ],
  invalid: [
    { name: '槐荫一巷', fields: py('HUAIYIN YI XIANG'), errors: [{ severity: 'warning', message: '阿拉伯数字' }] },
    { name: '八一巷', fields: py('BA 1 XIANG'), errors: [{ severity: 'warning', message: '不是序数' }] },
    { name: '槐荫一巷', fields: py('HUAIYIN 1XIANG'), errors: [{ message: '连在一起' }] },
    { name: '槐荫一巷', fields: py('HUAIYIN 1 XIANG'), options: { ordinals: 'spelled' }, errors: [{ message: '拼音拼写' }] },
  ],
});
