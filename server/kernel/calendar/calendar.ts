import { type CalendarDay, CN_HOLIDAYS } from '../../../common/rules/calendar/cn-holidays.js';
import { buildCalendar, type WorkCalendar } from '../../../common/rules/calendar/working-days.js';
import type { Executor } from '../../db/client.js';
import { calendarDay } from '../kernel.schema.js';

/**
 * The working-day calendar: built-in State Council arrangements plus rows an admin added (a new year's
 * notice, a local adjustment). Admin rows win over built-in ones for the same date.
 */
export async function loadCalendar(ex: Executor): Promise<{ calendar: WorkCalendar; days: (CalendarDay & { builtin: boolean })[] }> {
  const extra = await ex.select().from(calendarDay);
  const extraDays: CalendarDay[] = extra.map((r) => ({ date: r.date, kind: r.kind as CalendarDay['kind'], name: r.name, nameEn: r.nameEn }));
  const overridden = new Set(extraDays.map((d) => d.date));
  const days = [
    ...CN_HOLIDAYS.filter((d) => !overridden.has(d.date)).map((d) => ({ ...d, builtin: true })),
    ...extraDays.map((d) => ({ ...d, builtin: false })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return { calendar: buildCalendar([...CN_HOLIDAYS, ...extraDays]), days };
}
