import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type {
  TCreateMajorHazard,
  TCreateRiskPoint,
  TCreateTailingsPond,
  TMeasures,
  TReviewRiskPoint,
  TRiskAssessment,
  TRiskBands,
  TSubstanceInput,
  TTailingsGradeTable,
} from '../../../common/contracts/risk';
import type { ControlLevel, RiskColor, RiskLevel } from '../../../common/rules/risk-assessment';
import { api, type Page, type Query } from '../../lib/api';

/**
 * Risk API (风险分级管控 and GB 18218 major hazard installations). The server declares details as
 * plain records, so these shapes follow server/modules/risk/risk.presenter.ts field by field.
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
export type RiskPointKind = 'area' | 'activity' | 'equipment';
export type UnitKind = 'production' | 'storage';

export interface TRiskPoint {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  code: string;
  name: string;
  kind: RiskPointKind;
  location: string | null;
  hazardFactors: string;
  accidentTypes: string[];
  method: 'lec' | 'ls';
  inputs: Record<string, number>;
  score: number;
  level: RiskLevel;
  color: RiskColor;
  source: string;
  measures: TMeasures;
  controlLevel: ControlLevel;
  responsiblePerson: string;
  responsiblePhone: string | null;
  assessedAt: string;
  assessedBy: string;
  reviewDue: string;
  lastReviewedAt: string | null;
  reviewOverdue: boolean;
  version: number;
  updatedAt: string;
}

export interface TRecipient {
  departmentId: string;
  departmentName: string;
  readAt: string | null;
  readByName: string | null;
  /** Pond reports: how many of the department's users were told and have read it. */
  notified?: number;
  read?: number;
}

export interface TRiskReport {
  id: string;
  riskPointId: string;
  enterpriseId: string;
  enterpriseName: string;
  title: string;
  content: {
    trigger: 'created' | 'reassessed' | 'reviewed';
    code: string;
    name: string;
    location: string | null;
    hazardFactors: string;
    accidentTypes: string[];
    method: 'lec' | 'ls';
    inputs: Record<string, number>;
    score: number;
    level: RiskLevel;
    color: RiskColor;
    source: string;
    controlLevel: ControlLevel;
    measures: TMeasures;
    responsiblePerson: string;
    responsiblePhone: string | null;
    reviewDue: string;
    reportedBy: string;
  };
  reportedAt: string;
  recipients: TRecipient[];
  addressedToMe?: boolean;
  abilities?: { markRead: boolean };
}

export interface TReview {
  id: string;
  at: string;
  actorName: string;
  comment: string;
  fromLevel: RiskLevel;
  toLevel: RiskLevel;
  score: number;
  nextReviewDue: string;
}

export interface TRiskPointDetail extends TRiskPoint {
  reviews: TReview[];
  reports: TRiskReport[];
}

export interface RiskPointResponse {
  data: TRiskPointDetail;
  abilities: { edit: boolean; review: boolean };
}

export interface RiskPointPage extends Page<TRiskPoint> {
  abilities: { create: boolean; export: boolean };
}

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

export interface ColourCounts {
  total: number;
  red: number;
  orange: number;
  yellow: number;
  blue: number;
  overdue: number;
  enterprises?: number;
}

export interface MajorHazardCounts {
  major: number;
  g1: number;
  g2: number;
  g3: number;
  g4: number;
}

/** Ponds in scope (销库 left out) by 安全度, and the 头顶库 among them. */
export interface PondCounts {
  total: number;
  critical: number;
  dangerous: number;
  defective: number;
  overhead: number;
}

export interface RiskSummary {
  enterpriseId: string | null;
  counts: ColourCounts;
  majorHazards: MajorHazardCounts;
  ponds: PondCounts;
  byColour: Record<RiskColor, TRiskPoint[]>;
  abilities: { create: boolean };
  sources: { policy: string; lec: string; ls: string };
}

export function useRiskSummary(enterpriseId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['risk-summary', enterpriseId ?? null],
    queryFn: () => api<RiskSummary>('/api/risk-points/summary', { query: { enterpriseId } }),
    enabled,
  });
}

