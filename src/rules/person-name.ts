import { txt } from '../core/text.js';
import type { ReportedSeverity, Rule } from './types.js';
import { divisionHits, findWords, inside, ownDivisionNames, spansOf, straddles } from './util/words.js';

interface Options {
  patternSeverity: ReportedSeverity | null;
}

/**
 * Given-name characters that are really place morphemes (黄河, 金山, 林场, 马场, 高峰, 江南): a 专名 ending in one is
 * read as a place word, not surname + given name.
 */
const PLACE_MORPHEMES = new Set(Array.from(
  '河江湖海溪泉潭塘沟渠湾滩洲岛山岭峰岗坡坪坝岩石林园田场地坊楼阁亭台桥门口头井港渡关寺庙塔窑厂庵院城镇乡村庄屯寨营集店铺堡' +
    '东西南北中前后上下里外边湾洼峪坨圩垸墩埠垭坳原野岸滨道街路巷胡弄阳阴' +
    // Regional field and shore words (许家畈, 王家堰, 陈家岙): rarely the last character of a given name.
    '畈垄垅埂堰岙垟埭汊咀嘴',
));
/** Common words that start with a surname character (高新, 黄金, 杨柳): not personal names. */
const ORDINARY = new Set([
  '高新', '高速', '高科', '黄金', '杨柳', '江南', '江北', '方正', '方圆', '金星', '金色', '白云', '白鹭', '白鹤', '朱雀', '石油', '林业',
  '马蹄', '孙家', '何家', '周家', '罗汉', '胡杨', '许愿', '梁园', '宋城', '唐人', '韩风', '曹家', '谢家', '郭家', '马家', '程家', '高粱',
  '金穗', '金桂', '金秋', '金福', '金鼎', '金光', '金鸡', '钱塘', '夏日', '秋实', '秋月', '常青', '常乐', '常胜', '安乐', '安宁', '安康',
  '文明', '文昌', '文化', '文峰', '武装', '孟良', '田园', '康乐', '康宁', '康泰', '康庄', '余庆', '龙腾', '龙凤', '龙飞', '凤鸣', '凤翔',
  '郑州', '许昌', '唐山', '韩城', '杨凌', '汪洋', '向阳', '向荣', '毛纺', '邓州', '叶城', '万福', '万安', '万寿', '万达', '史家', '段家',
]);

/** rules.md §4 `person-name`: generally no personal names. */
export const personName: Rule<Options> = {
  meta: {
    id: 'person-name',
    alias: 'R-PERSON-NAME',
    group: 'persons',
    severity: 'warning',
    description: txt('一般不以人名作地名', 'generally no personal names'),
    basis: txt(
      '《地名管理条例》第九条第（四）项；实施办法（2024）第三条（含别名、笔名、文学艺术作品人物名；与人名无特定联系的除外）；阜平：不得以“姓+名+胡同/巷”命名；宿迁；大名（纪念性地名除外）',
      'Regulations art. 9(4); 2024 implementing measures art. 3 (aliases, pen names, fictional characters; no-specific-link exemption); Fuping: no surname + given name lanes; Suqian; Daming (commemorative names excepted)',
    ),
    fix: txt('改用与人名无关的字词；纪念性地名须经批准并加入历史/纪念地名白名单', 'use words not linked to a person; commemorative names need approval and go on the historic allowlist'),
    existingNames: true,
    options: { patternSeverity: null },
  },
  check(ctx) {
    const { rec, lists } = ctx;
    const p = rec.parsed;
    const text = p.specific;
    if (!text || text.length < 2) return;
    // (a) Famous persons and fictional characters.
    const persons = findWords(lists.notablePersons, text, 2);
    const exempt = persons.length ? [...findWords(lists.historicAllow, text, 2), ...spansOf(ownDivisionNames(rec), text)] : [];
    const famous = persons.filter((h) => !inside(exempt, h.index, h.end) && !ctx.isExistingName(h.word));
    if (famous.length) {
      const names = [...new Set(famous.map((h) => h.word))];
      // Only inside two naming words (尚武 + 松柏 holds 武松, 古柳 + 永兴 holds 柳永): the soft case, said so.
      const straddling = famous.every((h) => straddles(text, h.index, h.end));
      ctx.report(
        txt(
          `含有历史人物或文学艺术形象的名字「${names.join('」「')}」${straddling ? '；也可能只是前后两个词相连，请确认' : ''}`,
          `contains the name of a well-known person or fictional character: ${names.map((n) => `"${n}"`).join(', ')}${straddling ? '; the characters may just join two words: please check' : ''}`,
        ),
        straddling ? { soft: true } : undefined,
      );
      return;
    }
    // (b) Surname + given name pattern (王大明巷).
    if (p.specificKind !== 'person' || p.explicit) return;
    const last = text[text.length - 1];
    if (PLACE_MORPHEMES.has(last) || ORDINARY.has(text) || ORDINARY.has(text.slice(0, 2)) || ctx.isExistingName(text)) return;
    if (lists.historicAllow.has(text) || divisionHits(text).some((h) => h.word === text || (h.index === 0 && h.word.length >= text.length - 1))) return;
    if (findWords(lists.famousFeatures, text, 2).length) return;
    const sev = ctx.options.patternSeverity;
    ctx.report(
      txt(`专名「${text}」像“姓+名”的人名；除纪念性地名外，道路不以人名命名`, `the specific "${text}" looks like a surname + given name; roads are not named after people (commemorative names excepted)`),
      sev ? { severity: sev } : { soft: true },
    );
  },
};
