import { checkPasswordPolicy, hashPassword } from '../../../kernel/auth/password.js';
import { loadSecuritySettings } from '../../../kernel/auth/security-settings.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalid } from '../../../kernel/errors.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { accountPolicy } from '../account.policy.js';
import { findUserByUsername, insertUser } from '../identity.repository.js';
import { drawHalf, pendingVerifier } from '../split-password.js';
import { auditUser } from './_account.js';

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
