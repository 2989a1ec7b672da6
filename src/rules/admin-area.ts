import { txt } from '../core/text.js';
import { levelOfCode } from '../check/admin.js';
import type { Rule } from './types.js';

/**
 * The record's administrative area (rules.md §0.3): an area that matches no division, or several, or a code absent
 * from the division list, is a warning listing the candidates; the name itself is not at fault, so never an error.
 */
export const adminArea: Rule = {
  meta: {
    id: 'admin-area',
    group: 'data',
    severity: 'warning',
    description: txt('所属政区能在行政区划中找到且唯一', 'the administrative area is found, once, in the division list'),
    basis: txt(
      '《地名备案公告管理办法（试行）》：公告须载明所属政区；重名、同音按乡镇（街道）等范围判断（规则目录 §0.3）',
      'Filing and announcement measures (2023): the announcement gives the administrative area; uniqueness is judged per township (catalog §0.3)',
    ),
    fix: txt('补充或更正省、市、县、乡镇名称，或填写 9 位（乡镇）/12 位（村）区划代码', 'complete or correct the province/city/county/township names, or give the 9- or 12-digit division code'),
  },
  check(ctx) {
    const issue = ctx.rec.admin.issue;
    if (issue) {
      ctx.report(issue.text);
      return;
    }
    if (!ctx.rec.admin.code) {
      ctx.report(txt('没有所属政区（区划代码或省/市/县/乡镇列）：重名、同音只能在整张表内比较', 'no administrative area (code or province/city/county/township columns): uniqueness is checked across the whole table only'), { soft: true });
    } else if (ctx.rec.admin.code.length < 9) {
      // Uniqueness compares such a row at the finest level it gives (rules.md §0.3): say which.
      const { scope, zh } = levelOfCode(ctx.rec.admin.code.length) ?? { scope: 'province', zh: '省' };
      ctx.report(txt(`所属政区只到${zh}一级，重名、同音按${zh}内比较`, `the area is given only down to the ${scope}: uniqueness is checked ${scope}-wide`), { soft: true });
    }
  },
};
