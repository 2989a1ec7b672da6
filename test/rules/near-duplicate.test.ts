import { nearDuplicate } from '../../src/rules/near-duplicate.js';
import { ruleTester } from './tester.js';
import { IN_1B, IN_2, inArea } from './built-up-cases.js';

const T1 = { admin_code: '370523101' };

ruleTester(nearDuplicate, {
  valid: [
    inArea('槐荫街', { batch: [{ name: '槐荫路', fields: T1, geometry: IN_2 }], label: 'built-up area: 槐荫路 in another area' }),
    { name: '槐荫一路', fields: T1, batch: ['槐荫二路'], label: 'a derived series' },
    { name: '槐荫东路', fields: T1, batch: ['槐荫路', '槐荫西路'], label: 'derived by direction' },
    { name: '槐香路', fields: T1, batch: ['槐荫路'] },
    { name: '槐荫路', fields: T1, batch: ['槐荫支路'], label: '支路 is derived' },
    { name: '源福三路', fields: T1, batch: ['源福二街', '源福三支路'], label: 'other members of a series, under any generic' },
    { name: '新槐荫一路', fields: T1, batch: ['槐荫二路'], label: '± 新, another member' },
    { name: '科华北路', fields: T1, existing: [{ name: '科华南街', adminCode: '370523101' }], label: 'other directions' },
    { name: '示例幸福路', fields: { admin_code: '130999001' }, batch: ['幸福路'], label: 'a county the division list lacks, no setting' },
    { name: '大槐荫路', fields: T1, batch: ['槐荫路'], options: { stripPrefixes: ['新', '老'] }, label: 'a profile that strips only 新/老' },
    { name: '大河路', fields: T1, batch: ['河路'], label: 'nothing left but one character and the generic: not stripped' },
    { name: '新华路', fields: T1, existing: [{ name: '华路', adminCode: '370523101' }], label: '新华 is a word: not ± 新' },
    { name: '大槐胡同', fields: T1, batch: ['老槐胡同', '槐胡同'], label: 'one character of 专名 left under a two-character generic: not stripped' },
    { name: '老槐北胡同', fields: T1, existing: [{ name: '大槐北胡同', adminCode: '370523101' }], label: 'nor before a direction word' },
    { name: '新三路', fields: T1, batch: ['三路'], label: 'nor an ordinal alone' },
    {
      name: '源福三路', fields: T1, existing: [{ name: '源福四街', adminCode: '370523101' }, { name: '源福三支路', adminCode: '370523101' }, { name: '源福东街', adminCode: '370523101' }],
      label: 'existing names: another member, a derived generic (支路), another kind of member',
    },
    { name: '源福三路', fields: T1, batch: ['源福三街'], options: { specific: false }, label: 'a profile without the 专名 comparison' },
    { name: '源福三路', fields: T1, existing: [{ name: '源福三街', adminCode: '370523102' }], label: 'another township' },
  ],
  invalid: [
    inArea('槐荫街', { batch: [{ name: '槐荫路', fields: T1, geometry: IN_1B }], label: 'built-up area: 槐荫路 in the same area', errors: [{ message: '同一建成区「建成区 1」', related: ['槐荫路'] }] }),
    inArea('源福三街', {
      existing: [{ name: '源福三路', adminCode: '370523101', geometry: IN_1B, file: 'existing.geojson' }], label: 'built-up area: a series member under another generic, existing in the area',
      errors: [{ message: '同一建成区「建成区 1」', related: ['源福三路'] }],
    }),
    { name: '新槐荫路', fields: T1, batch: ['槐荫路'], errors: [{ severity: 'warning', related: ['槐荫路'] }] },
    { name: '槐荫街', fields: T1, batch: ['槐荫路'], label: 'same 专名, other generic', errors: [{ related: ['槐荫路'] }] },
    { name: '新槐荫一路', fields: T1, batch: ['槐荫一路'], label: '± 新 on a series member', errors: [{ related: ['槐荫一路'] }] },
    { name: '大柳庄胡同', fields: T1, existing: [{ name: '柳庄胡同', adminCode: '370523101' }], label: '± 大 under a two-character generic', errors: [{ related: ['柳庄胡同'] }] },
    // ± 新/大/老/小 nationally (issue 3).
    { name: '大槐荫路', fields: T1, batch: ['槐荫路'], label: '± 大', errors: [{ related: ['槐荫路'] }] },
    { name: '小槐荫路', fields: T1, existing: [{ name: '槐荫路', adminCode: '370523101' }], label: '± 小 against an existing name', errors: [{ related: ['槐荫路'] }] },
    { name: '老槐荫路', fields: T1, batch: ['槐荫路'], label: '± 老', errors: [{ related: ['槐荫路'] }] },
    { name: '广饶幸福路', fields: T1, batch: ['幸福路'], label: 'own county name added', errors: [{}] },
    {
      name: '大槐荫路', fields: T1, batch: ['槐荫路'], options: { stripPrefixes: ['新', '大'], specific: false },
      label: '铜陵-style prefixes', errors: [{}],
    },
    // 路 ↔ 街 on one member of a series: the same name to people (桃园 refused 源福三路 beside 源福三街).
    { name: '源福三路', fields: T1, existing: [{ name: '源福三街', adminCode: '370523101' }], label: 'one series member under another generic', errors: [{ related: ['源福三街'] }] },
    { name: '槐荫东路', fields: T1, batch: ['槐荫东街'], label: 'one direction member under another generic', errors: [{ related: ['槐荫东街'] }] },
    { name: '槐荫第一巷', fields: T1, existing: [{ name: '槐荫第一胡同', adminCode: '370523101001' }], label: 'under a two-unit generic', errors: [{ related: ['槐荫第一胡同'] }] },
    { name: '福林路', fields: T1, batch: ['湖林路'], options: { nearSound: true }, label: 'near sound f/h', errors: [{}] },
    { name: '福林一路', fields: T1, batch: ['湖林一路'], options: { nearSound: true }, label: 'near sound, one series member', errors: [{ related: ['湖林一路'] }] },
    { name: '从庆路', fields: T1, existing: [{ name: '重庆路', adminCode: '370523101' }], options: { nearSound: true }, label: 'near sound with an existing polyphone (重庆 chong qing)', errors: [{ related: ['重庆路'] }] },
    {
      name: '示例幸福路', fields: { admin_code: '130999001' }, batch: ['幸福路'], options: { countyName: '示例县' },
      label: 'the countyName setting: own county name added where the division list has none', errors: [{ related: ['幸福路'] }],
    },
  ],
});
