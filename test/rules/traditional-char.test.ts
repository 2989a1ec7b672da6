import { traditionalChar } from '../../src/rules/traditional-char.js';
import { ruleTester } from './tester.js';

ruleTester(traditionalChar, {
  valid: ['龙泉路', '喆园路', '淼泉路', '昇平街', '邨头路', '槐荫路', { name: '氹塘路', label: 'not a traditional form: standard-char reports it' }],
  invalid: [
    {
      name: '濛江路', fields: { admin_code: '220622201' }, label: 'the own township is 濛江乡 (吉林 靖宇县): a form the local names use, checked not refused',
      errors: [{ severity: 'warning', soft: true, message: '本县（区）的已有地名「濛江乡」用此字' }],
    },
    { name: '濛江路', fields: { admin_code: '370523' }, label: 'elsewhere: an error', errors: [{ severity: 'error', message: '「濛」应写作「蒙」' }] },
    { name: '龍泉路', errors: [{ severity: 'error', message: '「龍」应写作「龙」' }] },
    { name: '東風巷', errors: [{ message: '「東」应写作「东」' }] },
    { name: '東風東巷', label: 'each character reported once', errors: [{ message: /^[^東]*東[^東]*$/ }] },
  ],
});
