import type { Permission } from '../../../common/permissions.js';
import type { Actor } from '../../kernel/actor.js';

/**
 * What an administrator may do to an account (PURE; docs/decisions/0005-separation-of-duties-and-sign-in.md).
 * 三权分立 (GB/T 22239-2019 8.1.4.2 访问控制 c/d, 8.1.4.4 安全管理中心): the system administrator manages
 * business accounts, the security administrator grants roles and lifts lockouts, the audit administrator
 * only reads the log — and none of them acts on an account that holds an administrator duty (a peer's,
 * or another of the same duty) or on their own account. Administrator accounts are managed on the
 * server host with the `taihang user` command (the operator, outside the three duties, audited as "cli").
 */
export type AccountAction = 'disable' | 'enable' | 'resetPassword' | 'unlock' | 'setRoles';
export type AdminDuty = 'system' | 'security' | 'audit';

const NEEDS: Record<AccountAction, Permission> = {
  disable: 'user.manage',
  enable: 'user.manage',
  resetPassword: 'user.manage',
  unlock: 'security.manage',
  setRoles: 'role.assign',
};

export type AccountDenial = 'permission' | 'self' | 'dutyAccount';

export function accountDenial(
  actor: Pick<Actor, 'id' | 'permissions' | 'scope'>,
  target: { id: string; duty: AdminDuty | null },
  action: AccountAction,
): AccountDenial | null {
  if (actor.scope.kind === 'system') return null; // the host operator's command line
  if (!actor.permissions.has(NEEDS[action])) return 'permission';
  if (actor.id === target.id) return 'self';
  if (target.duty) return 'dutyAccount';
  return null;
}

export function accountAbilities(actor: Pick<Actor, 'id' | 'permissions' | 'scope'>, target: { id: string; duty: AdminDuty | null }) {
  const can = (a: AccountAction) => accountDenial(actor, target, a) === null;
  return { disable: can('disable'), enable: can('enable'), resetPassword: can('resetPassword'), unlock: can('unlock'), setRoles: can('setRoles') };
}

export const DENIAL_REASON: Record<Exclude<AccountDenial, 'permission'>, { 'zh-CN': string; 'en-US': string }> = {
  self: {
    'zh-CN': '不能对自己的账号执行此操作（本人密码请在“修改密码”中修改）',
    'en-US': 'you cannot do this to your own account (change your own password under Change password)',
  },
  dutyAccount: {
    'zh-CN': '管理员（系统、安全、审计）账号只能由服务器运维人员用 taihang 命令行管理，管理员不能操作其他管理员的账号',
    'en-US':
      "administrator accounts (system, security, audit) are managed only with the taihang command on the server; no administrator acts on another administrator's account",
  },
};
