import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TMatchedObject, TWarningLevel } from '../../../common/contracts/warnings';
import { api, type Page, type Query } from '../../lib/api';

/** 预警信息 API; shapes follow server/modules/warnings/warning.presenter.ts field by field. */
export { WARNING_EVENTS, WARNING_LEVELS } from '../../../common/contracts/warnings';
export type { TMatchedObject, TWarningLevel };
export type WarningState = 'active' | 'expired' | 'cancelled';
export type Position = [number, number];

export interface TWarningSummary {
  id: string;
  identifier: string;
  msgType: string;
  capStatus: string;
  capScope: string;
  state: WarningState;
  eventType: string;
  level: TWarningLevel | null;
  severity: string;
  headline: string;
  issuerName: string;
  source: 'issued' | 'imported';
  effective: string;
  expires: string | null;
  targets: number;
  confirmed: number;
  version: number;
}

export interface TTarget {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  industry: string;
  matchedBecause: string[];
  /** What matched: the enterprise's own point, its installations, its tailings ponds. */
  matchedObjects: TMatchedObject[];
  taskText: string;
  status: 'sent' | 'confirmed';
  sentAt: string;
  read: boolean;
  confirmerName: string | null;
  confirmedAt: string | null;
  feedback: string | null;
}

export interface TWarning extends TWarningSummary {
  sender: string;
  sent: string;
  description: string;
  instruction: string;
  taskText: string;
  area: { areaDesc: string; polygons: Position[][]; regionCodes: string[] };
  references: string | null;
  identifiers: string[];
  cancelledAt: string | null;
  capXml: string | null;
  targets: never;
}

export interface WarningResponse {
  data: Omit<TWarning, 'targets'> & { targets: TTarget[]; myTargetId: string | null; readCount: number };
  abilities: { update: boolean; cancel: boolean; confirm: boolean; seeTargets: boolean };
}

export type PointKind = 'enterprise' | 'installation' | 'tailings';

export interface TPlotPoint {
  id: string;
  kind?: PointKind;
  name: string;
  lng: number;
  lat: number;
  inside: boolean;
  overhead?: boolean;
}

export interface TPreview {
  count: number;
  /** Mine enterprises reached; installations and ponds inside (objects, not enterprises). */
  byClass: { mine: number; tailings: number; installation: number };
  unlocated: number;
  points: (TPlotPoint & { industry: string; kind: PointKind; overhead: boolean })[];
  matched: { id: string; name: string; industry: string; because: string[]; objects: TMatchedObject[] }[];
  /** The issuer-region check issuing applies: polygons refused (outside) or reaching past the boundary (beyond). */
  jurisdiction: {
    rule: 'boundary' | 'points';
    regionName: string | null;
    km?: number;
    source?: string;
    approximate?: boolean;
    outside: number[];
    beyond: number[];
  };
}

export interface TFeed {
  id: string;
  name: string;
  kind: 'url' | 'file';
  url: string | null;
  intervalMinutes: number;
  enabled: boolean;
  lastFetchedAt: string | null;
  lastStatus: string | null;
  lastResult: string | null;
  /** The unit the feed belongs to; its line manages it (the server's feed policy answers these). */
  unitName: string | null;
  abilities: { change: boolean; delete: boolean; fetch: boolean };
}

/** Platform-wide import rules: the expiry of an imported alert without <expires>; `configure`: may this user change it. */
export interface TImportSettings {
  defaultExpiryHours: number;
  configured: boolean;
  configure: boolean;
}

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
