import { foreignPlace } from '../../src/rules/foreign-place.js';
import { ruleTester } from './tester.js';

ruleTester(foreignPlace, {
  valid: [
    { name: '城北村西西里', label: '城北村西 + the direction 西 + 里: no 西西里 (Sicily) across them' },
    '加禾路', '华尔路', '精英国际路', '华美国度路', '幸福路', '巴西路', '米兰路', '黑山路', '柏林路',
    { name: '德州路', fields: { admin_code: '371402' }, label: '德州 is a Chinese city' },
    { name: '米兰花园', type: 'residential', fields: { admin_code: '659006106' }, label: 'an estate in 米兰镇 itself' },
    { name: '柏林镇小区', type: 'residential', label: 'the division named in full' },
    { name: '凤凰城花园', type: 'residential', label: '凤凰城 is also an ordinary Chinese name (not on the estate list)' },
    { name: '德州花园', type: 'residential', label: '德州 (Texas) is first of all 德州市' },
  ],
  invalid: [
    { name: '河北美丽大道', label: '北美 straddles 河北 + 美丽: soft', errors: [{ severity: 'warning', soft: true, message: '北美' }] },
    { name: '牡丹麦香路', label: '丹麦 straddles 牡丹 + 麦香: soft', errors: [{ severity: 'warning', soft: true, message: '丹麦' }] },
    { name: '夏荷兰花路', label: '荷兰 straddles 夏荷 + 兰花: soft', errors: [{ severity: 'warning', soft: true, message: '荷兰' }] },
    { name: '荷兰花园', type: 'residential', label: 'Holland Garden: the name stands alone in the 专名', errors: [{ severity: 'error', message: '荷兰' }] },
    { name: '西西里路', errors: [{ severity: 'error', message: '西西里' }] },
    {
      name: '华沙路', fields: { admin_code: '440112014011' }, label: 'the own community is called 华沙 (广州): its approved name, checked not refused',
      errors: [{ severity: 'warning', soft: true, message: '「华沙」是本地地名，以本地地名命名的可以沿用' }],
    },
    { name: '华沙路', label: 'elsewhere: the foreign place', errors: [{ severity: 'error', message: '华沙' }] },
    { name: '巴黎路', errors: [{ severity: 'error', message: '巴黎' }] },
    { name: '益田米兰公馆', type: 'residential', label: 'an estate named after Milan, also 米兰镇 (深圳 2019 list, 洋): soft', errors: [{ severity: 'warning', soft: true, message: '「米兰」（意大利城市），也是国内政区名' }] },
    { name: '柏林春天', type: 'building', label: 'a building named after Berlin, also 柏林镇: soft', errors: [{ severity: 'warning', soft: true, message: '柏林' }] },
    { name: '威尼斯水巷', errors: [{ severity: 'error', message: '威尼斯' }] },
    { name: '曼哈顿路', errors: [{ severity: 'error' }] },
    { name: '加州大道', errors: [{ severity: 'error', message: '加州' }] },
    { name: '哥多华小区', type: 'residential', label: 'a Hong Kong form (科尔多瓦), 三亚 2019 list', errors: [{ severity: 'error', message: '哥多华' }] },
    { name: '欧洲城路', errors: [{ severity: 'error', message: '欧洲' }] },
    { name: '拉德芳斯小区', type: 'residential', label: 'a Paris district, 南京 2019 clean-up', errors: [{ severity: 'error', message: '拉德芳斯' }] },
    { name: '法兰西花园', type: 'residential', errors: [{ severity: 'error', message: '法兰西' }] },
    { name: '东京路', label: 'ambiguous entry: soft', errors: [{ severity: 'warning', soft: true }] },
    { name: '英国路', errors: [{ severity: 'error' }] },
    { name: '华尔街', label: 'a listed name that runs into the generic (华尔 + 街)', errors: [{ severity: 'error', message: '华尔街' }] },
    { name: '唐宁街', fields: { type: '街' }, errors: [{ severity: 'error', message: '唐宁街' }] },
    { name: '第五大道', label: 'Fifth Avenue, but also an ordinal: soft', errors: [{ severity: 'warning', soft: true }] },
  ],
});
