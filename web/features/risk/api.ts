import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import type {
  DAM_METHODS,
  POND_OPERATING_STATUSES,
  RISK_POINT_KINDS,
  TCreateMajorHazard,
  TCreateRiskPoint,
  TCreateTailingsPond,
  TMeasures,
  TReviewRiskPoint,
  TRiskAssessment,
  TRiskBands,
  TSubstanceInput,
  TTailingsGradeTable,
  UNIT_KINDS,
  ZColourCounts,
  ZLecResult,
  ZLsResult,
  ZMajorHazard,
  ZMajorHazardCounts,
  ZMajorHazardPage,
  ZMajorHazardResponse,
  ZMajorHazardResult,
  ZMajorHazardTerm,
  ZPondCounts,
  ZPondReceipt,
  ZPondReport,
  ZReceipt,
  ZRiskBandsView,
  ZRiskPoint,
  ZRiskPointPage,
  ZRiskPointResponse,
  ZRiskReportPage,
  ZRiskReportResponse,
  ZRiskReportRow,
  ZRiskReview,
  ZRiskRollup,
  ZRiskSummary,
  ZTailingsGradeResult,
  ZTailingsGradeTableView,
  ZTailingsPond,
  ZTailingsPondPage,
  ZTailingsPondResponse,
} from '../../../common/contracts/risk';
import type { TailingsGrade, TailingsSafetyStatus } from '../../../common/rules/tailings-pond';
import { api, type Query } from '../../lib/api';

/**
 * Risk API (风险分级管控, GB 18218 major hazard installations, tailings ponds): every response type is
 * inferred from the server's contracts in common/contracts/risk.ts.
 */

export type {
  TCreateMajorHazard,
  TCreateRiskPoint,
  TCreateTailingsPond,
  TMeasures,
  TReviewRiskPoint,
  TRiskAssessment,
  TRiskBands,
  TSubstanceInput,
  TTailingsGradeTable,
};
export type RiskPointKind = (typeof RISK_POINT_KINDS)[number];
export type UnitKind = (typeof UNIT_KINDS)[number];

export type TRiskPoint = z.infer<typeof ZRiskPoint>;
/** A department's read receipt; a pond report's also counts how many of its users were told and have read. */
export type TRecipient = z.infer<typeof ZReceipt> | z.infer<typeof ZPondReceipt>;
export type TRiskReport = z.infer<typeof ZRiskReportRow>;
export type TReview = z.infer<typeof ZRiskReview>;
export type RiskPointResponse = z.infer<typeof ZRiskPointResponse>;
export type TRiskPointDetail = RiskPointResponse['data'];
export type RiskPointPage = z.infer<typeof ZRiskPointPage>;

export const RISK_FILTER_KEYS = ['q', 'enterpriseId', 'regionCode', 'industry', 'color', 'controlLevel', 'reviewOverdue', 'sort'] as const;

export function useRiskPoints(query: Query) {
  return useQuery({
    queryKey: ['risk-points', query],
    queryFn: () => api<RiskPointPage>('/api/risk-points', { query }),
    placeholderData: keepPreviousData,
  });
}

export const riskPointKey = (id: string | undefined) => ['risk-point', id] as const;

export function useRiskPoint(id: string | undefined) {
  return useQuery({ queryKey: riskPointKey(id), queryFn: () => api<RiskPointResponse>(`/api/risk-points/${id}`), enabled: Boolean(id) });
}

export type ColourCounts = z.infer<typeof ZColourCounts>;
export type MajorHazardCounts = z.infer<typeof ZMajorHazardCounts>;
/** Ponds in scope (销库 left out) by 安全度, and the 头顶库 among them. */
export type PondCounts = z.infer<typeof ZPondCounts>;
export type RiskSummary = z.infer<typeof ZRiskSummary>;

export function useRiskSummary(enterpriseId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['risk-summary', enterpriseId ?? null],
    queryFn: () => api<RiskSummary>('/api/risk-points/summary', { query: { enterpriseId } }),
    enabled,
  });
}

export type RiskRollup = z.infer<typeof ZRiskRollup>;
export type RollupRow = ColourCounts;

export function useRiskRollup(enabled = true) {
  return useQuery({ queryKey: ['risk-rollup'], queryFn: () => api<RiskRollup>('/api/risk-points/rollup'), enabled });
}

// ---- reports ----

export function useRiskReports(query: Query) {
  return useQuery({
    queryKey: ['risk-reports', query],
    queryFn: () => api<z.infer<typeof ZRiskReportPage>>('/api/risk-reports', { query }),
    placeholderData: keepPreviousData,
  });
}

export type RiskReportResponse = z.infer<typeof ZRiskReportResponse>;

export const riskReportKey = (id: string | undefined) => ['risk-report', id] as const;

