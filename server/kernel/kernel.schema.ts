import { sql } from 'drizzle-orm';
import { bigserial, boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/** Tables owned by the kernel: identity, sessions, audit, calendar, notifications, files, settings. */

export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** platform | government | industry | enterprise | group — decides the data scope (kernel/scope). */
    kind: text('kind').notNull(),
    departmentId: uuid('department_id'),
    enterpriseId: uuid('enterprise_id'),
    phone: text('phone'),
    locale: text('locale').notNull().default('zh-CN'),
    disabled: boolean('disabled').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('app_user_username_uq').on(sql`lower(${t.username})`)],
);

export const role = pgTable('role', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  permissions: text('permissions').array().notNull(),
  builtin: boolean('builtin').notNull().default(false),
  /** platform roles (三权分立) may only be held by platform users, and never two of them at once. */
  adminDuty: text('admin_duty'),
});

export const userRole = pgTable(
  'user_role',
  {
    userId: uuid('user_id').notNull(),
    roleKey: text('role_key').notNull(),
  },
  (t) => [uniqueIndex('user_role_pk').on(t.userId, t.roleKey)],
);

export const session = pgTable(
  'session',
  {
    /** sha256 of the token: a leaked table does not give working sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins counted per (account, address) pair, per account and per address (kernel/auth/throttle.ts).
 * Keyed by the typed username, not the user id, so unknown names behave exactly like real ones.
 */
export const loginThrottle = pgTable('login_throttle', {
  /** `pair:<username>|<ip>`, `account:<username>` or `ip:<ip>` */
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** Image captchas shown after failed sign-ins: the answer's hash, one use, short expiry (kernel/auth/captcha.ts). */
export const loginCaptcha = pgTable('login_captcha', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  answerHash: text('answer_hash').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    unit: text('unit'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId), index('audit_at_idx').on(t.at)],
);

/** Admin additions to the built-in holiday data (common/rules/calendar/cn-holidays.ts). */
export const calendarDay = pgTable('calendar_day', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    /** zh-CN text as sent: what channels deliver and what rows without a text key show. */
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Key in common/i18n/notifications.ts and its parameters: rendered in the reader's language when read. */
    textKey: text('text_key'),
    params: jsonb('params'),
    link: text('link'),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notification_user_idx').on(t.userId, t.createdAt)],
);

export const attachment = pgTable(
  'attachment',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    filename: text('filename').notNull(),
    createdBy: uuid('created_by').notNull(),
    /**
     * The object the file is attached to (kind as registered by its module, e.g. hazard, alarm, task, accident):
     * whoever can read that object can read the file (kernel/files). Null until attached: then only the uploader.
     */
    ownerKind: text('owner_kind'),
    ownerId: uuid('owner_id'),
    /** What the file says of itself: a photo's EXIF time and GPS position ({ takenAt, lat, lng }). */
    meta: jsonb('meta'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('attachment_sha_idx').on(t.sha256), index('attachment_owner_idx').on(t.ownerKind, t.ownerId)],
);

/** Attachment content, stored once per sha256 in the database so every web process can serve it. */
export const blob = pgTable('blob', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  data: bytea('data').notNull(),
});

export const setting = pgTable('setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
