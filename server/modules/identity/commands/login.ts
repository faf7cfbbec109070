import type { UnitResolver } from '../../../kernel/actor.js';
import { consumeCaptcha } from '../../../kernel/auth/captcha.js';
import { dummyHash } from '../../../kernel/auth/password.js';
import { loadSecuritySettings } from '../../../kernel/auth/security-settings.js';
import { buildActor, createSession } from '../../../kernel/auth/session.js';
import { recordFailure, recordSuccess, type ThrottleState, throttleState } from '../../../kernel/auth/throttle.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { systemOnly } from '../../../kernel/gate/gate.js';
import { findUserByUsername, updateUser } from '../identity.repository.js';
import { verifyAccountPassword } from '../split-password.js';

export interface LoginInput {
  username: string;
  password: string;
  captchaId?: string;
  captcha?: string;
}

/** A refused sign-in: the error to send and how long to hold the answer (kernel/auth/throttle.ts). */
export interface LoginRefusal {
  error: AppError;
  delayMs: number;
}

/** Every refusal carries whether the next attempt needs the captcha; it depends only on the typed name and the address. */
const refuse = (code: 'BAD_CREDENTIALS' | 'CAPTCHA_REQUIRED' | 'CAPTCHA_INVALID', next: ThrottleState): LoginRefusal => ({
  error: new AppError(code, {}, [], { captcha: next.captchaRequired }),
  delayMs: next.delayMs,
});

/**
 * Password sign-in (GB/T 22239-2019 8.1.4.1 b 登录失败处理) with the throttle of kernel/auth/throttle.ts.
 * An unknown name, a wrong password and a locked (account, address) pair get the same answer after the
 * same work (one argon2 verification, one count, one audit row, the same delay), so answers tell
 * nothing about which names exist. Failures are counted and audited even though the request fails,
 * so this command commits its own bookkeeping.
 */
export async function login(
  ctx: Ctx,
  input: LoginInput,
  resolveUnit: UnitResolver,
  meta: { userAgent: string | null },
): Promise<LoginRefusal | { token: string; actor: Awaited<ReturnType<typeof buildActor>> }> {
  systemOnly(ctx); // runs as the system actor named after the typed username (identity.routes.ts)
  const settings = await loadSecuritySettings(ctx.tx);
  const now = ctx.clock.now();
  const ip = ctx.request.ip ?? '-';
  const state = await throttleState(ctx.tx, input.username, ip, now, settings);
  if (state.captchaRequired) {
    if (!input.captchaId || !input.captcha) return refuse('CAPTCHA_REQUIRED', state);
    if (!(await consumeCaptcha(ctx.tx, input.captchaId, input.captcha, now))) {
      const next = await recordFailure(ctx.tx, input.username, ip, now, settings, { addressOnly: true });
      await ctx.audit.record({ action: 'auth.captchaFailed', entityType: 'user', after: { username: input.username } });
      return refuse('CAPTCHA_INVALID', next);
    }
  }
  const user = await findUserByUsername(ctx.tx, input.username);
  // A locked pair still costs one verification, against the dummy hash: same time as any other failure.
  const ok = await verifyAccountPassword(user && !state.pairLocked ? user.passwordHash : await dummyHash(), input.password);
  if (!user || state.pairLocked || !ok) {
    const next = await recordFailure(ctx.tx, input.username, ip, now, settings);
    await ctx.audit.record({
      action: next.lockedNow ? 'auth.locked' : 'auth.loginFailed',
      entityType: 'user',
      entityId: user?.id,
      after: { username: input.username, reason: !user ? 'unknown user' : state.pairLocked ? 'locked' : 'wrong password' },
    });
    return refuse('BAD_CREDENTIALS', next);
  }
  if (user.disabled) return { error: new AppError('ACCOUNT_DISABLED'), delayMs: 0 };
  await recordSuccess(ctx.tx, input.username, ip);
  const expired = settings.passwordMaxAgeDays > 0 && now.getTime() - user.passwordChangedAt.getTime() > settings.passwordMaxAgeDays * 86_400_000;
  const updated = await updateUser(ctx.tx, user.id, { lastLoginAt: now, mustChangePassword: user.mustChangePassword || expired });
  const token = await createSession(ctx.tx, user.id, now, { ip: ctx.request.ip, userAgent: meta.userAgent });
  const actor = await buildActor(ctx.tx, updated, resolveUnit);
  await ctx.audit
    .as({ id: user.id, name: user.displayName, unit: actor.unitName })
    .record({ action: 'auth.login', entityType: 'user', entityId: user.id, after: { username: user.username } });
  return { token, actor };
}
