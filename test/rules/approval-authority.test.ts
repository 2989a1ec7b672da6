import { approvalAuthority } from '../../src/rules/approval-authority.js';
import { ruleTester } from './tester.js';

const body = (approval_body: string) => ({ approval_body });

ruleTester(approvalAuthority, {
  valid: [
    '幸福路',
    { name: '幸福路', fields: body('柳河县人民政府') },
    { name: '幸福路', fields: body('某区人民政府') },
    { name: '幸福路', fields: body('广饶县人民政府') },
    { name: '幸福路', fields: body('东营市人民政府') },
    { name: '幸福路', fields: body('上海市人民政府') },
    { name: '幸福路', fields: body('巩义市政府') },
    { name: '幸福路', fields: body('土默特左旗人民政府') },
    { name: '幸福村', type: 'village', fields: body('柳河镇人民政府'), label: 'only road names are in art. 12(5)' },
  ],
  invalid: [
    { name: '幸福路', fields: body('柳河镇人民政府'), errors: [{ severity: 'error', message: '乡镇' }] },
    { name: '幸福路', fields: body('某县民政局'), errors: [{ severity: 'error', message: '部门' }] },
    { name: '幸福路', fields: body('幸福村村民委员会'), errors: [{ severity: 'error', message: '村' }] },
    { name: '幸福路', fields: body('城关街道办事处'), errors: [{ severity: 'error' }] },
    { name: '幸福路', fields: body('经济开发区管委会'), errors: [{ severity: 'warning', soft: true }] },
  ],
});
