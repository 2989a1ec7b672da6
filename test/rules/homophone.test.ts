import { homophone } from '../../src/rules/homophone.js';
import { ruleTester } from './tester.js';

const T1 = { admin_code: '370523101' };
const T2 = { admin_code: '370523102' };

ruleTester(homophone, {
  valid: [
    { name: '富民路', fields: T1, batch: ['复明路'], label: 'mín ≠ míng' },
    { name: '富民路', fields: T1, batch: [{ name: '福民路', fields: T2 }], label: 'another township' },
    { name: '富民路', fields: T1, batch: ['富民路'], label: 'identical: duplicate decides' },
    { name: '先路', fields: T1, batch: ['西安路'], label: 'xian ≠ xi an' },
  ],
  invalid: [
    { name: '富民路', fields: T1, batch: ['福民路'], errors: [{ severity: 'warning', related: ['福民路'] }] },
    { name: '和平巷', fields: T1, batch: ['河坪巷'], errors: [{ related: ['河坪巷'] }] },
    { name: '富民路', fields: T1, existing: [{ name: '福民路', adminCode: '370523101001' }], errors: [{ related: ['福民路'] }] },
  ],
});
