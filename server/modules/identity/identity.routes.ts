import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ZCaptcha,
  ZChangePassword,
  ZCreatedUser,
  ZCreateUser,
  ZLoginInput,
  ZLoginResult,
  ZMe,
  ZMePatch,
  ZPasswordHalfA,
  ZPasswordHalfB,
  ZRoleList,
  ZSecuritySettings,
  ZSecuritySettingsView,
  ZSetRoles,
  ZUser,
  ZUserListQuery,
} from '../../../common/contracts/identity.js';
import { ZOk } from '../../../common/contracts/platform.js';
import type { Executor } from '../../db/client.js';
import { systemActor } from '../../kernel/actor.js';
import { createCaptcha } from '../../kernel/auth/captcha.js';
import { loadSecuritySettings, SECURITY_SETTINGS_SOURCE } from '../../kernel/auth/security-settings.js';
import { SESSION_COOKIE } from '../../kernel/auth/session.js';
import { type Deps, inTransaction } from '../../kernel/context.js';
import { invalid } from '../../kernel/errors.js';
import { type App, requestInfo, route, ZPage } from '../../kernel/http/route.js';
import { changeOwnPassword } from './commands/change-own-password.js';
import { createUser } from './commands/create-user.js';
import { logOut } from './commands/log-out.js';
import { login } from './commands/login.js';
import { releasePassword } from './commands/release-password.js';
import { resetPassword } from './commands/reset-password.js';
import { saveSecuritySettingsCommand } from './commands/save-security-settings.js';
import { setOwnLocale } from './commands/set-own-locale.js';
import { setRoles } from './commands/set-roles.js';
import { setUserDisabled } from './commands/set-user-disabled.js';
import { unlockUser } from './commands/unlock-user.js';
import { presentMe, presentRole } from './identity.presenter.js';
import { listRoles } from './identity.repository.js';
import { listUsersQuery } from './queries/list-users.js';

type UnitExists = (ex: Executor, kind: string, id: string | null | undefined) => Promise<boolean>;

const ZId = z.object({ id: z.string().uuid({ message: 'invalid_format' }) });

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
    // A wrong password or captcha, and a disabled account, refuse a public route.
    refuses: [401, 403],
    summary:
      'Sign in; sets an HttpOnly SameSite=Strict cookie and returns a bearer token for scripts. After failed sign-ins from the address or for the name, the image captcha of GET /api/auth/captcha is needed (error.extra.captcha)',
    tags,
    transactional: false,
    rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: '1 minute' },
    body: ZLoginInput,
    response: ZLoginResult,
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
    response: ZCaptcha,
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
    response: ZOk,
    handler: async (ctx, _i, { req, reply }) => {
      await logOut(ctx, req.sessionToken);
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
    body: ZMePatch,
    response: ZMe,
    handler: async (ctx, { body }) => {
      await setOwnLocale(ctx, body.locale);
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
    body: ZChangePassword,
    response: ZOk,
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
    query: ZUserListQuery,
    response: ZPage(ZUser),
    handler: (ctx, { query }) => listUsersQuery(ctx, deps.resolveUnit, query),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/users',
    access: 'user.manage',
    summary:
      'Create an account (roles are granted separately by the security admin). No password is sent: the answer is half A of the first temporary password, the security admin releases half B (POST /api/users/:id/reset-password/release)',
    tags,
    body: ZCreateUser,
    response: ZCreatedUser,
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
      response: ZOk,
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
    response: ZPasswordHalfA,
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
    response: ZPasswordHalfB,
    handler: async (ctx, { params }) => releasePassword(ctx, params.id),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/users/:id/unlock',
    access: 'security.manage',
    summary: 'Lift the lockouts of an account after failed sign-ins (every address)',
    tags,
    params: ZId,
    response: ZOk,
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
    body: ZSetRoles,
    response: ZOk,
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
    response: ZRoleList,
    handler: async (ctx) => ({ items: (await listRoles(ctx.tx)).map(presentRole) }),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/security/settings',
    access: 'security.manage',
    summary: 'Security policy (lockout, timeouts, password rules)',
    tags,
    response: ZSecuritySettingsView,
    handler: async (ctx) => ({ ...(await loadSecuritySettings(ctx.tx)), source: SECURITY_SETTINGS_SOURCE }),
  });

  route(app, deps, {
    method: 'PUT',
    url: '/api/security/settings',
    access: 'security.manage',
    summary: 'Change the security policy',
    tags,
    body: ZSecuritySettings.strict(),
    response: ZSecuritySettingsView,
    handler: async (ctx, { body }) => {
      await saveSecuritySettingsCommand(ctx, body);
      return { ...body, source: SECURITY_SETTINGS_SOURCE };
    },
  });
}
