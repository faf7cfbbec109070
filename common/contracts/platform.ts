import { z } from 'zod';
import { ZDate, ZInstant } from './dates.js';

/** Request and response shapes of the platform routes (health, calculators, audit, calendar, notifications, attachments), shared by server and web. */

export const ZOk = z.object({ ok: z.literal(true) });

export const ZHealth = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() });

// ---- calculators ----

const ZBilingual = z.object({ zh: z.string(), en: z.string() });

/** `POST /api/calculators/usc-code`: the validator's result (common/validators/uscc.ts), its errors in words, and the 依据. */
export const ZUsccCheck = z.object({
  valid: z.boolean(),
  normalized: z.string(),
  errors: z.array(z.enum(['required', 'length', 'charset', 'format', 'checksum'])),
  messages: z.array(z.string()).optional(),
  expectedCheck: z.string().optional(),
  orgCodeWarning: z.boolean().optional(),
  parts: z
    .object({
      authority: z.string(),
      authorityName: ZBilingual.optional(),
      entityClass: z.string(),
      entityClassName: ZBilingual.optional(),
      regionCode: z.string(),
      subjectId: z.string(),
      check: z.string(),
    })
    .optional(),
  source: z.string(),
});
export type TUsccCheck = z.infer<typeof ZUsccCheck>;

export const ZDeadline13710Input = z.strictObject({
  assignedAt: ZInstant,
  complexity: z.enum(['general', 'major']),
  dayKind: z.enum(['calendar', 'working']).optional(),
});
export const ZDeadline13710 = z.object({ deployDue: z.string(), feedbackDue: z.string(), resolveDue: z.string(), dayKind: z.string(), source: z.string() });

export const ZHazardStatsDueInput = z.strictObject({ period: z.string().regex(/^\d{4}(Q[1-4])?$/, { message: 'invalid_format' }) });
export const ZHazardStatsDue = z.object({ due: z.string(), source: z.string() });

// ---- audit ----

export const ZAuditListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().trim().max(100).optional(),
  action: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  lang: z.string().optional(),
});
export type TAuditListQuery = z.infer<typeof ZAuditListQuery>;

/**
 * One field of an audit row's before/after snapshots. `field` is null when a snapshot is not an object (a list of
 * thresholds, a single value): the whole value is then one row.
 */
export const ZAuditChange = z.object({
  field: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  changed: z.boolean(),
});
export type TAuditChange = z.infer<typeof ZAuditChange>;

export const ZAuditRow = z.object({
  seq: z.number(),
  at: z.string(),
  actorName: z.string(),
  unit: z.string().nullable(),
  /** A code such as `hazard.confirm`; the page shows its name (web/i18n/audit-actions.ts). */
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** What a person calls the entity (an enterprise's name, a hazard's code and title …); null when it cannot be named. */
  entityLabel: z.string().nullable(),
  /** The row's before/after snapshots, field by field (values as text: JSON for anything but a string). */
  changes: z.array(ZAuditChange),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type TAuditRow = z.infer<typeof ZAuditRow>;

/** `GET /api/audit/verify` (server/kernel/audit/verify.ts names the problem kinds). */
export const ZAuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number(),
  lastSeq: z.number().nullable(),
  /** The marker row from which row hashes are keyed (HMAC-SHA256); earlier rows carry plain SHA-256. */
  keyedFromSeq: z.number().nullable(),
  /** Checkpoints of the chain head in the anchor file outside the database. */
  anchor: z.object({ checkpoints: z.number(), lastSeq: z.number().nullable(), lastAt: z.string().nullable() }),
  problems: z.array(z.object({ seq: z.number(), problem: z.string(), detail: z.string(), line: z.number().optional() })),
  /** Findings beyond the listed ones. */
  more: z.number(),
});
export type TAuditVerifyResult = z.infer<typeof ZAuditVerifyResult>;

// ---- working-day calendar ----

export const ZCalendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).default(2021), lang: z.string().optional() });

export const ZCalendarDayInput = z.strictObject({
  date: ZDate,
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(60),
});
export type TCalendarDayInput = z.infer<typeof ZCalendarDayInput>;

export const ZCalendarDay = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday']),
  name: z.string(),
  nameEn: z.string(),
  /** From the built-in State Council notices (cannot be removed, only overridden). */
  builtin: z.boolean(),
});
export type TCalendarDay = z.infer<typeof ZCalendarDay>;

export const ZCalendarYear = z.object({ year: z.number(), days: z.array(ZCalendarDay), source: z.string() });
export type TCalendarYear = z.infer<typeof ZCalendarYear>;

// ---- notifications ----

export const ZNotificationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  unread: z.enum(['true', 'false']).optional(),
  lang: z.string().optional(),
});
export type TNotificationQuery = z.infer<typeof ZNotificationQuery>;

export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZUnreadCount = z.object({ count: z.number() });

// ---- attachments ----

export const ZAttachmentListQuery = z.object({
  ownerKind: z.string().trim().min(1).max(40),
  ownerId: z.string().uuid({ message: 'invalid_format' }),
  lang: z.string().optional(),
});

export const ZAttachmentMeta = z.object({
  id: z.string(),
  sha256: z.string(),
  size: z.number(),
  mime: z.string(),
  filename: z.string(),
  meta: z.object({ takenAt: z.string().optional(), lat: z.number().optional(), lng: z.number().optional() }).nullable(),
});
export type TAttachmentMeta = z.infer<typeof ZAttachmentMeta>;
export const ZAttachmentList = z.object({ items: z.array(ZAttachmentMeta) });
