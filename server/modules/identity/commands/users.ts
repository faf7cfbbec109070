import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../../kernel/auth/password.js';
import { loadSecuritySettings } from '../../../kernel/auth/security-settings.js';
import { deleteUserSessions } from '../../../kernel/auth/session.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, invalid, notFound } from '../../../kernel/errors.js';
import { findUserByUsername, getUser, insertUser, listRoles, lockUser, rolesOf, setUserRoles, type UserRow, updateUser } from '../identity.repository.js';

export interface CreateUserInput {
  username: string;
  displayName: string;
  kind: 'platform' | 'government' | 'industry' | 'enterprise' | 'group';
  departmentId?: string | null;
  enterpriseId?: string | null;
  phone?: string | null;
  password: string;
}

const auditUser = (u: UserRow) => ({
  username: u.username,
  displayName: u.displayName,
  kind: u.kind,
  departmentId: u.departmentId,
  enterpriseId: u.enterpriseId,
  disabled: u.disabled,
  phone: u.phone,
});

/** The system admin creates accounts (without roles: granting is the security admin's duty, 三权分立). */
export async function createUser(ctx: Ctx, input: CreateUserInput, unitExists: (kind: string, id: string | null | undefined) => Promise<boolean>) {
  const settings = await loadSecuritySettings(ctx.tx);
  const errors = checkPasswordPolicy(input.password, input.username, settings);
  const needsDept = input.kind === 'government' || input.kind === 'industry';
  const needsEnt = input.kind === 'enterprise' || input.kind === 'group';
  if (needsDept && !(await unitExists('department', input.departmentId))) errors.push({ field: 'departmentId', code: 'department' });
  if (needsEnt && !(await unitExists(input.kind, input.enterpriseId))) errors.push({ field: 'enterpriseId', code: 'enterprise' });
  if (await findUserByUsername(ctx.tx, input.username)) errors.push({ field: 'username', code: 'unique' });
  if (errors.length) throw invalid(errors);
  const u = await insertUser(ctx.tx, {
    username: input.username,
    displayName: input.displayName,
    kind: input.kind,
    departmentId: needsDept ? (input.departmentId ?? null) : null,
    enterpriseId: needsEnt ? (input.enterpriseId ?? null) : null,
    phone: input.phone ?? null,
    passwordHash: await hashPassword(input.password),
    passwordChangedAt: ctx.clock.now(),
    mustChangePassword: true,
  });
  await ctx.audit.record({ action: 'user.created', entityType: 'user', entityId: u.id, after: auditUser(u) });
  return u;
}

export async function setUserDisabled(ctx: Ctx, id: string, disabled: boolean) {
  const u = await lockUser(ctx.tx, id);
  if (!u) throw notFound();
  if (u.id === ctx.actor.id)
    throw new AppError('SEPARATION_OF_DUTIES', { reason: ctx.request.locale === 'en-US' ? 'you cannot disable yourself' : '不能停用自己的账号' });
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

export async function resetPassword(ctx: Ctx, id: string, newPassword: string) {
  const u = await lockUser(ctx.tx, id);
  if (!u) throw notFound();
  const errors = checkPasswordPolicy(newPassword, u.username, await loadSecuritySettings(ctx.tx), 'newPassword');
  if (errors.length) throw invalid(errors);
  await updateUser(ctx.tx, id, {
    passwordHash: await hashPassword(newPassword),
    passwordChangedAt: ctx.clock.now(),
    mustChangePassword: true,
    failedAttempts: 0,
  });
  await deleteUserSessions(ctx.tx, id);
  await ctx.audit.record({ action: 'user.passwordReset', entityType: 'user', entityId: id, after: { username: u.username } });
}

export async function unlockUser(ctx: Ctx, id: string) {
  const u = await lockUser(ctx.tx, id);
  if (!u) throw notFound();
  await updateUser(ctx.tx, id, { lockedUntil: null, failedAttempts: 0 });
  await ctx.audit.record({ action: 'user.unlocked', entityType: 'user', entityId: id, before: { lockedUntil: u.lockedUntil }, after: { lockedUntil: null } });
}

/**
 * The security admin grants roles. 三权分立: a platform duty role goes only to a platform account,
 * one duty per account, never to oneself; business roles never go to platform accounts.
 */
export async function setRoles(ctx: Ctx, id: string, roles: string[]) {
  const u = await lockUser(ctx.tx, id);
  if (!u) throw notFound();
  const known = new Map((await listRoles(ctx.tx)).map((r) => [r.key, r]));
  const unknown = roles.filter((r) => !known.has(r));
  if (unknown.length) throw invalid(unknown.map(() => ({ field: 'roles', code: 'role' as const })));
  const en = ctx.request.locale === 'en-US';
  const duties = roles.map((r) => known.get(r)?.adminDuty).filter(Boolean);
  if (u.id === ctx.actor.id) throw new AppError('SEPARATION_OF_DUTIES', { reason: en ? 'you cannot change your own roles' : '不能修改自己的角色' });
  if (duties.length > 1)
    throw new AppError('SEPARATION_OF_DUTIES', { reason: en ? 'one account holds at most one administrator duty' : '一个账号只能承担一种管理员职责' });
  if (duties.length && roles.length > 1)
    throw new AppError('SEPARATION_OF_DUTIES', { reason: en ? 'an administrator account holds no business roles' : '管理员账号不能兼任业务角色' });
  if (duties.length && u.kind !== 'platform')
    throw new AppError('SEPARATION_OF_DUTIES', { reason: en ? 'administrator duties go to platform accounts only' : '管理员职责只能授予平台账号' });
  if (!duties.length && roles.length && u.kind === 'platform')
    throw new AppError('SEPARATION_OF_DUTIES', { reason: en ? 'platform accounts hold only administrator duties' : '平台账号只能承担管理员职责' });
  const before = (await rolesOf(ctx.tx, [id])).get(id) ?? [];
  await setUserRoles(ctx.tx, id, roles);
  await deleteUserSessions(ctx.tx, id); // new permissions take effect at the next sign-in
  await ctx.audit.record({ action: 'user.rolesChanged', entityType: 'user', entityId: id, before: { roles: before }, after: { roles } });
}

export async function changeOwnPassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }) {
  const u = await getUser(ctx.tx, ctx.actor.id);
  if (!u) throw notFound();
  if (!(await verifyPassword(u.passwordHash, input.currentPassword))) throw invalid([{ field: 'currentPassword', code: 'invalid' }]);
  const errors = checkPasswordPolicy(input.newPassword, u.username, await loadSecuritySettings(ctx.tx), 'newPassword');
  if (input.newPassword === input.currentPassword) errors.push({ field: 'newPassword', code: 'password.reuse' });
  if (errors.length) throw invalid(errors);
  await updateUser(ctx.tx, u.id, { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: ctx.clock.now(), mustChangePassword: false });
  await ctx.audit.record({ action: 'user.passwordChanged', entityType: 'user', entityId: u.id });
}
