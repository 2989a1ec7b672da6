import { adminArea } from '../../src/rules/admin-area.js';
import { ruleTester } from './tester.js';

ruleTester(adminArea, {
  valid: [
    { name: '幸福路', fields: { admin_code: '370523101' } },
    { name: '幸福路', fields: { province: '山东省', county: '广饶县', township: '大王镇' } },
    { name: '幸福路', fields: { admin_path: '山东省东营市广饶县大王镇' } },
    { name: '幸福路', fields: { admin_path: '山东省广饶县大王镇刘集前村' }, label: 'omitted level and a village' },
  ],
  invalid: [
    { name: '幸福路', fields: { township: '大王镇' }, label: 'ambiguous township', errors: [{ severity: 'warning', message: '对应多个行政区划' }] },
    { name: '幸福路', fields: { county: '广饶县', township: '小王镇' }, label: 'unknown township', errors: [{ message: '找不到「小王镇」' }] },
    { name: '幸福路', fields: { admin_code: '370523199' }, label: 'code not in the list', errors: [{ message: '不在' }] },
    { name: '幸福路', fields: {}, label: 'no area at all', errors: [{ severity: 'info', soft: true }] },
    { name: '耕樵路', fields: { province: '海南省' }, label: 'a province only: compared province-wide', errors: [{ severity: 'info', soft: true, message: '只到省一级，重名、同音按省内比较' }] },
    { name: '三庄路', fields: { province: '福建省', city: '福州市' }, label: 'a city only: compared city-wide', errors: [{ severity: 'info', soft: true, message: '只到市一级，重名、同音按市内比较' }] },
    { name: '九溪路', fields: { admin_code: '350112' }, label: 'a county code: compared county-wide', errors: [{ severity: 'info', soft: true, message: '只到县一级，重名、同音按县内比较' }] },
    // Development zones by their everyday names (吉林高新技术产业开发区: 高新区; 廊坊经济技术开发区: 经开区): found, at county level.
    ...[{ admin_path: '吉林省吉林市高新区' }, { city: '吉林市', county: '高新区' }, { admin_path: '河北省廊坊市经开区' }, { admin_path: '石家庄高新区' }, { admin_path: '河北省邢台市经济开发区' }].map((fields) => ({
      name: '幸福路', fields, label: `${Object.values(fields).join(' ')}: a development zone`, errors: [{ severity: 'info' as const, message: '只到县一级' }],
    })),
    { name: '幸福路', fields: { admin_path: '河北省唐山市开发区' }, label: 'a city with two such zones: the candidates', errors: [{ message: '河北唐山芦台经济开发区（130271）' }] },
  ],
});
