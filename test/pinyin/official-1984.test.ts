import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../src/name/types.js';
import { Orthography } from '../../src/pinyin/orthography.js';

/**
 * The examples printed in the 1984 place-name spelling rules ((84)中地字第17号; pinyin.md §3) with the spellings the
 * rules print or that follow from their word divisions. Each row: name, entity type, expected `pinyin` form, region.
 * Tone marks follow Putonghua readings; where the rules print a neutral tone (胡同 Hútong) the table keeps it.
 */
const ROWS: [string, EntityType, string, string?][] = [
  // Rule 1: 专名 and 通名 are separate words.
  ['太行山', 'natural', 'Tàiháng Shān'],
  ['松花江', 'natural', 'Sōnghuā Jiāng'],
  ['汾河', 'natural', 'Fén Hé'],
  ['太湖', 'natural', 'Tài Hú'],
  ['舟山群岛', 'natural', 'Zhōushān Qúndǎo'],
  ['台湾海峡', 'natural', 'Táiwān Hǎixiá'],
  ['青藏高原', 'natural', 'Qīngzàng Gāoyuán'],
  ['密云水库', 'structure', 'Mìyún Shuǐkù'],
  ['大运河', 'natural', 'Dà Yùnhé'],
  ['永丰渠', 'natural', 'Yǒngfēng Qú'],
  ['西藏自治区', 'province', 'Xīzàng Zìzhìqū'],
  ['江苏省', 'province', 'Jiāngsū Shěng'],
  ['襄樊市', 'city', 'Xiāngfán Shì'],
  ['通县', 'county', 'Tōng Xiàn'],
  ['西峰镇', 'township', 'Xīfēng Zhèn'],
  ['虹口区', 'district', 'Hóngkǒu Qū'],
  ['友谊乡', 'township', 'Yǒuyì Xiāng'],
  ['京津公路', 'road', 'Jīngjīn Gōnglù'],
  ['南京路', 'road', 'Nánjīng Lù'],
  ['滨江道', 'road', 'Bīnjiāng Dào'],
  ['横街', 'road', 'Héng Jiē'],
  ['长安街', 'road', "Cháng'ān Jiē"],
  ['大马路', 'road', 'Dà Mǎlù'],
  ['梧桐巷', 'road', 'Wútóng Xiàng'],
  ['门框胡同', 'road', 'Ménkuàng Hútong'],
  // Rule 2: one-syllable modifiers join; longer ones stand alone.
  ['西辽河', 'natural', 'Xīliáo Hé'],
  ['潮白新河', 'natural', 'Cháobái Xīnhé'],
  ['新通扬运河', 'natural', 'Xīntōngyáng Yùnhé'],
  ['北雁荡山', 'natural', 'Běiyàndàng Shān'],
  ['小金门岛', 'natural', 'Xiǎojīnmén Dǎo'],
  ['景山后街', 'road', 'Jǐngshān Hòujiē'],
  ['造币左路', 'road', 'Zàobì Zuǒlù'],
  ['清波门直街', 'road', 'Qīngbōmén Zhíjiē'],
  ['后赵家楼胡同', 'road', 'Hòuzhàojiālóu Hútong'],
  ['朝阳门内大街', 'road', 'Cháoyángménnèi Dàjiē'],
  ['南小街', 'road', 'Nán Xiǎojiē'],
  ['南横东街', 'road', 'Nánhéng Dōngjiē'],
  ['修文西小巷', 'road', 'Xiūwén Xīxiǎoxiàng'],
  ['东直门外南后街', 'road', 'Dōngzhíménwài Nánhòujiē'],
  // Rule 3: natural villages and towns are one word.
  ['王村', 'village', 'Wángcūn'],
  ['江镇', 'town', 'Jiāngzhèn'],
  ['漷县', 'town', 'Huǒxiàn', '11'],
  ['周口店', 'town', 'Zhōukǒudiàn'],
  ['文家市', 'town', 'Wénjiāshì'],
  ['油坊桥', 'village', 'Yóufángqiáo'],
  ['铁匠营', 'village', 'Tiějiàngyíng'],
  ['太平沟', 'village', 'Tàipínggōu'],
  ['龙王集', 'village', 'Lóngwángjí'],
  ['龚家棚', 'village', 'Gōngjiāpéng'],
  ['南王家荡', 'village', 'Nánwángjiādàng'],
  // Rule 4: a generic that has become part of a proper name counts as 专名.
  ['渤海湾', 'natural', 'Bóhǎi Wān'],
  ['黑龙江省', 'province', 'Hēilóngjiāng Shěng'],
  ['景德镇市', 'city', 'Jǐngdézhèn Shì'],
  ['解放路南小街', 'road', 'Jiěfànglù Nánxiǎojiē'],
  ['包头胡同东巷', 'road', 'Bāotóu Hútong Dōngxiàng'],
  // Rule 5: person names are joined.
  ['左权县', 'county', 'Zuǒquán Xiàn'],
  ['张之洞路', 'road', 'Zhāngzhīdòng Lù'],
  ['欧阳海水库', 'structure', 'Ōuyánghǎi Shuǐkù'],
  // Rules 6–7: numerals.
  ['五指山', 'natural', 'Wǔzhǐ Shān'],
  ['九龙江', 'natural', 'Jiǔlóng Jiāng'],
  ['三门峡', 'natural', 'Sānmén Xiá'],
  ['二道沟', 'natural', 'Èrdào Gōu'],
  ['第二松花江', 'natural', "Dì'èr Sōnghuā Jiāng"],
  ['第六屯', 'village', 'Dìliùtún'],
  ['三眼井胡同', 'road', 'Sānyǎnjǐng Hútong'],
  ['八角场东街', 'road', 'Bājiǎochǎng Dōngjiē'],
  ['三八路', 'road', 'Sānbā Lù'],
  ['五一广场', 'structure', 'Wǔyī Guǎngchǎng'],
  ['1203高地', 'natural', '1203 Gāodì'],
  ['1718峰', 'natural', '1718 Fēng'],
  ['二马路', 'road', '2 Mǎlù'],
  ['经五路', 'road', 'Jīng 5 Lù'],
  ['三环路', 'road', '3 Huánlù'],
  ['大川淀一巷', 'road', 'Dàchuāndiàn 1 Xiàng'],
  ['东四十二条', 'road', 'Dōngsì 12 Tiáo'],
  ['第九弄', 'road', 'Dì-9 Lòng'],
  // Rule 8: readings by place.
  ['十里堡', 'village', 'Shílǐpù', '11'],
  ['大黄堡', 'town', 'Dàhuángbǎo', '12'],
  ['吴堡', 'county', 'Wúbǔ', '61'],
  // Rules 10–12: capitals, apostrophe, 儿化.
  ['李庄', 'village', 'Lǐzhuāng'],
  ['珠江', 'natural', 'Zhū Jiāng'],
  ['天宁寺西里一巷', 'road', 'Tiānníngsì Xīlǐ 1 Xiàng'],
  ['西安', 'city', "Xī'ān"],
  ['建瓯', 'city', "Jiàn'ōu"],
  ['天峨', 'county', "Tiān'é"],
  ['盆儿胡同', 'road', 'Pénr Hútong'],
  ['海南岛', 'natural', 'Hǎinán Dǎo'],
  // Rules 14–17: structures, scenic spots, organisations.
  ['解放桥', 'structure', 'Jiěfàng Qiáo'],
  ['黄鹤楼', 'structure', 'Huánghè Lóu'],
  ['兰州站', 'structure', 'Lánzhōu Zhàn'],
  ['星海公园', 'structure', 'Xīnghǎi Gōngyuán'],
  ['武汉长江大桥', 'structure', 'Wǔhàn Chángjiāng Dàqiáo'],
  ['上海交通大学', 'structure', 'Shànghǎi Jiāotōng Dàxué'],
  ['北京工人体育馆', 'structure', 'Běijīng Gōngrén Tǐyùguǎn'],
  ['二七烈士纪念碑', 'structure', 'Èrqī Lièshì Jìniànbēi'],
  ['一线天', 'scenic', 'Yīxiàntiān'],
  ['百花深处', 'scenic', 'Bǎihuāshēnchù'],
  ['三潭印月', 'scenic', 'Sāntányìnyuè'],
  ['501矿区', 'structure', '501 Kuàngqū'],
  ['前进四厂', 'structure', 'Qiánjìn 4 Chǎng'],
  ['浙江省测绘局', 'structure', 'Zhèjiāng Shěng Cèhuìjú'],
  ['费县汽车站', 'structure', 'Fèi Xiàn Qìchēzhàn'],
];

// Known gaps (need the explicit 专名 column or a word segmenter; see README "Known limitations"):
// 小南街 (Xiǎo Nánjiē), 广安门北滨河路 (Guǎng'ānmén Běibīnhé Lù), 红星拖拉机厂 (Hóngxīng Tuōlājīchǎng),
// 月亮山种羊场 (Yuèliangshān Zhǒngyángchǎng), 北京市宣武区育才学校 (宣武区 is no longer a division).

describe('1984 rules: official examples', () => {
  const engine = new Orthography();
  it.each(ROWS)('%s (%s) → %s', (name, type, expected, region) => {
    const r = engine.romanize(name, { type, region });
    expect(r.pinyin).toBe(expected);
    expect(r.sign).toBe(r.plain.toUpperCase());
  });

  it('explicit 专名 settles the splits the parser cannot see (小/南街, 1984 rule 2)', () => {
    expect(engine.romanize('小南街', { specific: '小' }).pinyin).toBe('Xiǎo Nánjiē');
    expect(engine.romanize('南小街', { specific: '南' }).pinyin).toBe('Nán Xiǎojiē');
  });
});
