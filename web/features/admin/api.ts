import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page, type Query } from '../../lib/api';
import type { UserKind } from '../../lib/auth';

/** A user account as listed by GET /api/users. */
export interface TUser {
  id: string;
  username: string;
  displayName: string;
  kind: UserKind;
  unitName?: string | null;
  departmentId?: string | null;
  enterpriseId?: string | null;
  phone?: string | null;
  roles: string[];
  disabled: boolean;
  /** Whether a lockout is running now (server clock). */
  locked?: boolean;
  lockedUntil?: string | null;
  lastLoginAt?: string | null;
  mustChangePassword?: boolean;
  /** A password reset waits for the security administrator's second half. */
  resetPending?: boolean;
  /** What the signed-in administrator may do to this account (server/modules/identity/account.policy.ts). */
  abilities: { disable: boolean; enable: boolean; resetPassword: boolean; releasePassword: boolean; unlock: boolean; setRoles: boolean };
}

export interface TRole {
  key: string;
  name: string;
  nameEn: string;
  permissions: string[];
  adminDuty: 'system' | 'security' | 'audit' | null;
}

export const USER_KINDS: UserKind[] = ['platform', 'government', 'industry', 'enterprise', 'group'];

export function useUsers(query: Query) {
  return useQuery({
    queryKey: ['users', query],
    queryFn: () => api<Page<TUser>>('/api/users', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => api<{ items: TRole[] }>('/api/roles'),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** True while a lockout is still running (the server's flag when sent, else the end time). */
export function isLocked(u: Pick<TUser, 'locked' | 'lockedUntil'>, now = Date.now()): boolean {
  if (typeof u.locked === 'boolean') return u.locked;
  return Boolean(u.lockedUntil && Date.parse(u.lockedUntil) > now);
}
