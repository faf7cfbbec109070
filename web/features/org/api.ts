import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TCreateEnterprise,
  ZAssignment,
  ZDepartment,
  ZDepartmentPage,
  ZEnterpriseAbilities,
  ZEnterpriseDetail,
  ZEnterpriseImportResult,
  ZEnterprisePage,
  ZEnterpriseResponse,
  ZEnterpriseSummary,
  ZImportRowError,
  ZRegion,
  ZRegionList,
  ZSupervisionRow,
} from '../../../common/contracts/org';
import type { TUsccCheck } from '../../../common/contracts/platform';
import { api, type Page, type Query } from '../../lib/api';

export type TRegion = z.infer<typeof ZRegion>;
export type TDepartment = z.infer<typeof ZDepartment>;
export type TEnterpriseSummary = z.infer<typeof ZEnterpriseSummary>;
export type TEnterpriseDetail = z.infer<typeof ZEnterpriseDetail>;
export type TEnterpriseAbilities = z.infer<typeof ZEnterpriseAbilities>;
export type TAssignment = z.infer<typeof ZAssignment>;
export type TSupervisionRow = z.infer<typeof ZSupervisionRow>;
export type { TCreateEnterprise };

/** The enterprise list filters, as they appear in the URL and in the export link. */
export const ENTERPRISE_FILTER_KEYS = ['q', 'regionCode', 'industry', 'supervisionClass', 'status'] as const;

export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: () => api<z.infer<typeof ZRegionList>>('/api/regions'),
    staleTime: 10 * 60_000,
    select: (d) => d.items,
  });
}

/** Loads every page of a collection (for short reference lists used in pickers). */
async function fetchAll<T>(path: string, query: Query = {}): Promise<T[]> {
  const pageSize = 100;
  const out: T[] = [];
  for (let page = 1; page <= 20; page++) {
    const res = await api<Page<T>>(path, { query: { ...query, page, pageSize } });
    out.push(...res.items);
    if (out.length >= res.total || res.items.length < pageSize) break;
  }
  return out;
}

/** All departments visible to the user (for the assignment and user pickers). */
export function useAllDepartments(enabled = true) {
  return useQuery({
    queryKey: ['departments', 'all'],
    queryFn: () => fetchAll<TDepartment>('/api/departments'),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useDepartments(query: Query) {
  return useQuery({
    queryKey: ['departments', query],
    queryFn: () => api<z.infer<typeof ZDepartmentPage>>('/api/departments', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useEnterprises(query: Query, enabled = true) {
  return useQuery({
    queryKey: ['enterprises', query],
    queryFn: () => api<z.infer<typeof ZEnterprisePage>>('/api/enterprises', { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export type EnterpriseResponse = z.infer<typeof ZEnterpriseResponse>;

export function useEnterprise(id: string | undefined) {
  return useQuery({
    queryKey: ['enterprise', id],
    queryFn: () => api<EnterpriseResponse>(`/api/enterprises/${id}`),
    enabled: Boolean(id),
  });
}

export type UsccCheck = TUsccCheck;

export function checkUscc(code: string, signal?: AbortSignal) {
  return api<UsccCheck>('/api/calculators/usc-code', { body: { code }, signal });
}

export type ImportResult = z.infer<typeof ZEnterpriseImportResult>;

export type ImportRowError = z.infer<typeof ZImportRowError>;
