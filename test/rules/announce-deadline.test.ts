import { announceDeadline } from '../../src/rules/announce-deadline.js';
import { ruleTester } from './tester.js';

ruleTester(announceDeadline, {
  valid: [
    '幸福路',
    { name: '幸福路', fields: { approval_date: '2024-03-01', announce_date: '2024-03-12' } },
    { name: '幸福路', fields: { approval_body: '某县交通运输局', approval_date: '2024-03-01', filing_date: '2024-03-20', announce_date: '2024-04-01' }, label: 'a department approved: 15 days from filing' },
  ],
  invalid: [
    { name: '幸福路', fields: { approval_date: '2024-03-01', announce_date: '2024-03-25' }, errors: [{ severity: 'error', message: '超过期限' }] },
    { name: '幸福路', fields: { approval_date: '2024-03-01' }, errors: [{ severity: 'error', message: '尚未公告' }] },
    { name: '幸福路', fields: { approval_date: '2025-12-20' }, today: '2026-01-01', errors: [{ severity: 'info' }] },
  ],
});
