import { checkPasswordPolicy, hashPassword } from '../../../kernel/auth/password.js';
import { loadSecuritySettings } from '../../../kernel/auth/security-settings.js';
import { deleteUserSessions } from '../../../kernel/auth/session.js';
import { clearAccount } from '../../../kernel/auth/throttle.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalid } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { accountPolicy } from '../account.policy.js';
import { updateUser } from '../identity.repository.js';
import { lockAccount, tellOfPassword } from './_account.js';

/**
 * The host operator's command line sets a whole temporary password (`taihang user reset-password`):
 * the operator is outside the three duties and holds the server anyway (the policy's setPassword).
 * The same consequences as a reset: changed before anything else works, sessions end, people told.
 */
export async function setTemporaryPassword(ctx: Ctx, id: string, newPassword: string) {
  const u = await loadFor(ctx, accountPolicy, 'setPassword', (ex) => lockAccount(ex, id));
  const errors = checkPasswordPolicy(newPassword, u.username, await loadSecuritySettings(ctx.tx), 'newPassword');
  if (errors.length) throw invalid(errors);
  await updateUser(ctx.tx, id, {
    passwordHash: await hashPassword(newPassword),
    passwordChangedAt: ctx.clock.now(),
    mustChangePassword: true,
    updatedAt: ctx.clock.now(),
  });
  await clearAccount(ctx.tx, u.username);
  await deleteUserSessions(ctx.tx, id);
  await ctx.audit.record({ action: 'user.passwordReset', entityType: 'user', entityId: id, after: { username: u.username, mustChangePassword: true } });
  await tellOfPassword(ctx, u, 'reset');
}
