import { leaderName } from '../../src/rules/leader-name.js';
import { ruleTester } from './tester.js';

ruleTester(leaderName, {
  valid: ['建国路', '向阳路', '小平路', '幸福路', '长春路', '万里长城路', '黄菊园路', '高岗村路', '泽民路'],
  invalid: [
    { name: '周恩来路', errors: [{ severity: 'error', message: '周恩来' }] },
    { name: '恩来路', label: 'a distinctive given name alone', errors: [{ severity: 'error', message: '恩来' }] },
    { name: '万里路', label: 'an ordinary word that equals a leader\'s name: soft', errors: [{ severity: 'warning', soft: true }] },
    { name: '万里路', fields: { naming_reason: '纪念万里同志' }, label: 'with a naming reason about the person', errors: [{ severity: 'error' }] },
    { name: '朱德路', errors: [{ severity: 'error' }] },
  ],
});
