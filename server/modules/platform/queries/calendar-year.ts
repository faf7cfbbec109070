import { CN_HOLIDAYS_SOURCE } from '../../../../common/rules/calendar/cn-holidays.js';
import { loadCalendar } from '../../../kernel/calendar/calendar.js';
import type { Ctx } from '../../../kernel/context.js';

/** A year's statutory holidays and make-up workdays, and the State Council notice they come from. */
export async function calendarYearQuery(ctx: Ctx, year: number) {
  const { days } = await loadCalendar(ctx.tx);
  const notices = CN_HOLIDAYS_SOURCE[year];
  const source = notices
    ? notices.join('；')
    : ctx.request.locale === 'en-US'
      ? 'No built-in State Council notice for this year: add its days here'
      : '本年度无内置国务院办公厅通知数据，请据通知逐日录入';
  return { year, days: days.filter((d) => d.date.startsWith(`${year}-`)), source };
}
