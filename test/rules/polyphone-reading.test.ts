import { polyphoneReading } from '../../src/rules/polyphone-reading.js';
import { ruleTester } from './tester.js';

ruleTester(polyphoneReading, {
  valid: [
    '桃李路', '幸福路', '长江路', '长安街', '新华路', '银行街', '桂花弄',
    { name: '王家堡路', fields: { reading: 'wáng jiā pù lù' } },
    { name: '王家堡路', fields: { pinyin: 'Wángjiāpù Lù' } },
    { name: '乐和路', options: { settledWords: ['乐和'] } },
    { name: '和平路', options: { mode: 'all', settledWords: ['和平'] } },
  ],
  invalid: [
    { name: '王家堡路', errors: [{ severity: 'warning', message: '堡' }] },
    { name: '乐和路', errors: [{ severity: 'warning', message: '乐' }] },
    { name: '百家村路', fields: { admin_code: '320507' }, label: 'the place-name readings are listed too (百 bó in 百色路, 上海)', errors: [{ severity: 'warning', message: '百：bǎi、bó' }] },
    { name: '十里堡路', fields: { admin_code: '110105' }, label: 'dictionary reading for the place: soft', errors: [{ severity: 'info', soft: true, message: '确认' }] },
    { name: '和平路', options: { mode: 'all' }, label: '大名-style: any polyphone', errors: [{ message: '和' }] },
  ],
});
