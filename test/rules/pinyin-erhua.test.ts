import { pinyinErhua } from '../../src/rules/pinyin-erhua.js';
import { ruleTester } from './tester.js';

const py = (pinyin: string) => ({ pinyin });

ruleTester(pinyinErhua, {
  valid: [
    { name: '花儿巷', fields: py('Huār Xiàng') },
    { name: '花儿巷', fields: py('HUAR XIANG') },
    { name: '盆儿胡同', fields: py('Pénr Hútong') },
    { name: '槐荫路', fields: py('Huaiyin Lu') },
    { name: '儿童路', fields: py("Értóng Lù"), label: '儿 at the start is a syllable' },
  ],
  invalid: [
    { name: '花儿巷', fields: py("Huā'ér Xiàng"), errors: [{ severity: 'error', message: '单独的音节' }] },
    { name: '槐荫路', fields: py('Huaiyinr Lu'), errors: [{ severity: 'error', message: '没有写「儿」字' }] },
  ],
});
