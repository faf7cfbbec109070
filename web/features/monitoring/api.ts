import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SensorType, TSensorRules } from '../../../common/contracts/monitoring';
import type { LegalLimit } from '../../../common/rules/sensor-limits';
import { api, type Page, type Query } from '../../lib/api';
import { subscribeLive } from '../../lib/live-events';

/** 监测 API. Shapes follow server/modules/monitoring/monitoring.presenter.ts. */
export type Level = 'none' | 'normal' | 'alarm' | 'powerOff' | 'stale';

export interface TSensor {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  /** The enterprise's industry (some legal limits depend on it, e.g. coal CO). */
  industry: string;
  installationId: string | null;
  installationName: string | null;
  code: string;
  name: string;
  type: SensorType;
  unit: string;
  rangeLow: number | null;
  rangeHigh: number | null;
  location: string;
  coalLocationKey: string | null;
  lng: number | null;
  lat: number | null;
  rules: TSensorRules;
  /** The rules the engine evaluates: the stored ones clamped to the legal limits. */
  effectiveRules: TSensorRules;
  /** Limits a regulation sets for this sensor, with their 依据 (common/rules/sensor-limits.ts). */
  legalLimits: LegalLimit[];
  /** As evaluated now: false inside an approved out-of-service window. */
  inService: boolean;
  outOfServiceUntil: string | null;
  lastValue: number | null;
  lastTs: string | null;
  status: 'unknown' | 'online' | 'stale';
  staleSince: string | null;
  level: Level;
}

export type { LegalLimit } from '../../../common/rules/sensor-limits';

/** 放宽/停用申请 (server: presentChangeRequest). */
export interface TChangeRequest {
  id: string;
  sensorId: string;
  sensorCode: string;
  sensorName: string;
  unit: string;
  location: string;
  enterpriseId: string;
  enterpriseName: string;
  fromRules: TSensorRules;
  toRules: TSensorRules;
  outOfServiceUntil: string | null;
  changes: { field: string; from: number | boolean | string | null; to: number | boolean | string | null; legal: number | null; source: string }[];
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedByName: string;
  requestedByUnit: string | null;
  requestedAt: string;
  decidedByName: string | null;
  decidedByUnit: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  appliedAt: string | null;
  basis: string;
  abilities: { approve: boolean; reject: boolean };
}

export const useChangeRequests = (q: Query, enabled = true) =>
  useQuery({
    queryKey: ['sensor-change-requests', q],
    queryFn: () => api<Page<TChangeRequest>>('/api/sensor-change-requests', { query: q }),
    placeholderData: keepPreviousData,
    enabled,
  });

export interface CoalLocation {
  key: string;
  zh: string;
  en: string;
  alarm: number;
  powerOff: number | null;
  restore: number | null;
  rangeZh: string;
  rangeEn: string;
  verified: boolean;
}

export interface TSensorDetail extends TSensor {
  basis: { source: string; location: CoalLocation | null } | null;
}

export interface LiveGroup {
  enterpriseId: string;
  enterpriseName: string;
  installationId: string | null;
  installationName: string | null;
  sensors: TSensor[];
}

export interface Live {
  at: string;
  counts: Record<'total' | Level, number>;
  items: LiveGroup[];
}

export interface ReadingSeries {
  sensorId: string;
  resolution: 'raw' | 'rollup';
  from: string;
  to: string;
  items: { ts: string; value: number; min?: number; max?: number; count?: number }[];
}

/** One installation's sensors in one chart (GET /api/readings/installation). */
export interface InstallationTrend {
  enterpriseId: string;
  enterpriseName: string;
  installationId: string | null;
  installationName: string | null;
  resolution: 'raw' | 'rollup';
  from: string;
  to: string;
  series: { sensor: TSensor; items: ReadingSeries['items'] }[];
}

/** The chart ranges of the sensor and installation trends. */
export const TREND_RANGES = { '1h': 3_600_000, '6h': 6 * 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000 } as const;
export type TrendRange = keyof typeof TREND_RANGES;

/** The installation page's address for a live-page group or a sensor (by id, else by name, else the sensors without one). */
export function installationPath(g: { enterpriseId: string; installationId: string | null; installationName: string | null }): string {
  const q = new URLSearchParams({ enterpriseId: g.enterpriseId });
  if (g.installationId) q.set('installationId', g.installationId);
  else if (g.installationName) q.set('installationName', g.installationName);
  return `/monitoring/installation?${q.toString()}`;
}

