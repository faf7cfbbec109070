import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import type {
  PLOT_POINT_KINDS,
  TMatchedObject,
  TWarningLevel,
  WARNING_STATES,
  ZFeedFetchResult,
  ZFeedView,
  ZImportResult,
  ZImportSettingsView,
  ZWarningDetail,
  ZWarningPreview,
  ZWarningResponse,
  ZWarningSummary,
  ZWarningTarget,
} from '../../../common/contracts/warnings';
import { api, type Page, type Query } from '../../lib/api';

/** 预警信息 API. Response types are the contracts' (common/contracts/warnings.ts), which the server's routes declare. */
export { CAP_MSG_TYPES, CAP_SCOPES, CAP_SEVERITIES, CAP_STATUSES, WARNING_EVENTS, WARNING_LEVELS } from '../../../common/contracts/warnings';
export type { TMatchedObject, TWarningLevel };
export type WarningState = (typeof WARNING_STATES)[number];
export type Position = [number, number];
export type TWarningSummary = z.infer<typeof ZWarningSummary>;
export type TTarget = z.infer<typeof ZWarningTarget>;
export type TWarning = z.infer<typeof ZWarningDetail>;
export type WarningResponse = z.infer<typeof ZWarningResponse>;
export type TPreview = z.infer<typeof ZWarningPreview>;
export type PointKind = (typeof PLOT_POINT_KINDS)[number];
/** A point of the area plot: a preview point, or (on the detail) a target's object without industry. */
export type TPlotPoint = Pick<TPreview['points'][number], 'id' | 'name' | 'lng' | 'lat' | 'inside'> & { kind?: PointKind; overhead?: boolean };
export type TFeed = z.infer<typeof ZFeedView>;
/** Platform-wide import rules: the expiry of an imported alert without <expires>; `configure`: may this user change it. */
export type TImportSettings = z.infer<typeof ZImportSettingsView>;
export type TImportResult = z.infer<typeof ZImportResult>;
export type TFeedFetchResult = z.infer<typeof ZFeedFetchResult>;

export function useImportSettings() {
  return useQuery({ queryKey: ['warning-import-settings'], queryFn: () => api<TImportSettings>('/api/warnings/import-settings') });
}

export function useWarnings(query: Query) {
  return useQuery({ queryKey: ['warnings', query], queryFn: () => api<Page<TWarningSummary>>('/api/warnings', { query }), placeholderData: keepPreviousData });
}

export const warningKey = (id: string | undefined) => ['warning', id] as const;

export function useWarning(id: string | undefined) {
  return useQuery({ queryKey: warningKey(id), queryFn: () => api<WarningResponse>(`/api/warnings/${id}`), enabled: Boolean(id) });
}

export function useFeeds() {
  return useQuery({ queryKey: ['warning-feeds'], queryFn: () => api<{ items: TFeed[] }>('/api/warnings/feeds') });
}

/** After a write: the detail is the server's answer; lists are stale. */
export function useWarningUpdated(): (res?: WarningResponse) => Promise<void> {
  const qc = useQueryClient();
  return useCallback(
    async (res) => {
      if (res) qc.setQueryData(warningKey(res.data.id), res);
      await Promise.all(['warnings', 'warning-feeds'].map((k) => qc.invalidateQueries({ queryKey: [k] })));
    },
    [qc],
  );
}

/** Parses "lng,lat" lines (also "lng lat" or "lng，lat") into a ring; closes it when the last point differs. */
export function parseRing(text: string): { ring: Position[]; bad: number[] } {
  const ring: Position[] = [];
  const bad: number[] = [];
  text
    .split(/\n/)
    .map((l) => l.trim())
    .forEach((line, i) => {
      if (!line) return;
      const m = /^(-?\d+(?:\.\d+)?)\s*[,，\s]\s*(-?\d+(?:\.\d+)?)$/.exec(line);
      if (!m) bad.push(i + 1);
      else ring.push([Number(m[1]), Number(m[2])]);
    });
  const a = ring[0];
  const b = ring[ring.length - 1];
  if (ring.length >= 3 && a && b && (a[0] !== b[0] || a[1] !== b[1])) ring.push([a[0], a[1]]);
  return { ring, bad };
}
