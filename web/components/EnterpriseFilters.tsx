import { Select } from 'antd';
import type { ReactNode } from 'react';
import { ENTERPRISE_STATUSES, SUPERVISION_CLASSES } from '../../common/industries';
import { useI18n } from '../i18n';
import { FilterBar } from './FilterBar';
import { IndustrySelect } from './IndustrySelect';
import { RegionTreeSelect } from './RegionTreeSelect';
import { UrlSearch } from './UrlSearch';

type Key = 'q' | 'regionCode' | 'industry' | 'supervisionClass' | 'status';

interface Props {
  values: Partial<Record<Key, string | undefined>>;
  onChange: (patch: Partial<Record<Key, string | undefined>>) => void;
  children?: ReactNode;
}

/** Search box and the registry filters shared by the enterprise list and the 一张表. */
export function EnterpriseFilters({ values, onChange, children }: Props) {
  const { t } = useI18n();
  return (
    <FilterBar>
      <UrlSearch value={values.q} placeholder={t('filter.searchEnterprise')} onSearch={(q) => onChange({ q })} />
      <RegionTreeSelect value={values.regionCode} onChange={(regionCode) => onChange({ regionCode })} placeholder={t('field.region')} />
      <IndustrySelect value={values.industry} onChange={(industry) => onChange({ industry })} />
      <Select
        value={values.supervisionClass}
        allowClear
        placeholder={t('field.supervisionClass')}
        options={SUPERVISION_CLASSES.map((c) => ({ value: c, label: t('class.label', { c }) }))}
        onChange={(supervisionClass?: string) => onChange({ supervisionClass })}
      />
      <Select
        value={values.status}
        allowClear
        placeholder={t('field.status')}
        options={ENTERPRISE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        onChange={(status?: string) => onChange({ status })}
      />
      {children}
    </FilterBar>
  );
}
