import { txt } from '../core/text.js';
import { kindGenerics, kindName } from '../name/kind-text.js';
import { isHan } from '../name/normalize.js';
import type { Rule } from './types.js';

/** Generics after which an ordinal alone may stand (1984: 二马路 2 Mǎlù, 三环路 3 Huánlù, 东四十二条). */
const BARE_ORDINAL_GENERICS = new Set(['马路', '环路', '条']);
/** Types whose names are one word and often carry no generic (1984 rule 3: 周口店, 三岔河, 大虎山). */
const ONE_WORD_TYPES = new Set(['village', 'town', 'area']);

/** One-character road generics: a 专名 made only of these (街路, 道路, 巷弄) is a stack of generics, not a name. */
const SINGLE_ROAD_GENERICS = new Set(Array.from('路街巷弄里条道坊段'));

function onlyRoadGenerics(s: string): boolean {
  if (s.length > 2) return false;
  for (const ch of s) if (!SINGLE_ROAD_GENERICS.has(ch)) return false;
  return true;
}

/** rules.md §1 `name-structure`: the name is 专名 + 通名. */
export const nameStructure: Rule = {
  meta: {
    id: 'name-structure',
    alias: 'R-STRUCTURE',
    group: 'structure',
    severity: 'error',
    description: txt('地名由专名加通名构成', 'a name is made of a specific part and a generic'),
    basis: txt('《地名管理条例》第九条：地名由专名和通名两部分组成；宿民发〔2024〕19号：先专名后通名', 'Regulations on Place Names (2022) art. 9: a name consists of a specific and a generic; Suqian 2024: specific first, then generic'),
    fix: txt('在通名前加上有意义的专名（如「槐荫路」），或在名称末尾加上表明类别的通名（路、街、巷……）', 'put a meaningful specific before the generic (e.g. 槐荫路), or end the name with a generic (路, 街, 巷 …)'),
  },
  check(ctx) {
    const { rec } = ctx;
    const p = rec.parsed;
    if (![...rec.full].some(isHan)) {
      ctx.report(txt(`「${rec.name}」中没有汉字，不是地名`, `"${rec.name}" has no Chinese characters; it is not a place name`));
      return;
    }
    if (!p.generic) {
      if (ONE_WORD_TYPES.has(rec.type)) return;
      const g = kindGenerics(rec.kind);
      const kind = kindName(rec.kind);
      ctx.report(
        txt(`「${rec.name}」末尾没有可识别的通名（${g.zh}……），看不出是什么类别的地名`, `"${rec.name}" ends in no recognised generic (${g.en} …), so it does not say what kind of place it is`),
        { soft: true, fix: txt(`加上${kind.zh}的通名（${g.zh}等）；如果是本地特有的通名，请在配置中加入地方通名`, `add a ${kind.en} generic (${g.en} …); if it is a local generic, add it to the profile as a regional generic`) },
      );
      return;
    }
    const spec = p.specific;
    if (!spec) {
      // 二马路, 三环路, 第九弄 (1984 rule 7), 第六屯 (a village name, 1984 rule 6).
      if (p.ordinal && (BARE_ORDINAL_GENERICS.has(p.generic) || p.ordinal.di || ONE_WORD_TYPES.has(rec.type))) return;
      if (p.direction || p.ordinal) {
        const mods = (p.direction ?? '') + (p.ordinal?.text ?? '');
        ctx.report(txt(`「${rec.name}」只有修饰成分「${mods}」和通名「${p.generic}」，缺少专名`, `"${rec.name}" has only the modifier "${mods}" and the generic "${p.generic}"; the specific part is missing`));
      } else {
        ctx.report(txt(`「${rec.name}」只有通名「${p.generic}」，缺少专名`, `"${rec.name}" is only the generic "${p.generic}"; the specific part is missing`));
      }
      return;
    }
    if (!p.explicit && onlyRoadGenerics(spec) && (p.genericClass === 'road' || p.genericClass === 'regional-road')) {
      ctx.report(txt(`「${rec.name}」由通名「${spec}」「${p.generic}」叠成，没有专名`, `"${rec.name}" is only generics ("${spec}" + "${p.generic}") with no specific part`));
    }
  },
};
