import { Select, Typography } from 'antd';
import { Link } from 'react-router';
import { SENSOR_TYPES } from '../../../common/contracts/monitoring';
import { type DataColumn, DataList } from '../../components/DataList';
import { enterpriseColumn } from '../../components/EnterpriseCell';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { UrlSearch } from '../../components/UrlSearch';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { useListPage } from '../../lib/list-page';
import { type TSensor, useSensors, valueText } from './api';
import { LevelTag, typeKey } from './labels';
import { SensorFormButton } from './SensorForm';

/** 监测点管理: the registry in scope with filters in the URL; enterprises register and edit their points. On a phone: cards led by value and level. */
export function SensorsPage() {
  const { t } = useI18n();
  const can = useCan();
  const list = useListPage(['q', 'enterpriseId', 'type'] as const);
  const { data, isFetching, error } = useSensors(list.query);

  const columns: DataColumn<TSensor>[] = [
    { title: t('mon.field.code'), dataIndex: 'code', width: 100 },
    {
      title: t('mon.field.name'),
      dataIndex: 'name',
      card: 'title',
      render: (v: string, r) => <Link to={`/monitoring/sensors/${r.id}`}>{v}</Link>,
    },
    {
      title: t('mon.field.lastValue'),
      dataIndex: 'lastValue',
      width: 120,
      align: 'right',
      card: 'lead',
      render: (v: number | null, r) => <Typography.Text strong>{valueText(v, r.unit)}</Typography.Text>,
    },
    { title: t('mon.field.level'), dataIndex: 'level', width: 100, card: 'lead', render: (_: unknown, r) => <LevelTag level={r.level} /> },
    { title: t('mon.field.type'), dataIndex: 'type', width: 110, render: (v: string) => t(typeKey(v)) },
    enterpriseColumn<TSensor>(t),
    { title: t('mon.field.location'), dataIndex: 'location', ellipsis: true },
  ];

  return (
    <>
      <PageHeader title={t('mon.sensors.title')} extra={can('sensor.manage') ? <SensorFormButton /> : null} />
      <FilterBar list={list}>
        <UrlSearch placeholder={t('mon.sensors.search')} value={list.filters.q} onSearch={(q) => list.setFilters({ q })} />
        <EnterpriseSelect value={list.filters.enterpriseId} onChange={(v) => list.setFilters({ enterpriseId: v })} />
        <Select
          allowClear
          placeholder={t('mon.sensors.allTypes')}
          value={list.filters.type}
          onChange={(v) => list.setFilters({ type: v })}
          options={SENSOR_TYPES.map((k) => ({ value: k, label: t(typeKey(k)) }))}
        />
      </FilterBar>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <DataList<TSensor> rowKey="id" size="middle" loading={isFetching} columns={columns} dataSource={data?.items} list={list} total={data?.total} />
    </>
  );
}
