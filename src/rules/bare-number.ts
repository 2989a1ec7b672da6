import { txt } from '../core/text.js';
import type { Rule } from './types.js';

interface Options {
  ringRoads: string[];
}

const NUMERALS = '〇零一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟';
const BARE_RE = new RegExp(`^[${NUMERALS}]+[号支期栋]?$`);
const ENDS_HAO_RE = new RegExp(`[${NUMERALS}]+号$`);
const FORMAL_RE = /[壹贰叁肆伍陆柒捌玖拾佰仟]/g;
/**
 * Formal numerals that are also common words and surnames (陆家村, 大陆, 陆港; 伍家岭, 伍子胥; 拾翠): numerals only
 * beside another numeral or before 号/期/栋 (陆号院, 伍拾).
 */
const WORD_FORMALS = new Set(['陆', '伍', '拾']);
const NUMBER_AFTER = new Set([...NUMERALS, '号', '期', '栋']);

/** The formal numerals of `s` that are used as numerals. */
function formalNumerals(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(FORMAL_RE)) {
    const i = m.index;
    if (WORD_FORMALS.has(m[0]) && !(i > 0 && NUMERALS.includes(s[i - 1])) && !NUMBER_AFTER.has(s.charAt(i + 1))) continue;
    out.push(m[0]);
  }
  return out;
}

/** rules.md §5 `bare-number`: no bare numbers or ordinals as the 专名. */
export const bareNumber: Rule<Options> = {
  meta: {
    id: 'bare-number',
    alias: 'R-PURE-NUMBER',
    group: 'numbers',
    severity: 'error',
    description: txt('专名不得只是数字或序号', 'the specific is not just a number or ordinal'),
    basis: txt('民发〔2018〕146号“怪”标准（无意义的数字作专名）；开平（不用单纯序数）；西安（环路除外）；地方规定禁止单纯序数命名', '2018 怪 criteria (a meaningless number as the specific); Kaiping (no bare ordinals); Xi\'an (ring roads excepted); local bans on bare ordinals'),
    fix: txt('改用有意义的专名；序数只能跟在专名后面（如「槐荫一巷」）', 'use a meaningful specific; an ordinal only follows a specific (e.g. 槐荫一巷)'),
    options: { ringRoads: [] },
  },
  check(ctx) {
    const { rec, lists } = ctx;
    const p = rec.parsed;
    const s = p.specific;
    if (!s) return;
    if ((ctx.options.ringRoads ?? []).includes(p.generic)) return;
    if (lists.commemorativeNumbers.has(s) || p.specificKind === 'commemorative') return;
    const formal = formalNumerals(s);
    // A lone 陆 or 伍 before an ordinal (陆一路) is a surname's road more often than the number six or five.
    if (BARE_RE.test(s) && !(s.length === 1 && WORD_FORMALS.has(s))) {
      ctx.report(txt(`专名「${s}」只是数字${formal.length ? '（并使用了大写数字）' : ''}，没有地名含义`, `the specific "${s}" is only a number${formal.length ? ' (in formal numerals)' : ''}`));
      return;
    }
    if (ENDS_HAO_RE.test(s)) {
      ctx.report(txt(`专名「${s}」以“数字+号”结尾，属于编号式名称`, `the specific "${s}" ends in "number + 号", a numbering rather than a name`));
      return;
    }
    if (formal.length) {
      ctx.report(txt(`专名使用了大写数字「${[...new Set(formal)].join('')}」，属于故作怪异的写法`, `the specific uses the formal numerals "${[...new Set(formal)].join('')}" for effect`));
    }
  },
};
