import type { Permission } from '../../../common/permissions.js';
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
export type AccountAction = 'create' | 'disable' | 'enable' | 'resetPassword' | 'unlock' | 'setRoles' | 'changeOwnPassword';

/** The account as the policy sees it: who it is and which administrator duty it holds. */
export interface AccountTarget {
  id: string;
  duty: AdminDuty | null;
}

const NEEDS: Record<Exclude<AccountAction, 'changeOwnPassword'>, Permission> = {
  create: 'user.manage',
  disable: 'user.manage',
  enable: 'user.manage',
  resetPassword: 'user.manage',
  unlock: 'security.manage',
  setRoles: 'role.assign',
};

export const ACCOUNT_ACTIONS: readonly AccountAction[] = ['create', 'disable', 'enable', 'resetPassword', 'unlock', 'setRoles', 'changeOwnPassword'];

export const accountPolicy = definePolicy<AccountTarget, AccountAction>('user', ACCOUNT_ACTIONS, (actor, target, action): Verdict => {
  if (action === 'changeOwnPassword') return actor.id === target.id ? null : 'FORBIDDEN';
  if (isSystemScope(actor.scope)) return null; // the host operator's command line
  if (!actor.permissions.has(NEEDS[action])) return 'FORBIDDEN';
  if (actor.id === target.id) return 'OWN_ACCOUNT';
  if (target.duty) return 'ADMIN_ACCOUNT';
  return null;
});
