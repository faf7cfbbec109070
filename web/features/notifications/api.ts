import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZNotification, ZUnreadCount } from '../../../common/contracts/platform';
import { api } from '../../lib/api';

export type TNotification = z.infer<typeof ZNotification>;

export const UNREAD_KEY = ['notifications', 'unread-count'] as const;

export function useUnreadCount() {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: () => api<z.infer<typeof ZUnreadCount>>('/api/notifications/unread-count'),
    refetchInterval: 60_000,
    select: (d) => d.count,
  });
}
