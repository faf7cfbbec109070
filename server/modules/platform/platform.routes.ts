import { and, desc, eq, gte, ilike, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ZDate, ZInstant } from '../../../common/contracts/dates.js';
import { ZAuditRow, ZAuditVerifyResult } from '../../../common/contracts/platform.js';
import { CN_HOLIDAYS_SOURCE } from '../../../common/rules/calendar/cn-holidays.js';
import { DEFAULT_13710_CONFIG, deadlines13710, format13710, hazardStatsDue } from '../../../common/rules/deadline-13710.js';
import { USCC_SOURCE, validateUscc } from '../../../common/validators/uscc.js';
import { verifyAudit } from '../../kernel/audit/verify.js';
import { loadCalendar } from '../../kernel/calendar/calendar.js';
import type { Deps } from '../../kernel/context.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { type AttachmentRow, attachmentsOf, readAttachment, storeAttachment } from '../../kernel/files/files.js';
import type { PhotoMeta } from '../../kernel/files/photo-meta.js';
import { type App, route, ZPage } from '../../kernel/http/route.js';
import { auditLog, calendarDay, notification } from '../../kernel/kernel.schema.js';

const ok = z.object({ ok: z.literal(true) });

const ZAttachmentMeta = z.object({
  id: z.string(),
  sha256: z.string(),
  size: z.number(),
  mime: z.string(),
  filename: z.string(),
  meta: z.object({ takenAt: z.string().optional(), lat: z.number().optional(), lng: z.number().optional() }).nullable(),
});

function attachmentMeta(a: AttachmentRow) {
  return { id: a.id, sha256: a.sha256, size: a.size, mime: a.mime, filename: a.filename, meta: (a.meta as PhotoMeta | null) ?? null };
}

