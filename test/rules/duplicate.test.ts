import { duplicate } from '../../src/rules/duplicate.js';
import { ruleTester } from './tester.js';
import { IN_1, IN_1B, IN_2, OUTSIDE, inArea } from './built-up-cases.js';

const T1 = { admin_code: '370523101' }; // 大王镇
const T2 = { admin_code: '370523102' }; // 稻庄镇

ruleTester(duplicate, {
  valid: [
    { name: '槐荫路', fields: T1, batch: [{ name: '槐荫路', fields: T2 }], label: 'same name in another township (national scope)' },
    { name: '槐荫路', fields: T1, batch: ['槐荫巷'], label: 'not identical (near-duplicate decides)' },
    { name: '槐荫路', fields: T1, options: { scope: 'builtUpArea' }, batch: [{ name: '槐荫路', fields: T2 }], existing: [{ name: '槐荫路', adminCode: '370523102003' }], label: 'builtUpArea without polygons (--built-up): by township' },
    inArea('幸福路', { batch: [{ name: '幸福路', fields: T1, geometry: IN_2 }], label: 'built-up area: the same name in another area of the township' }),
    inArea('幸福路', { batch: [{ name: '幸福路', fields: T1, geometry: OUTSIDE }], label: 'built-up area: a row of the township outside the areas does not count' }),
    inArea('幸福路', { existing: [{ name: '幸福路', adminCode: '370523101', geometry: OUTSIDE, file: 'existing.geojson' }], label: 'built-up area: an existing name that lies outside the area' }),
    { name: '槐荫路', fields: T1, existing: [{ name: '槐荫路', adminCode: '370523102003' }], label: 'existing name in another township' },
    { name: '槐荫路', fields: T1, options: { scope: 'province' }, batch: [{ name: '槐荫路', fields: { admin_code: '410102001' } }], label: 'province scope: another province' },
    { name: '槐荫路', fields: T1, existing: [{ name: '槐荫路', adminCode: '370521' }], label: 'existing name placed only in another county' },
  ],
  invalid: [
    { name: '杏林巷', fields: T1, batch: ['杏林巷'], errors: [{ severity: 'error', message: '第 2 行', related: ['杏林巷'] }] },
    {
      name: '杏林巷', fields: { admin_code: '370523' }, batch: [{ name: '杏林巷', fields: T1 }], label: 'a row placed only in its county: the soft case, said so',
      errors: [{ severity: 'warning', soft: true, message: '重名（可能同一乡镇（街道）内）；第 1 行的所属政区只到县一级，按同一县（区）比较，请核实', related: ['杏林巷'] }],
    },
    {
      name: '杏林巷', fields: T1, batch: [{ name: '杏林巷', fields: { admin_code: '37' } }], label: 'the other row placed only in its province',
      errors: [{ severity: 'warning', soft: true, message: '重名（可能同一乡镇（街道）内）；第 2 行的所属政区只到省一级，按同一省比较' }],
    },
    {
      name: '杏林巷', fields: T1, batch: [{ name: '杏林巷', fields: {} }], label: 'the other row without an area: compared in the whole table, as the rule says',
      errors: [{ severity: 'error', message: '重名（本表内）；第 2 行没有所属政区，无法判断是否在同一乡镇（街道）内' }],
    },
    {
      name: '杏林巷', fields: T1, options: { scope: 'village' }, batch: [{ name: '杏林巷', fields: { admin_code: '370523101201' } }], label: 'village scope, a row placed in its township',
      errors: [{ severity: 'warning', soft: true, message: '重名（可能同一村内）；第 1 行的所属政区只到乡镇一级，按同一乡镇（街道）比较' }],
    },
    {
      name: '槐荫路', fields: T1, options: { scope: 'builtUpArea' }, existing: [{ name: '槐荫路', adminCode: '370523101201' }],
      label: 'builtUpArea without polygons (--built-up): the same township, said so', errors: [{ message: /重名（同一乡镇（街道）内）/, related: ['槐荫路'] }],
    },
    { name: '槐荫路', fields: T1, existing: [{ name: '槐荫路', adminCode: '370523101201' }], errors: [{ message: 'existing.csv', related: ['槐荫路'] }] },
    inArea('幸福路', {
      batch: [{ name: '幸福路', fields: T1, geometry: IN_1B }], label: 'built-up area: two rows of one area',
      errors: [{ severity: 'error', message: '重名（同一建成区「建成区 1」内）', related: ['幸福路'] }],
    }),
    inArea('幸福路', {
      existing: [{ name: '幸福路', adminCode: '370523101', geometry: IN_1B, file: 'existing.geojson' }], label: 'built-up area: an existing name that lies in the area',
      errors: [{ severity: 'error', message: '同一建成区「建成区 1」', related: ['幸福路'] }],
    }),
    inArea('幸福路', {
      existing: [{ name: '幸福路', adminCode: '370523101' }], label: 'built-up area: an existing name of a file without geometry: by township, one level lower',
      errors: [{ severity: 'warning', soft: true, message: /同一乡镇.*没有几何/, related: ['幸福路'] }],
    }),
    inArea('幸福路', {
      existing: [{ name: '幸福路', adminCode: '370523101', file: 'existing.geojson' }, { name: '和平路', adminCode: '370523101', geometry: IN_1B, file: 'existing.geojson' }],
      label: 'built-up area: an existing name without geometry in a register that has geometry: by township, one level lower',
      errors: [{ severity: 'warning', soft: true, message: '该已有地名没有几何', related: ['幸福路'] }],
    }),
    inArea('幸福路', {
      geometry: OUTSIDE, batch: [{ name: '幸福路', fields: T1, geometry: IN_1 }], label: 'built-up area: a row outside the areas is compared by township',
      errors: [{ severity: 'error', message: '重名（同一乡镇（街道）内）', related: ['幸福路'] }],
    }),
    inArea('幸福路', {
      geometry: undefined, batch: [{ name: '幸福路', fields: T1, geometry: IN_1 }], label: 'built-up area: a row without geometry is compared by township',
      errors: [{ severity: 'error', message: '重名（同一乡镇（街道）内）', related: ['幸福路'] }],
    }),
    { name: '龍泉路', fields: T1, batch: ['龙泉路'], label: 'traditional form of the same name', errors: [{ related: ['龙泉路'] }] },
    {
      name: '杏林巷', fields: { ...T1, start: '东村', end: '中心街' }, batch: [{ name: '杏林巷', fields: { ...T1, start: '中心街', end: '西村' } }],
      label: 'segments of one road (formats.md §1.1: one row per segment): they meet end to end, an info only',
      errors: [{ severity: 'info', message: '按同一道路的分段处理', related: ['杏林巷'] }],
    },
    {
      name: '杏林巷', fields: { ...T1, start: '东村', end: '中心街' }, batch: [{ name: '杏林巷', fields: { ...T1, start: '南村', end: '北村' } }],
      label: 'same name, ends apart: two roads',
      errors: [{ severity: 'error', message: '重名' }],
    },
    {
      name: '杏林巷', fields: T1, geometry: 'LINESTRING (118.50 37.00, 118.51 37.00)',
      batch: [{ name: '杏林巷', fields: T1, geometry: 'LINESTRING (118.5101 37.00, 118.52 37.00)' }],
      label: 'segments by geometry: the ends meet within 30 m',
      errors: [{ severity: 'info', message: '分段' }],
    },
    { name: '槐荫路', fields: T1, options: { scope: 'county' }, batch: [{ name: '槐荫路', fields: T2 }], label: 'county scope (大名-style)', errors: [{}] },
    { name: '槐荫路', fields: T1, options: { scope: 'province' }, batch: [{ name: '槐荫路', fields: { admin_code: '370102001' } }], label: 'province scope: another county of the province', errors: [{}] },
    { name: '槐荫路', fields: { admin_code: '370523' }, batch: [{ name: '槐荫路', fields: T2 }], label: 'coarse area compared county-wide', errors: [{}] },
    {
      name: '槐荫路', fields: T1, existing: [{ name: '槐荫路', adminCode: '370523' }], label: 'existing name placed only in the county: possibly the same township, one level lower',
      errors: [{ severity: 'warning', message: /重名（可能同一乡镇（街道）内）；该已有地名只注明到「山东省东营市广饶县」/, related: ['槐荫路'] }],
    },
    { name: '槐荫路', fields: T1, existing: [{ name: '槐荫路', adminCode: '3705' }], options: { scope: 'county' }, label: 'existing name placed only in the city, county scope', errors: [{ severity: 'warning' }] },
    {
      name: '槐荫路', fields: T1, existing: [{ name: '槐荫路' }], label: 'existing name without any area: compared, one level lower',
      errors: [{ severity: 'warning', message: /重名（可能同一乡镇（街道）内）；该已有地名没有注明所属政区，请核实/, related: ['槐荫路'] }],
    },
    { name: '槐荫路', fields: T1, existing: [{ name: '槐荫路', adminCode: '370523101' }], options: { scope: 'village' }, label: 'existing name in the township, village scope', errors: [{ severity: 'warning', message: '可能同一村' }] },
  ],
});
