import { foreignWord } from '../../src/rules/foreign-word.js';
import { ruleTester } from './tester.js';

ruleTester(foreignWord, {
  valid: [
    { name: '扎兰希伯嘎查路', fields: { admin_code: '150521202221' }, label: 'the own village (嘎查) is called so' },
'采菊路', '斯文巷', '博爱路', '幸福路', '克拉玛依路', '拉萨河路', '伊犁河路', '咖啡街', '哈尔滨路', '巴彦淖尔路'],
  invalid: [
    { name: '欧式小镇', type: 'residential', label: 'a Western style word (2026-11-24 addition)', errors: [{ severity: 'error', message: '欧式' }] },
    { name: '扎兰希伯路', fields: { admin_code: '370523' }, label: 'transliteration characters in a row: soft', errors: [{ severity: 'warning', soft: true, message: '扎兰希伯' }] },
    {
      name: '扎兰希伯路', fields: { admin_code: '150521202' }, label: 'in an autonomous area (内蒙古 科尔沁左翼中旗): a minority-language name as likely, an info',
      errors: [{ severity: 'info', message: '民族自治地方的少数民族语地名音译也常用这些字' }],
    },
    { name: '托斯卡纳路', errors: [{ severity: 'error', message: '托斯卡纳' }] },
    { name: '香榭巷', errors: [{ severity: 'error', message: '香榭' }] },
    { name: '巴洛克路', errors: [{ severity: 'error' }] },
    { name: '罗曼公社', type: 'residential', label: '罗曼 (Roman): 2019 clean-up list', errors: [{ message: '罗曼' }] },
    { name: '兰乔小区', type: 'residential', label: '兰乔 (rancho), added 2026-11-24', errors: [{ message: '兰乔' }] },
    { name: '维拉庄园', type: 'residential', label: '维拉 = villa: 重庆 开州 2019 list', errors: [{ severity: 'error', message: '维拉' }] },
    { name: '水晶卡芭拉小区', type: 'residential', label: 'three transliteration characters (芭), 西安 2019 list', errors: [{ severity: 'warning', message: '卡芭拉' }] },
    { name: '罗马假日路', errors: [{ severity: 'error' }] },
    { name: '维斯塔路', label: 'three transliteration characters in a row: soft', errors: [{ severity: 'warning', soft: true }] },
  ],
});
