import type { UnitResolver } from '../../../kernel/actor.js';
import { dummyHash, verifyPassword } from '../../../kernel/auth/password.js';
import { loadSecuritySettings } from '../../../kernel/auth/security-settings.js';
import { buildActor, createSession } from '../../../kernel/auth/session.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { findUserByUsername, updateUser } from '../identity.repository.js';

/**
 * Password sign-in with lockout (GB/T 22239-2019 8.1.4.1 b: 登录失败处理). Failures are counted and
 * audited even though the request fails, so this command commits its own bookkeeping.
 */
export async function login(ctx: Ctx, input: { username: string; password: string }, resolveUnit: UnitResolver, meta: { userAgent: string | null }) {
  const settings = await loadSecuritySettings(ctx.tx);
  const now = ctx.clock.now();
  const user = await findUserByUsername(ctx.tx, input.username);
  if (!user) {
    await verifyPassword(await dummyHash(), input.password); // same work as a real check: no username probing by timing
    await ctx.audit.record({ action: 'auth.loginFailed', entityType: 'user', after: { username: input.username, reason: 'unknown user' } });
    return { error: new AppError('BAD_CREDENTIALS') };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    return { error: new AppError('ACCOUNT_LOCKED', { until: user.lockedUntil.toISOString() }) };
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const attempts = user.failedAttempts + 1;
    const lock = attempts >= settings.maxFailedAttempts;
    const lockedUntil = lock ? new Date(now.getTime() + settings.lockoutMinutes * 60_000) : null;
    await updateUser(ctx.tx, user.id, { failedAttempts: lock ? 0 : attempts, lockedUntil });
    await ctx.audit.record({
      action: lock ? 'auth.locked' : 'auth.loginFailed',
      entityType: 'user',
      entityId: user.id,
      after: { username: user.username, attempts, lockedUntil },
    });
    return { error: lock ? new AppError('ACCOUNT_LOCKED', { until: (lockedUntil as Date).toISOString() }) : new AppError('BAD_CREDENTIALS') };
  }
  if (user.disabled) return { error: new AppError('ACCOUNT_DISABLED') };
  const expired = settings.passwordMaxAgeDays > 0 && now.getTime() - user.passwordChangedAt.getTime() > settings.passwordMaxAgeDays * 86_400_000;
  const updated = await updateUser(ctx.tx, user.id, {
    failedAttempts: 0,
    lockedUntil: null,
    lastLoginAt: now,
    mustChangePassword: user.mustChangePassword || expired,
  });
  const token = await createSession(ctx.tx, user.id, now, { ip: ctx.request.ip, userAgent: meta.userAgent });
  const actor = await buildActor(ctx.tx, updated, resolveUnit);
  await ctx.audit
    .as({ id: user.id, name: user.displayName, unit: actor.unitName })
    .record({ action: 'auth.login', entityType: 'user', entityId: user.id, after: { username: user.username } });
  return { token, actor };
}
