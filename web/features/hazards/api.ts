import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import type {
  DEADLINE_STATES,
  HAZARD_CATEGORIES,
  HAZARD_GRADES,
  HAZARD_SOURCES,
  HAZARD_STATUSES,
  LIST_KINDS,
  STATS_STATES,
  THazardPlan,
  TListEntry,
  ZHazardAbilities,
  ZHazardDetail,
  ZHazardDuplicate,
  ZHazardListing,
  ZHazardOverview,
  ZHazardResponse,
  ZHazardSummary,
  ZHazardTransition,
  ZListEntryRow,
  ZListingRow,
  ZMajorHazardCatalogue,
  ZReportHazardResponse,
  ZStatsBoard,
  ZStatsDraft,
  ZStatsFigures,
} from '../../../common/contracts/hazards';
import { toShanghaiDate } from '../../../common/rules/calendar/working-days';
import { api, type Page, type Query } from '../../lib/api';

/** 隐患排查治理 API; every response type is inferred from common/contracts/hazards.ts (the server's declared schemas). */
export type { THazardPlan, TListEntry };
export type HazardSource = (typeof HAZARD_SOURCES)[number];
export type HazardCategory = (typeof HAZARD_CATEGORIES)[number];
export const SOURCES: readonly HazardSource[] = ['selfInspection', 'inspection', 'worker', 'grid', 'public', 'alarm'];
export const CATEGORIES: readonly HazardCategory[] = ['site', 'management'];
export const STATUSES: readonly HazardStatus[] = ['reported', 'confirmed', 'rectifying', 'submitted', 'verified', 'closed', 'rejected'];
export type HazardStatus = (typeof HAZARD_STATUSES)[number];
export type HazardGrade = (typeof HAZARD_GRADES)[number];
export type DeadlineState = (typeof DEADLINE_STATES)[number];
export const STEP_ACTIONS = ['reject', 'rectify', 'verify', 'return', 'close', 'reopen'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];
export const FILTER_KEYS = ['q', 'status', 'grade', 'source', 'enterpriseId', 'regionCode', 'industry', 'overdue', 'listed'] as const;

export type THazardSummary = z.infer<typeof ZHazardSummary>;
export type TListing = z.infer<typeof ZHazardListing>;
export type TTransition = z.infer<typeof ZHazardTransition>;
export type THazardDetail = z.infer<typeof ZHazardDetail>;
export type HazardAbilities = z.infer<typeof ZHazardAbilities>;
export type HazardResponse = z.infer<typeof ZHazardResponse>;
export type ReportHazardResponse = z.infer<typeof ZReportHazardResponse>;
export type TDuplicate = z.infer<typeof ZHazardDuplicate>;
export type HazardOverview = z.infer<typeof ZHazardOverview>;
export type OverviewMeasures = Omit<HazardOverview['byIndustry'][number], 'industry'>;
export type MajorHazardCatalogue = z.infer<typeof ZMajorHazardCatalogue>;
export type TListingRow = z.infer<typeof ZListingRow>;
export type ListKind = (typeof LIST_KINDS)[number];
export type TListEntryRow = z.infer<typeof ZListEntryRow>;
export type StatsFigures = z.infer<typeof ZStatsFigures>;
export type StatsState = (typeof STATS_STATES)[number];
export type StatsDraft = z.infer<typeof ZStatsDraft>;
export type StatsBoard = z.infer<typeof ZStatsBoard>;

export function useHazards(query: Query) {
  return useQuery({ queryKey: ['hazards', query], queryFn: () => api<Page<THazardSummary>>('/api/hazards', { query }), placeholderData: keepPreviousData });
}

export const hazardKey = (id: string | undefined) => ['hazard', id] as const;

export function useHazard(id: string | undefined) {
  return useQuery({ queryKey: hazardKey(id), queryFn: () => api<HazardResponse>(`/api/hazards/${id}`), enabled: Boolean(id) });
}

/** After any write: the detail in the cache is the server's answer; lists and counts are stale. */
export function useHazardUpdated(): (res?: HazardResponse) => Promise<void> {
  const qc = useQueryClient();
  return useCallback(
    async (res) => {
      if (res) qc.setQueryData(hazardKey(res.data.id), res);
      await Promise.all(['hazards', 'hazard-overview', 'hazard-listings', 'hazard-lists', 'hazard-stats'].map((k) => qc.invalidateQueries({ queryKey: [k] })));
    },
    [qc],
  );
}

export function useHazardOverview(query: Query, enabled = true) {
  return useQuery({ queryKey: ['hazard-overview', query], queryFn: () => api<HazardOverview>('/api/hazards/overview', { query }), enabled });
}

export function useCatalogues() {
  return useQuery({
    queryKey: ['hazard-catalogues'],
    queryFn: () => api<{ items: MajorHazardCatalogue[] }>('/api/hazards/catalogues'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useListings(query: Query) {
  return useQuery({
    queryKey: ['hazard-listings', query],
    queryFn: () => api<Page<TListingRow>>('/api/hazards/listings', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useListEntries(kind: ListKind, query: Query) {
  return useQuery({
    queryKey: ['hazard-lists', kind, query],
    queryFn: () => api<Page<TListEntryRow>>(`/api/hazards/lists/${kind}`, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useStatsBoard(query: Query, enabled: boolean) {
  return useQuery({ queryKey: ['hazard-stats', 'board', query], queryFn: () => api<StatsBoard>('/api/hazards/stats-reports', { query }), enabled });
}

export function useStatsDraft(enterpriseId: string | undefined, period: string) {
  return useQuery({
    queryKey: ['hazard-stats', 'draft', enterpriseId, period],
    queryFn: () => api<StatsDraft>('/api/hazards/stats-reports/draft', { query: { enterpriseId, period } }),
    enabled: Boolean(enterpriseId),
  });
}

/** Today's Beijing date (YYYY-MM-DD), for date pickers' lower bounds. */
export function todayBeijing(): string {
  return toShanghaiDate(new Date());
}
