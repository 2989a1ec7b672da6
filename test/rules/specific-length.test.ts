import { specificLength } from '../../src/rules/specific-length.js';
import { ruleTester } from './tester.js';

ruleTester(specificLength, {
  valid: ['清泉路', '后赵家楼胡同', '刘集前村路', '杏园东一巷', '解放路南小街', '天宁寺西里一巷', { name: '金穗麦浪田路', label: '5 characters is the national limit' }],
  invalid: [
    { name: '金色麦浪丰收路', errors: [{ severity: 'warning', message: '6个字' }] },
    { name: '东风水库管理站前路', errors: [{ message: '全称有9个字' }] },
    { name: '金穗麦浪田路', options: { maxSpecific: 4 }, label: '宿迁-style limit', errors: [{ message: '5个字' }] },
  ],
});