export interface RollupRow extends ColourCounts {
  enterprises: number;
}

export interface RiskRollup {
  totals: ColourCounts;
  majorHazards: MajorHazardCounts;
  ponds: PondCounts;
  byRegion: (RollupRow & { regionCode: string; regionName: string; regionNameEn: string })[];
  byIndustry: (RollupRow & { industry: string })[];
}

export function useRiskRollup(enabled = true) {
  return useQuery({ queryKey: ['risk-rollup'], queryFn: () => api<RiskRollup>('/api/risk-points/rollup'), enabled });
}

// ---- reports ----

export function useRiskReports(query: Query) {
  return useQuery({
    queryKey: ['risk-reports', query],
    queryFn: () => api<Page<TRiskReport>>('/api/risk-reports', { query }),
    placeholderData: keepPreviousData,
  });
}

export interface RiskReportResponse {
  data: TRiskReport & { addressedToMe: boolean };
  abilities: { markRead: boolean };
}

export const riskReportKey = (id: string | undefined) => ['risk-report', id] as const;

export function useRiskReport(id: string | undefined) {
  return useQuery({ queryKey: riskReportKey(id), queryFn: () => api<RiskReportResponse>(`/api/risk-reports/${id}`), enabled: Boolean(id) });
}

// ---- calculators ----

export interface LecResult {
  D: number;
  level: RiskLevel;
  color: RiskColor;
  levelName: string;
  source: string;
}

export interface LsResult {
  R: number;
  level: RiskLevel;
  color: RiskColor;
  levelName: string;
  source: string;
}

export interface TTerm {
  q: number;
  Q: number;
  beta: number;
  ratio: number;
  weighted: number;
  name: string;
  cas: string | null;
  category: string | null;
  table: 1 | 2;
  betaTable: 3 | 4;
  no: number | null;
}

export interface MajorHazardResult {
  S: number;
  isMajor: boolean;
  alpha: number;
  R: number;
  grade: 1 | 2 | 3 | 4 | null;
  gradeName: string | null;
  terms: TTerm[];
  source: string;
}

// ---- major hazard installations ----

export interface TPerson {
  name: string;
  phone: string;
}

export interface TMajorHazard {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  code: string;
  name: string;
  unitKind: UnitKind;
  location: string | null;
  lng: number | null;
  lat: number | null;
  exposedPopulation: number;
  substances: TSubstanceInput[];
  terms: TTerm[];
  S: number;
  isMajor: boolean;
  alpha: number;
  R: number;
  grade: 1 | 2 | 3 | 4 | null;
  source: string;
  persons: { principal: TPerson; technical: TPerson; operational: TPerson };
  version: number;
  updatedAt: string;
}

export interface MajorHazardResponse {
  data: TMajorHazard;
  abilities: { edit: boolean };
}

export const MH_FILTER_KEYS = ['q', 'enterpriseId', 'regionCode', 'industry', 'grade', 'unitKind'] as const;

export function useMajorHazards(query: Query) {
  return useQuery({
    queryKey: ['major-hazards', query],
    queryFn: () => api<Page<TMajorHazard> & { abilities: { create: boolean } }>('/api/major-hazard-sources', { query }),
    placeholderData: keepPreviousData,
  });
}

export const majorHazardKey = (id: string | undefined) => ['major-hazard', id] as const;

export function useMajorHazard(id: string | undefined) {
  return useQuery({ queryKey: majorHazardKey(id), queryFn: () => api<MajorHazardResponse>(`/api/major-hazard-sources/${id}`), enabled: Boolean(id) });
}

// ---- tailings ponds ----

export type PondGrade = 1 | 2 | 3 | 4 | 5;
export type SafetyStatus = 'normal' | 'defective' | 'dangerous' | 'critical';
export type OperatingStatus = 'operating' | 'idle' | 'closed' | 'deregistered';
export type DamMethod = 'upstream' | 'centerline' | 'downstream' | 'oneTime';

