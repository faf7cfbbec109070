import type { Permission } from '../../../common/permissions.js';
import type { UserKind } from '../../kernel/actor.js';
import type { FieldError } from '../../kernel/errors.js';
import { definePolicy, type Verdict } from '../../kernel/gate/gate.js';
import { isSystemScope } from '../../kernel/scope/scope.js';

/**
 * What may be done to an account (PURE; docs/decisions/0005-separation-of-duties-and-sign-in.md).
 * 三权分立 (GB/T 22239-2019 8.1.4.2 访问控制 c/d, 8.1.4.4 安全管理中心): the system administrator manages
 * business accounts, the security administrator grants roles and lifts lockouts, the audit administrator
 * only reads the log — and none of them acts on an account that holds an administrator duty (a peer's,
 * or another of the same duty) or on their own account. Administrator accounts are managed on the
 * server host with the `taihang user` command (the operator, outside the three duties, audited as "cli").
 */
export type AdminDuty = 'system' | 'security' | 'audit';
export type AccountAction =
  | 'create'
  | 'disable'
  | 'enable'
  | 'resetPassword'
  | 'releasePassword'
  | 'setPassword'
  | 'unlock'
  | 'setRoles'
  | 'changeOwnPassword'
  /** The signed-in user's own session and preferences (sign out, language). */
  | 'updateOwn';

/**
 * The account as the policy sees it: who it is, which administrator duty it holds, and — while a
 * password reset waits for its second half — who reset it (split-password.ts).
 */
export interface AccountTarget {
  id: string;
  duty: AdminDuty | null;
  resetPendingBy: string | null;
}

const NEEDS: Record<Exclude<AccountAction, 'changeOwnPassword' | 'updateOwn' | 'setPassword'>, Permission> = {
  create: 'user.manage',
  disable: 'user.manage',
  enable: 'user.manage',
  resetPassword: 'user.manage',
  releasePassword: 'security.manage',
  unlock: 'security.manage',
  setRoles: 'role.assign',
};

export const ACCOUNT_ACTIONS: readonly AccountAction[] = [
  'create',
  'disable',
  'enable',
  'resetPassword',
  'releasePassword',
  'setPassword',
  'unlock',
  'setRoles',
  'changeOwnPassword',
  'updateOwn',
];

export const accountPolicy = definePolicy<AccountTarget, AccountAction>('user', ACCOUNT_ACTIONS, (actor, target, action): Verdict => {
  if (action === 'changeOwnPassword' || action === 'updateOwn') return actor.id === target.id ? null : 'FORBIDDEN';
  // Choosing a whole password of another account is the host operator's alone (outside the three
  // duties); an administrator's reset is split between two people (resetPassword + releasePassword).
  if (action === 'setPassword') return isSystemScope(actor.scope) ? null : 'FORBIDDEN';
  if (isSystemScope(actor.scope)) return null; // the host operator's command line
  if (!actor.permissions.has(NEEDS[action])) return 'FORBIDDEN';
  if (actor.id === target.id) return 'OWN_ACCOUNT';
  if (target.duty) return 'ADMIN_ACCOUNT';
  if (action === 'releasePassword') {
    if (!target.resetPendingBy) return 'NO_PASSWORD_RESET_PENDING';
    // Two people, whatever roles they hold: the one who drew half A never draws half B.
    if (target.resetPendingBy === actor.id) return 'PASSWORD_HALVES_ONE_PERSON';
  }
  return null;
});

/** The security policy (lockout, timeouts, password rules) is the security administrator's (security.manage). */
export const securitySettingsPolicy = definePolicy<Record<string, never>, 'configure'>(
  'security_settings',
  ['configure'],
  (actor): Verdict => (actor.permissions.has('security.manage') ? null : 'FORBIDDEN'),
);

/**
 * Which kinds of account each built-in role fits: a role's permissions are scoped by the account's
 * unit, so an enterprise account holding `regulator-admin` would act as a regulator of its own
 * enterprise. A role not listed here fits no account (fails closed; a test checks every built-in role).
 */
export const ROLE_ACCOUNT_KINDS: Record<string, readonly UserKind[]> = {
  'system-admin': ['platform'],
  'security-admin': ['platform'],
  'audit-admin': ['platform'],
  'regulator-admin': ['government', 'industry'],
  regulator: ['government', 'industry'],
  'enterprise-manager': ['enterprise'],
  'enterprise-worker': ['enterprise'],
  'group-manager': ['group'],
};

/** The roles that do not fit the account's kind (400 naming `roles`). PURE. */
export function roleKindErrors(kind: string, roles: readonly string[]): FieldError[] {
  return roles
    .filter((r) => !ROLE_ACCOUNT_KINDS[r]?.includes(kind as UserKind))
    .map((r) => ({ field: 'roles', code: 'role.kind' as const, params: { role: r } }));
}
