import { Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { pickName, useI18n } from '../../i18n';
import { useCan } from '../../lib/auth';
import { useAllDepartments } from '../org';
import type { UnitRef } from './api';

type UnitKind = 'department' | 'enterprise';

interface Props {
  value?: UnitRef | null;
  onChange?: (v: UnitRef | null) => void;
  id?: string;
  /** Units already chosen elsewhere in the form, left out of the department list. */
  exclude?: string[];
}

/** A unit a task is issued to: a government unit or department (GET /api/departments) or an enterprise (GET /api/enterprises?q=). */
export function UnitPicker({ value, onChange, id, exclude = [] }: Props) {
  const { t, locale } = useI18n();
  const can = useCan();
  const [kindState, setKind] = useState<UnitKind>('department');
  const kind: UnitKind = value?.enterpriseId ? 'enterprise' : value?.departmentId ? 'department' : kindState;
  const { data: departments, isLoading } = useAllDepartments(can('department.read'));

  const options = useMemo(() => {
    // Grouped by region (the city first, as the server lists them).
    const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
    for (const d of departments ?? []) {
      if (exclude.includes(d.id) && d.id !== value?.departmentId) continue;
      const g = groups.get(d.regionCode) ?? { label: d.regionName, options: [] };
      g.options.push({ value: d.id, label: pickName(locale, d.name, d.nameEn) });
      groups.set(d.regionCode, g);
    }
    return [...groups.values()];
  }, [departments, exclude, locale, value?.departmentId]);

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select<UnitKind>
        value={kind}
        style={{ width: locale === 'en-US' ? 132 : 96, flex: 'none' }}
        onChange={(k) => {
          setKind(k);
          onChange?.(null);
        }}
        options={[
          { value: 'department', label: t('task.unitKind.department') },
          { value: 'enterprise', label: t('task.unitKind.enterprise') },
        ]}
      />
      {kind === 'department' ? (
        <Select
          id={id}
          value={value?.departmentId}
          onChange={(v?: string) => onChange?.(v ? { departmentId: v } : null)}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={isLoading}
          options={options}
          placeholder={t('task.pickDepartment')}
          style={{ flex: 1, minWidth: 0 }}
        />
      ) : (
        <EnterpriseSelect id={id} value={value?.enterpriseId} onChange={(v) => onChange?.(v ? { enterpriseId: v } : null)} style={{ flex: 1, minWidth: 0 }} />
      )}
    </Space.Compact>
  );
}

/** Form rule: a unit of either kind must be chosen. */
export function unitRequired(message: string) {
  return {
    validator: (_: unknown, v: UnitRef | null | undefined) => (v?.departmentId || v?.enterpriseId ? Promise.resolve() : Promise.reject(new Error(message))),
  };
}
