import { standardChar } from '../../src/rules/standard-char.js';
import { ruleTester } from './tester.js';

ruleTester(standardChar, {
  valid: ['箬竹巷', '垸田路', '喆园路', { name: '龍泉路', label: 'traditional form: traditional-char reports it' }, { name: '氹塘路', options: { allowChars: ['氹'] } }],
  invalid: [{ name: '氹塘路', errors: [{ severity: 'error', message: '氹' }] }, { name: '𠮷祥路', errors: [{ message: '𠮷' }] }],
});
