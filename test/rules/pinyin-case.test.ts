import { pinyinCase } from '../../src/rules/pinyin-case.js';
import { ruleTester } from './tester.js';

const py = (pinyin: string) => ({ pinyin });

ruleTester(pinyinCase, {
  valid: [
    { name: '槐荫路', fields: py('Huáiyīn Lù') },
    { name: '槐荫路', fields: py('HUAIYIN LU') },
    { name: '槐荫路', fields: py('Huaiyin Lu'), label: 'no tone marks at all' },
    { name: '门框胡同', fields: py('Ménkuàng Hútong'), label: 'neutral tone of 胡同' },
    { name: '西安路', fields: py("Xī'ān Lù") },
    { name: '第九弄', fields: py('Dì-9 Lòng') },
    { name: '绿水路', fields: py('Lǜshuǐ Lù') },
  ],
  invalid: [
    { name: '槐荫路', fields: py('huáiyīn lù'), errors: [{ severity: 'error', message: '大小写' }] },
    { name: '槐荫路', fields: py('HuaiYin Lu'), errors: [{ message: '大小写' }] },
    { name: '槐荫路', fields: py('HUÁIYĪN LÙ'), errors: [{ message: '不标声调' }] },
    { name: '槐荫路', fields: py('Huáiyin Lù'), errors: [{ message: '声调标注不全' }] },
    { name: '槐荫路', fields: py('Huaíyīn Lù'), label: 'tone mark on the wrong vowel', errors: [{ message: '位置不对' }] },
  ],
});