export function platformRoutes(app: App, deps: Deps): void {
  route(app, deps, {
    method: 'GET',
    url: '/api/health',
    access: 'public',
    summary: 'Liveness and database kind',
    tags: ['platform'],
    response: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }),
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
    raw: true,
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
    response: z.object({
      valid: z.boolean(),
      normalized: z.string(),
      errors: z.array(z.string()).optional(),
      messages: z.array(z.string()).optional(),
      expectedCheck: z.string().optional(),
      orgCodeWarning: z.boolean().optional(),
      parts: z.record(z.string(), z.unknown()).optional(),
      source: z.string(),
    }),
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
    body: z.strictObject({
      assignedAt: ZInstant,
      complexity: z.enum(['general', 'major']),
      dayKind: z.enum(['calendar', 'working']).optional(),
    }),
    response: z.object({ deployDue: z.string(), feedbackDue: z.string(), resolveDue: z.string(), dayKind: z.string(), source: z.string() }),
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
    body: z.strictObject({ period: z.string().regex(/^\d{4}(Q[1-4])?$/, { message: 'invalid_format' }) }),
    response: z.object({ due: z.string(), source: z.string() }),
    handler: async (_ctx, { body }) => hazardStatsDue(body.period),
  });

  // ---- audit (audit admin) ----
  route(app, deps, {
    method: 'GET',
    url: '/api/audit',
    access: 'audit.read',
    summary: 'The audit log, newest first',
    tags: ['audit'],
    query: z.object({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
      q: z.string().trim().max(100).optional(),
      action: z.string().max(64).optional(),
      entityType: z.string().max(64).optional(),
      actor: z.string().max(64).optional(),
      from: ZDate.optional(),
      to: ZDate.optional(),
      lang: z.string().optional(),
    }),
    response: ZPage(ZAuditRow),
    handler: async (ctx, { query }) => {
      const where: (SQL | undefined)[] = [];
      if (query.action) where.push(eq(auditLog.action, query.action));
      if (query.entityType) where.push(eq(auditLog.entityType, query.entityType));
      if (query.actor) where.push(ilike(auditLog.actorName, `%${query.actor}%`));
      if (query.q)
        where.push(sql`(${auditLog.entityId} = ${query.q} or ${auditLog.action} ilike ${`%${query.q}%`} or ${auditLog.actorName} ilike ${`%${query.q}%`})`);
      if (query.from) where.push(gte(auditLog.at, new Date(`${query.from}T00:00:00+08:00`)));
      if (query.to) where.push(lte(auditLog.at, new Date(`${query.to}T23:59:59.999+08:00`)));
      const w = where.length ? and(...where) : undefined;
      const [rows, [c]] = await Promise.all([
        ctx.tx
          .select()
          .from(auditLog)
          .where(w)
          .orderBy(desc(auditLog.seq))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        ctx.tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(w),
      ]);
      return {
        items: rows.map((r) => ({ ...r, at: r.at.toISOString(), before: r.before ?? null, after: r.after ?? null })),
        total: c?.n ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
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
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).default(2021), lang: z.string().optional() }),
    response: z.object({
      year: z.number(),
      days: z.array(z.object({ date: z.string(), kind: z.string(), name: z.string(), nameEn: z.string(), builtin: z.boolean() })),
      source: z.string(),
    }),
    handler: async (ctx, { query }) => {
      const { days } = await loadCalendar(ctx.tx);
      const notices = CN_HOLIDAYS_SOURCE[query.year];
      const source = notices
        ? notices.join('；')
        : ctx.request.locale === 'en-US'
          ? 'No built-in State Council notice for this year: add its days here'
          : '本年度无内置国务院办公厅通知数据，请据通知逐日录入';
      return { year: query.year, days: days.filter((d) => d.date.startsWith(`${query.year}-`)), source };
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/calendar/days',
    access: 'calendar.manage',
    summary: 'Add or override a holiday or make-up workday (e.g. next year’s notice)',
    tags: ['calendar'],
    body: z.strictObject({
      date: ZDate,
      kind: z.enum(['holiday', 'workday']),
      name: z.string().trim().min(1).max(40),
      nameEn: z.string().trim().min(1).max(60),
    }),
    response: ok,
    handler: async (ctx, { body }) => {
      if (Number.isNaN(new Date(`${body.date}T00:00:00Z`).getTime())) throw new AppError('VALIDATION', {}, [{ field: 'date', code: 'date' }]);
      const [before] = await ctx.tx.select().from(calendarDay).where(eq(calendarDay.date, body.date));
      await ctx.tx
        .insert(calendarDay)
        .values(body)
        .onConflictDoUpdate({ target: calendarDay.date, set: { kind: body.kind, name: body.name, nameEn: body.nameEn } });
      await ctx.audit.record({ action: 'calendar.daySet', entityType: 'calendar_day', entityId: body.date, before: before ?? null, after: body });
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
    response: ok,
    handler: async (ctx, { params }) => {
      const [row] = await ctx.tx.delete(calendarDay).where(eq(calendarDay.date, params.date)).returning();
      if (!row) throw notFound();
      await ctx.audit.record({ action: 'calendar.dayRemoved', entityType: 'calendar_day', entityId: params.date, before: row });
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
    query: z.object({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(20),
      unread: z.enum(['true', 'false']).optional(),
      lang: z.string().optional(),
    }),
    response: ZPage(
      z.object({
        id: z.string(),
        kind: z.string(),
        title: z.string(),
        body: z.string(),
        link: z.string().nullable(),
        createdAt: z.string(),
        readAt: z.string().nullable(),
      }),
    ),
    handler: async (ctx, { query }) => {
      const w = and(eq(notification.userId, ctx.actor.id), query.unread === 'true' ? isNull(notification.readAt) : undefined);
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
      return {
        items: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
        total: c?.n ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/notifications/unread-count',
    access: 'authenticated',
    summary: 'How many of my notifications are unread',
    tags: ['notifications'],
    response: z.object({ count: z.number() }),
    handler: async (ctx) => {
      const [c] = await ctx.tx
        .select({ n: sql<number>`count(*)::int` })
        .from(notification)
        .where(and(eq(notification.userId, ctx.actor.id), isNull(notification.readAt)));
      return { count: c?.n ?? 0 };
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/notifications/:id/read',
    access: 'authenticated',
    summary: 'Mark one of my notifications read (the read receipt)',
    tags: ['notifications'],
    params: z.object({ id: z.string().uuid({ message: 'invalid_format' }) }),
    response: ok,
    handler: async (ctx, { params }) => {
      const [row] = await ctx.tx
        .update(notification)
        .set({ readAt: sql`coalesce(${notification.readAt}, ${ctx.clock.now()})` })
        .where(and(eq(notification.id, params.id), eq(notification.userId, ctx.actor.id)))
        .returning({ id: notification.id });
      if (!row) throw notFound();
      await ctx.audit.record({ action: 'notification.read', entityType: 'notification', entityId: params.id });
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/notifications/read-all',
    access: 'authenticated',
    summary: 'Mark all my notifications read',
    tags: ['notifications'],
    response: ok,
    handler: async (ctx) => {
      await ctx.tx
        .update(notification)
        .set({ readAt: ctx.clock.now() })
        .where(and(eq(notification.userId, ctx.actor.id), isNull(notification.readAt)));
      return { ok: true as const };
    },
  });

  // ---- attachments ----
  route(app, deps, {
    method: 'POST',
    url: '/api/attachments',
    access: 'attachment.upload',
    summary: 'Upload a file (multipart "file"): images, PDF, xlsx, docx; stored by content hash',
    tags: ['attachments'],
    response: ZAttachmentMeta,
    handler: async (ctx, _i, { req }) => {
      const file = await req.file().catch(() => undefined);
      if (!file) throw new AppError('VALIDATION', {}, [{ field: 'file', code: 'required' }]);
      const buffer = await file.toBuffer();
      const a = await storeAttachment(
        ctx.tx,
        { buffer, filename: file.filename },
        { createdBy: ctx.actor.id, now: ctx.clock.now(), maxBytes: deps.config.maxUploadBytes },
      );
      await ctx.audit.record({
        action: 'attachment.uploaded',
        entityType: 'attachment',
        entityId: a.id,
        after: { sha256: a.sha256, size: a.size, mime: a.mime, filename: a.filename },
      });
      return attachmentMeta(a);
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/attachments/:id',
    access: 'authenticated',
    summary: 'Download an attachment: readable by whoever can read the object it is attached to (until attached, its uploader)',
    tags: ['attachments'],
    params: z.object({ id: z.string().uuid({ message: 'invalid_format' }) }),
    query: z.object({ meta: z.enum(['true', 'false']).optional() }),
    raw: true,
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
    query: z.object({ ownerKind: z.string().trim().min(1).max(40), ownerId: z.string().uuid({ message: 'invalid_format' }), lang: z.string().optional() }),
    response: z.object({ items: z.array(ZAttachmentMeta) }),
    handler: async (ctx, { query }) => {
      const rows = await attachmentsOf(ctx.tx, ctx, { kind: query.ownerKind, id: query.ownerId });
      return { items: rows.map(attachmentMeta) };
    },
  });
}