export interface TTailingsPond {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  code: string;
  name: string;
  location: string | null;
  lng: number;
  lat: number;
  damMethod: DamMethod | null;
  designDamHeight: number;
  currentDamHeight: number;
  totalCapacity: number;
  currentCapacity: number;
  overDesign: boolean;
  gradeRaised: boolean;
  grade: PondGrade;
  gradeName: string | null;
  gradeSource: string;
  overhead: boolean;
  downstreamPopulation: number;
  downstreamFacilities: string | null;
  safetyStatus: SafetyStatus;
  safetyMeaning: string | null;
  safetyAction: string | null;
  safetySource: string;
  operatingStatus: OperatingStatus;
  responsibleName: string;
  responsiblePhone: string;
  licenceNumber: string | null;
  licenceExpiry: string | null;
  licenceState: 'valid' | 'expiring' | 'expired' | null;
  version: number;
  updatedAt: string;
}

/** 尾矿库安全度报告: a reportable 安全度 record, to whom it went and the receipts. */
export interface TPondReport {
  id: string;
  fromStatus: SafetyStatus | null;
  toStatus: SafetyStatus;
  action: string;
  source: string;
  reportedAt: string;
  reportedByName: string;
  recipients: TRecipient[];
}

export interface TailingsPondResponse {
  data: TTailingsPond & { reports: TPondReport[] };
  abilities: { edit: boolean };
}

export const POND_FILTER_KEYS = ['q', 'enterpriseId', 'regionCode', 'industry', 'grade', 'safetyStatus', 'operatingStatus', 'overhead'] as const;

export function useTailingsPonds(query: Query, enabled = true) {
  return useQuery({
    queryKey: ['tailings-ponds', query],
    queryFn: () => api<Page<TTailingsPond> & { abilities: { create: boolean } }>('/api/tailings-ponds', { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const tailingsPondKey = (id: string | undefined) => ['tailings-pond', id] as const;

export function useTailingsPond(id: string | undefined) {
  return useQuery({ queryKey: tailingsPondKey(id), queryFn: () => api<TailingsPondResponse>(`/api/tailings-ponds/${id}`), enabled: Boolean(id) });
}

export interface PondGradeResult {
  grade: PondGrade;
  gradeName: string;
  byCapacity: PondGrade;
  byHeight: PondGrade;
  decidedBy: 'capacity' | 'height' | 'both';
  lowered: boolean;
  raised: boolean;
  source: string;
}

export interface TailingsGradeTableResponse {
  table: TTailingsGradeTable;
  defaults: TTailingsGradeTable;
  configured: boolean;
  source: string;
  overheadSource: string;
  safetySource: string;
  abilities: { configure: boolean };
}

export function useTailingsGradeTable() {
  return useQuery({ queryKey: ['tailings-grade-table'], queryFn: () => api<TailingsGradeTableResponse>('/api/tailings-grade-table'), staleTime: 60_000 });
}

/** An enterprise's registered installations and ponds, for linking a sensor (monitoring's sensor form). */
export function useRegisteredObjects(enterpriseId: string | undefined) {
  const query = { enterpriseId, pageSize: 500 };
  const installations = useQuery({
    queryKey: ['major-hazards', query],
    queryFn: () => api<Page<TMajorHazard>>('/api/major-hazard-sources', { query }),
    enabled: Boolean(enterpriseId),
  });
  const ponds = useTailingsPonds(query, Boolean(enterpriseId));
  return {
    installations: installations.data?.items ?? [],
    ponds: (ponds.data?.items ?? []).filter((p) => p.operatingStatus !== 'deregistered'),
  };
}

// ---- bands ----

export interface ValueOption {
  value: number;
  zh: string;
  en: string;
}

export interface RiskBandsResponse {
  bands: TRiskBands;
  defaults: TRiskBands;
  configured: boolean;
  sources: { policy: string; lec: string; ls: string };
  valueSets: { lec: { L: ValueOption[]; E: ValueOption[]; C: ValueOption[] }; ls: { L: ValueOption[]; S: ValueOption[] } };
  abilities: { configure: boolean };
}

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
