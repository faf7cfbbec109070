import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { TNotificationQuery } from '../../../../common/contracts/platform.js';
import type { Ctx } from '../../../kernel/context.js';
import { notification } from '../../../kernel/kernel.schema.js';
import { presentNotification } from '../platform.presenter.js';

/** The signed-in user's inbox: a notification is only ever listed to its addressee (platform.policy.ts). */
const mine = (ctx: Ctx) => eq(notification.userId, ctx.actor.id);

export async function listNotificationsQuery(ctx: Ctx, query: TNotificationQuery) {
  const w = and(mine(ctx), query.unread === 'true' ? isNull(notification.readAt) : undefined);
  const [rows, [c]] = await Promise.all([
    ctx.tx
      .select()
      .from(notification)
      .where(w)
      .orderBy(desc(notification.createdAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.tx.select({ n: sql<number>`count(*)::int` }).from(notification).where(w),
  ]);
  return { items: rows.map((n) => presentNotification(n, ctx.request.locale)), total: c?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function unreadCountQuery(ctx: Ctx) {
  const [c] = await ctx.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(notification)
    .where(and(mine(ctx), isNull(notification.readAt)));
  return { count: c?.n ?? 0 };
}
