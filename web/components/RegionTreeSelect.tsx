import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { buildRegionTree, useRegions } from '../features/org';
import { useI18n } from '../i18n';

interface Props {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

/** Region picker over /api/regions (city → county → town); every level is selectable. */
export function RegionTreeSelect({ value, onChange, placeholder, allowClear = true, style, id }: Props) {
  const { locale, t } = useI18n();
  const { data, isLoading } = useRegions();
  const tree = useMemo(() => buildRegionTree(data ?? [], locale), [data, locale]);
  const firstLevel = useMemo(() => tree.map((n) => n.value), [tree]);
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={tree}
      loading={isLoading}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder ?? t('field.region')}
      treeDefaultExpandedKeys={firstLevel}
      popupMatchSelectWidth={false}
      style={style}
    />
  );
}
