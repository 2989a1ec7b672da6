import { txt } from '../core/text.js';
import { kindGenerics, kindName } from '../name/kind-text.js';
import type { GenericClass } from '../name/lexicon.js';
import type { Rule } from './types.js';

const CLASS_ZH: Record<GenericClass, [string, string]> = {
  road: ['道路通名', 'road generic'],
  'regional-road': ['地方道路通名', 'regional road generic'],
  settlement: ['居民点通名', 'settlement generic'],
  building: ['建筑物通名', 'building generic'],
  'open-space': ['广场、园区、住宅区通名', 'square, garden or housing-estate generic'],
  improper: ['不规范通名', 'improper generic'],
  admin: ['行政区划通名', 'administrative generic'],
  natural: ['自然地理实体通名', 'natural-feature generic'],
  structure: ['构筑物通名', 'structure generic'],
  scenic: ['景区通名', 'scenic-area generic'],
};

/** Settlement types: old village names with 府 (韩府, 杨府) are not housing labels. */
const SETTLEMENT_TYPES = new Set(['village', 'town', 'area']);

/** rules.md §1 `generic-class`: the generic suits the entity. */
export const genericClass: Rule = {
  meta: {
    id: 'generic-class',
    alias: 'R-GENERIC-ALLOWED',
    group: 'structure',
    severity: 'error',
    description: txt('通名与地名实体的类别相符', 'the generic suits the kind of entity'),
    basis: txt(
      '《地名管理条例》第九条第（二）项：与实体的地理位置、规模、性质相符；民发〔2018〕146号“大、怪”标准中的通名滥用；开平：通名须反映实体类别',
      'Regulations art. 9(2): the name fits the entity\'s nature; 2018 clean-up criteria (misused generics); Kaiping: the generic shows the entity type',
    ),
    fix: txt('道路用路、街、巷、胡同等道路通名；不用栋、府、邸、公馆、郡、墅等不规范通名', 'give a road a road generic (路, 街, 巷, 胡同 …); never use 栋, 府, 邸, 公馆, 郡, 墅'),
  },
  check(ctx) {
    const { rec } = ctx;
    const p = rec.parsed;
    const cls = p.genericClass;
    if (!cls || !p.generic) return;
    if (cls === 'improper') {
      const g = kindGenerics(rec.kind);
      ctx.report(
        txt(`通名「${p.generic}」不是规范的地名通名（量词或楼盘式用语），不能用作地名通名`, `"${p.generic}" is not an accepted generic (a measure word or an estate-marketing label)`),
        {
          ...(SETTLEMENT_TYPES.has(rec.type) ? { soft: true } : {}),
          fix: txt(`${kindName(rec.kind).zh}用${g.zh}等规范通名；不用栋、府、邸、公馆、郡、墅等不规范通名`, `give a ${kindName(rec.kind).en} an accepted generic (${g.en} …); never use 栋, 府, 邸, 公馆, 郡, 墅`),
        },
      );
      return;
    }
    if (rec.type === 'road' && (cls === 'building' || cls === 'open-space')) {
      const [zh, en] = CLASS_ZH[cls];
      ctx.report(txt(
        `道路名称使用了${zh}「${p.generic}」；道路应使用路、街、巷、胡同等道路通名`,
        `a road name uses the ${en} "${p.generic}"; a road takes a road generic (路, 街, 巷, 胡同 …)`,
      ));
    }
  },
};
