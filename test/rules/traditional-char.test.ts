import { traditionalChar } from '../../src/rules/traditional-char.js';
import { ruleTester } from './tester.js';

ruleTester(traditionalChar, {
  valid: ['龙泉路', '喆园路', '淼泉路', '昇平街', '邨头路', '槐荫路', { name: '氹塘路', label: 'not a traditional form: standard-char reports it' }],
  invalid: [
    { name: '龍泉路', errors: [{ severity: 'error', message: '「龍」应写作「龙」' }] },
    { name: '東風巷', errors: [{ message: '「東」应写作「东」' }] },
    { name: '東風東巷', label: 'each character reported once', errors: [{ message: /^[^東]*東[^東]*$/ }] },
  ],
});
