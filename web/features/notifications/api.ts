import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface TNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export const UNREAD_KEY = ['notifications', 'unread-count'] as const;

export function useUnreadCount() {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: () => api<{ count: number }>('/api/notifications/unread-count'),
    refetchInterval: 60_000,
    select: (d) => d.count,
  });
}
