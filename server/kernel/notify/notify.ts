import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Locale } from '../../../common/i18n/api-messages.js';
import { isNoticeKey, type Notice, type NoticeValue, renderNotice } from '../../../common/i18n/notifications.js';
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
  /** The text as a catalogue key and parameters (common/i18n/notifications.ts: `notice(key, params)`). */
  notice: Notice;
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
    const zh = renderNotice(input.notice, 'zh-CN');
    const rows = await this.tx
      .insert(notification)
      .values(
        userIds.map((userId) => ({
          userId,
          kind: input.kind,
          title: zh.title,
          body: zh.body,
          textKey: input.notice.key,
          params: input.notice.params,
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
      const rows = await run((ex) =>
        ex
          .select({ n: notification, locale: appUser.locale })
          .from(notification)
          .innerJoin(appUser, eq(appUser.id, notification.userId))
          .where(inArray(notification.id, ids)),
      );
      for (const { n, locale } of rows) {
        // In the recipient's own language, as the inbox shows it.
        const { title, body } = notificationText(n, locale === 'en-US' ? 'en-US' : 'zh-CN');
        for (const ch of channels()) {
          await ch.deliver({ notificationId: n.id, userId: n.userId, title, body, link: n.link });
        }
      }
    },
  };
}

/**
 * A stored notification's title and body in the reader's language: rendered from its key and
 * parameters, or the stored (zh-CN) text for rows written before keys existed or with a key the
 * catalogue no longer has.
 */
export function notificationText(n: { title: string; body: string; textKey: string | null; params: unknown }, locale: Locale): { title: string; body: string } {
  if (!isNoticeKey(n.textKey) || !n.params || typeof n.params !== 'object') return { title: n.title, body: n.body };
  return renderNotice({ key: n.textKey, params: n.params as Record<string, NoticeValue> }, locale);
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
