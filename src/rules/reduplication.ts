import { txt } from '../core/text.js';
import type { Rule } from './types.js';
import { ownDivisionNames } from './util/words.js';

interface Options {
  allow: string[];
}

/** rules.md §2 `reduplication`: avoid doubled characters (叠字). */
export const reduplication: Rule<Options> = {
  meta: {
    id: 'reduplication',
    alias: 'R-REDUPLICATION',
    group: 'characters',
    severity: 'info',
    description: txt('专名避免使用叠字', 'avoid doubled characters in the specific'),
    basis: txt('大名县道路命名征集（2023）：不用叠字', 'Daming county (2023): no doubled characters'),
    fix: txt('换用不重叠的字；若叠字来自本地原有地名，可加入 allow 选项', 'use characters that do not repeat; a doubled form from an existing local name goes into the allow option'),
    existingNames: true,
    options: { allow: [] },
  },
  check(ctx) {
    const { rec } = ctx;
    const s = rec.parsed.specific;
    const chars = Array.from(s);
    const found: string[] = [];
    for (let i = 1; i < chars.length; i++) {
      if (chars[i] === chars[i - 1] && !found.includes(chars[i] + chars[i])) found.push(chars[i] + chars[i]);
    }
    if (!found.length) return;
    const allow = ctx.options.allow ?? [];
    const own = ownDivisionNames(rec);
    const left = found.filter((d) => !allow.some((a) => a.includes(d)) && !own.some((n) => n.includes(d)) && !ctx.isExistingName(s));
    if (!left.length) return;
    ctx.report(txt(`专名「${s}」使用了叠字「${left.join('」「')}」`, `the specific "${s}" doubles a character (${left.join(', ')})`));
  },
};
