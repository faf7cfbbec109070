import type { Ctx } from '../../../kernel/context.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { accountPolicy } from '../account.policy.js';
import { updateUser } from '../identity.repository.js';

/** The signed-in user's language: the web's and that of the notifications delivered to them. */
export async function setOwnLocale(ctx: Ctx, locale: 'zh-CN' | 'en-US'): Promise<void> {
  allowNew(ctx, accountPolicy, 'updateOwn', { id: ctx.actor.id, duty: null, resetPendingBy: null });
  await updateUser(ctx.tx, ctx.actor.id, { locale });
  await ctx.audit.record({ action: 'user.localeChanged', entityType: 'user', entityId: ctx.actor.id, before: { locale: ctx.actor.locale }, after: { locale } });
}
