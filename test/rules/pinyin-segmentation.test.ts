import { pinyinSegmentation } from '../../src/rules/pinyin-segmentation.js';
import { ruleTester } from './tester.js';

const py = (pinyin: string) => ({ pinyin });

ruleTester(pinyinSegmentation, {
  valid: [
    { name: '槐荫路', fields: py('Huáiyīn Lù') },
    { name: '王家庄路', fields: py('Wángjiāzhuāng Lù') },
    { name: '幸福东路', fields: py('XINGFU DONGLU') },
    { name: '槐荫一巷', fields: py('HUAIYIN 1 XIANG') },
    { name: '槐荫一巷', fields: py('HUAIYIN YI XIANG'), label: 'a spelled ordinal is pinyin-numeral\'s business' },
    { name: '槐荫一巷', fields: py('Huaiyin Yixiang'), label: 'spelled-ordinal practice' },
    { name: '第九弄', fields: py('Dì-9 Lòng') },
    { name: '解放路南小街', fields: py('Jiěfànglù Nánxiǎojiē') },
    { name: '槐荫路', fields: py('Huaiyin Road'), label: 'not pinyin: pinyin-scheme' },
    { name: '王家堡路', fields: py('Wangjiapu Lu'), label: 'another reading: pinyin-reading' },
  ],
  invalid: [
    { name: '槐荫路', fields: py('Huai Yin Lu'), errors: [{ severity: 'error', message: '逐个音节' }] },
    { name: '槐荫路', fields: py('HUAIYINLU'), errors: [{ severity: 'error', message: '连写' }] },
    { name: '幸福东路', fields: py('Xingfu Dong Lu'), errors: [{ message: 'Xingfu Donglu' }] },
    { name: '王家庄路', fields: py('Wang Jiazhuang Lu'), errors: [{ message: '拆开' }] },
  ],
});
