import { pinyinApostrophe } from '../../src/rules/pinyin-apostrophe.js';
import { ruleTester } from './tester.js';

const py = (pinyin: string) => ({ pinyin });

ruleTester(pinyinApostrophe, {
  valid: [
    { name: '金鹅路', fields: py("Jīn'é Lù") },
    { name: '长安街', fields: py("Cháng'ān Jiē") },
    { name: '海鸥巷', fields: py("HAI'OU XIANG") },
    { name: '海鸥巷', fields: py('HAI’OU XIANG'), label: 'U+2019 accepted' },
    { name: '西安路', fields: py("Xi'an Lu") },
    { name: '槐荫路', fields: py('Huaiyin Lu') },
    { name: '幸福路', fields: py('Xingfu Lu') },
    { name: '东安路', fields: py('Dong An Lu'), label: 'word-initial a needs no apostrophe (segmentation is another rule)' },
  ],
  invalid: [
    { name: '金鹅路', fields: py('Jine Lu'), errors: [{ severity: 'error', message: '缺少隔音符号' }] },
    { name: '海鸥巷', fields: py('HAIOU XIANG'), errors: [{ message: "HAI'OU XIANG" }] },
    { name: '槐荫路', fields: py("Huai'yin Lu"), errors: [{ message: '多余' }] },
    { name: '槐荫路', fields: py("'Huaiyin Lu"), errors: [{ message: '多余' }] },
  ],
});
