import { txt } from '../core/text.js';
import type { Rule } from './types.js';
import { brandMatch } from './util/brands.js';
import { contentText } from './util/words.js';

const LINK_ZH = { applicant: '申报单位', naming_rights: '冠名单位', naming_reason: '命名理由' } as const;

/** rules.md §4 `brand-name`: no enterprise names or trademarks. */
export const brandName: Rule = {
  meta: {
    id: 'brand-name',
    alias: 'R-ENTERPRISE-TRADEMARK',
    group: 'persons',
    severity: 'error',
    description: txt('不以企业名称或商标名称命名', 'no enterprise names or trademarks'),
    basis: txt(
      '《地名管理条例》第九条第（六）项；实施办法（2024）第四条（与企业、商标无特定联系的除外）；东营；宿迁；大名；青岛；民政部2019年提醒',
      'Regulations art. 9(6); 2024 implementing measures art. 4 (no-specific-link exemption); Dongying; Suqian; Daming; Qingdao; MCA 2019 reminder',
    ),
    fix: txt('改用与企业、商标无关的字词', 'use words with no link to an enterprise or trademark'),
  },
  check(ctx) {
    const { rec, lists } = ctx;
    const m = brandMatch(rec, lists);
    if (!m) return;
    const text = contentText(rec);
    if (m.marker) {
      ctx.report(txt(`专名「${text}」含有企业名称用语「${m.marker}」`, `the specific "${text}" contains the enterprise word "${m.marker}"`));
      return;
    }
    const word = m.brand ?? text;
    if (m.linked) {
      ctx.report(txt(
        `「${word}」是与本道路有关的企业名称或商标（见${LINK_ZH[m.linkedBy!]}）`,
        `"${word}" is the name or trademark of an enterprise linked to this road (see ${m.linkedBy})`,
      ));
    } else {
      ctx.report(txt(`「${word}」与知名企业名称或商标相同；若与该企业无特定联系可以使用，请说明命名含义`, `"${word}" equals a well-known enterprise name or trademark; usable only with no specific link to the firm`), { soft: true });
    }
  },
};
