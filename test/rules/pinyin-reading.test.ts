import { pinyinReading } from '../../src/rules/pinyin-reading.js';
import { ruleTester } from './tester.js';

const py = (pinyin: string) => ({ pinyin_sign: pinyin });

ruleTester(pinyinReading, {
  valid: [
    { name: '桂花弄', fields: py('GUIHUA LONG') },
    { name: '王家堡路', fields: py('WANGJIAPU LU'), label: 'a local reading of a place-dependent character' },
    { name: '王家堡路', fields: py('WANGJIABAO LU') },
    { name: '十里堡路', fields: { admin_code: '110105', pinyin_sign: 'SHILIPU LU' } },
    { name: '槐荫一巷', fields: py('HUAIYIN 1 XIANG') },
    { name: '槐荫一巷', fields: py('HUAIYIN YI XIANG') },
    { name: '金鹅路', fields: py('JINE LU'), label: 'the apostrophe is another rule' },
    { name: '花儿巷', fields: py('HUA ER XIANG'), label: 'erhua is another rule' },
    { name: '槐荫路', fields: { pinyin: 'Huáiyīn Lù' } },
    { name: '门框胡同', fields: { pinyin: 'Ménkuàng Hútòng' }, label: 'a tone on a neutral syllable is tolerated' },
  ],
  invalid: [
    { name: '桂花弄', fields: py('GUIHUA NONG'), errors: [{ severity: 'error', message: '弄' }] },
    { name: '十里堡路', fields: { admin_code: '110105', pinyin_sign: 'SHILIBAO LU' }, label: 'the dictionary reading for this place', errors: [{ severity: 'error', message: '堡' }] },
    { name: '槐荫路', fields: py('HUAI LU'), errors: [{ severity: 'error', message: '音节数' }] },
    { name: '槐荫路', fields: py('HUAIYING LU'), label: 'a library reading differs: soft', errors: [{ severity: 'warning', soft: true }] },
    { name: '槐荫路', fields: { pinyin: 'Huáiyìn Lù' }, label: 'wrong tone', errors: [{ soft: true, message: '荫' }] },
    { name: '槐荫一巷', fields: py('HUAIYIN 2 XIANG'), errors: [{ severity: 'error' }] },
  ],
});
