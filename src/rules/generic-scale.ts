import { txt } from '../core/text.js';
import type { Rule } from './types.js';
import { type Measure, lengthOf, showMeasure, widthOf } from './util/measures.js';

interface Bounds {
  minWidth?: number;
  maxWidth?: number;
  minLength?: number;
  maxLength?: number;
}

type Options = Record<string, Bounds | null | undefined>;

/** rules.md §1 `generic-scale`: the generic matches the size (名实相符). */
export const genericScale: Rule<Options> = {
  meta: {
    id: 'generic-scale',
    alias: 'R-GENERIC-SCALE',
    group: 'structure',
    severity: 'warning',
    description: txt('通名与道路规模相符（大道、大街须宽、长）', 'the generic matches the size of the road (大道 and 大街 need wide, long roads)'),
    basis: txt(
      '《地名管理条例》第九条第（二）项：与实体的规模相符；东营：村内道路统一分级；大名：名称不宜过大过小；西安、济南、十堰道路分级标准',
      'Regulations art. 9(2): the name fits the entity\'s size; Dongying: uniform grade scale; Daming: not too big or too small; Xi\'an, Jinan, Shiyan grades',
    ),
    fix: txt('换用与道路宽度、长度相称的通名（如窄短的村内道路用「路」「街」「巷」）', 'use a generic that suits the width and length (路, 街 or 巷 for a narrow, short village road)'),
    options: {
      大道: { minWidth: 20, minLength: 1000 },
      大街: { minWidth: 20, minLength: 1000 },
    },
  },
  check(ctx) {
    const { rec } = ctx;
    const g = rec.parsed.generic;
    if (!g) return;
    const b = ctx.options[g];
    if (!b || typeof b !== 'object') return;
    const width = widthOf(rec);
    const length = lengthOf(rec);
    if (!width && !length) return;
    const problems: { zh: string; en: string }[] = [];
    // Ranges get the benefit of the doubt: the upper end for minimums, the lower end for maximums.
    const check = (m: Measure | undefined, what: [string, string], min?: number, max?: number) => {
      if (!m) return;
      if (typeof min === 'number' && m.max < min) problems.push({ zh: `${what[0]}${showMeasure(m)}，不足${min}米`, en: `${what[1]} ${showMeasure(m).replace('米', ' m')} is below ${min} m` });
      if (typeof max === 'number' && m.min > max) problems.push({ zh: `${what[0]}${showMeasure(m)}，超过${max}米`, en: `${what[1]} ${showMeasure(m).replace('米', ' m')} is above ${max} m` });
    };
    check(width, ['宽', 'width'], b.minWidth, b.maxWidth);
    check(length, ['长', 'length'], b.minLength, b.maxLength);
    if (!problems.length) return;
    ctx.report(txt(
      `通名「${g}」与道路规模不符：${problems.map((p) => p.zh).join('；')}`,
      `the generic "${g}" does not fit the road: ${problems.map((p) => p.en).join('; ')}`,
    ));
  },
};
