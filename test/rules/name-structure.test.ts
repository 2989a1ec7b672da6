import { nameStructure } from '../../src/rules/name-structure.js';
import { ruleTester } from './tester.js';

ruleTester(nameStructure, {
  valid: [
    '槐荫路', '杏林巷', '第九弄', { name: '第六屯', type: 'village' }, '横街', '大马路', '二马路', '三环路', '东四十二条', '解放路南小街', '北巷', '八一路', '中心街', '花园路', '大街',
    { name: '王家庄', type: 'village', label: 'a village name needs no generic' },
    { name: '三岔河', type: 'village' },
    { name: '幸福', type: 'village' },
  ],
  invalid: [
    { name: '路', errors: [{ severity: 'error', message: '只有通名' }] },
    { name: '巷', errors: [{ severity: 'error' }] },
    { name: '街路', errors: [{ severity: 'error', message: '叠成' }] },
    { name: '道路', errors: [{ severity: 'error' }] },
    { name: '东方红', label: 'no generic: soft case', errors: [{ severity: 'warning', soft: true, message: '（路、街、巷、胡同……）', fix: '道路的通名' }] },
    { name: '维也纳春天', type: 'residential', label: 'a residential area is told its own generics', errors: [{ severity: 'warning', soft: true, message: '（小区、花园、苑、新村……）', fix: '居民区的通名' }] },
    { name: '东方红', type: 'building', label: 'a building is told its own generics', errors: [{ severity: 'warning', soft: true, message: '（楼、大厦、中心……）' }] },
    { name: 'ABC', errors: [{ severity: 'error', message: '没有汉字' }] },
  ],
});
