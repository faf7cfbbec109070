import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ALL_PERMISSIONS } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import type { Actor, UserKind } from '../../kernel/actor.js';
import { systemActor } from '../../kernel/actor.js';
import { createCaptcha } from '../../kernel/auth/captcha.js';
import { loadSecuritySettings, SECURITY_SETTINGS_SOURCE, saveSecuritySettings, ZSecuritySettings } from '../../kernel/auth/security-settings.js';
import { deleteSession, SESSION_COOKIE } from '../../kernel/auth/session.js';
import { lockedUntilOf } from '../../kernel/auth/throttle.js';
import { type Deps, inTransaction } from '../../kernel/context.js';
import { invalid } from '../../kernel/errors.js';
import { type App, requestInfo, route, ZPage } from '../../kernel/http/route.js';
import { login } from './commands/login.js';

type UnitExists = (ex: Executor, kind: string, id: string | null | undefined) => Promise<boolean>;

import { abilitiesOf } from '../../kernel/gate/gate.js';
import { type AccountAction, accountPolicy } from './account.policy.js';
import { changeOwnPassword, createUser, releasePassword, resetPassword, setRoles, setUserDisabled, unlockUser } from './commands/users.js';
import { dutiesOf, findUsers, listRoles, rolesOf, updateUser } from './identity.repository.js';
import { resetPendingBy } from './split-password.js';

const ZMe = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    kind: z.string(),
    unitName: z.string().nullable(),
    locale: z.string(),
    roles: z.array(z.string()),
    mustChangePassword: z.boolean(),
  }),
  permissions: z.array(z.string()),
});

function presentMe(a: Actor) {
  return {
    user: {
      id: a.id,
      username: a.username,
      displayName: a.displayName,
      kind: a.kind,
      unitName: a.unitName,
      locale: a.locale,
      roles: a.roles,
      mustChangePassword: a.mustChangePassword,
    },
    permissions: ALL_PERMISSIONS.filter((p) => a.permissions.has(p)),
  };
}

const ZId = z.object({ id: z.string().uuid({ message: 'invalid_format' }) });
const ZUserKind = z.enum(['platform', 'government', 'industry', 'enterprise', 'group']);
const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  kind: z.string(),
  departmentId: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(z.string()),
  unitName: z.string().nullable(),
  /** What the caller may do to this account (account.policy.ts, 三权分立): the buttons the UI shows. */
  /** A password reset waits for the security administrator's half B (split-password.ts). */
  resetPending: z.boolean(),
  abilities: z.object({
    disable: z.boolean(),
    enable: z.boolean(),
    resetPassword: z.boolean(),
    releasePassword: z.boolean(),
    unlock: z.boolean(),
    setRoles: z.boolean(),
  }),
});

/** The actions on an existing account that the user list offers. */
const rowAbilities = ({ disable, enable, resetPassword, releasePassword, unlock, setRoles }: Record<AccountAction, boolean>) => ({
  disable,
  enable,
  resetPassword,
  releasePassword,
  unlock,
  setRoles,
});

