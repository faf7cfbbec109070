import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { accountPolicy } from '../account.policy.js';
import { updateUser } from '../identity.repository.js';
import { drawHalf, parseVerifier, splitVerifier } from '../split-password.js';
import { lockAccount, tellOfPassword } from './_account.js';

/**
 * The security administrator releases half B of a pending reset (never the one who reset): from now
 * on exactly A + B signs in, once, into a session that can only change the password
 * (PASSWORD_CHANGE_REQUIRED). Returns B, shown once and kept only as a hash.
 */
export async function releasePassword(ctx: Ctx, id: string): Promise<{ halfB: string }> {
  const u = await loadFor(ctx, accountPolicy, 'releasePassword', (ex) => lockAccount(ex, id));
  const pending = parseVerifier(u.passwordHash);
  if (pending.state !== 'resetPending') throw new AppError('NO_PASSWORD_RESET_PENDING'); // the policy saw it pending under the row lock
  const halfB = drawHalf();
  await updateUser(ctx.tx, id, { passwordHash: await splitVerifier(pending, halfB), passwordChangedAt: ctx.clock.now(), updatedAt: ctx.clock.now() });
  await ctx.audit.record({
    action: 'user.passwordReleased',
    entityType: 'user',
    entityId: id,
    after: { username: u.username, half: 'B', resetBy: pending.resetBy },
  });
  await tellOfPassword(ctx, u, 'released');
  return { halfB };
}
