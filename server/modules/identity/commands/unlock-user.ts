import { clearAccount, lockedUntilOf } from '../../../kernel/auth/throttle.js';
import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { accountPolicy } from '../account.policy.js';
import { lockAccount } from './_account.js';

/** Lifts the lockouts of an account after failed sign-ins (every address). */

export async function unlockUser(ctx: Ctx, id: string) {
  const u = await loadFor(ctx, accountPolicy, 'unlock', (ex) => lockAccount(ex, id));
  const before = (await lockedUntilOf(ctx.tx, [u.username], ctx.clock.now())).get(u.username.toLowerCase()) ?? null;
  await clearAccount(ctx.tx, u.username);
  await ctx.audit.record({ action: 'user.unlocked', entityType: 'user', entityId: id, before: { lockedUntil: before }, after: { lockedUntil: null } });
}
