import { z } from 'zod';
import { ZPageOf } from './page.js';

/** Request and response shapes of sign-in, accounts, roles and the security policy (shared by server and web). */

export const USER_KINDS = ['platform', 'government', 'industry', 'enterprise', 'group'] as const;
export const ZUserKind = z.enum(USER_KINDS);
export type TUserKind = z.infer<typeof ZUserKind>;

export const ADMIN_DUTIES = ['system', 'security', 'audit'] as const;

export const ZLoginInput = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  captchaId: z.string().uuid({ message: 'invalid_format' }).optional(),
  captcha: z.string().trim().max(16).optional(),
});

/** The signed-in user and their permissions (`GET /api/auth/me`). */
export const ZMe = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    kind: ZUserKind,
    unitName: z.string().nullable(),
    locale: z.enum(['zh-CN', 'en-US']),
    roles: z.array(z.string()),
    mustChangePassword: z.boolean(),
  }),
  permissions: z.array(z.string()),
});
export type TMe = z.infer<typeof ZMe>;

export const ZLoginResult = ZMe.extend({ token: z.string() });

export const ZCaptcha = z.object({ id: z.string(), image: z.string() });

export const ZMePatch = z.strictObject({ locale: z.enum(['zh-CN', 'en-US']) });

export const ZChangePassword = z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) });

// ---- accounts ----

export const ZUserListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(64).optional(),
  lang: z.string().optional(),
});

/** What the caller may do to an account (server/modules/identity/account.policy.ts, 三权分立): the buttons the UI shows. */
export const ZUserAbilities = z.object({
  disable: z.boolean(),
  enable: z.boolean(),
  resetPassword: z.boolean(),
  releasePassword: z.boolean(),
  unlock: z.boolean(),
  setRoles: z.boolean(),
});
export type TUserAbilities = z.infer<typeof ZUserAbilities>;

export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  kind: ZUserKind,
  departmentId: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  /** Whether a lockout is running now (server clock). */
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(z.string()),
  unitName: z.string().nullable(),
  /** The next sign-in must change the password (a new or reset account). */
  mustChangePassword: z.boolean(),
  /** A password reset waits for the security administrator's half B (split-password.ts). */
  resetPending: z.boolean(),
  abilities: ZUserAbilities,
});
export type TUser = z.infer<typeof ZUser>;
export const ZUserPage = ZPageOf(ZUser);

export const ZCreateUser = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9._-]{3,32}$/, { message: 'invalid_format' }),
  displayName: z.string().trim().min(1).max(60),
  kind: ZUserKind,
  departmentId: z.string().uuid().nullable().optional(),
  enterpriseId: z.string().uuid().nullable().optional(),
  phone: z.string().trim().max(20).nullable().optional(),
  // Accepted only to refuse it by name: no administrator chooses another account's password.
  password: z.string().max(256).optional(),
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

/** A new account's id and half A of its first temporary password (shown once). */
export const ZCreatedUser = z.object({ id: z.string(), halfA: z.string() });
export const ZPasswordHalfA = z.object({ halfA: z.string() });
export const ZPasswordHalfB = z.object({ halfB: z.string() });

export const ZSetRoles = z.strictObject({ roles: z.array(z.string().max(64)).max(10) });

export const ZRole = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  permissions: z.array(z.string()),
  adminDuty: z.enum(ADMIN_DUTIES).nullable(),
  builtin: z.boolean(),
});
export type TRole = z.infer<typeof ZRole>;
export const ZRoleList = z.object({ items: z.array(ZRole) });

// ---- security policy ----

/**
 * Security policy, maintained by the security admin. Defaults (server/kernel/auth/security-settings.ts) follow
 * GB/T 22239-2019 (等保 2.0) §8.1.4.1 identity authentication: login-failure handling, session timeout, and
 * password complexity with periodic change.
 */
export const ZSecuritySettings = z.object({
  maxFailedAttempts: z.number().int().min(3).max(20),
  lockoutMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  idleTimeoutMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  absoluteTimeoutHours: z
    .number()
    .int()
    .min(1)
    .max(7 * 24),
  passwordMinLength: z.number().int().min(8).max(64),
  passwordClasses: z.number().int().min(2).max(4),
  passwordMaxAgeDays: z.number().int().min(0).max(3650),
});
export type TSecuritySettings = z.infer<typeof ZSecuritySettings>;
/** The policy and the standard it follows. */
export const ZSecuritySettingsView = ZSecuritySettings.extend({ source: z.string() });
export type TSecuritySettingsView = z.infer<typeof ZSecuritySettingsView>;
