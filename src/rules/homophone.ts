import { txt } from '../core/text.js';
import { uniquenessGroup } from '../check/uniqueness.js';
import type { Rule } from './types.js';

interface Options {
  scope: string;
  tones: boolean;
  /** A dialect table (character → reading): names that read the same in it are homophones too (铜陵). */
  dialectTable: string | null;
  /** Also the 专名 (with its modifiers) alone, under a generic of the same class: 富民路 beside 福民街 (issue 3). */
  specific: boolean;
}

/**
 * rules.md §7 `homophone`: avoid identical pronunciation in the scope — of the whole name, and (option `specific`) of
 * the 专名 under a generic of the same class, as the uniqueness deliverable asks.
 */
export const homophone: Rule<Options> = {
  meta: {
    id: 'homophone',
    alias: 'R-HOMOPHONE',
    group: 'uniqueness',
    severity: 'warning',
    description: txt('同一范围内避免同音', 'avoid identical pronunciation in the scope'),
    basis: txt(
      '《地名管理条例》第九条第（七）（八）项（避免同音）；东营（不得重音）、铜陵（不计声调的同音即同音）、开平、西安、青岛',
      'Regulations art. 9(7)–(8) ("avoid" homophones); Dongying (forbidden), Tongling (same pinyin ignoring tones), Kaiping, Xi\'an, Qingdao',
    ),
    fix: txt('换用读音不同的字，避免电话、导航和快递中听错', 'use characters that sound different, so names are not confused on the phone, in navigation or deliveries'),
    options: { scope: 'township', tones: false, dialectTable: null, specific: true },
  },
  // Compared together with the other uniqueness rules, each pair once (src/check/uniqueness.ts).
  batchGroup: uniquenessGroup,
};
