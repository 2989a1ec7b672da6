import { homophone } from '../../src/rules/homophone.js';
import { join } from 'node:path';
import { FIXTURES } from '../helpers.js';
import { ruleTester } from './tester.js';
import { IN_1B, IN_2, inArea } from './built-up-cases.js';

/** 富 and 湖 both read hu, 民 and 鸣 both min in this (made-up) dialect table. */
const DIALECT = { dialectTable: join(FIXTURES, 'dialect', 'tongling-example.tsv') };

const T1 = { admin_code: '370523101' };
const T2 = { admin_code: '370523102' };

ruleTester(homophone, {
  valid: [
    inArea('富民路', { batch: [{ name: '福民路', fields: T1, geometry: IN_2 }], label: 'built-up area: 福民路 in another area' }),
    { name: '富民路', fields: T1, batch: ['复明路'], label: 'mín ≠ míng' },
    { name: '富民路', fields: T1, batch: [{ name: '福民路', fields: T2 }], label: 'another township' },
    { name: '富民路', fields: T1, batch: ['富民路'], label: 'identical: duplicate decides' },
    { name: '先路', fields: T1, batch: ['西安路'], label: 'xian ≠ xi an' },
    { name: '富民路', fields: T1, batch: ['湖鸣路'], label: 'fu min ≠ hu ming without a dialect table' },
    { name: '富民路', fields: T1, batch: [{ name: '湖鸣路', fields: T2 }], options: DIALECT, label: 'dialect: another township' },
    // An existing name is read as the engine reads the batch: 重庆 is chong qing, not the default zhong qing.
    { name: '众庆路', fields: T1, existing: [{ name: '重庆路', adminCode: '370523101' }], label: 'existing 重庆路 reads chong qing, not zhong qing' },
    { name: '银星路', fields: T1, existing: [{ name: '银行路', adminCode: '370523101' }], label: 'existing 银行路 reads yin hang, not yin xing' },
    // The 专名 alone under a generic of the same class (issue 3 uniqueness).
    { name: '富民路', fields: T1, batch: ['富民街'], label: 'the same 专名 under another road generic: near-duplicate decides' },
    { name: '富民路', fields: T1, batch: ['福民桥'], label: 'a bridge is not a road' },
    { name: '富民路', fields: T1, batch: [{ name: '福民街', fields: T2 }], label: 'same-class 专名 homophone in another township' },
    { name: '富民路', fields: T1, batch: ['福民东街'], label: 'a direction word makes another name' },
    { name: '富民路', fields: T1, batch: ['福民街'], options: { specific: false }, label: 'option specific off' },
  ],
  invalid: [
    inArea('富民路', { batch: [{ name: '福民路', fields: T1, geometry: IN_1B }], label: 'built-up area: 福民路 in the same area', errors: [{ message: '同一建成区「建成区 1」', related: ['福民路'] }] }),
    { name: '富民路', fields: T1, batch: ['福民路'], errors: [{ severity: 'warning', related: ['福民路'] }] },
    {
      name: '富民路', fields: { admin_code: '370523' }, batch: [{ name: '福民路', fields: T1 }], label: 'a row placed only in its county: the soft case, said so',
      errors: [{ severity: 'info', soft: true, message: /同音（.*可能同一乡镇（街道）内）；第 1 行的所属政区只到县一级，按同一县（区）比较，请核实/, related: ['福民路'] }],
    },
    { name: '和平巷', fields: T1, batch: ['河坪巷'], errors: [{ related: ['河坪巷'] }] },
    { name: '富民路', fields: T1, existing: [{ name: '福民路', adminCode: '370523101001' }], errors: [{ related: ['福民路'] }] },
    { name: '富民路', fields: T1, batch: ['湖鸣路'], options: DIALECT, label: 'same dialect reading (铜陵)', errors: [{ related: ['湖鸣路'], message: /方言读音相同（hu min lu/ }] },
    { name: '富民路', fields: T1, existing: [{ name: '湖鸣路', adminCode: '370523101' }], options: DIALECT, label: 'dialect, existing name', errors: [{ related: ['湖鸣路'], message: /方言读音相同/ }] },
    { name: '崇庆路', fields: T1, existing: [{ name: '重庆路', adminCode: '370523101' }], label: 'existing polyphone: 重庆 chong qing', errors: [{ related: ['重庆路'], message: /Chongqing Lu/ }] },
    { name: '夏门路', fields: T1, existing: [{ name: '厦门路', adminCode: '370523101' }], label: 'existing polyphone: 厦门 xia men', errors: [{ related: ['厦门路'] }] },
    { name: '银杭街', fields: T1, existing: [{ name: '银行街', adminCode: '370523101001' }], label: 'existing polyphone in a village: 银行 yin hang', errors: [{ related: ['银行街'] }] },
    { name: '崇庆路', fields: T1, existing: [{ name: '重庆路', adminCode: '370523101' }], options: { tones: true }, label: 'toned keys read the engine too', errors: [{ related: ['重庆路'] }] },
    { name: '崇庆路', fields: { admin_code: '3705' }, existing: [{ name: '重庆路', adminCode: '370523101' }], label: 'a row placed only in its city meets the polyphone too', errors: [{ related: ['重庆路'] }] },
    { name: '富民路', fields: T1, batch: ['福民街'], label: '专名 homophone under another road generic', errors: [{ related: ['福民街'], message: /专名同音、通名同类（Fumin Lu/ }] },
    { name: '和平大街', fields: T1, existing: [{ name: '河坪巷', adminCode: '370523101' }], label: '专名 homophone, existing name, two-character generic', errors: [{ related: ['河坪巷'], message: '专名同音' }] },
    { name: '富民路', fields: T1, existing: [{ name: '福民路', adminCode: '370523' }], label: 'existing homophone placed only in the county: info', errors: [{ severity: 'info', message: '可能同一乡镇', related: ['福民路'] }] },
    { name: '富民路', fields: T1, existing: [{ name: '福民街', adminCode: '370523' }], label: 'existing 专名 homophone placed only in the county', errors: [{ severity: 'info', related: ['福民街'] }] },
    { name: '富民路', fields: { admin_code: '3705' }, existing: [{ name: '福民街', adminCode: '370523101' }], label: '专名 homophone for a row placed only in its city', errors: [{ related: ['福民街'] }] },
    { name: '富民东路', fields: T1, batch: ['福民东街'], label: 'modifiers count with the 专名', errors: [{ related: ['福民东街'] }] },
    { name: '富民路', fields: T1, batch: ['福民路', '福民街'], label: 'a whole-name homophone is reported as such, and the 专名 one too', errors: [{ related: ['福民路'], message: /与本表第 2 行「福民路」同音/ }, { related: ['福民街'], message: '专名同音' }] },
    { name: '崇庆路', fields: T1, existing: [{ name: '重庆街', adminCode: '370523101' }], label: '专名 homophone with an existing polyphone', errors: [{ related: ['重庆街'] }] },
    { name: '富民路', fields: T1, batch: ['赋民街', '福民巷'], options: { tones: true }, label: '专名 homophone with tones (fù mín, not fú mín)', errors: [{ related: ['赋民街'] }] },
    { name: '富民路', fields: T1, batch: ['福民路'], options: DIALECT, label: 'a Mandarin homophone is reported as one, once', errors: [{ related: ['福民路'], message: /同音（Fumin Lu/ }] },
  ],
});
