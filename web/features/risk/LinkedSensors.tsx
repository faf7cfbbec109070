import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { api, type Page } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import type { TSensor } from '../monitoring';
import { LevelTag, typeKey } from '../monitoring';

/** 在线监测 of a registered installation or pond: the sensors linked to it (monitoring's installationId), if the user may see sensors. */
export function LinkedSensors({ installationId }: { installationId: string }) {
  const { t } = useI18n();
  const can = useCan();
  const allowed = can('sensor.read');
  const { data } = useQuery({
    queryKey: ['sensors', { installationId }],
    queryFn: () => api<Page<TSensor>>('/api/sensors', { query: { installationId, pageSize: 100 } }),
    enabled: allowed,
  });
  if (!allowed || !data?.items.length) return null;
  return (
    <Card size="small" title={t('pond.sensors')} style={{ marginBottom: 16 }}>
      <Table<TSensor>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.items}
        columns={[
          {
            title: t('mon.field.name'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <>
                <Link to={`/monitoring/sensors/${r.id}`}>{v}</Link>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {r.code} · {t(typeKey(r.type))}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('mon.field.lastValue'),
            key: 'v',
            width: 130,
            align: 'right',
            render: (_, r) => (r.lastValue === null ? '—' : `${r.lastValue} ${r.unit}`),
          },
          { title: '', key: 'l', width: 90, render: (_, r) => <LevelTag level={r.level} /> },
          { title: t('mon.field.lastTs'), dataIndex: 'lastTs', width: 140, responsive: ['md'], render: (v: string | null) => formatDateTime(v) },
        ]}
      />
    </Card>
  );
}
