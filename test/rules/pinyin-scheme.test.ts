import { pinyinScheme } from '../../src/rules/pinyin-scheme.js';
import { ruleTester } from './tester.js';

const py = (pinyin: string) => ({ pinyin });

ruleTester(pinyinScheme, {
  valid: [
    '槐荫路',
    { name: '槐荫路', fields: py('Huáiyīn Lù') },
    { name: '槐荫路', fields: py('HUAIYIN LU') },
    { name: '第九弄', fields: py('Dì-9 Lòng') },
    { name: '花儿巷', fields: py('Huār Xiàng') },
    { name: '绿水路', fields: py('LÜSHUI LU') },
    { name: '绿水路', fields: py('Lvshui Lu'), label: 'v for ü' },
    { name: '门框胡同', fields: py('Ménkuàng Hútong') },
    { name: '金鹅路', fields: py('Jine Lu'), label: 'a missing apostrophe is another rule' },
  ],
  invalid: [
    { name: '槐荫路', fields: py('Huaiyin Road'), errors: [{ severity: 'error', message: 'Road' }] },
    { name: '幸福路', fields: py('Hsingfu Lu'), errors: [{ severity: 'error', message: '威妥玛' }] },
    { name: '长安街', fields: py("Ch'ang-an Street"), errors: [{ message: 'Street' }, { message: '威妥玛' }] },
    { name: '槐荫路', fields: { pinyin_sign: 'HUAIYIN RD.' }, errors: [{ message: '标志拼音' }] },
    { name: '槐荫路', fields: py('Huaiyin Lx'), errors: [{ message: '不是汉语拼音' }] },
  ],
});
