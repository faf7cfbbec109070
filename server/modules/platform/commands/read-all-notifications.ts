import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { notification } from '../../../kernel/kernel.schema.js';
import { notificationPolicy } from '../platform.policy.js';

/** Marks every unread notification of the signed-in user read (their own inbox only). */
export async function readAllNotifications(ctx: Ctx): Promise<void> {
  allowNew(ctx, notificationPolicy, 'readAll', { userId: ctx.actor.id });
  await ctx.tx
    .update(notification)
    .set({ readAt: ctx.clock.now() })
    .where(and(eq(notification.userId, ctx.actor.id), isNull(notification.readAt)));
}
