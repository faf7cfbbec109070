import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { notification } from '../../../kernel/kernel.schema.js';
import { notificationPolicy } from '../platform.policy.js';

/** The read receipt: marks one of the user's notifications read (the first reading time is kept). */
export async function readNotification(ctx: Ctx, id: string): Promise<void> {
  await loadFor(
    ctx,
    notificationPolicy,
    'read',
    async (ex) => (await ex.select({ userId: notification.userId }).from(notification).where(eq(notification.id, id)))[0],
  );
  await ctx.tx
    .update(notification)
    .set({ readAt: sql`coalesce(${notification.readAt}, ${ctx.clock.now()})` })
    .where(eq(notification.id, id));
  await ctx.audit.record({ action: 'notification.read', entityType: 'notification', entityId: id });
}
