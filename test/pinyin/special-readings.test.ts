import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../src/name/types.js';
import { Orthography } from '../../src/pinyin/orthography.js';

/** Special place readings (pinyin.md §8.4) as the sign form, with and without the region that settles them. */
const SETTLED: [string, EntityType, string, string][] = [
  ['单县', 'county', '37', 'SHAN XIAN'],
  ['莘县', 'county', '37', 'SHEN XIAN'],
  ['乐亭县', 'county', '13', 'LAOTING XIAN'],
  ['洪洞县', 'county', '14', 'HONGTONG XIAN'],
  ['浒墅关', 'town', '32', 'XUSHUGUAN'],
  ['高疃', 'village', '37', 'GAOTUAN'],
  ['大水泊', 'town', '37', 'DASHUIPO'],
  ['刘家夼', 'village', '37', 'LIUJIAKUANG'],
  ['十里堡', 'village', '11', 'SHILIPU'],
  ['于家堡', 'village', '12', 'YUJIAPU'],
  ['柴沟堡', 'town', '13', 'CHAIGOUBU'],
  ['瓦窑堡', 'town', '61', 'WAYAOBU'],
  ['蔚县', 'county', '13', 'YU XIAN'],
  ['六安', 'city', '34', "LU'AN"],
  ['歙县', 'county', '34', 'SHE XIAN'],
  ['台州', 'city', '33', 'TAIZHOU'],
  ['黄陂', 'district', '42', 'HUANGPI'],
  ['番禺', 'district', '44', 'PANYU'],
  ['莘庄', 'town', '31', 'XINZHUANG'],
  ['上夼西路', 'road', '3706', 'SHANGKUANG XILU'],
  ['王家疃路', 'road', '37', 'WANGJIATUAN LU'],
];

describe('special readings (pinyin.md §8.4)', () => {
  const engine = new Orthography();

  it.each(SETTLED)('%s in region %s reads %s without review', (name, type, region, sign) => {
    const r = engine.romanize(name, { type, region });
    expect(r.sign).toBe(sign);
    expect(r.review).toBe(false);
  });

  it('a dictionary entry from another region is only a candidate: the result asks for review', () => {
    const r = engine.romanize('单县', { type: 'county' });
    expect(r.sign).toBe('SHAN XIAN');
    expect(r.review).toBe(true);
    expect(r.alternatives).toContain('Dān Xiàn');
  });

  it('堡 with no settled place is never guessed silently', () => {
    const r = engine.romanize('王家堡路');
    expect(r.review).toBe(true);
    expect(r.alternatives.length).toBeGreaterThanOrEqual(2);
    expect(r.reasons.map((t) => t.zh).join()).toContain('堡');
  });

  it('regional patterns are hints: Beijing suggests pù, still for review', () => {
    const r = engine.romanize('王家堡路', { region: '110105' });
    expect(r.sign).toBe('WANGJIAPU LU');
    expect(r.review).toBe(true);
  });

  it('low-confidence entries are reviewed even in their own region', () => {
    const r = engine.romanize('乐陵市', { type: 'city', region: '37' });
    expect(r.review).toBe(true);
  });

  it('a confirmed reading (读音 column) wins and needs no review', () => {
    const r = engine.romanize('王家堡路', { reading: 'wáng jiā pù lù' });
    expect(r.pinyin).toBe('Wángjiāpù Lù');
    expect(r.review).toBe(false);
  });

  it('a supplied 拼音 wins over the engine', () => {
    const r = engine.romanize('王家堡路', { supplied: 'Wángjiābǔ Lù' });
    expect(r.pinyin).toBe('Wángjiābǔ Lù');
    expect(r.sign).toBe('WANGJIABU LU');
    expect(r.source).toBe('input');
  });

  it('generic readings come from the generic table (弄 lòng, 胡同 hútong)', () => {
    expect(engine.romanize('桂花弄').pinyin).toBe('Guìhuā Lòng');
    expect(engine.romanize('门框胡同').sign).toBe('MENKUANG HUTONG');
  });
});
