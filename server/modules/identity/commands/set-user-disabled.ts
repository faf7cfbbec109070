import { deleteUserSessions } from '../../../kernel/auth/session.js';
import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { accountPolicy } from '../account.policy.js';
import { updateUser } from '../identity.repository.js';
import { auditUser, lockAccount } from './_account.js';

/** Disables an account (its sessions end at once) or enables it again. */

export async function setUserDisabled(ctx: Ctx, id: string, disabled: boolean) {
  const u = await loadFor(ctx, accountPolicy, disabled ? 'disable' : 'enable', (ex) => lockAccount(ex, id));
  const after = await updateUser(ctx.tx, id, { disabled, updatedAt: ctx.clock.now() });
  if (disabled) await deleteUserSessions(ctx.tx, id);
  await ctx.audit.record({
    action: disabled ? 'user.disabled' : 'user.enabled',
    entityType: 'user',
    entityId: id,
    before: auditUser(u),
    after: auditUser(after),
  });
}