export function useRiskReport(id: string | undefined) {
  return useQuery({ queryKey: riskReportKey(id), queryFn: () => api<RiskReportResponse>(`/api/risk-reports/${id}`), enabled: Boolean(id) });
}

// ---- calculators ----

export type LecResult = z.infer<typeof ZLecResult>;
export type LsResult = z.infer<typeof ZLsResult>;
export type TTerm = z.infer<typeof ZMajorHazardTerm>;
export type MajorHazardResult = z.infer<typeof ZMajorHazardResult>;

// ---- major hazard installations ----

export type TMajorHazard = z.infer<typeof ZMajorHazard>;
export type TPerson = TMajorHazard['persons']['principal'];
export type MajorHazardResponse = z.infer<typeof ZMajorHazardResponse>;

export const MH_FILTER_KEYS = ['q', 'enterpriseId', 'regionCode', 'industry', 'grade', 'unitKind'] as const;

export function useMajorHazards(query: Query) {
  return useQuery({
    queryKey: ['major-hazards', query],
    queryFn: () => api<z.infer<typeof ZMajorHazardPage>>('/api/major-hazard-sources', { query }),
    placeholderData: keepPreviousData,
  });
}

export const majorHazardKey = (id: string | undefined) => ['major-hazard', id] as const;

export function useMajorHazard(id: string | undefined) {
  return useQuery({ queryKey: majorHazardKey(id), queryFn: () => api<MajorHazardResponse>(`/api/major-hazard-sources/${id}`), enabled: Boolean(id) });
}

// ---- tailings ponds ----

export type PondGrade = TailingsGrade;
export type SafetyStatus = TailingsSafetyStatus;
export type OperatingStatus = (typeof POND_OPERATING_STATUSES)[number];
export type DamMethod = (typeof DAM_METHODS)[number];
export type TTailingsPond = z.infer<typeof ZTailingsPond>;
/** 尾矿库安全度报告: a reportable 安全度 record, to whom it went and the receipts. */
export type TPondReport = z.infer<typeof ZPondReport>;
export type TailingsPondResponse = z.infer<typeof ZTailingsPondResponse>;

export const POND_FILTER_KEYS = ['q', 'enterpriseId', 'regionCode', 'industry', 'grade', 'safetyStatus', 'operatingStatus', 'overhead'] as const;

export function useTailingsPonds(query: Query, enabled = true) {
  return useQuery({
    queryKey: ['tailings-ponds', query],
    queryFn: () => api<z.infer<typeof ZTailingsPondPage>>('/api/tailings-ponds', { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const tailingsPondKey = (id: string | undefined) => ['tailings-pond', id] as const;

export function useTailingsPond(id: string | undefined) {
  return useQuery({ queryKey: tailingsPondKey(id), queryFn: () => api<TailingsPondResponse>(`/api/tailings-ponds/${id}`), enabled: Boolean(id) });
}

export type PondGradeResult = z.infer<typeof ZTailingsGradeResult>;
export type TailingsGradeTableResponse = z.infer<typeof ZTailingsGradeTableView>;

export function useTailingsGradeTable() {
  return useQuery({ queryKey: ['tailings-grade-table'], queryFn: () => api<TailingsGradeTableResponse>('/api/tailings-grade-table'), staleTime: 60_000 });
}

/** An enterprise's registered installations and ponds, for linking a sensor (monitoring's sensor form). */
export function useRegisteredObjects(enterpriseId: string | undefined) {
  const query = { enterpriseId, pageSize: 500 };
  const installations = useQuery({
    queryKey: ['major-hazards', query],
    queryFn: () => api<z.infer<typeof ZMajorHazardPage>>('/api/major-hazard-sources', { query }),
    enabled: Boolean(enterpriseId),
  });
  const ponds = useTailingsPonds(query, Boolean(enterpriseId));
  return {
    installations: installations.data?.items ?? [],
    ponds: (ponds.data?.items ?? []).filter((p) => p.operatingStatus !== 'deregistered'),
  };
}

// ---- bands ----

export type RiskBandsResponse = z.infer<typeof ZRiskBandsView>;
export type ValueOption = RiskBandsResponse['valueSets']['lec']['L'][number];

export function useRiskBands() {
  return useQuery({ queryKey: ['risk-bands'], queryFn: () => api<RiskBandsResponse>('/api/risk-bands'), staleTime: 60_000 });
}

/** After a change, refresh everything built on risk data. */
export function useRiskChanged(): () => Promise<void> {
  const qc = useQueryClient();
  return useCallback(async () => {
    await Promise.all(
      [
        ['risk-points'],
        ['risk-point'],
        ['risk-summary'],
        ['risk-rollup'],
        ['risk-reports'],
        ['risk-report'],
        ['major-hazards'],
        ['major-hazard'],
        ['tailings-ponds'],
        ['tailings-pond'],
        ['notifications'],
      ].map((queryKey) => qc.invalidateQueries({ queryKey })),
    );
  }, [qc]);
}
