import { txt } from '../core/text.js';
import { divisions } from '../divisions/divisions.js';
import type { Rule } from './types.js';
import { bodyKind, filled } from './util/fields.js';

/** rules.md §8 `approval-authority`: 街路巷 names are approved by a city or county government. */
export const approvalAuthority: Rule = {
  meta: {
    id: 'approval-authority',
    alias: 'R-APPROVAL-AUTHORITY',
    group: 'process',
    severity: 'error',
    description: txt('街路巷名称由直辖市、市、县人民政府批准', 'street, road and lane names are approved by a municipal, city or county government'),
    basis: txt('《地名管理条例》第十二条第（五）项', 'Regulations on Place Names (2022) art. 12(5)'),
    fix: txt('报县级以上人民政府批准；乡镇政府、村委会和民政部门不能批准道路名称（民政部门可以承办）', 'have it approved by a county-level or higher government; township governments, village committees and departments cannot (the civil-affairs bureau may prepare it)'),
  },
  check(ctx) {
    const { rec } = ctx;
    const body = filled(rec, 'approval_body');
    if (!body) return;
    if (rec.type !== 'road') return;
    const { kind, place } = bodyKind(body);
    if (kind === 'government') {
      // A government whose place resolves to a township is not county level.
      const hit = place ? divisions().byName.get(place) : undefined;
      if (hit && hit.length && hit.every((d) => d.level >= 4)) {
        ctx.report(txt(`批准机关「${body}」是乡级人民政府，无权批准道路名称`, `"${body}" is a township government, which cannot approve road names`));
      }
      return;
    }
    if (kind === 'township-government') {
      ctx.report(txt(`批准机关「${body}」是乡镇（街道），无权批准道路名称，应由县级以上人民政府批准`, `"${body}" is a township or subdistrict body; road names are approved by a county-level or higher government`));
    } else if (kind === 'village') {
      ctx.report(txt(`批准机关「${body}」是村（居）民委员会，无权批准道路名称`, `"${body}" is a village or residents' committee, which cannot approve road names`));
    } else if (kind === 'department' || kind === 'naming-authority') {
      ctx.report(txt(`批准机关「${body}」是政府部门或议事机构；道路名称应由县级以上人民政府批准（部门可以承办）`, `"${body}" is a department or committee; road names are approved by the government itself (departments may prepare them)`), /管理委员会|管委会/.test(body) ? { soft: true } : undefined);
    } else {
      ctx.report(txt(`无法判断批准机关「${body}」是否为县级以上人民政府`, `cannot tell whether "${body}" is a county-level or higher government`), { soft: true });
    }
  },
};
