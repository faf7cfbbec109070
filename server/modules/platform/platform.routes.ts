import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ZDate } from '../../../common/contracts/dates.js';
import {
  ZAttachmentList,
  ZAttachmentListQuery,
  ZAttachmentMeta,
  ZAuditListQuery,
  ZAuditRow,
  ZAuditVerifyResult,
  ZCalendarDayInput,
  ZCalendarQuery,
  ZCalendarYear,
  ZDeadline13710,
  ZDeadline13710Input,
  ZHazardStatsDue,
  ZHazardStatsDueInput,
  ZHealth,
  ZNotification,
  ZNotificationQuery,
  ZOk,
  ZUnreadCount,
  ZUsccCheck,
} from '../../../common/contracts/platform.js';
import { DEFAULT_13710_CONFIG, deadlines13710, format13710, hazardStatsDue } from '../../../common/rules/deadline-13710.js';
import { USCC_SOURCE, validateUscc } from '../../../common/validators/uscc.js';
import { verifyAudit } from '../../kernel/audit/verify.js';
import { loadCalendar } from '../../kernel/calendar/calendar.js';
import type { Deps } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { attachmentsOf, readAttachment } from '../../kernel/files/files.js';
import { type App, route, ZPage } from '../../kernel/http/route.js';
import { readAllNotifications } from './commands/read-all-notifications.js';
import { readNotification } from './commands/read-notification.js';
import { removeCalendarDay } from './commands/remove-calendar-day.js';
import { setCalendarDay } from './commands/set-calendar-day.js';
import { uploadAttachment } from './commands/upload-attachment.js';
import { presentAttachment } from './platform.presenter.js';
import { calendarYearQuery } from './queries/calendar-year.js';
import { listAuditQuery } from './queries/list-audit.js';
import { listNotificationsQuery, unreadCountQuery } from './queries/notifications.js';

const ZUuidParam = z.object({ id: z.string().uuid({ message: 'invalid_format' }) });

