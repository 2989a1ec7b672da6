import { type CalendarDate, chineseDate } from '../announce/dates.js';
import { txt } from '../core/text.js';
import type { AnalyzedRecord, BatchContext, ReportOptions, Rule } from './types.js';
import { addDays, dateField, dayNumber, daysBetween, todayOf } from './util/fields.js';

export interface DeadlineOptions {
  days: number;
  businessDays: boolean;
}

/** What a deadline check needs: the options, "today" and a reporter for one record. */
export interface DeadlineContext {
  options: DeadlineOptions;
  today: CalendarDate;
  report(message: ReturnType<typeof txt>, opts?: ReportOptions): void;
}

/** Run a per-record deadline check over the batch (the batch context carries "today", which tests pin). */
export function eachRecord(ctx: BatchContext<DeadlineOptions>, fn: (rec: AnalyzedRecord, d: DeadlineContext) => void): void {
  const now = todayOf(ctx.today);
  for (const rec of ctx.records) {
    fn(rec, { options: ctx.optionsFor(rec), today: now, report: (m, o) => ctx.report(rec, m, o) });
  }
}

/**
 * Shared deadline logic: `base` + `days` is due; `done` is when it happened. Reports an overdue action as the rule's
 * finding and a pending one as an info reminder.
 */
export function checkDeadline(
  ctx: DeadlineContext,
  base: CalendarDate,
  done: CalendarDate | undefined,
  what: { zh: string; en: string; baseZh: string; baseEn: string },
): void {
  const days = typeof ctx.options.days === 'number' ? ctx.options.days : 15;
  const business = ctx.options.businessDays === true;
  const unit = business ? '个工作日' : '日';
  const unitEn = business ? 'working days' : 'days';
  const due = addDays(base, days, business);
  if (done) {
    const n = daysBetween(base, done, business);
    if (n > days) {
      ctx.report(txt(
        `${what.zh}超过期限：${what.baseZh}${chineseDate(base)}，${what.zh}${chineseDate(done)}，相隔${n}${unit}（应在${days}${unit}内）`,
        `${what.en} was late: ${what.baseEn} ${chineseDate(base)}, ${what.en} ${chineseDate(done)}, ${n} ${unitEn} (limit ${days})`,
      ));
    }
    return;
  }
  const now = ctx.today;
  if (dayNumber(now) > dayNumber(due)) {
    ctx.report(txt(
      `尚未${what.zh}，已超过期限（${what.baseZh}${chineseDate(base)}，应在${chineseDate(due)}前${what.zh}）`,
      `no ${what.en} yet, and the deadline has passed (${what.baseEn} ${chineseDate(base)}, due ${chineseDate(due)})`,
    ), { fix: txt(`尽快${what.zh}，并填写日期`, `complete the ${what.en} and record its date`) });
  } else {
    ctx.report(txt(
      `提醒：请在${chineseDate(due)}前${what.zh}（${what.baseZh}${chineseDate(base)}起${days}${unit}内）`,
      `reminder: ${what.en} is due by ${chineseDate(due)} (${days} ${unitEn} from ${chineseDate(base)})`,
    ), { severity: 'info', fix: txt(`在${chineseDate(due)}前${what.zh}`, `complete the ${what.en} by ${chineseDate(due)}`) });
  }
}

/** rules.md §8 `filing-deadline`: 备案 within 15 days of approval. */
export const filingDeadline: Rule<DeadlineOptions> = {
  meta: {
    id: 'filing-deadline',
    alias: 'R-DEADLINE-FILING',
    group: 'process',
    severity: 'error',
    description: txt('批准之日起15日内报送备案', 'file the approved name within 15 days of approval'),
    basis: txt('《地名管理条例》第十三条、第三十五条；《地名备案公告管理办法（试行）》', 'Regulations arts. 13 and 35; Measures on filing and announcing place names'),
    fix: txt('批准后15日内通过国家地名信息库报送备案', 'file the name through the national place-name database within 15 days of approval'),
    options: { days: 15, businessDays: false },
  },
  checkBatch(batch) {
    eachRecord(batch, (rec, ctx) => {
      const a = dateField(rec, 'approval_date');
      const f = dateField(rec, 'filing_date');
      for (const [label, d] of [['批准时间', a], ['备案时间', f]] as const) {
        if (d.bad) ctx.report(txt(`${label}「${d.bad}」不是可识别的日期（可写作 2024-03-01、2024/3/1 或 2024年3月1日）`, `the ${label === '批准时间' ? 'approval' : 'filing'} date "${d.bad}" is not a date (write 2024-03-01, 2024/3/1 or 2024年3月1日)`), { soft: true });
      }
      if (!a.date || f.bad) return;
      checkDeadline(ctx, a.date, f.date, { zh: '备案', en: 'filing', baseZh: '批准于', baseEn: 'approved' });
    });
  },
};
