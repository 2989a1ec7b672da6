import { genericScale } from '../../src/rules/generic-scale.js';
import { ruleTester } from './tester.js';

ruleTester(genericScale, {
  valid: [
    { name: '麦香路', fields: { width_m: '3.5' } },
    { name: '滨河大道', fields: { width_m: '40', length_m: '6000' } },
    { name: '滨河大道', fields: { width_m: '40米', length_m: '6公里' } },
    { name: '滨河大道', fields: { width_m: '15~24米', length_m: '1.2km' }, label: 'a range uses its upper bound' },
    { name: '稻花大街', label: 'no width or length: not judged' },
    { name: '稻花大街', fields: { width_m: '不详' } },
    { name: '滨河大道', fields: { width_m: '40', length_m: '600' }, geometry: 'LINESTRING (118.50 37.00, 118.52 37.00)', label: 'the measured geometry (1.8 km) wins over the table' },
    { name: '幸福大街', fields: { width_m: '20', length_m: '约1200米' } },
    { name: '槐荫巷', fields: { width_m: '30' }, label: '巷 has no bound nationally' },
    { name: '槐荫巷', fields: { width_m: '12' }, options: { 巷: { maxWidth: 20, maxLength: 500 } } },
  ],
  invalid: [
    { name: '麦香大道', fields: { width_m: '4', length_m: '600' }, errors: [{ severity: 'warning', message: '大道' }] },
    { name: '稻花大街', fields: { width_m: '3.5米' }, errors: [{ message: '不足20米' }] },
    { name: '稻花大街', fields: { length_m: '0.5公里' }, errors: [{ message: '不足1000米' }] },
    { name: '槐荫巷', fields: { width_m: '25' }, options: { 巷: { maxWidth: 20 } }, errors: [{ message: '超过20米' }] },
    // The geometry stage's geodesic length (0.0067° of longitude at 37°N ≈ 595 m), also from Gauss-Krüger input.
    { name: '麦香大道', fields: { width_m: '40' }, geometry: 'LINESTRING (118.50 37.00, 118.5067 37.00)', label: 'length from the geometry', errors: [{ message: /长59\d(\.\d)?米，不足1000米/ }] },
    { name: '麦香大道', fields: { width_m: '40' }, geometry: 'SRID=4528;LINESTRING (40515300 3349722, 40515900 3349722)', label: 'length of a Gauss-Krüger line', errors: [{ message: /长60\d(\.\d)?米/ }] },
  ],
});