export function platformRoutes(app: App, deps: Deps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/health',
    access: 'public',
    summary: 'Liveness and database kind',
    tags: ['platform'],
    response: ZHealth,
    handler: async (ctx) => {
      await ctx.tx.execute(sql`select 1`);
      return { status: 'ok' as const, db: deps.database.kind, version: deps.config.version };
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/events',
    access: 'authenticated',
    summary: 'Server-Sent Events for the signed-in user: notification (and later alarm, task) changes',
    tags: ['platform'],
    raw: 'event-stream',
    handler: async (ctx, _i, { req, reply }) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no', // tell a reverse proxy not to buffer the stream
      });
      res.write('retry: 5000\nevent: ready\ndata: {}\n\n');
      const off = deps.events.subscribe(ctx.actor.id, (e) => {
        res.write(`event: ${e.type}\ndata: ${JSON.stringify({ entityType: e.entityType ?? null, entityId: e.entityId ?? null })}\n\n`);
      });
      // A comment line now and then keeps proxies from closing an idle stream.
      const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
      req.raw.on('close', () => {
        clearInterval(ping);
        off();
      });
    },
  });

  // ---- calculators (product.md §4) ----
  route(app, deps, {
    method: 'POST',
    url: '/api/calculators/usc-code',
    access: 'authenticated',
    summary: '统一社会信用代码 check per GB 32100-2015',
    tags: ['calculators'],
    body: z.strictObject({ code: z.string().max(64) }),
    response: ZUsccCheck,
    handler: async (ctx, { body }) => {
      const r = validateUscc(body.code);
      const en = ctx.request.locale === 'en-US';
      const text: Record<string, [string, string]> = {
        required: ['请输入代码', 'Enter a code'],
        length: ['应为 18 位', 'Must be 18 characters'],
        charset: ['含有不允许的字符（不使用 I、O、S、V、Z）', 'Contains characters outside the code set (no I, O, S, V, Z)'],
        format: ['第 3–8 位应为行政区划代码（数字）', 'Positions 3–8 must be a division code (digits)'],
        checksum: [`校验码错误，应为 ${r.expectedCheck}`, `Wrong check character; expected ${r.expectedCheck}`],
      };
      return { ...r, messages: r.errors.map((e) => text[e]?.[en ? 1 : 0] ?? e), source: USCC_SOURCE };
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/calculators/deadline-13710',
    access: 'authenticated',
    summary: '"13710" due dates (deploy, feedback, resolve) on the working-day calendar',
    tags: ['calculators'],
    body: ZDeadline13710Input,
    response: ZDeadline13710,
    handler: async (ctx, { body }) => {
      const { calendar } = await loadCalendar(ctx.tx);
      const config = { ...DEFAULT_13710_CONFIG, ...(body.dayKind ? { dayKind: body.dayKind } : {}) };
      const r = deadlines13710({ assignedAt: new Date(body.assignedAt), complexity: body.complexity }, calendar, config);
      return { ...format13710(r), dayKind: r.dayKind };
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/calculators/hazard-stats-due',
    access: 'authenticated',
    summary: 'Due date of quarterly or yearly hazard statistics (16号令 Art. 14)',
    tags: ['calculators'],
    body: ZHazardStatsDueInput,
    response: ZHazardStatsDue,
    handler: async (_ctx, { body }) => hazardStatsDue(body.period),
  });

  // ---- audit (audit admin) ----
  route(app, deps, {
    method: 'GET',
    url: '/api/audit',
    access: 'audit.read',
    summary: 'The audit log, newest first; each row names its entity (entityLabel)',
    tags: ['audit'],
    query: ZAuditListQuery,
    response: ZPage(ZAuditRow),
    handler: (ctx, { query }) => listAuditQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/audit/verify',
    access: 'audit.verify',
    summary: 'Check the audit chain against the audit key and the anchor file; name every edited, deleted or re-hashed row and every cut tail',
    tags: ['audit'],
    response: ZAuditVerifyResult,
    handler: () => verifyAudit(deps.database.db, deps.auditKey, deps.config.auditAnchorFile),
  });

  // ---- working-day calendar ----
  route(app, deps, {
    method: 'GET',
    url: '/api/calendar',
    access: 'calendar.read',
    summary: 'Statutory holidays and make-up workdays of a year',
    tags: ['calendar'],
    query: ZCalendarQuery,
    response: ZCalendarYear,
    handler: (ctx, { query }) => calendarYearQuery(ctx, query.year),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/calendar/days',
    access: 'calendar.manage',
    summary: 'Add or override a holiday or make-up workday (e.g. next year’s notice)',
    tags: ['calendar'],
    body: ZCalendarDayInput,
    response: ZOk,
    handler: async (ctx, { body }) => {
      await setCalendarDay(ctx, body);
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: 'DELETE',
    url: '/api/calendar/days/:date',
    access: 'calendar.manage',
    summary: 'Remove an admin-added calendar day',
    tags: ['calendar'],
    params: z.object({ date: ZDate }),
    response: ZOk,
    handler: async (ctx, { params }) => {
      await removeCalendarDay(ctx, params.date);
      return { ok: true as const };
    },
  });

  // ---- notifications inbox (read receipts) ----
  route(app, deps, {
    method: 'GET',
    url: '/api/notifications',
    access: 'authenticated',
    summary: 'My notifications',
    tags: ['notifications'],
    query: ZNotificationQuery,
    response: ZPage(ZNotification),
    handler: (ctx, { query }) => listNotificationsQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/notifications/unread-count',
    access: 'authenticated',
    summary: 'How many of my notifications are unread',
    tags: ['notifications'],
    response: ZUnreadCount,
    handler: (ctx) => unreadCountQuery(ctx),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/notifications/:id/read',
    access: 'authenticated',
    summary: 'Mark one of my notifications read (the read receipt)',
    tags: ['notifications'],
    params: ZUuidParam,
    response: ZOk,
    handler: async (ctx, { params }) => {
      await readNotification(ctx, params.id);
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/notifications/read-all',
    access: 'authenticated',
    summary: 'Mark all my notifications read',
    tags: ['notifications'],
    response: ZOk,
    handler: async (ctx) => {
      await readAllNotifications(ctx);
      return { ok: true as const };
    },
  });

  // ---- attachments ----
  route(app, deps, {
    method: 'POST',
    url: '/api/attachments',
    access: 'attachment.upload',
    upload: 'The file: an image, PDF, xlsx or docx, up to the upload limit',
    summary: 'Upload a file (multipart "file"): images, PDF, xlsx, docx; stored by content hash',
    tags: ['attachments'],
    response: ZAttachmentMeta,
    handler: async (ctx, _i, { req }) => {
      const file = await req.file().catch(() => undefined);
      if (!file) throw new AppError('VALIDATION', {}, [{ field: 'file', code: 'required' }]);
      return presentAttachment(await uploadAttachment(ctx, { buffer: await file.toBuffer(), filename: file.filename }, deps.config.maxUploadBytes));
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/attachments/:id',
    access: 'authenticated',
    summary: 'Download an attachment: readable by whoever can read the object it is attached to (until attached, its uploader)',
    tags: ['attachments'],
    params: ZUuidParam,
    query: z.object({ meta: z.enum(['true', 'false']).optional() }),
    raw: 'file',
    handler: async (ctx, { params, query }, { reply }) => {
      const { attachment: a, data } = await readAttachment(ctx.tx, ctx, params.id);
      if (query.meta === 'true') return reply.send({ id: a.id, filename: a.filename, size: a.size, mime: a.mime, meta: a.meta ?? null });
      return reply
        .header('content-type', a.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(data);
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/attachments',
    access: 'authenticated',
    summary: 'The attachments of one object (a hazard, an alarm, a task, an accident …): 404 when the object is out of reach',
    tags: ['attachments'],
    query: ZAttachmentListQuery,
    response: ZAttachmentList,
    handler: async (ctx, { query }) => {
      const rows = await attachmentsOf(ctx.tx, ctx, { kind: query.ownerKind, id: query.ownerId });
      return { items: rows.map(presentAttachment) };
    },
  });
}
