import { at, notice } from '../../../../common/i18n/notifications.js';
import type { Executor } from '../../../db/client.js';
import type { Ctx } from '../../../kernel/context.js';
import type { AccountTarget } from '../account.policy.js';
import { activeUserIdsWithDuty, dutiesOf, lockUser, type UserRow } from '../identity.repository.js';
import { resetPendingBy } from '../split-password.js';

/** Steps the account commands share: what an audit row keeps of an account, the loader for the gate, telling of password events. */

/** What an audit row keeps of an account (never its password hash). */
export const auditUser = (u: UserRow) => ({
  username: u.username,
  displayName: u.displayName,
  kind: u.kind,
  departmentId: u.departmentId,
  enterpriseId: u.enterpriseId,
  disabled: u.disabled,
  phone: u.phone,
});

/**
 * The account under a row lock with the duty it holds: the loader each account command hands to `loadFor`, so
 * missing is 404 and then the account policy (三权分立) answers (accounts are not data-scoped).
 */
export async function lockAccount(ex: Executor, id: string): Promise<(UserRow & AccountTarget) | undefined> {
  const u = await lockUser(ex, id);
  return u && { ...u, duty: (await dutiesOf(ex, [u.id])).get(u.id) ?? null, resetPendingBy: resetPendingBy(u.passwordHash) };
}

/**
 * Tells the account and every security administrator of a password event.
 * @gated-by resetPassword
 */
export async function tellOfPassword(ctx: Ctx, u: UserRow, what: 'reset' | 'released' | 'forcedChange') {
  // The account by name with its login name: a security notice must say exactly which account.
  const params = {
    account: `${u.displayName}（${u.username}）`,
    by: `${ctx.actor.displayName}（${ctx.actor.username}）`,
    at: at(ctx.clock.now()),
    ip: ctx.request.ip ?? '-',
  };
  const text =
    what === 'reset'
      ? notice('user.password.reset', params)
      : what === 'released'
        ? notice('user.password.released', params)
        : notice('user.password.forcedChange', { account: params.account, at: params.at, ip: params.ip });
  const securityAdmins = await activeUserIdsWithDuty(ctx.tx, 'security');
  await ctx.notify.send({ userIds: [u.id, ...securityAdmins], kind: `user.password.${what}`, notice: text, entityType: 'user', entityId: u.id });
}
