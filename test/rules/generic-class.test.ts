import { genericClass } from '../../src/rules/generic-class.js';
import { ruleTester } from './tester.js';

ruleTester(genericClass, {
  valid: [
    '竹溪巷', '文昌拐', '幸福路', '中心街', '花园路', '广场路', '府前街', '公园路', '王家庄路', '柳河', '大王大道', '桂花弄',
    { name: '阳光花园', type: 'structure', label: 'a housing estate may take 花园' },
    { name: '人民广场', type: 'structure' },
    { name: '王家庄', type: 'village' },
  ],
  invalid: [
    { name: '桃源广场', errors: [{ severity: 'error', message: '广场' }] },
    { name: '锦绣尊府', errors: [{ severity: 'error', message: '尊府' }] },
    { name: '幸福家园', errors: [{ severity: 'error', message: '家园' }] },
    { name: '翠湖苑', errors: [{ severity: 'error', message: '苑' }] },
    { name: '金色公馆', type: 'structure', errors: [{ severity: 'error', message: '公馆', fix: '构筑物用桥、站、水库、码头等规范通名' }] },
    { name: '拉菲公馆', type: 'residential', label: 'the fix names the generics of a residential area (济南 2019)', errors: [{ severity: 'error', message: '公馆', fix: '居民区用小区、花园、苑、新村等规范通名' }] },
    { name: '锦绣尊府', label: 'a road is told road generics', errors: [{ severity: 'error', fix: '道路用路、街、巷、胡同等规范通名' }] },
    { name: '韩府', type: 'village', label: 'improper generic in a village name: soft case', errors: [{ severity: 'warning', soft: true }] },
  ],
});
