import { txt } from '../core/text.js';
import { type DeadlineOptions, checkDeadline, eachRecord } from './filing-deadline.js';
import type { Rule } from './types.js';
import { bodyKind, dateField, filled } from './util/fields.js';

/** rules.md §8 `announce-deadline`: 公告 within 15 days. */
export const announceDeadline: Rule<DeadlineOptions> = {
  meta: {
    id: 'announce-deadline',
    alias: 'R-DEADLINE-ANNOUNCE',
    group: 'process',
    severity: 'error',
    description: txt('批准（或备案）之日起15日内公告', 'announce within 15 days of approval (or of filing)'),
    basis: txt('《地名管理条例》第十四条；《地名备案公告管理办法（试行）》', 'Regulations art. 14; Measures on filing and announcing place names'),
    fix: txt('由同级地名行政主管部门在15日内向社会公告', 'have the place-name authority announce the name within 15 days'),
    options: { days: 15, businessDays: false },
  },
  checkBatch(batch) {
    eachRecord(batch, (rec, ctx) => {
      const body = filled(rec, 'approval_body');
      // Names approved by another department: the 15 days run from the filing date.
      const byDepartment = body !== undefined && bodyKind(body).kind === 'department';
      const base = dateField(rec, byDepartment ? 'filing_date' : 'approval_date');
      const ann = dateField(rec, 'announce_date');
      if (ann.bad) {
        ctx.report(txt(`公告时间「${ann.bad}」不是可识别的日期`, `the announcement date "${ann.bad}" is not a date`), { soft: true });
        return;
      }
      if (!base.date) return;
      checkDeadline(ctx, base.date, ann.date, byDepartment
        ? { zh: '公告', en: 'announcement', baseZh: '备案于', baseEn: 'filed' }
        : { zh: '公告', en: 'announcement', baseZh: '批准于', baseEn: 'approved' });
    });
  },
};
