import { txt } from '../core/text.js';
import { uniquenessGroup } from '../check/uniqueness.js';
import type { Rule } from './types.js';

interface Options {
  scope: string;
  stripPrefixes: string[];
  stripNames: string | string[];
  specific: boolean;
  nearSound: boolean;
  allowDerived: boolean;
}

/**
 * rules.md §7 `near-duplicate`: names that people take for the same (± 新/大/老/小 as issue 3 lists them — rules.md
 * and profiles.md give the national profile 新/老 only —, the city's name, 路 ↔ 街).
 */
export const nearDuplicate: Rule<Options> = {
  meta: {
    id: 'near-duplicate',
    alias: 'R-NEAR-DUP',
    group: 'uniqueness',
    severity: 'warning',
    description: txt('增减“新”“大”“老”“小”或本地地名、只换通名等实际上等同的名称', 'names that are effectively the same (± 新/大/老/小 or the local division name, 路 ↔ 街)'),
    basis: txt(
      '铜陵（增减“铜陵”“新”“大”视为同名）、成都（增减“大”“新”“成都”不构成区别）、阜平（避免近音）、青岛（派生名称除外）',
      'Tongling (± 铜陵/新/大 = the same name), Chengdu (± 大/新/成都 is no difference), Fuping (avoid near-sounds), Qingdao (derived names exempt)',
    ),
    fix: txt('换一个真正不同的专名', 'choose a really different specific part'),
    options: { scope: 'township', stripPrefixes: ['新', '大', '老', '小'], stripNames: 'own-divisions', specific: true, nearSound: false, allowDerived: true, cityName: null, countyName: null },
  },
  // Compared together with the other uniqueness rules, each pair once (src/check/uniqueness.ts).
  batchGroup: uniquenessGroup,
};
