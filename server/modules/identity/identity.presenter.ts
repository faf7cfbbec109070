import type { z } from 'zod';
import { ADMIN_DUTIES, type ZMe, type ZRole, type ZUser } from '../../../common/contracts/identity.js';
import { ALL_PERMISSIONS } from '../../../common/permissions.js';
import type { Actor } from '../../kernel/actor.js';
import type { AccountAction } from './account.policy.js';
import type { UserRow } from './identity.repository.js';

/** The signed-in user as the web needs it: who, which unit, which roles, and the permissions in catalogue order. */
export function presentMe(a: Actor): z.input<typeof ZMe> {
  return {
    user: {
      id: a.id,
      username: a.username,
      displayName: a.displayName,
      kind: a.kind,
      unitName: a.unitName,
      locale: a.locale,
      roles: a.roles,
      mustChangePassword: a.mustChangePassword,
    },
    permissions: ALL_PERMISSIONS.filter((p) => a.permissions.has(p)),
  };
}

/** What the user list shows of an account (never its password hash) and the actions its row offers. */
export function presentUser(
  u: UserRow,
  facts: {
    roles: string[];
    unitName: string | null;
    lockedUntil: Date | null;
    resetPending: boolean;
    abilities: Record<AccountAction, boolean>;
  },
): z.input<typeof ZUser> {
  const { disable, enable, resetPassword, releasePassword, unlock, setRoles } = facts.abilities;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    kind: u.kind as z.input<typeof ZUser>['kind'],
    departmentId: u.departmentId,
    enterpriseId: u.enterpriseId,
    phone: u.phone,
    disabled: u.disabled,
    locked: facts.lockedUntil !== null,
    lockedUntil: facts.lockedUntil?.toISOString() ?? null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    roles: facts.roles,
    unitName: facts.unitName,
    mustChangePassword: u.mustChangePassword,
    resetPending: facts.resetPending,
    abilities: { disable, enable, resetPassword, releasePassword, unlock, setRoles },
  };
}

/** A role and its permissions; a duty the code does not know is shown as none (roles are synced from code on start). */
export function presentRole(r: {
  key: string;
  name: string;
  nameEn: string;
  permissions: string[];
  adminDuty: string | null;
  builtin: boolean;
}): z.input<typeof ZRole> {
  const duty = ADMIN_DUTIES.find((d) => d === r.adminDuty) ?? null;
  return { key: r.key, name: r.name, nameEn: r.nameEn, permissions: r.permissions, adminDuty: duty, builtin: r.builtin };
}
