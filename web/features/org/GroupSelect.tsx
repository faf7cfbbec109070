import { Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { useDebounced } from '../../lib/use-debounced';
import { useEnterprises } from './api';

interface Props {
  value?: string | null;
  onChange?: (v: string | null) => void;
  /** Name of the current group, so the value shows before any search. */
  currentName?: string | null;
  excludeId?: string;
  id?: string;
}

/** Picks the group (集团) an enterprise belongs to, searching the visible group enterprises by name. */
export function GroupSelect({ value, onChange, currentName, excludeId, id }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const { data, isFetching } = useEnterprises({ q: q || undefined, pageSize: 50, page: 1, sort: 'name:asc' });
  const options = (data?.items ?? []).filter((e) => e.isGroup && e.id !== excludeId).map((e) => ({ value: e.id, label: e.name }));
  if (value && currentName && !options.some((o) => o.value === value)) options.unshift({ value, label: currentName });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      options={options}
      placeholder={t('enterprise.groupSearch')}
      notFoundContent={t('enterprise.noGroups')}
    />
  );
}
