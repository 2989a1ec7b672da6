import { txt } from '../core/text.js';
import type { Rule } from './types.js';
import { localNameWith } from './util/local-chars.js';

/** rules.md §2 `traditional-char`: no traditional or eliminated variant forms. */
export const traditionalChar: Rule = {
  meta: {
    id: 'traditional-char',
    alias: 'R-TRAD-VARIANT',
    group: 'characters',
    severity: 'error',
    description: txt('不用繁体字和已淘汰的异体字', 'no traditional or eliminated variant characters'),
    basis: txt('1987年《关于地名用字的若干规定》；《通用规范汉字表》附表；阜平、宿迁、大名、西安、上海地名规定', '1987 rules on place-name characters; annex of the Table of General Standard Chinese Characters; Fuping, Suqian, Daming, Xi\'an, Shanghai rules'),
    fix: txt('改用规范字（简化字）', 'use the standard simplified character'),
  },
  check(ctx) {
    const { rec, lists } = ctx;
    const pairs: [string, string][] = [];
    for (const ch of rec.full) {
      if (lists.chars8105.has(ch)) continue;
      const std = lists.tradMap.get(ch);
      if (std && !pairs.some(([t]) => t === ch)) pairs.push([ch, std]);
    }
    if (!pairs.length) return;
    const fixed = Array.from(rec.full, (ch) => (lists.chars8105.has(ch) ? ch : lists.tradMap.get(ch) ?? ch)).join('');
    const fix = txt(`改写为「${fixed}」`, `write it as "${fixed}"`);
    // A form that the county's own division names use (濛江乡) is theirs: a road named after the place may keep it.
    const local = pairs.map(([t]) => localNameWith(rec, t));
    const hard = pairs.filter((_, i) => !local[i]);
    if (hard.length) {
      ctx.report(
        txt(
          `使用了繁体字或异体字：${hard.map(([t, s]) => `「${t}」应写作「${s}」`).join('，')}`,
          `traditional or variant characters: ${hard.map(([t, s]) => `"${t}" → "${s}"`).join(', ')}`,
        ),
        { fix },
      );
    }
    const soft = pairs.flatMap(([t, s], i) => (local[i] ? [[t, s, local[i]!.name] as const] : []));
    if (soft.length) {
      ctx.report(
        txt(
          `使用了繁体字或异体字：${soft.map(([t, s]) => `「${t}」规范写作「${s}」`).join('，')}；本县（区）的已有地名${soft.map(([, , n]) => `「${n}」`).join('')}用此字，沿用该地名的可以保留，请核实`,
          `traditional or variant characters: ${soft.map(([t, s]) => `"${t}" (standard "${s}")`).join(', ')}; the local name${soft.length > 1 ? 's' : ''} ${soft.map(([, , n]) => n).join(', ')} use${soft.length > 1 ? '' : 's'} it, and a name that keeps that place's name may keep it: please check`,
        ),
        { soft: true, fix },
      );
    }
  },
};
