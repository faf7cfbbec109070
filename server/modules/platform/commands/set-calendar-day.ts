import { eq } from 'drizzle-orm';
import type { TCalendarDayInput } from '../../../../common/contracts/platform.js';
import type { Ctx } from '../../../kernel/context.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { calendarDay } from '../../../kernel/kernel.schema.js';
import { calendarPolicy } from '../platform.policy.js';

/** Adds a holiday or make-up workday, or overrides the built-in one of that date (e.g. next year's notice). */
export async function setCalendarDay(ctx: Ctx, day: TCalendarDayInput): Promise<void> {
  allowNew(ctx, calendarPolicy, 'set', { date: day.date });
  const [before] = await ctx.tx.select().from(calendarDay).where(eq(calendarDay.date, day.date));
  await ctx.tx
    .insert(calendarDay)
    .values(day)
    .onConflictDoUpdate({ target: calendarDay.date, set: { kind: day.kind, name: day.name, nameEn: day.nameEn } });
  await ctx.audit.record({ action: 'calendar.daySet', entityType: 'calendar_day', entityId: day.date, before: before ?? null, after: day });
}
