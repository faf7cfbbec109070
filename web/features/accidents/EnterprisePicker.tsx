import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { useDebounced } from '../../lib/use-debounced';
import { useEnterprises } from '../org/api';

interface Props {
  value?: string | null;
  onChange?: (v: string | null) => void;
  /** Select the only enterprise the user can see (an enterprise user sees exactly their own). */
  autoSelectSingle?: boolean;
  id?: string;
}

/** The unit where the accident happened, searched among the enterprises in the user's scope. */
export function EnterprisePicker({ value, onChange, autoSelectSingle, id }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const { data, isFetching } = useEnterprises({ q: q || undefined, page: 1, pageSize: 20 });
  const items = data?.items ?? [];
  const only = !q && data?.total === 1 ? items[0] : undefined;

  useEffect(() => {
    if (autoSelectSingle && only && !value) onChange?.(only.id);
  }, [autoSelectSingle, only, value, onChange]);

  const options = items.map((e) => ({
    value: e.id,
    label: e.countyName && e.countyName !== e.regionName ? `${e.name}（${e.countyName} ${e.regionName}）` : `${e.name}（${e.regionName}）`,
  }));
  // Keep the chosen enterprise's name while a later search no longer lists it.
  const seen = useRef(new Map<string, string>());
  for (const o of options) seen.current.set(o.value, o.label);
  const chosen = value ? seen.current.get(value) : undefined;
  if (value && chosen && !options.some((o) => o.value === value)) options.unshift({ value, label: chosen });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      options={options}
      placeholder={t('accident.searchEnterprise')}
      notFoundContent={t('accident.noEnterprise')}
    />
  );
}
