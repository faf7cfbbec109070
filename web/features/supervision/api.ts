import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZSupervisionPage, ZSupervisionSummary } from '../../../common/contracts/org';
import { api, type Query } from '../../lib/api';

export type SupervisionSummary = z.infer<typeof ZSupervisionSummary>;
export type SupervisionPage = z.infer<typeof ZSupervisionPage>;

export const SUPERVISION_FILTER_KEYS = ['q', 'regionCode', 'industry', 'supervisionClass', 'status', 'departmentId', 'gap'] as const;

/** Shown until the server's own `source` arrives (it cites the same article). */
export const SUPERVISION_NOTICE_SOURCE = '「将每一个生产经营单位的监管责任明确到相关行业部门及责任人员」（晋市政发〔2021〕1号 第3条）';

export function useSupervisionTable(query: Query, enabled = true) {
  return useQuery({
    queryKey: ['supervision-table', query],
    queryFn: () => api<SupervisionPage>('/api/supervision-table', { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
