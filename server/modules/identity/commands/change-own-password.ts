import { checkPasswordPolicy, hashPassword } from '../../../kernel/auth/password.js';
import { loadSecuritySettings } from '../../../kernel/auth/security-settings.js';
import { deleteUserSessions } from '../../../kernel/auth/session.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalid } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { accountPolicy } from '../account.policy.js';
import { updateUser } from '../identity.repository.js';
import { verifyAccountPassword } from '../split-password.js';
import { lockAccount, tellOfPassword } from './_account.js';

/**
 * Changes the signed-in user's password and ends every other session of theirs (a stolen or an
 * administrator's session does not survive the change). `keepToken` is the session that asked.
 */
export async function changeOwnPassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }, keepToken: string | null) {
  const u = await loadFor(ctx, accountPolicy, 'changeOwnPassword', (ex) => lockAccount(ex, ctx.actor.id));
  if (!(await verifyAccountPassword(u.passwordHash, input.currentPassword))) throw invalid([{ field: 'currentPassword', code: 'invalid' }]);
  const errors = checkPasswordPolicy(input.newPassword, u.username, await loadSecuritySettings(ctx.tx), 'newPassword');
  if (input.newPassword === input.currentPassword) errors.push({ field: 'newPassword', code: 'password.reuse' });
  if (errors.length) throw invalid(errors);
  await updateUser(ctx.tx, u.id, { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: ctx.clock.now(), mustChangePassword: false });
  await deleteUserSessions(ctx.tx, u.id, keepToken);
  await ctx.audit.record({ action: 'user.passwordChanged', entityType: 'user', entityId: u.id, after: { forced: u.mustChangePassword } });
  if (u.mustChangePassword) await tellOfPassword(ctx, u, 'forcedChange');
}
