import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Permission } from '../../common/permissions';
import { ApiError, api } from './api';

export type UserKind = 'platform' | 'government' | 'industry' | 'enterprise' | 'group';

export interface MeUser {
  id: string;
  username: string;
  displayName: string;
  kind: UserKind;
  unitName: string | null;
  locale: 'zh-CN' | 'en-US';
  roles: string[];
  mustChangePassword: boolean;
}

export interface Me {
  user: MeUser;
  permissions: string[];
}

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no valid session. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/api/auth/me', { allowUnauthenticated: true });
    return { user: me.user, permissions: me.permissions };
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** `can('enterprise.create')`: whether the user's roles grant a permission (the server still decides). */
export function useCan(): (permission: Permission) => boolean {
  const { data } = useMe();
  return useCallback((permission: Permission) => Boolean(data?.permissions.includes(permission)), [data]);
}

/** Ends the session on the client: forgets the user and every cached answer fetched as them. */
export function forgetSession(qc: QueryClient): void {
  qc.setQueryData(ME_KEY, null);
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
}

/** Starts a session on the client with the user returned by login. */
export function useSetMe(): (me: Me) => void {
  const qc = useQueryClient();
  return useCallback(
    (me: Me) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, { user: me.user, permissions: me.permissions });
    },
    [qc],
  );
}
