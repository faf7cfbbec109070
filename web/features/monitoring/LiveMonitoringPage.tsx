import { LineChartOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { PageHeader } from '../../components/PageHeader';
import { type MessageKey, useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useUrlState } from '../../lib/url-state';
import { ActiveAlarmsPanel } from '../alarms';
import { installationPath, LEVEL_COLOR, type Level, type TSensor, useLive, useLiveReadings, valueText } from './api';
import { LevelTag, typeKey } from './labels';

const COUNTS: ('total' | Level)[] = ['total', 'normal', 'alarm', 'powerOff', 'stale', 'none'];

function SensorTile({ s }: { s: TSensor }) {
  const { t } = useI18n();
  return (
    <Link to={`/monitoring/sensors/${s.id}`} style={{ display: 'block', height: '100%' }}>
      <Card size="small" hoverable style={{ height: '100%', borderInlineStart: `4px solid ${LEVEL_COLOR[s.level]}` }} styles={{ body: { padding: 10 } }}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Typography.Text strong ellipsis={{ tooltip: s.name }} style={{ minWidth: 0 }}>
            {s.name}
          </Typography.Text>
          <LevelTag level={s.level} />
        </Flex>
        <div style={{ fontSize: 24, fontWeight: 600, color: s.level === 'normal' ? undefined : LEVEL_COLOR[s.level], margin: '4px 0', whiteSpace: 'nowrap' }}>
          {valueText(s.lastValue, s.unit)}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
          {t(typeKey(s.type))} · {s.code} · {s.lastTs ? dayjs(s.lastTs).format('MM-DD HH:mm:ss') : '—'}
        </Typography.Text>
      </Card>
    </Link>
  );
}

/** 实时监测: current values by enterprise and installation, coloured by their state, refreshed on SSE 'reading' and 'alarm' events. */
export function LiveMonitoringPage() {
  const { t } = useI18n();
  useLiveReadings();
  const [state, update] = useUrlState(['enterpriseId'] as const);
  const { data, error, isLoading } = useLive({ enterpriseId: state.enterpriseId });
  const kind = useMe().data?.user.kind;
  const own = kind === 'enterprise';

  return (
    <>
      <PageHeader
        title={t('mon.live.title')}
        extra={
          // An enterprise's own users see only their enterprise: nothing to pick.
          own ? null : <EnterpriseSelect value={state.enterpriseId} onChange={(v) => update({ enterpriseId: v ?? null })} style={{ width: 260 }} />
        }
      >
        <Typography.Text type="secondary">{t('mon.live.hint')}</Typography.Text>
      </PageHeader>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {COUNTS.map((k) => (
          <Col key={k} xs={8} sm={8} md={4}>
            <Card size="small">
              <Statistic
                title={t(`mon.count.${k}` as MessageKey)}
                value={data?.counts[k] ?? 0}
                valueStyle={{ color: k === 'total' || k === 'normal' || !data?.counts[k] ? undefined : LEVEL_COLOR[k as Level] }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <ActiveAlarmsPanel enterpriseId={state.enterpriseId ?? undefined} oneEnterprise={own} />
      {isLoading ? <Skeleton active /> : null}
      {data && data.items.length === 0 ? <Empty description={t('mon.live.empty')} /> : null}
      {data?.items.map((g) => (
        <Card
          key={`${g.enterpriseId}/${g.installationId ?? g.installationName ?? ''}`}
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <Flex gap={8} wrap align="baseline" style={{ minWidth: 0 }}>
              <Typography.Text strong ellipsis>
                {g.enterpriseName}
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis>
                {g.installationName ?? t('mon.live.noInstallation')}
              </Typography.Text>
            </Flex>
          }
          extra={
            <Flex gap={12} align="baseline" wrap justify="flex-end">
              <Link to={installationPath(g)}>
                <LineChartOutlined /> {t('mon.live.trend')}
              </Link>
              <Typography.Text type="secondary">{t('mon.live.updated', { time: dayjs(data.at).format('HH:mm:ss') })}</Typography.Text>
            </Flex>
          }
        >
          <Row gutter={[10, 10]}>
            {g.sensors.map((s) => (
              <Col key={s.id} xs={24} sm={12} lg={8} xl={6}>
                <SensorTile s={s} />
              </Col>
            ))}
          </Row>
        </Card>
      ))}
    </>
  );
}
