import { standardChar } from '../../src/rules/standard-char.js';
import { ruleTester } from './tester.js';

// 贺家砦村 lies in 130727 (河北 张家口 阳原县); 砦 is not in the table (an old variant of 寨).
const YANGYUAN = { admin_code: '130727207' };

ruleTester(standardChar, {
  valid: ['箬竹巷', '垸田路', '喆园路', { name: '龍泉路', label: 'traditional form: traditional-char reports it' }, { name: '氹塘路', options: { allowChars: ['氹'] } }],
  invalid: [
    { name: '氹塘路', errors: [{ severity: 'error', message: '氹' }] },
    { name: '𠮷祥路', errors: [{ message: '𠮷' }] },
    {
      name: '贺家砦路', fields: YANGYUAN, label: 'a character of a village name of the own county: the local name\'s own, checked not refused',
      errors: [{ severity: 'warning', soft: true, message: '「砦」不在《通用规范汉字表》中，但本县（区）的已有地名「贺家砦' }],
    },
    { name: '贺家砦路', fields: { village: '贺家砦村' }, label: 'the record\'s own village column', errors: [{ severity: 'warning', soft: true }] },
    {
      name: '贺家砦路', fields: { admin_code: '370523' }, label: 'not in the county (广饶), but in villages of the province (南砦村, 栖霞): soft, said so',
      errors: [{ severity: 'warning', soft: true, message: '本省（区、市）的已有地名' }],
    },
    { name: '贺家砦路', fields: { admin_code: '330106' }, label: 'no such name in the province (浙江): an error', errors: [{ severity: 'error', message: '砦' }] },
    { name: '贺家砦路', label: 'no area: an error', errors: [{ severity: 'error' }] },
  ],
});
