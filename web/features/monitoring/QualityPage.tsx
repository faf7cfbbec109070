import { Card, Col, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { Ellipsis } from '../../components/Ellipsis';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { PageHeader } from '../../components/PageHeader';
import { type MessageKey, useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useUrlState } from '../../lib/url-state';
import { type EnterpriseQuality, pct, type Quality, type TSensor, useQuality } from './api';
import { typeKey } from './labels';

const PERIODS = { last24h: 86_400_000, last7d: 7 * 86_400_000, last30d: 30 * 86_400_000 } as const;
type Period = keyof typeof PERIODS;

/** 数据质量: online rate per enterprise and sensor, sensors offline now, false-alarm share. */
export function QualityPage() {
  const { t } = useI18n();
  const [state, update] = useUrlState(['period', 'enterpriseId'] as const);
  const period = (state.period as Period | undefined) ?? 'last24h';
  const from = useMemo(() => new Date(Date.now() - (PERIODS[period] ?? PERIODS.last24h)).toISOString(), [period]);
  const { data, error, isFetching } = useQuality({ from, enterpriseId: state.enterpriseId });

  return (
    <>
      <PageHeader
        title={t('mon.quality.title')}
        extra={
          <>
            <EnterpriseSelect value={state.enterpriseId} onChange={(v) => update({ enterpriseId: v ?? null })} style={{ width: 240 }} />
            <Segmented<Period>
              value={period}
              onChange={(v) => update({ period: v })}
              options={(Object.keys(PERIODS) as Period[]).map((k) => ({ value: k, label: t(`mon.quality.${k}` as MessageKey) }))}
            />
          </>
        }
      >
        <Typography.Text type="secondary">{t('mon.quality.definition')}</Typography.Text>
      </PageHeader>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('mon.quality.sensors')} value={data?.overall.sensors ?? 0} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('mon.quality.onlineRate')} value={pct(data?.overall.onlineRate)} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('mon.quality.staleNow')} value={data?.overall.stale ?? 0} valueStyle={{ color: data?.overall.stale ? '#8c8c8c' : undefined }} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('mon.quality.byEnterprise')} style={{ marginBottom: 16 }}>
        <Table<EnterpriseQuality>
          rowKey="enterpriseId"
          size="small"
          loading={isFetching}
          dataSource={data?.enterprises}
          pagination={false}
          scroll={{ x: 760 }}
          columns={[
            {
              title: t('mon.field.enterprise'),
              dataIndex: 'enterpriseName',
              render: (v: string, r) => <Link to={`/monitoring?enterpriseId=${r.enterpriseId}`}>{v}</Link>,
            },
            { title: t('mon.quality.sensors'), dataIndex: 'sensors', width: 90, align: 'right' },
            { title: t('mon.quality.onlineRate'), dataIndex: 'onlineRate', width: 100, align: 'right', render: pct },
            { title: t('mon.quality.staleNow'), dataIndex: 'stale', width: 100, align: 'right' },
            { title: t('mon.quality.alarms'), dataIndex: 'alarms', width: 90, align: 'right' },
            { title: t('mon.quality.falseAlarms'), dataIndex: 'falseAlarms', width: 80, align: 'right' },
            { title: t('mon.quality.falseShare'), dataIndex: 'falseAlarmShare', width: 100, align: 'right', render: pct },
            { title: t('mon.quality.overdue'), dataIndex: 'overdueDisposal', width: 110, align: 'right' },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('mon.quality.bySensor')}>
            <Table<Quality['sensors'][number]>
              rowKey="id"
              size="small"
              dataSource={data?.sensors}
              pagination={{ pageSize: 10, size: 'small' }}
              scroll={{ x: state.enterpriseId ? 400 : 540 }}
              columns={[
                {
                  title: t('mon.field.name'),
                  dataIndex: 'name',
                  render: (v: string, r: Quality['sensors'][number]) => <Link to={`/monitoring/sensors/${r.id}`}>{v}</Link>,
                },
                ...(state.enterpriseId
                  ? []
                  : [
                      {
                        title: t('mon.field.enterprise'),
                        dataIndex: 'enterpriseName',
                        width: 150,
                        render: (v: string) => <Ellipsis text={v} />,
                      },
                    ]),
                { title: t('mon.field.type'), dataIndex: 'type', width: 100, render: (v: string) => t(typeKey(v)) },
                {
                  title: t('mon.quality.onlineRate'),
                  dataIndex: 'onlineRate',
                  width: 100,
                  align: 'right',
                  render: pct,
                  sorter: (a, b) => (a.onlineRate ?? 0) - (b.onlineRate ?? 0),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('mon.quality.staleList')}>
            <Table<TSensor>
              rowKey="id"
              size="small"
              dataSource={data?.stale}
              pagination={false}
              scroll={{ x: 360 }}
              columns={[
                { title: t('mon.field.name'), dataIndex: 'name', render: (v: string, r) => <Link to={`/monitoring/sensors/${r.id}`}>{v}</Link> },
                { title: t('mon.quality.staleSince'), dataIndex: 'staleSince', width: 150, render: formatDateTime },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
