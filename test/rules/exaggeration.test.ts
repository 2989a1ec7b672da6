import { exaggeration } from '../../src/rules/exaggeration.js';
import { ruleTester } from './tester.js';

const SD = { admin_code: '370523' };

ruleTester(exaggeration, {
  valid: [
    '大柳树路', '大桥路', '中心街', '大王大道', '幸福路', '华夏路',
    { name: '河南街', fields: { admin_code: '410181' }, label: '河南 is a direction word in village names' },
    { name: '山东路', fields: { admin_code: '130636' }, label: 'another province is out-of-area\'s business' },
    { name: '卫国家园路', label: '国家 across a word boundary' },
    { name: '一品红路', label: '一品红 is a flower (poinsettia)' },
    { name: '工业一号路', label: 'a road\'s 一号 is a number (bare-number\'s business)' },
    { name: '领江一号', type: 'residential', options: { allow: ['一号'] }, label: 'allowed by the profile' },
    { name: '中华巷', options: { allow: ['中华'] } },
    { name: '国际路', options: { needsApproval: ['国际'] }, fields: { special_approval: '某政发〔2020〕1号' } },
  ],
  invalid: [
    { name: '环球路', errors: [{ severity: 'error', message: '环球' }] },
    { name: '中华巷', errors: [{ severity: 'error', message: '中华' }] },
    { name: '环球路', label: 'the message names the kind of place (a road)', errors: [{ severity: 'error', message: '与道路的实际规模', fix: '与道路实际规模' }] },
    { name: '碧桂园中央名邸', type: 'residential', label: 'the message names the kind of place (an estate, 滁州 2019 list)', errors: [{ severity: 'error', message: '与居民区的实际规模', fix: '与居民区实际规模' }] },
    { name: '宇宙城路', errors: [{ severity: 'error' }] },
    { name: '欧洲城路', label: 'continent: also foreign-place', errors: [{ severity: 'error', message: '欧洲' }] },
    { name: '银河路', label: 'provincial addition: soft nationally', errors: [{ severity: 'warning', soft: true }] },
    { name: '领江一号', type: 'residential', label: '一号 closing an estate\'s name (广东 2019 list, 大): soft', errors: [{ severity: 'warning', soft: true, message: '一号' }] },
    { name: '申花壹号院', type: 'residential', label: '壹号 before 院', errors: [{ severity: 'warning', soft: true, message: '壹号' }] },
    { name: '一品湖山', type: 'residential', label: '一品 (广东 2019 list): soft nationally', errors: [{ severity: 'warning', soft: true, message: '一品' }] },
    { name: '革命路', label: '江苏 2019: a word of special political meaning; old 革命路 stand: soft', errors: [{ severity: 'warning', soft: true, message: '革命' }] },
    { name: '备战路', label: 'a slogan of the 1960s–70s (东山县, listed as 大 in 2019): soft', errors: [{ severity: 'warning', soft: true, message: '备战' }] },
    { name: '至尊豪庭', type: 'residential', label: 'a claim of top rank: soft', errors: [{ severity: 'warning', soft: true, message: '至尊' }] },
    { name: '顶级公馆', type: 'residential', label: 'a claim of top rank: soft', errors: [{ severity: 'warning', soft: true, message: '顶级' }] },
    {
      name: '中华村路', fields: { admin_code: '230184203202' }, label: 'the own village is called 中华村 (its approved name): checked, not refused',
      errors: [{ severity: 'warning', soft: true, message: '「中华」是本地地名「中华村」的一部分' }],
    },
    { name: '世界路', options: { needsApproval: ['世界'] }, label: '成都-style needsApproval', errors: [{ severity: 'warning', soft: true }] },
    { name: '浙江路', fields: { admin_code: '330381' }, label: 'the own province\'s name: soft', errors: [{ severity: 'warning', soft: true }] },
    { name: '山东省路', fields: SD, errors: [{ severity: 'error', message: '山东省' }] },
    { name: '环球路', fields: { special_approval: '某政发〔2020〕1号' }, label: 'an approval document lowers it', errors: [{ severity: 'warning', soft: true }] },
  ],
});
