import type { TableProps } from 'antd';
import { useMemo } from 'react';
import { useUrlPaging } from './url-paging';
import { type UrlPatch, useUrlState } from './url-state';

type PagingKey = 'page' | 'pageSize' | 'sort';

/**
 * A server-paged list page's state, all in the URL (a reload, a shared link and the export button see
 * what is on screen): its filters, page, page size and sort.
 *
 *   const list = useListPage(['q', 'status'] as const);
 *   const q = useQuery({ queryKey: ['hazards', list.query], queryFn: () => api('/api/hazards', { query: list.query }) });
 *   <FilterBar list={list}>…</FilterBar>
 *   <DataList list={list} total={q.data?.total} … />
 *
 * Changing a filter goes back to page 1; a new sort too. `sizes: false`: 20 a page, no size changer.
 */
export function useListPage<K extends string>(filterKeys: readonly K[], { sizes = true }: { sizes?: boolean } = {}) {
  // useUrlState memoizes on the keys array: a literal passed on every render must not defeat it, so the
  // keys' content (one string) is what the memos depend on.
  const signature = filterKeys.join(',');
  const keys = useMemo(() => [...(signature ? (signature.split(',') as K[]) : []), 'page', 'pageSize', 'sort'] as (K | PagingKey)[], [signature]);
  const [state, update] = useUrlState<K | PagingKey>(keys);
  const paging = useUrlPaging(state, update as (patch: UrlPatch<PagingKey>) => void, { sizes });
  const filters = useMemo(() => {
    const out = {} as Record<K, string | undefined>;
    for (const k of signature ? (signature.split(',') as K[]) : []) out[k] = state[k];
    return out;
  }, [state, signature]);
  const active = filterKeys.filter((k) => state[k] !== undefined).length;
  /** What the list endpoint takes: the filters, page, pageSize and sort. */
  const query = useMemo(
    () => ({ ...filters, page: paging.page, pageSize: paging.pageSize, sort: state.sort }),
    [filters, paging.page, paging.pageSize, state.sort],
  );
  return {
    filters,
    /** Sets some filters (undefined or '' clears one) and goes back to page 1. */
    setFilters: (patch: Partial<Record<K, string | number | null | undefined>>) => update({ ...patch, page: undefined } as UrlPatch<K | PagingKey>),
    /** Clears every filter (paging and sort stay as they are, page back to 1). */
    resetFilters: () => update(Object.fromEntries(filterKeys.map((k) => [k, undefined])) as UrlPatch<K | PagingKey>),
    /** How many filters are set. */
    active,
    query,
    page: paging.page,
    pageSize: paging.pageSize,
    sort: state.sort,
    tableProps: paging.tableProps,
    sortable: paging.sortable,
    /** Goes to a page (the cards' pager on phones). */
    setPage: (page: number, pageSize?: number) => update((sizes && pageSize ? { page, pageSize } : { page }) as UrlPatch<K | PagingKey>),
  };
}

export type ListPage<K extends string = string> = ReturnType<typeof useListPage<K>>;

/** What a list component needs of a list page: its page, and the table's paging props. */
export interface ListPaging {
  page: number;
  pageSize: number;
  setPage: (page: number, pageSize?: number) => void;
  tableProps: <T>(total: number | undefined) => Pick<TableProps<T>, 'pagination' | 'onChange'>;
}
