import { outOfArea } from '../../src/rules/out-of-area.js';
import { ruleTester } from './tester.js';

const HEBEI = { admin_code: '130636' }; // 阜平县
const SHANDONG = { admin_code: '370523' }; // 广饶县

ruleTester(outOfArea, {
  valid: [
    { name: '洮河路', fields: { admin_code: '220802103' }, label: 'the own town is 洮河镇 (吉林 白城), not the river of 甘肃' },
    { name: '李刘路', fields: SHANDONG },
    { name: '高新区大道', fields: SHANDONG, label: '高新区 is a kind of zone, not one elsewhere' },
    { name: '开发区路', fields: SHANDONG },
    { name: '柳河路', fields: { ...HEBEI, village: '柳河村' }, label: 'named after the own village' },
    { name: '泰山路', fields: { admin_code: '370911' }, label: '泰山 in Shandong' },
    { name: '黄山路', label: 'no location: not judged' },
    { name: '大王路', fields: SHANDONG, label: '大王镇 is a township of the own county' },
    { name: '幸福路', fields: SHANDONG },
    { name: '和平路', fields: SHANDONG },
    { name: '中山路', fields: SHANDONG, label: 'commemorative name' },
    { name: '长江路', fields: { admin_code: '320506' } },
    { name: '广饶', type: 'village', fields: SHANDONG, label: 'a village may carry the county name' },
    { name: '示例路', fields: { admin_code: '130999001' }, label: 'an area the division list lacks, no setting: not judged' },
    { name: '示例村', type: 'village', fields: { admin_code: '130999001' }, options: { countyName: '示例县' }, label: 'a village may carry the county name of the setting' },
  ],
  invalid: [
    { name: '黄山路', fields: HEBEI, errors: [{ message: '黄山' }] },
    { name: '北京路', fields: SHANDONG, errors: [{ severity: 'warning', message: '北京' }] },
    { name: '杭州路', fields: SHANDONG, errors: [{ severity: 'warning', message: '杭州' }] },
    { name: '承德街', fields: SHANDONG, label: 'a division name of wish characters (承德; an approved village road): soft, said so', errors: [{ severity: 'info', soft: true, message: '「承德」；这些字也是常用的吉祥、美德字词' }] },
    { name: '泰和路', fields: SHANDONG, label: 'another (泰和县, approved)', errors: [{ severity: 'info', soft: true, message: '泰和' }] },
    { name: '福州路', fields: SHANDONG, label: '州 is no wish: a warning as before', errors: [{ severity: 'warning', message: '福州' }] },
    {
      name: '罗山垭路', fields: { admin_code: '420381' }, label: 'a division name before a landform word (垭): a local feature, soft (丹江口, approved)',
      errors: [{ severity: 'info', soft: true, message: '罗山' }],
    },
    { name: '罗山路', fields: { admin_code: '420381' }, label: 'the same name alone: a warning', errors: [{ severity: 'warning', message: '罗山' }] },
    { name: '香港城', type: 'residential', fields: SHANDONG, label: '香港 is not in the statistical list (data/lists/divisions-beyond-list.tsv)', errors: [{ severity: 'warning', message: '外地省级政区名「香港」' }] },
    { name: '台北街', fields: SHANDONG, label: 'a city of Taiwan: prefecture level', errors: [{ severity: 'warning', message: '外地地级政区名「台北」' }] },
    { name: '新竹路', fields: SHANDONG, label: 'also two townships\' name: soft', errors: [{ severity: 'info', soft: true, message: '新竹' }] },
    { name: '洮河路', fields: SHANDONG, label: 'the river of 甘肃, elsewhere', errors: [{ severity: 'warning', message: '洮河' }] },
    { name: '青松阳光路', fields: SHANDONG, label: '松阳 straddles 青松 + 阳光: soft, said so', errors: [{ severity: 'info', soft: true, message: '「松阳」；这些字也可能只是前后两个词相连' }] },
    { name: '松阳路', fields: SHANDONG, label: '松阳 alone: a warning', errors: [{ severity: 'warning', message: '松阳' }] },
    { name: '峨眉山路', fields: SHANDONG, errors: [{ severity: 'warning', message: '峨眉山' }] },
    { name: '广饶路', fields: SHANDONG, label: '小地冠大名: soft', errors: [{ severity: 'info', soft: true, message: '小地冠大名' }] },
    { name: '东营路', fields: SHANDONG, errors: [{ severity: 'info', soft: true }] },
    {
      name: '示例路', fields: { admin_code: '130999001' }, options: { countyName: '示例县' },
      label: 'the countyName setting names a county the division list lacks: 小地冠大名', errors: [{ severity: 'info', soft: true, message: '示例县' }],
    },
    {
      name: '铜陵路', fields: { admin_code: '340705001' }, options: { cityName: '铜陵市' },
      label: 'a setting that repeats the division list: one finding', errors: [{ severity: 'info', soft: true, message: '铜陵' }],
    },
  ],
});
