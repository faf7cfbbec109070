import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZRole, ZRoleList, ZUser, ZUserPage } from '../../../common/contracts/identity';
import { api, type Query } from '../../lib/api';
import type { UserKind } from '../../lib/auth';

/** A user account as listed by GET /api/users, and a role with its permissions (common/contracts/identity.ts). */
export type TUser = z.infer<typeof ZUser>;
export type TRole = z.infer<typeof ZRole>;

export const USER_KINDS: UserKind[] = ['platform', 'government', 'industry', 'enterprise', 'group'];

export function useUsers(query: Query) {
  return useQuery({
    queryKey: ['users', query],
    queryFn: () => api<z.infer<typeof ZUserPage>>('/api/users', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => api<z.infer<typeof ZRoleList>>('/api/roles'),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** True while a lockout is still running (the server's clock decides). */
export function isLocked(u: Pick<TUser, 'locked'>): boolean {
  return u.locked;
}
