import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { REGISTER_KINDS, TRecordActivity } from '../../../common/contracts/workplan';
import { api, type Page, type Query } from '../../lib/api';
import type { AssigneeStatus, TaskStatus } from '../tasks/api';

/**
 * The year's notice as a work plan (落实情况) and its registers. Shapes follow
 * server/modules/workplan/queries/plan-queries.ts, indicators.ts and workplan.routes.ts.
 */

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

export type IndicatorStatus = 'green' | 'yellow' | 'red' | 'grey';
export const INDICATOR_STATUSES: readonly IndicatorStatus[] = ['green', 'yellow', 'red', 'grey'];

export type IndicatorKey =
  | 'leaderLecture'
  | 'monthlySafetyMeeting'
  | 'supervisionTableComplete'
  | 'groupInspections'
  | 'hazchemFourSystems'
  | 'officerTraining'
  | 'equipmentPerOfficer'
  | 'intelligentMiningFaces'
  | 'standardizationCoal'
  | 'standardizationHighRisk'
  | 'liabilityInsurance'
  | 'fatalAccidentActions'
  | 'taskOnTime';

export interface TPlan {
  id: string;
  year: number;
  issuer: string;
  document: string;
  title: string;
  regionCode: string;
  createdAt: string;
}

export interface TShortfall {
  /** An enterprise, department, accident or task id, depending on the indicator. */
  id: string | null;
  name: string;
  detail: string;
}

export interface TIndicator {
  key: IndicatorKey;
  name: string;
  nameEn: string;
  target: string;
  /** The exact phrase of the notice the indicator measures. */
  quote: string;
  value: number | null;
  /** What the value means, e.g. '68 / 80 = 85%'. */
  display: string;
  targetValue: number;
  unit: 'percent' | 'count' | 'ratio';
  status: IndicatorStatus;
  shortfallCount: number;
  shortfalls?: TShortfall[];
}

export interface TPlanItem {
  id: string;
  number: number;
  section: string;
  title: string;
  titleEn: string;
  text: string;
  responsibleUnits: string[];
  status: IndicatorStatus;
  indicators: TIndicator[];
}

export interface PlanOverview {
  plan: TPlan;
  items: (TPlanItem & { taskCount: number })[];
}

export interface TItemTask {
  id: string;
  code: string;
  title: string;
  status: TaskStatus;
  units: { unitName: string; status: AssigneeStatus; resolveDue: string }[];
}

export interface PlanItemDetail {
  plan: Pick<TPlan, 'id' | 'year' | 'document' | 'title'>;
  item: Omit<TPlanItem, 'indicators'> & { indicators: (TIndicator & { shortfalls: TShortfall[] })[] };
  tasks: TItemTask[];
}

export interface TRegisterEntry {
  id: string;
  kind: RegisterKind;
  departmentId: string | null;
  enterpriseId: string | null;
  unitName: string;
  date: string;
  title: string;
  detail: Record<string, unknown>;
  createdByName: string;
  createdAt: string;
}

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
