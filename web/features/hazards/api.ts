import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { HAZARD_CATEGORIES, HAZARD_SOURCES, THazardPlan, TListEntry } from '../../../common/contracts/hazards';
import { toShanghaiDate } from '../../../common/rules/calendar/working-days';
import type { MajorHazardCatalogue } from '../../../common/rules/major-hazard-criteria';
import { api, type Page, type Query } from '../../lib/api';

/**
 * 隐患排查治理 API. Shapes follow server/modules/hazards/hazard.presenter.ts and its queries field by
 * field (the server declares the detail as a plain record).
 */
export type { THazardPlan, TListEntry };
export type HazardSource = (typeof HAZARD_SOURCES)[number];
export type HazardCategory = (typeof HAZARD_CATEGORIES)[number];
export const SOURCES: readonly HazardSource[] = ['selfInspection', 'inspection', 'worker', 'grid', 'public', 'alarm'];
export const CATEGORIES: readonly HazardCategory[] = ['site', 'management'];
export const STATUSES = ['reported', 'confirmed', 'rectifying', 'submitted', 'verified', 'closed', 'rejected'] as const;
export type HazardStatus = (typeof STATUSES)[number];
export type HazardGrade = 'general' | 'major';
export type DeadlineState = 'none' | 'onTrack' | 'overdue' | 'done';
export const STEP_ACTIONS = ['reject', 'rectify', 'verify', 'return', 'close', 'reopen'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];
export const FILTER_KEYS = ['q', 'status', 'grade', 'source', 'enterpriseId', 'regionCode', 'industry', 'overdue', 'listed'] as const;

export interface THazardSummary {
  id: string;
  code: string;
  enterpriseId: string;
  enterpriseName: string;
  industry: string;
  title: string;
  location: string;
  source: HazardSource;
  category: HazardCategory;
  grade: HazardGrade | null;
  suggestedGrade: HazardGrade | null;
  status: HazardStatus;
  rectifierName: string | null;
  deadline: string | null;
  foundAt: string;
  createdAt: string;
  closedAt: string | null;
  escalation: number;
  deadlineState: DeadlineState;
  listed: boolean;
  hasPhoto: boolean;
}

export interface TListing {
  id: string;
  departmentId: string;
  departmentName: string;
  level: 'province' | 'city' | 'county';
  documentNumber: string | null;
  supervisor: string;
  supervisorPhone: string | null;
  deadline: string;
  requirements: string;
  status: 'open' | 'closed';
  listedAt: string;
  listedBy: string;
  closedAt: string | null;
  closedBy: string | null;
  closingComment: string | null;
}

export interface TTransition {
  id: string;
  action: string;
  fromStatus: string;
  toStatus: string;
  actorName: string;
  actorUnit: string | null;
  at: string;
  comment: string;
  evidence: string[];
  data: Record<string, unknown> | null;
}

export interface THazardDetail extends THazardSummary {
  description: string;
  lng: number | null;
  lat: number | null;
  sourceRef: string | null;
  reporterName: string;
  criterion: { catalogue: string; code: string; zh: string; en: string; source: string } | null;
  originalDeadline: string | null;
  plan: THazardPlan | null;
  majorReport: { currentState: string; harmAnalysis: string } | null;
  dualReportedAt: string | null;
  photos: string[];
  submittedAt: string | null;
  verifiedAt: string | null;
  reviewDue: string | null;
  reviewOverdue: boolean;
  listings: TListing[];
  transitions: TTransition[];
  receipts: { to: 'regulator' | 'worker'; displayName: string; sentAt: string; readAt: string | null }[];
}

export type HazardAbilities = Record<
  | 'confirm'
  | 'reject'
  | 'rectify'
  | 'submit'
  | 'verify'
  | 'return'
  | 'close'
  | 'reopen'
  | 'filePlan'
  | 'assign'
  | 'extend'
  | 'escalate'
  | 'list'
  | 'closeListing',
  boolean
>;

export interface HazardResponse {
  data: THazardDetail;
  abilities: HazardAbilities;
}

export interface TDuplicate {
  id: string;
  code: string;
  title: string;
  location: string;
  status: HazardStatus;
  createdAt: string;
  score: number;
}

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

export interface OverviewMeasures {
  total: number;
  open: number;
  major: number;
  majorOpen: number;
  closed: number;
  overdue: number;
  unconfirmed: number;
  closedRate: number | null;
}

export interface HazardOverview {
  totals: OverviewMeasures & { listedOpen: number };
  byStatus: Partial<Record<HazardStatus, number>>;
  byRegion: (OverviewMeasures & { regionCode: string; name: string; nameEn: string })[];
  byIndustry: (OverviewMeasures & { industry: string })[];
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

export interface TListingRow extends TListing {
  overdue: boolean;
  hazard: THazardSummary;
}

export function useListings(query: Query) {
  return useQuery({
    queryKey: ['hazard-listings', query],
    queryFn: () => api<Page<TListingRow>>('/api/hazards/listings', { query }),
    placeholderData: keepPreviousData,
  });
}

export type ListKind = 'measure' | 'accountability';

export interface TListEntryRow {
  id: string;
  kind: ListKind;
  departmentName: string;
  title: string;
  content: string;
  unitName: string;
  person: string | null;
  documentNumber: string | null;
  date: string;
  hazards: { id: string; code: string; title: string }[];
  editable: boolean;
}

export function useListEntries(kind: ListKind, query: Query) {
  return useQuery({
    queryKey: ['hazard-lists', kind, query],
    queryFn: () => api<Page<TListEntryRow>>(`/api/hazards/lists/${kind}`, { query }),
    placeholderData: keepPreviousData,
  });
}

export interface StatsFigures {
  found: number;
  majorFound: number;
  rectified: number;
  majorRectified: number;
  openAtEnd: number;
  majorOpenAtEnd: number;
  majorFundsYuan: number;
  closedRate: number | null;
}

export type StatsState = 'submitted' | 'pending' | 'overdue';

export interface StatsDraft {
  enterpriseId: string;
  enterpriseName: string;
  period: string;
  due: string;
  source: string;
  periodEnded: boolean;
  state: StatsState;
  figures: StatsFigures;
  report: { analysis: string; principalName: string; submitterName: string; submittedAt: string; late: boolean } | null;
  canSubmit: boolean;
}

export interface StatsBoard
  extends Page<{
    enterpriseId: string;
    enterpriseName: string;
    regionCode: string;
    industry: string;
    due: string;
    state: StatsState;
    submittedAt: string | null;
    late: boolean | null;
    principalName: string | null;
  }> {
  period: string;
  due: string;
  source: string;
  summary: { total: number; submitted: number; overdue: number; pending: number };
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