export function identityRoutes(app: App, deps: Deps, opts: { unitExists: UnitExists }): void {
  const tags = ['identity'];

  const setCookie = (req: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number) => {
    const secure = deps.config.secureCookies === 'on' || (deps.config.secureCookies === 'auto' && req.protocol === 'https');
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: maxAgeSeconds });
  };

  route(app, deps, {
    method: 'POST',
    url: '/api/auth/login',
    access: 'public',
    summary:
      'Sign in; sets an HttpOnly SameSite=Strict cookie and returns a bearer token for scripts. After failed sign-ins from the address or for the name, the image captcha of GET /api/auth/captcha is needed (error.extra.captcha)',
    tags,
    transactional: false,
    rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: '1 minute' },
    body: z.strictObject({
      username: z.string().trim().min(1).max(64),
      password: z.string().min(1).max(256),
      captchaId: z.string().uuid({ message: 'invalid_format' }).optional(),
      captcha: z.string().trim().max(16).optional(),
    }),
    response: ZMe.extend({ token: z.string() }),
    handler: async (_ctx, { body }, { req, reply }) => {
      // Committed even when sign-in fails: failed attempts and lockouts must be counted and audited.
      const r = await inTransaction(deps, systemActor(body.username), requestInfo(req), (ctx) =>
        login(ctx, body, deps.resolveUnit, { userAgent: req.headers['user-agent'] ?? null }),
      );
      if ('error' in r) {
        // Progressive delay for the address (kernel/auth/throttle.ts); successful sign-ins never wait.
        if (r.delayMs) await new Promise((resolve) => setTimeout(resolve, r.delayMs));
        throw r.error;
      }
      const settings = await loadSecuritySettings(deps.database.db);
      setCookie(req, reply, r.token, settings.absoluteTimeoutHours * 3600);
      return { ...presentMe(r.actor), token: r.token };
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/auth/captcha',
    access: 'public',
    summary: 'A new image captcha for sign-in (SVG drawn by the server; the answer is kept hashed, expires in 3 minutes, one use)',
    tags,
    rateLimit: { max: Math.max(deps.config.loginRatePerMinute * 3, 30), timeWindow: '1 minute' },
    response: z.object({ id: z.string(), image: z.string() }),
    handler: async (ctx, _i, { reply }) => {
      reply.header('cache-control', 'no-store');
      return createCaptcha(deps.database.db, ctx.clock.now());
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/auth/logout',
    access: 'authenticated',
    duringPasswordChange: true,
    summary: 'Sign out (ends this session)',
    tags,
    response: z.object({ ok: z.literal(true) }),
    handler: async (ctx, _i, { req, reply }) => {
      if (req.sessionToken) await deleteSession(ctx.tx, req.sessionToken);
      await ctx.audit.record({ action: 'auth.logout', entityType: 'user', entityId: ctx.actor.id });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/auth/me',
    access: 'authenticated',
    duringPasswordChange: true,
    summary: 'The signed-in user and their permissions',
    tags,
    response: ZMe,
    handler: async (ctx) => presentMe(ctx.actor),
  });

  route(app, deps, {
    method: 'PATCH',
    url: '/api/auth/me',
    access: 'authenticated',
    duringPasswordChange: true,
    summary: 'Update own preferences (language)',
    tags,
    body: z.strictObject({ locale: z.enum(['zh-CN', 'en-US']) }),
    response: ZMe,
    handler: async (ctx, { body }) => {
      await updateUser(ctx.tx, ctx.actor.id, { locale: body.locale });
      await ctx.audit.record({ action: 'user.localeChanged', entityType: 'user', entityId: ctx.actor.id, before: { locale: ctx.actor.locale }, after: body });
      return presentMe({ ...ctx.actor, locale: body.locale });
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/auth/password',
    access: 'authenticated',
    duringPasswordChange: true,
    summary: 'Change own password (policy from the security settings); ends every other session of the user',
    tags,
    body: z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }),
    response: z.object({ ok: z.literal(true) }),
    handler: async (ctx, { body }, { req }) => {
      await changeOwnPassword(ctx, body, req.sessionToken);
      return { ok: true as const };
    },
  });

  // ---- users (system admin), roles (security admin) ----

  route(app, deps, {
    method: 'GET',
    url: '/api/users',
    access: 'user.read',
    summary: 'User accounts',
    tags,
    query: z.object({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(20),
      q: z.string().trim().max(64).optional(),
      lang: z.string().optional(),
    }),
    response: ZPage(ZUser),
    handler: async (ctx, { query }) => {
      const { rows, total } = await findUsers(ctx.tx, query);
      const roles = await rolesOf(
        ctx.tx,
        rows.map((r) => r.id),
      );
      const units = await Promise.all(
        rows.map((u) => deps.resolveUnit(ctx.tx, { kind: u.kind as UserKind, departmentId: u.departmentId, enterpriseId: u.enterpriseId })),
      );
      const now = ctx.clock.now();
      const locks = await lockedUntilOf(
        ctx.tx,
        rows.map((u) => u.username),
        now,
      );
      const duties = await dutiesOf(
        ctx.tx,
        rows.map((u) => u.id),
      );
      return {
        items: rows.map((u, i) => ({
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          kind: u.kind,
          departmentId: u.departmentId,
          enterpriseId: u.enterpriseId,
          phone: u.phone,
          disabled: u.disabled,
          locked: locks.has(u.username.toLowerCase()),
          lockedUntil: locks.get(u.username.toLowerCase())?.toISOString() ?? null,
          lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
          roles: roles.get(u.id) ?? [],
          unitName: units[i]?.unitName ?? null,
          resetPending: resetPendingBy(u.passwordHash) !== null,
          abilities: rowAbilities(
            abilitiesOf(accountPolicy, ctx.actor, { id: u.id, duty: duties.get(u.id) ?? null, resetPendingBy: resetPendingBy(u.passwordHash) }),
          ),
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/users',
    access: 'user.manage',
    summary:
      'Create an account (roles are granted separately by the security admin). No password is sent: the answer is half A of the first temporary password, the security admin releases half B (POST /api/users/:id/reset-password/release)',
    tags,
    body: z.strictObject({
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
    }),
    response: z.object({ id: z.string(), halfA: z.string() }),
    handler: async (ctx, { body }) => {
      const { password, ...input } = body;
      if (password !== undefined) throw invalid([{ field: 'password', code: 'password.notChosen' }]);
      const u = await createUser(ctx, input, (kind, id) => opts.unitExists(ctx.tx, kind, id));
      return { id: u.id, halfA: u.halfA ?? '' };
    },
  });

  for (const action of ['disable', 'enable'] as const) {
    route(app, deps, {
      method: 'POST',
      url: `/api/users/:id/${action}`,
      access: 'user.manage',
      summary: action === 'disable' ? 'Disable an account (ends its sessions)' : 'Enable an account',
      tags,
      params: ZId,
      response: z.object({ ok: z.literal(true) }),
      handler: async (ctx, { params }) => {
        await setUserDisabled(ctx, params.id, action === 'disable');
        return { ok: true as const };
      },
    });
  }

  route(app, deps, {
    method: 'POST',
    url: '/api/users/:id/reset-password',
    access: 'user.manage',
    summary:
      "Reset a business account's password, split knowledge (三权分立): the current password stops working, every session ends, and the answer is half A of a temporary password (shown once); the security administrator releases half B. No password is sent: the administrator never chooses one",
    tags,
    params: ZId,
    response: z.object({ halfA: z.string() }),
    handler: async (ctx, { params }, { req }) => {
      // No body: a client that still sends a password (the old API) is refused, naming the field.
      const sent = req.body && typeof req.body === 'object' ? Object.keys(req.body) : [];
      if (sent.length)
        throw invalid(
          sent.map((field) =>
            /password/i.test(field) ? { field, code: 'password.notChosen' } : { field, code: 'unrecognized_keys', params: { keys: field } },
          ),
        );
      return resetPassword(ctx, params.id);
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/users/:id/reset-password/release',
    access: 'security.manage',
    summary:
      'Release half B of a pending password reset (shown once; never by whoever reset it; 409 when no reset waits): A + B then signs in once and must be changed',
    tags,
    params: ZId,
    response: z.object({ halfB: z.string() }),
    handler: async (ctx, { params }) => releasePassword(ctx, params.id),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/users/:id/unlock',
    access: 'security.manage',
    summary: 'Lift the lockouts of an account after failed sign-ins (every address)',
    tags,
    params: ZId,
    response: z.object({ ok: z.literal(true) }),
    handler: async (ctx, { params }) => {
      await unlockUser(ctx, params.id);
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: 'PUT',
    url: '/api/users/:id/roles',
    access: 'role.assign',
    summary: 'Grant roles (三权分立 rules apply)',
    tags,
    params: ZId,
    body: z.strictObject({ roles: z.array(z.string().max(64)).max(10) }),
    response: z.object({ ok: z.literal(true) }),
    handler: async (ctx, { params, body }) => {
      await setRoles(ctx, params.id, body.roles);
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/roles',
    access: 'role.read',
    summary: 'Roles and their permissions',
    tags,
    response: z.object({
      items: z.array(
        z.object({
          key: z.string(),
          name: z.string(),
          nameEn: z.string(),
          permissions: z.array(z.string()),
          adminDuty: z.string().nullable(),
          builtin: z.boolean(),
        }),
      ),
    }),
    handler: async (ctx) => ({ items: await listRoles(ctx.tx) }),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/security/settings',
    access: 'security.manage',
    summary: 'Security policy (lockout, timeouts, password rules)',
    tags,
    response: ZSecuritySettings.extend({ source: z.string() }),
    handler: async (ctx) => ({ ...(await loadSecuritySettings(ctx.tx)), source: SECURITY_SETTINGS_SOURCE }),
  });

  route(app, deps, {
    method: 'PUT',
    url: '/api/security/settings',
    access: 'security.manage',
    summary: 'Change the security policy',
    tags,
    body: ZSecuritySettings.strict(),
    response: ZSecuritySettings.extend({ source: z.string() }),
    handler: async (ctx, { body }) => {
      const before = await loadSecuritySettings(ctx.tx);
      await saveSecuritySettings(ctx.tx, body);
      await ctx.audit.record({ action: 'security.settingsChanged', entityType: 'setting', entityId: 'security', before, after: body });
      return { ...body, source: SECURITY_SETTINGS_SOURCE };
    },
  });
}
