import { Flex, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { SENSOR_TYPES } from '../../../common/contracts/monitoring';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { toInt, useUrlState } from '../../lib/url-state';
import { type TSensor, useSensors, valueText } from './api';
import { LevelTag, typeKey } from './labels';
import { SensorFormButton } from './SensorForm';

const KEYS = ['q', 'enterpriseId', 'type', 'page', 'pageSize'] as const;

/** 监测点管理: the registry in scope with filters in the URL; enterprises register and edit their points. */
export function SensorsPage() {
  const { t } = useI18n();
  const can = useCan();
  const [state, update] = useUrlState(KEYS);
  const page = toInt(state.page, 1);
  const pageSize = toInt(state.pageSize, 20);
  const { data, isFetching, error } = useSensors({ q: state.q, enterpriseId: state.enterpriseId, type: state.type, page, pageSize });

  const columns: ColumnsType<TSensor> = [
    { title: t('mon.field.code'), dataIndex: 'code', width: 100 },
    {
      title: t('mon.field.name'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Link to={`/monitoring/sensors/${r.id}`}>{v}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {r.enterpriseName} · {r.location}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('mon.field.type'), dataIndex: 'type', width: 110, render: (v: string) => t(typeKey(v)) },
    { title: t('mon.field.lastValue'), dataIndex: 'lastValue', width: 120, align: 'right', render: (v: number | null, r) => valueText(v, r.unit) },
    { title: t('mon.field.level'), dataIndex: 'level', width: 100, render: (_: unknown, r) => <LevelTag level={r.level} /> },
  ];

  return (
    <>
      <PageHeader title={t('mon.sensors.title')} extra={can('sensor.manage') ? <SensorFormButton /> : null} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('mon.sensors.search')}
          defaultValue={state.q}
          onSearch={(q) => update({ q, page: null })}
          style={{ width: 240 }}
        />
        <EnterpriseSelect value={state.enterpriseId} onChange={(v) => update({ enterpriseId: v ?? null, page: null })} style={{ width: 240 }} />
        <Select
          allowClear
          placeholder={t('mon.sensors.allTypes')}
          value={state.type}
          onChange={(v) => update({ type: v ?? null, page: null })}
          options={SENSOR_TYPES.map((k) => ({ value: k, label: t(typeKey(k)) }))}
          style={{ width: 160 }}
        />
      </Flex>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Table
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items}
        scroll={{ x: 640 }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, onChange: (p, s) => update({ page: p, pageSize: s }) }}
      />
    </>
  );
}
