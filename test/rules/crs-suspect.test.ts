import { crsSuspect } from '../../src/rules/crs-suspect.js';
import { ruleTester } from './tester.js';

ruleTester(crsSuspect, {
  valid: [
    { name: '清泉路', geometry: 'LINESTRING (120.159 30.267, 120.162 30.268)', geo: { crs: 'EPSG:4490' }, label: 'lon/lat declared EPSG:4490' },
    { name: '清泉路', geometry: 'LINESTRING (120.159 30.267, 120.162 30.268)', label: 'lon/lat, detected' },
    { name: '清泉路', geometry: 'LINESTRING (40515300 3349722, 40515420.5 3349731.2)', geo: { crs: 'EPSG:4528' }, label: 'zone 40 metres declared EPSG:4528' },
    { name: '清泉路', geometry: 'LINESTRING (40515300 3349722, 40515420.5 3349731.2)', label: 'a table of zone 40 metres (detected, not suspect)' },
    { name: '清泉路', label: 'no geometry' },
  ],
  invalid: [
    { name: '清泉路', geometry: 'LINESTRING (30.267 120.159, 30.268 120.162)', geo: { crs: 'EPSG:4490' }, label: 'swapped, declared EPSG:4490', errors: [{ severity: 'warning', message: '顺序颠倒' }] },
    { name: '清泉路', geometry: 'LINESTRING (30.267 120.159, 30.268 120.162)', label: 'swapped, detected (and swapped back)', errors: [{ message: '顺序颠倒' }] },
    { name: '清泉路', geometry: 'LINESTRING (40515300 3349722, 40515420.5 3349731.2)', geo: { crs: 'EPSG:4490' }, label: 'zone 40 metres declared EPSG:4490', errors: [{ message: /高斯-克吕格.*EPSG:4528/ }] },
    { name: '清泉路', geometry: 'LINESTRING (3349722 40515300, 3349731.2 40515420.5)', label: 'survey X = northing columns', errors: [{ message: '测量习惯' }] },
    { name: '清泉路', geometry: 'LINESTRING (40515300 3349722, 40515420.5 3349731.2)', geo: { crs: 'EPSG:4529' }, label: 'zone 40 metres declared zone 41', errors: [{ message: '带号是 3 度带第 40 带' }] },
    { name: '清泉路', geometry: 'LINESTRING (120.159 30.267, 120.162 30.268)', geo: { crs: 'EPSG:4528' }, label: 'lon/lat declared as Gauss-Krüger', errors: [{ message: '像经纬度' }] },
  ],
});
