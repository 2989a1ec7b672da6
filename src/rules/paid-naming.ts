import { txt } from '../core/text.js';
import type { Rule } from './types.js';
import { brandMatch } from './util/brands.js';
import { filled, truthy } from './util/fields.js';

const FUNDING_RE = /(出资|捐资|捐款|赞助|冠名|投资修建|出钱)/;

/** rules.md §4 `paid-naming`: no paid naming (冠名). */
export const paidNaming: Rule = {
  meta: {
    id: 'paid-naming',
    alias: 'R-PAID-NAMING',
    group: 'persons',
    severity: 'error',
    description: txt('不得有偿命名或冠名', 'no paid naming or sponsorship naming'),
    basis: txt('宿民发〔2024〕19号：禁止有偿命名；西安道路命名导则', 'Suqian 2024 guideline: no paid naming; Xi\'an guideline'),
    fix: txt('取消冠名，按地名含义另行命名', 'drop the sponsorship and name the road for what it is'),
  },
  check(ctx) {
    const { rec, lists } = ctx;
    const rights = filled(rec, 'naming_rights');
    if (truthy(rec, 'sponsored') || rights) {
      ctx.report(txt(
        rights ? `记录显示道路名称由「${rights}」冠名，属有偿命名` : '记录显示道路名称属于冠名（是否冠名：是）',
        rights ? `the record says "${rights}" holds the naming rights: paid naming` : 'the record marks the name as sponsored',
      ));
      return;
    }
    const reason = filled(rec, 'naming_reason');
    if (reason && FUNDING_RE.test(reason) && brandMatch(rec, lists)) {
      ctx.report(txt(`命名理由提到出资或冠名（「${FUNDING_RE.exec(reason)![1]}」），且名称含有企业名称或商标`, `the naming reason mentions funding ("${FUNDING_RE.exec(reason)![1]}") and the name carries an enterprise name or mark`), { soft: true });
    }
  },
};
