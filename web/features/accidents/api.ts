import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import type {
  AccidentStatus,
  ChainRecipient,
  FATAL_ACTION_STATUSES,
  ZAccidentAbilities,
  ZAccidentDetail,
  ZAccidentGradeCalc,
  ZAccidentGradeResult,
  ZAccidentPage,
  ZAccidentResponse,
  ZAccidentRevision,
  ZAccidentStats,
  ZAccidentStatsRow,
  ZAccidentSummary,
  ZAccountability,
  ZChainLink,
  ZFatalAction,
  ZInvestigation,
  ZPublicAccident,
  ZPublicAccidents,
  ZSpecialInspection,
} from '../../../common/contracts/accidents';
import type { AccidentGrade } from '../../../common/rules/accident-grade';
import { api, type Query } from '../../lib/api';

/** Accident API (国务院令第493号): every response type is inferred from common/contracts/accidents.ts. */

export { ACCIDENT_STATUSES } from '../../../common/contracts/accidents';
export type { AccidentGrade, AccidentStatus, ChainRecipient };

/** The list filters, as they appear in the URL. */
export const ACCIDENT_FILTER_KEYS = ['q', 'grade', 'industry', 'regionCode', 'status', 'from', 'to'] as const;

export type TAccidentSummary = z.infer<typeof ZAccidentSummary>;
export type TRevision = z.infer<typeof ZAccidentRevision>;
export type TChainLink = z.infer<typeof ZChainLink>;
export type TInvestigation = z.infer<typeof ZInvestigation>;
export type TInvestigationReport = NonNullable<TInvestigation['report']>;
export type TAccountability = z.infer<typeof ZAccountability>;
export type FatalActionStatus = (typeof FATAL_ACTION_STATUSES)[number];
export type TFatalAction = z.infer<typeof ZFatalAction>;
export type TAccidentDetail = z.infer<typeof ZAccidentDetail>;
export type TAccidentAbilities = z.infer<typeof ZAccidentAbilities>;
export type AccidentResponse = z.infer<typeof ZAccidentResponse>;

export function useAccidents(query: Query) {
  return useQuery({
    queryKey: ['accidents', query],
    queryFn: () => api<z.infer<typeof ZAccidentPage>>('/api/accidents', { query }),
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

export type TGradeResult = z.infer<typeof ZAccidentGradeResult>;
export type GradeInput = z.input<typeof ZAccidentGradeCalc>;

export function gradeAccidentRemote(body: GradeInput, signal?: AbortSignal) {
  return api<TGradeResult>('/api/calculators/accident-grade', { body, signal });
}

// ---- statistics ----

export const STATS_GROUPS = ['grade', 'industry', 'county', 'month'] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

export type AccidentStats = z.infer<typeof ZAccidentStats>;
export type StatsRow = z.infer<typeof ZAccidentStatsRow>;
export type StatsTotals = StatsRow['current'];

export function useAccidentStats(query: { groupBy: StatsGroup; from: string; to: string }) {
  return useQuery({
    queryKey: ['accident-stats', query],
    queryFn: () => api<AccidentStats>('/api/accidents/stats', { query }),
    placeholderData: keepPreviousData,
  });
}

export type SpecialInspection = z.infer<typeof ZSpecialInspection>;

export function useSpecialInspection(query: { from: string; to: string }) {
  return useQuery({
    queryKey: ['accident-special-inspection', query],
    queryFn: () => api<SpecialInspection>('/api/accidents/special-inspection', { query }),
    placeholderData: keepPreviousData,
  });
}

// ---- public portal ----

export type PublicAccident = z.infer<typeof ZPublicAccident>;

export function usePublicAccidents() {
  return useQuery({
    queryKey: ['public-accidents'],
    queryFn: () => api<z.infer<typeof ZPublicAccidents>>('/api/public/accidents', { allowUnauthenticated: true }),
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
