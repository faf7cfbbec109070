import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { z } from 'zod';
import {
  ALARM_CLASSIFICATIONS,
  ALARM_STATUS_KEYS,
  type ZAlarmAbilities,
  type ZAlarmDetail,
  type ZAlarmDisposalView,
  type ZAlarmResponse,
  type ZAlarmStats,
  type ZAlarmSummary,
  type ZAlarmTransition,
} from '../../../common/contracts/alarms';
import { ALARM_SEVERITIES, type AlarmType as AlarmTypeKey } from '../../../common/rules/alarm-rules';
import { api, type Page, type Query } from '../../lib/api';
import { subscribeLive } from '../../lib/live-events';

/** 报警处置 API. Response types are the contracts' (common/contracts/alarms.ts), which the server's routes declare. */
export const SEVERITIES = ALARM_SEVERITIES;
export type Severity = (typeof SEVERITIES)[number];
/** The filter's order: the most serious first. */
export const TYPES = ['powerOff', 'highHigh', 'high', 'low', 'lowLow', 'rateOfChange', 'flatLine', 'stale'] as const satisfies readonly AlarmTypeKey[];
export type AlarmType = AlarmTypeKey;
export const STATUSES = ALARM_STATUS_KEYS;
export type AlarmStatus = (typeof STATUSES)[number];
export const CLASSIFICATIONS = ALARM_CLASSIFICATIONS;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const FILTER_KEYS = ['q', 'status', 'severity', 'type', 'classification', 'enterpriseId', 'regionCode', 'industry', 'from', 'to'] as const;

export type TAlarmSummary = z.infer<typeof ZAlarmSummary>;
export type TAlarmTransition = z.infer<typeof ZAlarmTransition>;
export type TAlarmDetail = z.infer<typeof ZAlarmDetail>;
export type AlarmAction = keyof z.infer<typeof ZAlarmAbilities>;
export type AlarmResponse = z.infer<typeof ZAlarmResponse>;
export type AlarmStats = z.infer<typeof ZAlarmStats>;
/** GET /api/alarm-disposal: the time limits in force, the defaults and each field's 依据. */
export type AlarmDisposalView = z.infer<typeof ZAlarmDisposalView>;

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
