import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { announce } from '../events/events.js';
import type { JobDefinition, JobSender } from '../jobs/jobs.js';
import { appUser, notification } from '../kernel.schema.js';

/**
 * In-app notifications with read receipts (the inbox is the source of truth), delivered to extra
 * channels (SMS, webhook, e-mail adapters) by a job after commit. The default channel logs.
 */
export interface OutboundMessage {
  notificationId: string;
  userId: string;
  title: string;
  body: string;
  link: string | null;
}

export interface NotificationChannel {
  name: string;
  deliver(message: OutboundMessage): Promise<void>;
}

export const loggingChannel: NotificationChannel = {
  name: 'log',
  async deliver(m) {
    console.info(`[notify:log] to=${m.userId} title=${JSON.stringify(m.title)}`);
  },
};

export interface NotifyInput {
  userIds: string[];
  kind: string;
  title: string;
  body: string;
  link?: string;
  entityType?: string;
  entityId?: string;
}

export const DELIVER_JOB = 'notify.deliver';

export class Notifier {
  constructor(
    private readonly tx: Executor,
    private readonly jobs: JobSender,
    private readonly now: () => Date,
  ) {}

  async send(input: NotifyInput): Promise<string[]> {
    const userIds = [...new Set(input.userIds)];
    if (!userIds.length) return [];
    const rows = await this.tx
      .insert(notification)
      .values(
        userIds.map((userId) => ({
          userId,
          kind: input.kind,
          title: input.title,
          body: input.body,
          link: input.link ?? null,
          entityType: input.entityType ?? null,
          entityId: input.entityId ?? null,
          createdAt: this.now(),
        })),
      )
      .returning({ id: notification.id });
    const ids = rows.map((r) => r.id);
    await this.jobs.send(DELIVER_JOB, { ids });
    await announce(this.tx, { type: 'notification', userIds, entityType: input.entityType, entityId: input.entityId });
    return ids;
  }
}

export function deliverJob(run: <T>(fn: (ex: Executor) => Promise<T>) => Promise<T>, channels: () => NotificationChannel[]): JobDefinition<{ ids: string[] }> {
  return {
    name: DELIVER_JOB,
    async handler({ ids }) {
      const rows = await run((ex) => ex.select().from(notification).where(inArray(notification.id, ids)));
      for (const r of rows) {
        for (const ch of channels()) {
          await ch.deliver({ notificationId: r.id, userId: r.userId, title: r.title, body: r.body, link: r.link });
        }
      }
    },
  };
}

/** Read receipts of the notifications of one kind about one record: who got it, and when they read it. */
export async function receiptsOf(ex: Executor, entityType: string, entityId: string, kinds: string[]) {
  return ex
    .select({
      kind: notification.kind,
      userId: notification.userId,
      displayName: appUser.displayName,
      departmentId: appUser.departmentId,
      enterpriseId: appUser.enterpriseId,
      sentAt: notification.createdAt,
      readAt: notification.readAt,
    })
    .from(notification)
    .innerJoin(appUser, eq(appUser.id, notification.userId))
    .where(and(eq(notification.entityType, entityType), eq(notification.entityId, entityId), inArray(notification.kind, kinds)))
    .orderBy(asc(notification.createdAt), asc(appUser.displayName));
}
