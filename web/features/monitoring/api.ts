import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import type {
  TSensorLevel,
  ZCoalLocation,
  ZCredential,
  ZEnterpriseQuality,
  ZInstallationTrend,
  ZLegalLimit,
  ZLive,
  ZLiveGroup,
  ZMonthlyReport,
  ZNewCredential,
  ZQuality,
  ZReadingSeries,
  ZSensor,
  ZSensorChangeRequestView,
  ZSensorDetail,
} from '../../../common/contracts/sensors';
import { api, type Page, type Query } from '../../lib/api';
import { subscribeLive } from '../../lib/live-events';

/** 监测 API. Response types are the contracts' (common/contracts/sensors.ts), which the server's routes declare. */
export type Level = TSensorLevel;
export type TSensor = z.infer<typeof ZSensor>;
export type TSensorDetail = z.infer<typeof ZSensorDetail>;
export type LegalLimit = z.infer<typeof ZLegalLimit>;
export type CoalLocation = z.infer<typeof ZCoalLocation>;
/** 放宽/停用申请 (server: presentChangeRequest). */
export type TChangeRequest = z.infer<typeof ZSensorChangeRequestView>;
export type LiveGroup = z.infer<typeof ZLiveGroup>;
export type Live = z.infer<typeof ZLive>;
export type ReadingSeries = z.infer<typeof ZReadingSeries>;
/** One installation's sensors in one chart (GET /api/readings/installation). */
export type InstallationTrend = z.infer<typeof ZInstallationTrend>;
/** A credential as listed (key id only); the new one carries its full key this once. */
export type TCredential = z.infer<typeof ZCredential>;
export type TNewCredential = z.infer<typeof ZNewCredential>;
export type EnterpriseQuality = z.infer<typeof ZEnterpriseQuality>;
export type Quality = z.infer<typeof ZQuality>;
export type MonthlyReport = z.infer<typeof ZMonthlyReport>;

export const useChangeRequests = (q: Query, enabled = true) =>
  useQuery({
    queryKey: ['sensor-change-requests', q],
    queryFn: () => api<Page<TChangeRequest>>('/api/sensor-change-requests', { query: q }),
    placeholderData: keepPreviousData,
    enabled,
  });

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
