import type { z } from 'zod';
import type { ZUserListQuery } from '../../../../common/contracts/identity.js';
import type { UserKind } from '../../../kernel/actor.js';
import { lockedUntilOf } from '../../../kernel/auth/throttle.js';
import type { Ctx, Deps } from '../../../kernel/context.js';
import { abilitiesOf } from '../../../kernel/gate/gate.js';
import { accountPolicy } from '../account.policy.js';
import { presentUser } from '../identity.presenter.js';
import { dutiesOf, findUsers, rolesOf } from '../identity.repository.js';
import { resetPendingBy } from '../split-password.js';

/** User accounts, paged, each with its roles, unit, running lockout and what the caller may do to it (三权分立). */
export async function listUsersQuery(ctx: Ctx, resolveUnit: Deps['resolveUnit'], query: z.output<typeof ZUserListQuery>) {
  const { rows, total } = await findUsers(ctx.tx, query);
  const ids = rows.map((r) => r.id);
  const [roles, units, locks, duties] = await Promise.all([
    rolesOf(ctx.tx, ids),
    Promise.all(rows.map((u) => resolveUnit(ctx.tx, { kind: u.kind as UserKind, departmentId: u.departmentId, enterpriseId: u.enterpriseId }))),
    lockedUntilOf(
      ctx.tx,
      rows.map((u) => u.username),
      ctx.clock.now(),
    ),
    dutiesOf(ctx.tx, ids),
  ]);
  return {
    items: rows.map((u, i) => {
      const pendingBy = resetPendingBy(u.passwordHash);
      return presentUser(u, {
        roles: roles.get(u.id) ?? [],
        unitName: units[i]?.unitName ?? null,
        lockedUntil: locks.get(u.username.toLowerCase()) ?? null,
        resetPending: pendingBy !== null,
        abilities: abilitiesOf(accountPolicy, ctx.actor, { id: u.id, duty: duties.get(u.id) ?? null, resetPendingBy: pendingBy }),
      });
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
