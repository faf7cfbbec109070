import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { calendarDay } from '../../../kernel/kernel.schema.js';
import { calendarPolicy } from '../platform.policy.js';

/** Removes an admin-added day (a built-in one is not stored, so it is 404: it can only be overridden). */
export async function removeCalendarDay(ctx: Ctx, date: string): Promise<void> {
  const row = await loadFor(ctx, calendarPolicy, 'remove', async (ex) => (await ex.select().from(calendarDay).where(eq(calendarDay.date, date)))[0]);
  await ctx.tx.delete(calendarDay).where(eq(calendarDay.date, date));
  await ctx.audit.record({ action: 'calendar.dayRemoved', entityType: 'calendar_day', entityId: date, before: row });
}
