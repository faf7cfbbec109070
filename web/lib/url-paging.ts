import type { TableProps } from 'antd';
import { useI18n } from '../i18n';
import { sortOrderOf, sortParam, toInt, type UrlPatch } from './url-state';

export const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

/**
 * A server-paged list's page, page size and sort, kept in the URL by useUrlState, and the antd
 * Table props that show and change them: `<Table {...paging.tableProps(data?.total)} />`, with
 * `...paging.sortable('createdAt')` in each column the server sorts by.
 * Paging keeps the filters; a new sort starts again at page 1. `sizes: false` is 20 a page with
 * no size changer (short registers whose URL has no pageSize).
 */
export function useUrlPaging(
  state: { page?: string; pageSize?: string; sort?: string },
  update: (patch: UrlPatch<'page' | 'pageSize' | 'sort'>) => void,
  { sizes = true }: { sizes?: boolean } = {},
) {
  const { t } = useI18n();
  const page = toInt(state.page, 1);
  const pageSize = sizes ? toInt(state.pageSize, DEFAULT_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  function tableProps<T>(total: number | undefined): Pick<TableProps<T>, 'pagination' | 'onChange'> {
    return {
      pagination: {
        current: page,
        pageSize,
        total: total ?? 0,
        // antd shows a size changer past 50 rows unless told: a fixed-size list must not offer one.
        ...(sizes ? { showSizeChanger: true, pageSizeOptions: PAGE_SIZES } : { showSizeChanger: false }),
        showTotal: (n) => t('common.total', { total: n }),
      },
      onChange: (p, _filters, sorter, extra) => {
        if (extra.action === 'paginate') update(sizes ? { page: p.current, pageSize: p.pageSize } : { page: p.current });
        else if (extra.action === 'sort') update({ sort: sortParam(sorter), page: undefined });
      },
    };
  }
  /** Column props: sortable by `field` (the server's name), showing the URL's sort. */
  const sortable = (field: string) => ({ sorter: true, sortOrder: sortOrderOf(state.sort, field), key: field });
  return { page, pageSize, tableProps, sortable };
}
