import { filingDeadline } from '../../src/rules/filing-deadline.js';
import { ruleTester } from './tester.js';

ruleTester(filingDeadline, {
  valid: [
    '幸福路',
    { name: '幸福路', fields: { approval_date: '2024-03-01', filing_date: '2024-03-14' } },
    { name: '幸福路', fields: { approval_date: '2024/3/1', filing_date: '2024年3月16日' }, label: '15 days exactly' },
    { name: '幸福路', fields: { approval_date: '45352', filing_date: '45360' }, label: 'Excel serial numbers' },
    { name: '幸福路', fields: { approval_date: '2024-03-01', filing_date: '2024-03-21' }, options: { businessDays: true }, label: '14 working days' },
  ],
  invalid: [
    { name: '幸福路', fields: { approval_date: '2024-03-01', filing_date: '2024-03-20' }, errors: [{ severity: 'error', message: '超过期限' }] },
    { name: '幸福路', fields: { approval_date: '2024-03-01' }, label: 'not filed, deadline passed', errors: [{ severity: 'error', message: '尚未备案' }] },
    { name: '幸福路', fields: { approval_date: '2025-12-25' }, today: '2026-01-01', label: 'reminder before the deadline', errors: [{ severity: 'info', message: '2026年1月9日' }] },
    { name: '幸福路', fields: { approval_date: '三月一日' }, label: 'unreadable date', errors: [{ severity: 'warning', soft: true }] },
  ],
});
