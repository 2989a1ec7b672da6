import { txt } from '../core/text.js';
import { isHan } from '../name/normalize.js';
import type { Rule } from './types.js';

interface Options {
  maxSpecific: number;
  maxTotal: number;
}

function hanCount(s: string): number {
  let n = 0;
  for (const ch of s) if (isHan(ch)) n++;
  return n;
}

/** rules.md §1 `specific-length`: keep the 专名 short. */
export const specificLength: Rule<Options> = {
  meta: {
    id: 'specific-length',
    alias: 'R-SPECIFIC-LENGTH',
    group: 'structure',
    severity: 'warning',
    description: txt('专名和全称不宜过长', 'keep the specific part and the whole name short'),
    basis: txt('宿民发〔2024〕19号：专名一般不超过4个字（全国无统一字数限制）', 'Suqian 2024 guideline: a specific of normally no more than 4 characters (no national limit)'),
    fix: txt('压缩专名，保留最有地方特色的字', 'shorten the specific, keeping its most distinctive words'),
    options: { maxSpecific: 5, maxTotal: 8 },
  },
  check(ctx) {
    const { rec } = ctx;
    const spec = hanCount(rec.parsed.specific);
    const total = hanCount(rec.full);
    const maxS = ctx.options.maxSpecific;
    const maxT = ctx.options.maxTotal;
    const parts: { zh: string; en: string }[] = [];
    if (typeof maxS === 'number' && spec > maxS) parts.push({ zh: `专名「${rec.parsed.specific}」有${spec}个字（不宜超过${maxS}个）`, en: `the specific "${rec.parsed.specific}" has ${spec} characters (at most ${maxS})` });
    if (typeof maxT === 'number' && total > maxT) parts.push({ zh: `全称有${total}个字（不宜超过${maxT}个）`, en: `the whole name has ${total} characters (at most ${maxT})` });
    if (parts.length) ctx.report(txt(`名称过长：${parts.map((p) => p.zh).join('；')}`, `the name is too long: ${parts.map((p) => p.en).join('; ')}`));
  },
};
