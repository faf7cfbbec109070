import { Alert, Card, Result, Segmented, Skeleton, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { type MessageKey, useI18n } from '../../i18n';
import { ApiError, errorMessage } from '../../lib/api';
import { useUrlState } from '../../lib/url-state';
import { TREND_RANGES, type TrendRange, type TSensor, useInstallationTrend, useLiveReadings, valueText } from './api';
import { InstallationChart } from './InstallationChart';
import { LevelTag, typeKey } from './labels';

const LIMITS: { key: 'high' | 'highHigh' | 'powerOff' | 'low' | 'lowLow'; label: MessageKey }[] = [
  { key: 'high', label: 'mon.alarm' },
  { key: 'highHigh', label: 'mon.rules.highHigh' },
  { key: 'powerOff', label: 'mon.powerOff' },
  { key: 'low', label: 'mon.rules.low' },
  { key: 'lowLow', label: 'mon.rules.lowLow' },
];

/** 装置趋势: all sensors of one installation (a working face, a tank farm) in one chart with their limits, refreshed live. */
export function InstallationTrendPage() {
  const { t } = useI18n();
  useLiveReadings();
  const [state, update] = useUrlState(['enterpriseId', 'installationId', 'installationName', 'range'] as const);
  const range: TrendRange = state.range && state.range in TREND_RANGES ? (state.range as TrendRange) : '6h';
  // The window start moves only when the range changes; live refetches keep the same key.
  const from = useMemo(() => new Date(Date.now() - TREND_RANGES[range]).toISOString(), [range]);
  const { data, error, isLoading } = useInstallationTrend({
    ...(state.enterpriseId ? { enterpriseId: state.enterpriseId } : {}),
    ...(state.installationId ? { installationId: state.installationId } : {}),
    ...(state.installationName ? { installationName: state.installationName } : {}),
    from,
  });
  if (!state.enterpriseId || (error instanceof ApiError && error.status === 404))
    return <Result status="404" title={t('common.notFound')} extra={<Link to="/monitoring">{t('mon.installation.back')}</Link>} />;
  if (error) return <Alert type="error" title={errorMessage(error)} />;
  if (isLoading || !data) return <Skeleton active />;
  const limitText = (s: TSensor) =>
    LIMITS.filter((l) => s.rules[l.key] !== undefined)
      .map((l) => `${t(l.label)} ${s.rules[l.key]}`)
      .join(' · ') || '—';

  return (
    <>
      <PageHeader
        title={data.installationName ?? t('mon.live.noInstallation')}
        extra={<Link to={`/monitoring?enterpriseId=${data.enterpriseId}`}>{t('mon.installation.back')}</Link>}
      >
        <Typography.Text type="secondary">
          {data.enterpriseName} · {t('mon.installation.sensors', { n: data.series.length })}
        </Typography.Text>
      </PageHeader>
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={t('mon.installation.trend')}
        extra={
          <Segmented<TrendRange>
            size="small"
            value={range}
            onChange={(v) => update({ range: v })}
            options={(Object.keys(TREND_RANGES) as TrendRange[]).map((k) => ({ value: k, label: t(`mon.sensor.range.${k}` as MessageKey) }))}
          />
        }
      >
        <InstallationChart trend={data} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(data.resolution === 'rollup' ? 'mon.installation.rollupHint' : 'mon.installation.rawHint')}
        </Typography.Text>
      </Card>
      <Card size="small" title={t('mon.installation.list')}>
        <Table<TSensor>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.series.map((s) => s.sensor)}
          scroll={{ x: 980 }}
          columns={[
            { title: t('mon.field.name'), dataIndex: 'name', width: 220, render: (v: string, s) => <Link to={`/monitoring/sensors/${s.id}`}>{v}</Link> },
            { title: t('mon.field.code'), dataIndex: 'code', width: 90 },
            { title: t('mon.field.type'), dataIndex: 'type', width: 100, render: (v: string) => t(typeKey(v)) },
            { title: t('mon.field.lastValue'), dataIndex: 'lastValue', width: 120, align: 'right', render: (v: number | null, s) => valueText(v, s.unit) },
            { title: t('mon.field.level'), dataIndex: 'level', width: 90, render: (v: TSensor['level']) => <LevelTag level={v} /> },
            { title: t('mon.installation.limits'), key: 'limits', width: 200, render: (_, s) => limitText(s) },
            { title: t('mon.field.lastTs'), dataIndex: 'lastTs', width: 150, render: (v: string | null) => (v ? dayjs(v).format('MM-DD HH:mm:ss') : '—') },
          ]}
        />
      </Card>
    </>
  );
}
