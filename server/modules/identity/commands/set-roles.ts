import { deleteUserSessions } from '../../../kernel/auth/session.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, invalid } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { accountPolicy, roleKindErrors } from '../account.policy.js';
import { listRoles, rolesOf, setUserRoles } from '../identity.repository.js';
import { lockAccount } from './_account.js';

/**
 * The security admin grants roles. 三权分立: a platform duty role goes only to a platform account,
 * one duty per account, never to oneself; business roles never go to platform accounts.
 */
export async function setRoles(ctx: Ctx, id: string, roles: string[]) {
  const u = await loadFor(ctx, accountPolicy, 'setRoles', (ex) => lockAccount(ex, id));
  const known = new Map((await listRoles(ctx.tx)).map((r) => [r.key, r]));
  const unknown = roles.filter((r) => !known.has(r));
  if (unknown.length) throw invalid(unknown.map(() => ({ field: 'roles', code: 'role' as const })));
  const en = ctx.request.locale === 'en-US';
  const duties = roles.map((r) => known.get(r)?.adminDuty).filter(Boolean);
  if (duties.length > 1)
    throw new AppError('SEPARATION_OF_DUTIES', { reason: en ? 'one account holds at most one administrator duty' : '一个账号只能承担一种管理员职责' });
  if (duties.length && roles.length > 1)
    throw new AppError('SEPARATION_OF_DUTIES', { reason: en ? 'an administrator account holds no business roles' : '管理员账号不能兼任业务角色' });
  if (duties.length && u.kind !== 'platform')
    throw new AppError('SEPARATION_OF_DUTIES', { reason: en ? 'administrator duties go to platform accounts only' : '管理员职责只能授予平台账号' });
  if (!duties.length && roles.length && u.kind === 'platform')
    throw new AppError('SEPARATION_OF_DUTIES', { reason: en ? 'platform accounts hold only administrator duties' : '平台账号只能承担管理员职责' });
  const misfits = roleKindErrors(u.kind, roles);
  if (misfits.length) throw invalid(misfits);
  const before = (await rolesOf(ctx.tx, [id])).get(id) ?? [];
  await setUserRoles(ctx.tx, id, roles);
  await deleteUserSessions(ctx.tx, id); // new permissions take effect at the next sign-in
  await ctx.audit.record({ action: 'user.rolesChanged', entityType: 'user', entityId: id, before: { roles: before }, after: { roles } });
}
