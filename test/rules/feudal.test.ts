import { feudal } from '../../src/rules/feudal.js';
import { ruleTester } from './tester.js';

ruleTester(feudal, {
  valid: [
    '王庄路', '凤鸣路', '龙泉路', '宫前街', '王府井大街', '皇甫路', '皇姑路', '关帝庙街', '秦皇岛路', '黄帝路', '御河路', '炎帝路', '王家庄路',
    { name: '皇城路', fields: { township: '皇城镇' }, label: 'the record\'s own township is called 皇城' },
  ],
  invalid: [
    { name: '御景路', errors: [{ severity: 'error', message: '御景' }] },
    { name: '皇庭巷', errors: [{ severity: 'error', message: '皇庭' }] },
    { name: '帝豪花园路', errors: [{ severity: 'error' }] },
    { name: '皇城路', label: 'a township elsewhere called 皇城 does not exempt it', errors: [{ severity: 'error' }] },
    { name: '御福路', label: 'lone 御 at the start: soft', errors: [{ severity: 'warning', soft: true }] },
    { name: '宰相路', errors: [{ message: '宰相' }] },
  ],
});
