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
    { name: '宰相路', label: 'an old official post: soft (the national criteria name imperial and palace words)', errors: [{ severity: 'warning', soft: true, message: '宰相' }] },
    { name: '太傅街', label: 'approved in 福州 (2023): checked, not refused', errors: [{ severity: 'warning', soft: true, message: '旧官职用语「太傅」' }] },
    { name: '御史巷', label: '泉州: the post, not the lone 御', errors: [{ severity: 'warning', soft: true, message: '御史' }] },
    { name: '宰相府路', label: 'a post with a hard word (相府): one error naming both', errors: [{ severity: 'error', message: '「相府」「宰相」' }] },
  ],
});
