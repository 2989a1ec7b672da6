import { personName } from '../../src/rules/person-name.js';
import { ruleTester } from './tester.js';

ruleTester(personName, {
  valid: [
    '王家巷', '德馨路', '李刘路', '黄河路', '金山路', '高新路', '林场路', '张桥路', '中山路', '鲁迅路', '雷锋路', '王庄路', '刘集前村路', '金穗路', '杨柳巷',
    { name: '孙武路', fields: { township: '孙武街道' }, label: 'the own township is named after the person' },
    { name: '许家畈路', label: '畈 (a field, 丹江口 2024): a place, not a given name' },
    { name: '王家堰巷', label: '堰 (a weir): a place' },
  ],
  invalid: [
    { name: '尚武松柏路', label: '武松 straddles 尚武 + 松柏: soft, said so', errors: [{ severity: 'info', soft: true, message: '也可能只是前后两个词相连' }] },
    { name: '武松路', label: '武松 alone', errors: [{ severity: 'warning', message: '武松' }] },
    { name: '王大明巷', errors: [{ severity: 'info', soft: true, message: '姓+名' }] },
    { name: '孙悟空路', errors: [{ severity: 'warning', message: '孙悟空' }] },
    { name: '李白路', errors: [{ severity: 'warning', message: '李白' }] },
    { name: '王大明巷', options: { patternSeverity: 'error' }, label: '阜平-style patternSeverity', errors: [{ severity: 'error' }] },
    { name: '赵晓燕巷', errors: [{ soft: true }] },
  ],
});
