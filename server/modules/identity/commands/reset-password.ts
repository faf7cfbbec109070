import { deleteUserSessions } from '../../../kernel/auth/session.js';
import { clearAccount } from '../../../kernel/auth/throttle.js';
import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { accountPolicy } from '../account.policy.js';
import { updateUser } from '../identity.repository.js';
import { drawHalf, pendingVerifier } from '../split-password.js';
import { lockAccount, tellOfPassword } from './_account.js';

/**
 * The system administrator's reset of a business account, split knowledge (GB/T 22239-2019 8.1.4.2
 * 三权分立, two-person rule; split-password.ts): the current password stops working at once, every
 * session ends, and the administrator gets half A of a temporary password — never the whole of it.
 * The account cannot sign in until the security administrator releases half B (releasePassword).
 * Resetting again while one waits draws a new A. Returns A, shown once and kept only as a hash.
 */
export async function resetPassword(ctx: Ctx, id: string): Promise<{ halfA: string }> {
  const u = await loadFor(ctx, accountPolicy, 'resetPassword', (ex) => lockAccount(ex, id));
  const halfA = drawHalf();
  await updateUser(ctx.tx, id, {
    passwordHash: await pendingVerifier(ctx.actor.id, halfA),
    passwordChangedAt: ctx.clock.now(),
    mustChangePassword: true,
    updatedAt: ctx.clock.now(),
  });
  await clearAccount(ctx.tx, u.username);
  await deleteUserSessions(ctx.tx, id);
  await ctx.audit.record({
    action: 'user.passwordReset',
    entityType: 'user',
    entityId: id,
    after: { username: u.username, half: 'A', mustChangePassword: true },
  });
  await tellOfPassword(ctx, u, 'reset');
  return { halfA };
}
