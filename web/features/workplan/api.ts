import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { INDICATOR_KEYS } from '../../../common/contracts/plans';
import type {
  INDICATOR_STATUSES as INDICATOR_STATUS_VALUES,
  REGISTER_KINDS,
  TRecordActivity,
  ZIndicator,
  ZPlan,
  ZPlanItemDetail,
  ZPlanOverview,
  ZRegisterEntry,
  ZShortfall,
} from '../../../common/contracts/workplan';
import { api, type Page, type Query } from '../../lib/api';

/** The year's notice as a work plan (落实情况) and its registers; response types inferred from common/contracts/workplan.ts. */

export type { TRecordActivity };
export type RegisterKind = (typeof REGISTER_KINDS)[number];
export const REGISTER_KIND_KEYS: readonly RegisterKind[] = [
  'safetyMeeting',
  'leaderLecture',
  'groupInspection',
  'officerTraining',
  'enforcementEquipment',
  'miningFace',
  'hazchemSystems',
];
/** Kinds recorded for an enterprise (its group, a coal mine, a chemical site) rather than for one's own unit. */
export const ENTERPRISE_KINDS: readonly RegisterKind[] = ['groupInspection', 'miningFace', 'hazchemSystems'];

export type IndicatorStatus = (typeof INDICATOR_STATUS_VALUES)[number];
export const INDICATOR_STATUSES: readonly IndicatorStatus[] = ['green', 'yellow', 'red', 'grey'];
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export type TPlan = z.infer<typeof ZPlan>;
export type TShortfall = z.infer<typeof ZShortfall>;
export type TIndicator = z.infer<typeof ZIndicator>;
export type PlanOverview = z.infer<typeof ZPlanOverview>;
export type TPlanItem = PlanOverview['items'][number];
export type PlanItemDetail = z.infer<typeof ZPlanItemDetail>;
export type TItemTask = PlanItemDetail['tasks'][number];
export type TRegisterEntry = z.infer<typeof ZRegisterEntry>;

export function usePlans() {
  return useQuery({
    queryKey: ['plans'],
    queryFn: () => api<{ items: TPlan[] }>('/api/plans'),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: ['plan', id],
    queryFn: () => api<PlanOverview>(`/api/plans/${id}`),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}

export function usePlanItem(planId: string | undefined, itemId: string | undefined) {
  return useQuery({
    queryKey: ['plan-item', planId, itemId],
    queryFn: () => api<PlanItemDetail>(`/api/plans/${planId}/items/${itemId}`),
    enabled: Boolean(planId && itemId),
  });
}

export function useRegisters(query: Query, enabled = true) {
  return useQuery({
    queryKey: ['registers', query],
    queryFn: () => api<Page<TRegisterEntry>>('/api/registers', { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
