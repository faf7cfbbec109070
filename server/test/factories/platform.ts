import type { FastifyInstance } from 'fastify';
import type { Executor } from '../../db/client.js';
import { calendarDay, notification } from '../../kernel/kernel.schema.js';

/** A 1×1 PNG header: enough for the upload's type sniffing. */
export const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** Uploads a file through POST /api/attachments (multipart "file") and returns the raw response. */
export function uploadFile(app: FastifyInstance, headers: Record<string, string>, filename = 'photo.png', buffer: Buffer = TINY_PNG) {
  const b = '----taihang-test';
  return app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${b}` },
    payload: Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      buffer,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]),
  });
}

/** A notification in a user's inbox, read or unread (`over.readAt`), with a stored text. */
export async function makeNotification(ex: Executor, userId: string, over: Partial<typeof notification.$inferInsert> = {}) {
  const [n] = await ex
    .insert(notification)
    .values({ userId, kind: 'test', title: '测试通知', body: '测试内容', link: null, createdAt: new Date(), ...over })
    .returning();
  return n as typeof notification.$inferSelect;
}

/** An administrator-added calendar day (a holiday or a make-up workday). */
export async function makeCalendarDay(ex: Executor, date: string, kind: 'holiday' | 'workday' = 'holiday', name = '测试假日') {
  await ex.insert(calendarDay).values({ date, kind, name, nameEn: 'Test day' }).onConflictDoUpdate({ target: calendarDay.date, set: { kind, name } });
  return { date, kind, name };
}
