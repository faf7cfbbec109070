import type { SorterResult } from 'antd/es/table/interface';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type UrlPatch<K extends string> = Partial<Record<K, string | number | null | undefined>>;

/**
 * List state (page, filters, sort) kept in the URL, so a reload, a shared link and the export
 * button all see exactly the filters on screen. Changing a filter goes back to page 1.
 */
export function useUrlState<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out = {} as Record<K, string | undefined>;
    for (const k of keys) out[k] = params.get(k) ?? undefined;
    return out;
  }, [params, keys]);
  const update = useCallback(
    (patch: UrlPatch<K>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch) as [string, string | number | null | undefined][]) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [values, update] as const;
}

export function toInt(v: string | undefined, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** `sort=field:asc|desc` → antd's sortOrder for one column. */
export function sortOrderOf(sort: string | undefined, field: string): 'ascend' | 'descend' | null {
  if (!sort) return null;
  const [f, dir] = sort.split(':');
  if (f !== field) return null;
  return dir === 'desc' ? 'descend' : 'ascend';
}

/** antd's sorter → `field:asc|desc`, or undefined when sorting is cleared. */
export function sortParam<T>(sorter: SorterResult<T> | SorterResult<T>[]): string | undefined {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!s?.order) return undefined;
  const field = s.columnKey ?? (Array.isArray(s.field) ? s.field.join('.') : s.field);
  if (!field) return undefined;
  return `${String(field)}:${s.order === 'descend' ? 'desc' : 'asc'}`;
}
