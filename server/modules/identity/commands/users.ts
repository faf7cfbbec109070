import { at, notice } from '../../../../common/i18n/notifications.js';
import type { Executor } from '../../../db/client.js';
import { checkPasswordPolicy, hashPassword } from '../../../kernel/auth/password.js';
import { loadSecuritySettings } from '../../../kernel/auth/security-settings.js';
import { deleteUserSessions } from '../../../kernel/auth/session.js';
import { clearAccount, lockedUntilOf } from '../../../kernel/auth/throttle.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, invalid, notFound } from '../../../kernel/errors.js';
import { allowNew, loadFor, systemOnly } from '../../../kernel/gate/gate.js';
import { type AccountAction, type AccountTarget, accountPolicy, roleKindErrors } from '../account.policy.js';
import {
  activeUserIdsWithDuty,
  dutiesOf,
  findUserByUsername,
  insertUser,
  listRoles,
  lockUser,
  rolesOf,
  setUserRoles,
  type UserRow,
  updateUser,
} from '../identity.repository.js';
import { drawHalf, parseVerifier, pendingVerifier, resetPendingBy, splitVerifier, verifyAccountPassword } from '../split-password.js';

export interface CreateUserInput {
  username: string;
  displayName: string;
  kind: 'platform' | 'government' | 'industry' | 'enterprise' | 'group';
  departmentId?: string | null;
  enterpriseId?: string | null;
  phone?: string | null;
  /** Only the host operator's command line chooses an initial password (policy action setPassword). */
  password?: string;
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

/**
 * The system admin creates accounts (without roles: granting is the security admin's duty, 三权分立).
 * A new account starts like a reset one (split-password.ts): the creator gets half A and the security
 * administrator releases half B, so whoever created it cannot sign in first and keep it. The host
 * operator's command line may give a whole initial password instead.
 */
export async function createUser(ctx: Ctx, input: CreateUserInput, unitExists: (kind: string, id: string | null | undefined) => Promise<boolean>) {
  allowNew(ctx, accountPolicy, 'create', { id: '', duty: null, resetPendingBy: null });
  if (input.password !== undefined) allowNew(ctx, accountPolicy, 'setPassword', { id: '', duty: null, resetPendingBy: null });
  const settings = await loadSecuritySettings(ctx.tx);
  const errors = input.password !== undefined ? checkPasswordPolicy(input.password, input.username, settings) : [];
  const needsDept = input.kind === 'government' || input.kind === 'industry';
  const needsEnt = input.kind === 'enterprise' || input.kind === 'group';
  if (needsDept && !(await unitExists('department', input.departmentId))) errors.push({ field: 'departmentId', code: 'department' });
  if (needsEnt && !(await unitExists(input.kind, input.enterpriseId))) errors.push({ field: 'enterpriseId', code: 'enterprise' });
  if (await findUserByUsername(ctx.tx, input.username)) errors.push({ field: 'username', code: 'unique' });
  if (errors.length) throw invalid(errors);
  const halfA = drawHalf();
  const u = await insertUser(ctx.tx, {
    username: input.username,
    displayName: input.displayName,
    kind: input.kind,
    departmentId: needsDept ? (input.departmentId ?? null) : null,
    enterpriseId: needsEnt ? (input.enterpriseId ?? null) : null,
    phone: input.phone ?? null,
    passwordHash: input.password !== undefined ? await hashPassword(input.password) : await pendingVerifier(ctx.actor.id, halfA),
    passwordChangedAt: ctx.clock.now(),
    mustChangePassword: true,
  });
  await ctx.audit.record({
    action: 'user.created',
    entityType: 'user',
    entityId: u.id,
    after: { ...auditUser(u), password: input.password !== undefined ? 'set by the operator' : 'half A; half B from the security administrator' },
  });
  return { ...u, halfA: input.password !== undefined ? null : halfA };
}

/** The account under a row lock with the duty it holds, for the account policy (accounts are not data-scoped). */
async function lockAccount(ex: Executor, id: string): Promise<(UserRow & AccountTarget) | undefined> {
  const u = await lockUser(ex, id);
  return u && { ...u, duty: (await dutiesOf(ex, [u.id])).get(u.id) ?? null, resetPendingBy: resetPendingBy(u.passwordHash) };
}

/** Loads an account for an action through the gate: missing → 404, then the account policy (三权分立) answers. */
const loadAccount = (ctx: Ctx, id: string, action: AccountAction) => loadFor(ctx, accountPolicy, action, (ex) => lockAccount(ex, id));

/** The id of an account by its username, for the host operator's command line only. */
export async function accountIdOf(ctx: Ctx, username: string): Promise<string> {
  systemOnly(ctx);
  const u = await findUserByUsername(ctx.tx, username);
  if (!u) throw notFound();
  return u.id;
}

export async function setUserDisabled(ctx: Ctx, id: string, disabled: boolean) {
  const u = await loadAccount(ctx, id, disabled ? 'disable' : 'enable');
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

/**
 * The system administrator's reset of a business account, split knowledge (GB/T 22239-2019 8.1.4.2
 * 三权分立, two-person rule; split-password.ts): the current password stops working at once, every
 * session ends, and the administrator gets half A of a temporary password — never the whole of it.
 * The account cannot sign in until the security administrator releases half B (releasePassword).
 * Resetting again while one waits draws a new A. Returns A, shown once and kept only as a hash.
 */
export async function resetPassword(ctx: Ctx, id: string): Promise<{ halfA: string }> {
  const u = await loadAccount(ctx, id, 'resetPassword');
  const halfA = drawHalf();
  await updateUser(ctx.tx, id, {
    passwordHash: await pendingVerifier(ctx.actor.id, halfA),
    passwordChangedAt: ctx.clock.now(),
    mustChangePassword: true,
    updatedAt: ctx.clock.now(),
  });
  await clearAccount(ctx.tx, u.username);
  await deleteUserSessions(ctx.tx, id);
  await ctx.audit.record({
    action: 'user.passwordReset',
    entityType: 'user',
    entityId: id,
    after: { username: u.username, half: 'A', mustChangePassword: true },
  });
  await tellOfPassword(ctx, u, 'reset');
  return { halfA };
}

/**
 * The security administrator releases half B of a pending reset (never the one who reset): from now
 * on exactly A + B signs in, once, into a session that can only change the password
 * (PASSWORD_CHANGE_REQUIRED). Returns B, shown once and kept only as a hash.
 */
export async function releasePassword(ctx: Ctx, id: string): Promise<{ halfB: string }> {
  const u = await loadAccount(ctx, id, 'releasePassword');
  const pending = parseVerifier(u.passwordHash);
  if (pending.state !== 'resetPending') throw new AppError('NO_PASSWORD_RESET_PENDING'); // the policy saw it pending under the row lock
  const halfB = drawHalf();
  await updateUser(ctx.tx, id, { passwordHash: await splitVerifier(pending, halfB), passwordChangedAt: ctx.clock.now(), updatedAt: ctx.clock.now() });
  await ctx.audit.record({
    action: 'user.passwordReleased',
    entityType: 'user',
    entityId: id,
    after: { username: u.username, half: 'B', resetBy: pending.resetBy },
  });
  await tellOfPassword(ctx, u, 'released');
  return { halfB };
}

/**
 * The host operator's command line sets a whole temporary password (`taihang user reset-password`):
 * the operator is outside the three duties and holds the server anyway (the policy's setPassword).
 * The same consequences as a reset: changed before anything else works, sessions end, people told.
 */
export async function setTemporaryPassword(ctx: Ctx, id: string, newPassword: string) {
  const u = await loadAccount(ctx, id, 'setPassword');
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

async function tellOfPassword(ctx: Ctx, u: UserRow, what: 'reset' | 'released' | 'forcedChange') {
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

export async function unlockUser(ctx: Ctx, id: string) {
  const u = await loadAccount(ctx, id, 'unlock');
  const before = (await lockedUntilOf(ctx.tx, [u.username], ctx.clock.now())).get(u.username.toLowerCase()) ?? null;
  await clearAccount(ctx.tx, u.username);
  await ctx.audit.record({ action: 'user.unlocked', entityType: 'user', entityId: id, before: { lockedUntil: before }, after: { lockedUntil: null } });
}

/**
 * The security admin grants roles. 三权分立: a platform duty role goes only to a platform account,
 * one duty per account, never to oneself; business roles never go to platform accounts.
 */
export async function setRoles(ctx: Ctx, id: string, roles: string[]) {
  const u = await loadAccount(ctx, id, 'setRoles');
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

/**
 * Changes the signed-in user's password and ends every other session of theirs (a stolen or an
 * administrator's session does not survive the change). `keepToken` is the session that asked.
 */
export async function changeOwnPassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }, keepToken: string | null) {
  const u = await loadAccount(ctx, ctx.actor.id, 'changeOwnPassword');
  if (!(await verifyAccountPassword(u.passwordHash, input.currentPassword))) throw invalid([{ field: 'currentPassword', code: 'invalid' }]);
  const errors = checkPasswordPolicy(input.newPassword, u.username, await loadSecuritySettings(ctx.tx), 'newPassword');
  if (input.newPassword === input.currentPassword) errors.push({ field: 'newPassword', code: 'password.reuse' });
  if (errors.length) throw invalid(errors);
  await updateUser(ctx.tx, u.id, { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: ctx.clock.now(), mustChangePassword: false });
  await deleteUserSessions(ctx.tx, u.id, keepToken);
  await ctx.audit.record({ action: 'user.passwordChanged', entityType: 'user', entityId: u.id, after: { forced: u.mustChangePassword } });
  if (u.mustChangePassword) await tellOfPassword(ctx, u, 'forcedChange');
}
