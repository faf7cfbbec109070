import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useEnterprises } from '../features/org';
import { useI18n } from '../i18n';
import { useDebounced } from '../lib/use-debounced';

interface Props {
  value?: string | null;
  onChange?: (v: string | null) => void;
  /** Only enterprises of this industry (e.g. coal for mining faces). */
  industry?: string;
  /** Only the members of this group (its subsidiaries); nothing is listed until it is set. */
  groupId?: string | null;
  /** Only group enterprises (集团). */
  groupsOnly?: boolean;
  /** Select the only match, when there is exactly one (an enterprise or group user sees their own). */
  autoSelectSingle?: boolean;
  disabled?: boolean;
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
}

/** An enterprise in the user's scope, searched by name or credit code (GET /api/enterprises?q=). */
export function EnterpriseSelect({ value, onChange, industry, groupId, groupsOnly, autoSelectSingle, disabled, placeholder, id, style }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const needsGroup = groupId !== undefined;
  const { data, isFetching } = useEnterprises(
    { q: q || undefined, page: 1, pageSize: groupsOnly ? 100 : 30, industry, groupId: groupId ?? undefined, sort: 'name:asc' },
    !needsGroup || Boolean(groupId),
  );
  const items = (data?.items ?? []).filter((e) => (!groupsOnly || e.isGroup) && (!needsGroup || e.id !== groupId));
  const only = !q && items.length === 1 ? items[0] : undefined;

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
      disabled={disabled || (needsGroup && !groupId)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      options={options}
      placeholder={placeholder ?? t('accident.searchEnterprise')}
      notFoundContent={t('accident.noEnterprise')}
      style={style}
    />
  );
}
