import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ChainRecipient } from '../../../common/contracts/accidents';
import type { AccidentGrade, AccidentGradeCriterion } from '../../../common/rules/accident-grade';
import type { FatalAccidentActionKey, InvestigatingLevel } from '../../../common/rules/accident-investigation';
import { api, type Page, type Query } from '../../lib/api';

/**
 * Accident API (国务院令第493号). The server declares the detail as a plain record, so the shapes
 * below follow server/modules/accidents/queries/get-accident.ts and accident-stats.ts field by field.
 */

export type { AccidentGrade, ChainRecipient };

export const ACCIDENT_STATUSES = ['reported', 'investigating', 'reportSubmitted', 'closed'] as const;
export type AccidentStatus = (typeof ACCIDENT_STATUSES)[number];

/** The list filters, as they appear in the URL. */
export const ACCIDENT_FILTER_KEYS = ['q', 'grade', 'industry', 'regionCode', 'status', 'from', 'to'] as const;

export interface TAccidentSummary {
  id: string;
  title: string;
  occurredAt: string;
  reportedAt: string;
  place: string;
  regionName: string;
  countyName: string;
  industry: string;
  accidentType: string;
  enterpriseId: string | null;
  deaths: number;
  missing: number;
  seriousInjuries: number;
  minorInjuries: number;
  directLossYuan: number;
  grade: AccidentGrade;
  gradeName: string;
  decidedBy: AccidentGradeCriterion;
  status: AccidentStatus;
  published: boolean;
}

export interface TRevision {
  id: string;
  kind: 'initial' | 'supplement';
  at: string;
  actorName: string;
  deaths: number;
  missing: number;
  seriousInjuries: number;
  minorInjuries: number;
  directLossYuan: number;
  grade: AccidentGrade;
  note: string;
  late: boolean;
}

export interface TChainLink {
  recipient: ChainRecipient;
  departmentId: string | null;
  due: string;
  reportedAt: string | null;
  reportedBy: string | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
  skipped: boolean;
  skipReason: string | null;
  late: boolean;
  canConfirm: boolean;
  /** The server's word on who reports this link (the level below, Art. 10). */
  canReport: boolean;
  /** Reporting it now would be 越级上报: a reason is required. */
  reportNeedsReason: boolean;
}

export interface TInvestigationReport {
  causes: string;
  nature: 'liability' | 'nonLiability';
  measures: string;
}

export interface TInvestigation {
  level: InvestigatingLevel;
  leader: string;
  members: string[];
  startedAt: string;
  extensionDays: number;
  extensionReason: string | null;
  appraisalDays: number;
  due: string;
  report: TInvestigationReport | null;
  reportSubmittedAt: string | null;
  replyDue: string | null;
  repliedAt: string | null;
  replyDocument: string | null;
  overdue: boolean;
}

export interface TAccountability {
  id: string;
  subject: string;
  subjectKind: 'person' | 'unit';
  finding: string;
  proposal: string;
}

export type FatalActionStatus = 'open' | 'done' | 'setAside';

export interface TFatalAction {
  key: FatalAccidentActionKey;
  name: string;
  ownerDepartmentId: string | null;
  due: string;
  status: FatalActionStatus;
  closedAt: string | null;
  closedBy: string | null;
  comment: string | null;
  evidence: string[];
  overdue: boolean;
  /** The action's policy: its owner (the county 应急管理局) or the government leading the investigation, while open. */
  canClose: boolean;
}

export interface TAccidentDetail extends TAccidentSummary {
  enterpriseName: string | null;
  lng: number | null;
  lat: number | null;
  unitOverview: string;
  scene: string;
  narrative: string;
  measures: string;
  other: string | null;
  reporterName: string;
  reporterUnit: string | null;
  publicSummary: string | null;
  version: number;
  supplementDeadline: string;
  revisions: TRevision[];
  chain: TChainLink[];
  investigation: TInvestigation | null;
  accountability: TAccountability[];
  actions: TFatalAction[];
  sources: { grade: string; reporting: string; investigation: string; fatal: string };
}

