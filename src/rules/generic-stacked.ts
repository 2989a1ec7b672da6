import { txt } from '../core/text.js';
import type { Rule } from './types.js';
import { ownDivisionNames } from './util/words.js';

/** Generics that must not be stacked under another generic (rules.md generic-stacked), longest first. */
const STACKABLE = ['大道', '大街', '胡同', '广场', '大厦', '花园', '小区', '公寓', '中心', '大楼', '路', '街', '巷', '弄', '苑'];
const ROAD_STACKABLE = new Set(['大道', '大街', '胡同', '路', '街', '巷', '弄']);
/** Place words that end in a generic but are lexicalised (老街路 is the road to the old street). */
const LEXICALISED = ['老街', '前街', '后街', '横街', '正街', '直街', '古街', '小街', '小巷', '步行街', '大街'];
/** Outer generics and modifiers that derive a name from a road (X路支路, X路东巷, X路一巷, X路南段): 1984 rule 4. */
const DERIVED_GENERICS = new Set(['支路', '段', '小街', '小巷', '横街', '横路', '后街', '前街', '直街', '夹道', '巷', '弄', '里', '胡同']);
/**
 * 中心 is also an ordinary word (市中心, 镇中心), and villages and markets are often called X街 (众埠街, 1984 rule 3):
 * stacking these is only the soft case.
 */
const WEAK_INNER = new Set(['中心', '街', '巷', '弄']);

/** Outer generic classes where a stacked generic is a fault (路街, 苑公寓, 大厦广场, 尊府). */
const STACK_OUTER = new Set(['road', 'regional-road', 'building', 'open-space', 'improper']);

/** rules.md §1 `generic-stacked`: no stacked generics. */
export const genericStacked: Rule = {
  meta: {
    id: 'generic-stacked',
    alias: 'R-GENERIC-STACK',
    group: 'structure',
    severity: 'error',
    description: txt('不得叠用通名', 'no generic stacked on another generic'),
    basis: txt('地方地名管理规定：禁止通名叠加；成都住宅区和建筑物命名意见（负面清单）；1984年拼写规则第4条（已成专名的通名除外）', 'local regulations banning stacked generics; Chengdu negative list; 1984 rule 4 for the exception'),
    fix: txt('去掉多余的通名（如「新风路街」改为「新风街」）；若专名本身是现有道路名称，请在「专名」列写明或提供现有地名', 'drop the extra generic (新风路街 → 新风街); if the specific is an existing road, give it in the 专名 column or supply the existing names'),
    existingNames: true,
  },
  check(ctx) {
    const { rec } = ctx;
    const p = rec.parsed;
    if (p.explicit || !p.generic) return;
    // Structures, features and settlements named after a road are normal (解放路桥, 同德路站).
    if (!p.genericClass || !STACK_OUTER.has(p.genericClass)) return;
    const spec = p.specific;
    if (spec.length < 3) return;
    const inner = STACKABLE.find((g) => spec.endsWith(g) && spec.length - g.length >= 2);
    if (!inner) return;
    if (LEXICALISED.some((w) => spec.endsWith(w) && (w !== '大街' || spec.length - 2 < 2))) return;
    // The inner name is a real road or place (1984 rule 4: 解放路南小街).
    if (ctx.isExistingName(spec)) return;
    // ... or the record's own village or community (金宝花园社区: a road there named 金宝花园路).
    if (ownDivisionNames(rec).includes(spec)) return;
    const derived = ROAD_STACKABLE.has(inner) && (p.direction !== undefined || p.ordinal !== undefined || DERIVED_GENERICS.has(p.generic));
    const soft = derived || WEAK_INNER.has(inner);
    ctx.report(
      derived
        ? txt(
            `「${rec.name}」的专名「${spec}」以通名「${inner}」结尾；若「${spec}」是现有道路，名称可由它派生，否则属于通名叠加`,
            `the specific "${spec}" of "${rec.name}" ends in the generic "${inner}": fine if "${spec}" is an existing road, otherwise a stacked generic`,
          )
        : txt(
            `「${rec.name}」叠用了通名「${inner}」和「${p.generic}」`,
            `"${rec.name}" stacks the generic "${inner}" on "${p.generic}"`,
          ),
      soft ? { soft: true } : undefined,
    );
  },
};
