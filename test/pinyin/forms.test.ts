import { describe, expect, it } from 'vitest';
import { Orthography } from '../../src/pinyin/orthography.js';

/** The constructed examples of pinyin.md §2 and §5 (three forms, numbers, direction words, 儿化, apostrophes). */
const FORMS: [string, string, string, string][] = [
  ['幸福东路', 'Xìngfú Dōnglù', 'Xingfu Donglu', 'XINGFU DONGLU'],
  ['槐荫一巷', 'Huáiyīn 1 Xiàng', 'Huaiyin 1 Xiang', 'HUAIYIN 1 XIANG'],
  ['八一巷', 'Bāyī Xiàng', 'Bayi Xiang', 'BAYI XIANG'],
  ['金鹅路', "Jīn'é Lù", "Jin'e Lu", "JIN'E LU"],
  ['花儿巷', 'Huār Xiàng', 'Huar Xiang', 'HUAR XIANG'],
  ['王家庄路', 'Wángjiāzhuāng Lù', 'Wangjiazhuang Lu', 'WANGJIAZHUANG LU'],
  ['第三巷', 'Dì-3 Xiàng', 'Di-3 Xiang', 'DI-3 XIANG'],
  ['桂花弄', 'Guìhuā Lòng', 'Guihua Long', 'GUIHUA LONG'],
  ['绿水路', 'Lǜshuǐ Lù', 'Lüshui Lu', 'LÜSHUI LU'],
  ['七一路', 'Qīyī Lù', 'Qiyi Lu', 'QIYI LU'],
  ['二道河路', 'Èrdàohé Lù', 'Erdaohe Lu', 'ERDAOHE LU'],
  ['三号沟路', 'Sānhàogōu Lù', 'Sanhaogou Lu', 'SANHAOGOU LU'],
  ['北巷', 'Běi Xiàng', 'Bei Xiang', 'BEI XIANG'],
  ['东柳河路', 'Dōngliǔhé Lù', 'Dongliuhe Lu', 'DONGLIUHE LU'],
  ['城南路', 'Chéngnán Lù', 'Chengnan Lu', 'CHENGNAN LU'],
  ['李刘路', 'Lǐliú Lù', 'Liliu Lu', 'LILIU LU'],
  ['海鸥巷', "Hǎi'ōu Xiàng", "Hai'ou Xiang", "HAI'OU XIANG"],
  ['槐荫东一巷', 'Huáiyīn Dōng 1 Xiàng', 'Huaiyin Dong 1 Xiang', 'HUAIYIN DONG 1 XIANG'],
  ['金港一街', 'Jīngǎng 1 Jiē', 'Jingang 1 Jie', 'JINGANG 1 JIE'],
  ['西安路', "Xī'ān Lù", "Xi'an Lu", "XI'AN LU"],
  ['幼儿园路', "Yòu'éryuán Lù", "You'eryuan Lu", "YOU'ERYUAN LU"],
];

describe('the three output forms (pinyin.md §2)', () => {
  const engine = new Orthography();
  it.each(FORMS)('%s', (name, pinyin, plain, sign) => {
    const r = engine.romanize(name);
    expect([r.pinyin, r.plain, r.sign]).toEqual([pinyin, plain, sign]);
  });

  it('entity type decides the division (pinyin.md §5.0)', () => {
    expect(engine.romanize('柳河村', { type: 'village' }).pinyin).toBe('Liǔhécūn');
    expect(engine.romanize('旧县', { type: 'town' }).pinyin).toBe('Jiùxiàn');
    expect(engine.romanize('柳河乡', { type: 'township' }).pinyin).toBe('Liǔhé Xiāng');
    expect(engine.romanize('柳河满族乡', { type: 'township' }).pinyin).toBe('Liǔhé Mǎnzú Xiāng');
    expect(engine.romanize('酒仙桥', { type: 'area' }).pinyin).toBe('Jiǔxiānqiáo');
    expect(engine.romanize('酒仙桥', { type: 'structure' }).pinyin).toBe('Jiǔxiān Qiáo');
    // Multi-syllable generics are one word, as 大桥 Dàqiáo (1984 rule 14): 立交桥, 高架桥.
    expect(engine.romanize('南门立交桥', { type: 'structure' }).pinyin).toBe('Nánmén Lìjiāoqiáo');
    expect(engine.romanize('内环高架桥', { type: 'structure' }).sign).toBe('NEIHUAN GAOJIAQIAO');
    expect(engine.romanize('柳街', { type: 'village' }).pinyin).toBe('Liǔjiē');
    expect(engine.romanize('柳街', { type: 'road' }).pinyin).toBe('Liǔ Jiē');
  });

  it('spelled ordinals reproduce local practice (pinyin.md §5.3)', () => {
    expect(engine.romanize('槐荫一巷', { ordinals: 'spelled' }).sign).toBe('HUAIYIN YIXIANG');
    expect(engine.romanize('槐荫十二巷', { ordinals: 'spelled' }).pinyin).toBe("Huáiyīn Shí'èr Xiàng");
    expect(engine.romanize('第三巷', { ordinals: 'spelled' }).pinyin).toBe('Dìsān Xiàng');
  });

  it('ordinals of 10 and more are digits; commemorative numbers stay spelled', () => {
    expect(engine.romanize('幸福二十一巷').sign).toBe('XINGFU 21 XIANG');
    expect(engine.romanize('五四路').sign).toBe('WUSI LU');
    expect(engine.romanize('一二九路').sign).toBe("YI'ERJIU LU");
  });

  it('a bare direction before 环路 names the ring', () => {
    expect(engine.romanize('东环路').pinyin).toBe('Dōnghuán Lù');
  });
});

describe('names inside names, rings, segmentations (real announcements)', () => {
  const engine = new Orthography();
  it.each([
    ['大通湖街青铜巷', 'Dàtōnghújiē Qīngtóng Xiàng'], // 沈阳 2022: a street name followed by a 专名
    ['太丰一街横一巷', 'Tàifēng 1 Jiē Héng 1 Xiàng'], // ordinal inside the inner name; 横 before an ordinal
    ['冯屋市场西一巷', 'Féngwū Shìchǎng Xī 1 Xiàng'], // a two-syllable generic inside the 专名
    ['东二环南路', 'Dōng 2 Huán Nánlù'], // the number of a ring road
    ['广安门北滨河路', "Guǎng'ānmén Běibīnhé Lù"], // 1984 rule 2, from the segmentation table
    ['站前街', 'Zhànqián Jiē'], // 站前 is a place word, not 站 + 前街
    ['闸弄口路', 'Zhálòngkǒu Lù'], // 弄 is lòng in place names
  ])('%s → %s', (name, pinyin) => {
    expect(engine.romanize(name).pinyin).toBe(pinyin);
  });

  it('accepts a segmentation given with the name (分词 column)', () => {
    expect(engine.romanize('幸福家园北路', { segmentation: '幸福/家园/北路' }).pinyin).toBe('Xìngfú Jiāyuán Běilù');
  });
});