export interface TAccidentAbilities {
  supplement: boolean;
  startInvestigation: boolean;
  extendInvestigation: boolean;
  recordAppraisal: boolean;
  submitReport: boolean;
  reply: boolean;
  publish: boolean;
  /** accident.manage: report up the chain and close the fatal-accident actions. */
  report: boolean;
}

export interface AccidentResponse {
  data: TAccidentDetail;
  abilities: TAccidentAbilities;
}

export function useAccidents(query: Query) {
  return useQuery({
    queryKey: ['accidents', query],
    queryFn: () => api<Page<TAccidentSummary>>('/api/accidents', { query }),
    placeholderData: keepPreviousData,
  });
}

export const accidentKey = (id: string | undefined) => ['accident', id] as const;

export function useAccident(id: string | undefined) {
  return useQuery({
    queryKey: accidentKey(id),
    queryFn: () => api<AccidentResponse>(`/api/accidents/${id}`),
    enabled: Boolean(id),
  });
}

// ---- grade calculator ----

export interface TGradeResult {
  grade: AccidentGrade;
  name: string;
  nameEn: string;
  decidedBy: AccidentGradeCriterion;
  criteria: Record<AccidentGradeCriterion, AccidentGrade>;
  source: string;
}

export interface GradeInput {
  deaths: number;
  seriousInjuries: number;
  directLossYuan: number;
}

export function gradeAccidentRemote(body: GradeInput, signal?: AbortSignal) {
  return api<TGradeResult>('/api/calculators/accident-grade', { body, signal });
}

// ---- statistics ----

export const STATS_GROUPS = ['grade', 'industry', 'county', 'month'] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

export interface StatsTotals {
  accidents: number;
  deaths: number;
  seriousInjuries: number;
  directLossYuan: number;
}

export interface StatsRow {
  key: string;
  label: string;
  current: StatsTotals;
  previous: StatsTotals;
}

export interface AccidentStats {
  groupBy: StatsGroup;
  from: string;
  to: string;
  rows: StatsRow[];
  total: { current: StatsTotals; previous: StatsTotals };
}

export function useAccidentStats(query: { groupBy: StatsGroup; from: string; to: string }) {
  return useQuery({
    queryKey: ['accident-stats', query],
    queryFn: () => api<AccidentStats>('/api/accidents/stats', { query }),
    placeholderData: keepPreviousData,
  });
}

export interface SpecialInspection {
  source: string;
  note: string;
  counties: {
    regionCode: string;
    name: string;
    accidents: { id: string; title: string; grade: AccidentGrade; occurredAt: string; industry: string; deaths: number }[];
  }[];
}

export function useSpecialInspection(query: { from: string; to: string }) {
  return useQuery({
    queryKey: ['accident-special-inspection', query],
    queryFn: () => api<SpecialInspection>('/api/accidents/special-inspection', { query }),
    placeholderData: keepPreviousData,
  });
}

// ---- public portal ----

export interface PublicAccident {
  id: string;
  title: string;
  occurredAt: string;
  countyName: string;
  grade: AccidentGrade;
  deaths: number;
  publishedAt: string | null;
  publicSummary: string | null;
}

export function usePublicAccidents() {
  return useQuery({
    queryKey: ['public-accidents'],
    queryFn: () => api<{ items: PublicAccident[] }>('/api/public/accidents', { allowUnauthenticated: true }),
    select: (d) => d.items,
  });
}

/** After an action the server answers with the whole detail: show it and refresh the lists built on it. */
export function useAccidentUpdated(): (res: AccidentResponse) => Promise<void> {
  const qc = useQueryClient();
  return useCallback(
    async (res: AccidentResponse) => {
      qc.setQueryData(accidentKey(res.data.id), res);
      await qc.invalidateQueries({ queryKey: ['accidents'] });
      await qc.invalidateQueries({ queryKey: ['accident-stats'] });
      await qc.invalidateQueries({ queryKey: ['accident-special-inspection'] });
      await qc.invalidateQueries({ queryKey: ['notifications'] });
    },
    [qc],
  );
}
