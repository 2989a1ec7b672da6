import { hanOnly } from '../../src/rules/han-only.js';
import { ruleTester } from './tester.js';

ruleTester(hanOnly, {
  valid: ['二道河路', '槐荫路', '𠮷祥路'],
  invalid: [
    { name: 'Q村路', errors: [{ severity: 'error', message: 'Q' }] },
    { name: '幸福·家园路', errors: [{ message: '·' }] },
    { name: '幸福３号路', label: 'full-width digit after NFKC', errors: [{ message: '3' }] },
    { name: '幸福 路', label: 'a space', errors: [{ message: '空格' }] },
  ],
});
