import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { TAlarmDisposal } from '../../../common/contracts/alarms';
import { api, type Page, type Query } from '../../lib/api';
import { subscribeLive } from '../../lib/live-events';

/** 报警处置 API. Shapes follow server/modules/alarms/alarm.presenter.ts field by field. */
export const SEVERITIES = ['red', 'orange', 'yellow', 'blue'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const TYPES = ['powerOff', 'highHigh', 'high', 'low', 'lowLow', 'rateOfChange', 'flatLine', 'stale'] as const;
export type AlarmType = (typeof TYPES)[number];
export const STATUSES = ['ACTIVE_UNACK', 'ACTIVE_ACK', 'CLEARED_UNACK', 'CLEARED', 'SHELVED', 'OUT_OF_SERVICE', 'CLOSED'] as const;
export type AlarmStatus = (typeof STATUSES)[number];
export const CLASSIFICATIONS = ['real', 'false', 'plannedWork', 'equipmentFault'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const FILTER_KEYS = ['q', 'status', 'severity', 'type', 'classification', 'enterpriseId', 'regionCode', 'industry', 'from', 'to'] as const;

export interface TAlarmSummary {
  id: string;
  sensorId: string;
  sensorName: string;
  sensorType: string;
  unit: string;
  location: string;
  enterpriseId: string;
  enterpriseName: string;
  industry: string;
  type: AlarmType;
  severity: Severity;
  status: AlarmStatus;
  active: boolean;
  limitValue: number | null;
  peakValue: number | null;
  lastValue: number | null;
  startTs: string;
  lastTs: string;
  clearTs: string | null;
  ackDue: string;
  feedbackDue: string;
  escalation: number;
  classification: Classification | null;
  disposalState: 'done' | 'onTrack' | 'overdue';
  hazardId: string | null;
  taskId: string | null;
}

export interface TAlarmTransition {
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

export interface TAlarmDetail extends TAlarmSummary {
  startValue: number | null;
  ackTs: string | null;
  ackBy: string | null;
  analysis: string | null;
  feedback: string | null;
  evidence: string[];
  feedbackByName: string | null;
  feedbackAt: string | null;
  shelvedUntil: string | null;
  shelveReason: string | null;
  closedAt: string | null;
  transitions: TAlarmTransition[];
}

export const ACTIONS = ['ack', 'feedback', 'shelve', 'unshelve', 'outOfService', 'returnToService', 'close', 'toHazard', 'toTask'] as const;
export type AlarmAction = (typeof ACTIONS)[number];
export interface AlarmResponse {
  data: TAlarmDetail;
  abilities: Record<AlarmAction, boolean>;
}

export interface AlarmStats {
  from: string;
  to: string;
  total: number;
  active: number;
  bySeverity: Partial<Record<Severity, number>>;
  byStatus: Partial<Record<AlarmStatus, number>>;
  byClassification: Partial<Record<Classification | 'none', number>>;
  byType: Partial<Record<AlarmType, number>>;
  falseShare: number | null;
  enterprises: {
    enterpriseId: string;
    enterpriseName: string;
    total: number;
    real: number;
    false: number;
    plannedWork: number;
    equipmentFault: number;
    unclassified: number;
    overdueDisposal: number;
    falseShare: number | null;
    feedbackRate: number | null;
  }[];
  source: string;
}

/** GET /api/alarm-disposal: the time limits in force, the defaults and each field's 依据. */
export interface AlarmDisposalView {
  config: TAlarmDisposal;
  defaults: TAlarmDisposal;
  configured: boolean;
  source: string;
  fieldSources: Record<keyof TAlarmDisposal, { zh: string; en: string; verified: boolean }>;
  abilities: { configure: boolean };
}

export function useAlarmDisposal() {
  return useQuery({ queryKey: ['alarm-disposal'], queryFn: () => api<AlarmDisposalView>('/api/alarm-disposal'), staleTime: 60_000 });
}

export function useAlarms(query: Query) {
  return useQuery({ queryKey: ['alarms', query], queryFn: () => api<Page<TAlarmSummary>>('/api/alarms', { query }), placeholderData: keepPreviousData });
}

export const alarmKey = (id: string | undefined) => ['alarm', id] as const;

export function useAlarm(id: string | undefined) {
  return useQuery({ queryKey: alarmKey(id), queryFn: () => api<AlarmResponse>(`/api/alarms/${id}`), enabled: Boolean(id) });
}

export function useAlarmStats(query: Query) {
  return useQuery({ queryKey: ['alarm-stats', query], queryFn: () => api<AlarmStats>('/api/alarms/stats', { query }), placeholderData: keepPreviousData });
}

/** After any write: the detail in the cache is the server's answer; lists and counts are stale. */
export function useAlarmUpdated(): (res?: AlarmResponse) => Promise<void> {
  const qc = useQueryClient();
  return useCallback(
    async (res) => {
      if (res) qc.setQueryData(alarmKey(res.data.id), res);
      await Promise.all(['alarms', 'alarm-stats'].map((k) => qc.invalidateQueries({ queryKey: [k] })));
    },
    [qc],
  );
}

/**
 * Live: refetches alarm lists, counts and the open alarm when the server announces an 'alarm' event
 * (the tab's shared GET /api/events connection).
 */
export function useLiveAlarms(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const onAlarm = (e: MessageEvent) => {
      let id: string | null = null;
      try {
        id = (JSON.parse(e.data) as { entityId?: string | null }).entityId ?? null;
      } catch {
        // ignore a malformed event
      }
      void qc.invalidateQueries({ queryKey: ['alarms'] });
      void qc.invalidateQueries({ queryKey: ['alarm-stats'] });
      if (id) void qc.invalidateQueries({ queryKey: alarmKey(id) });
    };
    return subscribeLive(['alarm'], onAlarm);
  }, [qc]);
}
