import { reduplication } from '../../src/rules/reduplication.js';
import { ruleTester } from './tester.js';

ruleTester(reduplication, {
  valid: [
    '欣荣路', '青禾巷', '幸福路',
    { name: '欣欣路', options: { allow: ['欣欣'] } },
    { name: '丫丫村路', fields: { village: '丫丫村', admin_code: '370523101' }, label: 'the doubled form is the village name' },
  ],
  invalid: [
    { name: '欣欣路', errors: [{ severity: 'info', message: '欣欣' }] },
    { name: '青青巷', errors: [{ message: '青青' }] },
  ],
});
