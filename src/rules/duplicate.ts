import { txt } from '../core/text.js';
import { uniquenessGroup } from '../check/uniqueness.js';
import type { Rule } from './types.js';

interface Options {
  scope: string;
  sameTypeOnly: boolean;
}

/** rules.md §7 `duplicate`: no identical name in the scope (batch and existing names). */
export const duplicate: Rule<Options> = {
  meta: {
    id: 'duplicate',
    alias: 'R-DUP-NAME',
    group: 'uniqueness',
    severity: 'error',
    description: txt('同一范围内不得重名', 'no identical name in the scope'),
    basis: txt(
      '《地名管理条例》第九条第（八）项（同一建成区内街路巷不应重名）；东营（同一乡镇内村内道路不得重名）、开平、大名、西安、铜陵、河南、安宁等地规定',
      'Regulations art. 9(8) (no duplicate 街路巷 in one built-up area); local rules: Dongying (same township), Kaiping, Daming, Xi\'an, Tongling, Henan, Anning',
    ),
    fix: txt('另取一个名称，或在专名上加以区别', 'choose another name, or make the specific part distinct'),
    options: { scope: 'township', sameTypeOnly: false },
  },
  // Compared together with the other uniqueness rules, each pair once (src/check/uniqueness.ts).
  batchGroup: uniquenessGroup,
};
