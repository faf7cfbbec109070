import { ClearOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

interface Props {
  /** The list page (useListPage): its reset button clears every filter; shown only while some are set. */
  list?: { active: number; resetFilters: () => void };
  /** The filters: UrlSearch, selects, date ranges… each bound to `list.filters` / `list.setFilters`. */
  children: ReactNode;
  /** Things at the end of the bar (export button). */
  extra?: ReactNode;
  /** Narrowest width of one filter; two filters a row on a 390 px phone at the default. */
  minWidth?: number;
}

/**
 * A list's filters as a grid that wraps: several a row on a desktop, two a row on a phone, never wider
 * than the screen. With `list`, a reset button clears them all.
 */
export function FilterBar({ list, children, extra, minWidth }: Props) {
  const { t, locale } = useI18n();
  // English placeholders need more room than Chinese ones.
  const min = minWidth ?? (locale === 'en-US' ? 200 : 160);
  return (
    <div
      data-testid="filter-bar"
      style={{ display: 'grid', gridTemplateColumns: `repeat(auto-fill, minmax(min(${min}px, 100%), 1fr))`, gap: 8, marginBottom: 12 }}
    >
      {children}
      {list && list.active > 0 ? (
        <Button icon={<ClearOutlined />} onClick={list.resetFilters} title={t('kit.filter.active', { n: list.active })}>
          {t('kit.filter.reset')}
        </Button>
      ) : null}
      {extra}
    </div>
  );
}
