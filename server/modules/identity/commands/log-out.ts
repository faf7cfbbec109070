import { deleteSession } from '../../../kernel/auth/session.js';
import type { Ctx } from '../../../kernel/context.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { accountPolicy } from '../account.policy.js';

/** Ends the session that asks (the user's other sessions stay). */
export async function logOut(ctx: Ctx, sessionToken: string | null | undefined): Promise<void> {
  allowNew(ctx, accountPolicy, 'updateOwn', { id: ctx.actor.id, duty: null, resetPendingBy: null });
  if (sessionToken) await deleteSession(ctx.tx, sessionToken);
  await ctx.audit.record({ action: 'auth.logout', entityType: 'user', entityId: ctx.actor.id });
}