export interface TCredential {
  id: string;
  enterpriseId: string;
  keyId: string;
  label: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  key?: string;
}

export interface EnterpriseQuality {
  enterpriseId: string;
  enterpriseName: string;
  sensors: number;
  stale: number;
  onlineRate: number | null;
  alarms: number;
  realAlarms: number;
  falseAlarms: number;
  plannedWork: number;
  equipmentFault: number;
  unclassified: number;
  overdueDisposal: number;
  falseAlarmShare: number | null;
}

export interface Quality {
  from: string;
  to: string;
  overall: { sensors: number; onlineRate: number | null; stale: number };
  enterprises: EnterpriseQuality[];
  sensors: (TSensor & { onlineRate: number | null; expected: number; received: number })[];
  stale: TSensor[];
}

export interface MonthlyReport {
  month: string;
  regionCode: string | null;
  regionName: string | null;
  generatedAt: string;
  totals: Omit<EnterpriseQuality, 'enterpriseId' | 'enterpriseName'> & { enterprises: number };
  enterprises: EnterpriseQuality[];
  findings: { kind: 'lowOnline' | 'noisy' | 'overdue' | 'unclassified'; n: number; names: string[] }[];
}

export const LEVEL_COLOR: Record<Level, string> = {
  none: '#bfbfbf',
  normal: '#52c41a',
  alarm: '#fa8c16',
  powerOff: '#f5222d',
  stale: '#8c8c8c',
};

/** Current values: refetched whenever the live page opens, since 'reading' events that came while it was closed refreshed nothing. */
export const useLive = (q: Query) =>
  useQuery({
    queryKey: ['sensors-live', q],
    queryFn: () => api<Live>('/api/sensors/live', { query: q }),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });

export const useSensors = (q: Query) =>
  useQuery({ queryKey: ['sensors', q], queryFn: () => api<Page<TSensor>>('/api/sensors', { query: q }), placeholderData: keepPreviousData });

export const useSensor = (id: string, enabled = true) =>
  useQuery({ queryKey: ['sensor', id], queryFn: () => api<{ data: TSensorDetail }>(`/api/sensors/${id}`), enabled, retry: false });

export const useCoalLocations = () =>
  useQuery({ queryKey: ['coal-locations'], queryFn: () => api<{ items: CoalLocation[] }>('/api/sensors/coal-locations'), staleTime: Number.POSITIVE_INFINITY });

export const useReadings = (sensorId: string, from: string, to?: string, enabled = true) =>
  useQuery({
    queryKey: ['readings', sensorId, from, to],
    queryFn: () => api<ReadingSeries>('/api/readings', { query: { sensorId, from, to } }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useInstallationTrend = (q: { enterpriseId?: string; installationId?: string; installationName?: string; from: string }) =>
  useQuery({
    queryKey: ['readings', 'installation', q],
    queryFn: () => api<InstallationTrend>('/api/readings/installation', { query: q }),
    enabled: Boolean(q.enterpriseId),
    placeholderData: keepPreviousData,
  });

export const useCredentials = (enterpriseId: string | undefined) =>
  useQuery({
    queryKey: ['ingest-credentials', enterpriseId],
    queryFn: () => api<{ items: TCredential[] }>('/api/monitoring/credentials', { query: { enterpriseId } }),
    enabled: Boolean(enterpriseId),
  });

export const useQuality = (q: Query) =>
  useQuery({ queryKey: ['monitoring-quality', q], queryFn: () => api<Quality>('/api/monitoring/quality', { query: q }), placeholderData: keepPreviousData });

export const useMonthlyReport = (q: Query) =>
  useQuery({
    queryKey: ['monitoring-report', q],
    queryFn: () => api<MonthlyReport>('/api/monitoring/reports/monthly', { query: q }),
    placeholderData: keepPreviousData,
  });

/** Live: refetches current values and charts when the server announces a 'reading' or an 'alarm' (SSE GET /api/events). */
export function useLiveReadings(): void {
  const qc = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Readings can arrive many times a second: refetch at most twice a second.
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        for (const k of ['sensors-live', 'sensors', 'sensor', 'readings']) void qc.invalidateQueries({ queryKey: [k] });
      }, 500);
    };
    const unsubscribe = subscribeLive(['reading', 'alarm'], refresh);
    return () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  }, [qc]);
}

export function pct(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
}

export function valueText(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined) return '—';
  const digits = Math.abs(v) < 10 ? 2 : 1;
  return `${v.toFixed(digits)} ${unit}`;
}
