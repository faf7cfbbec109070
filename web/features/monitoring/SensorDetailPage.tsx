import { LineChartOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Segmented, Skeleton, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { TSensorRules } from '../../../common/contracts/monitoring';
import { PageHeader } from '../../components/PageHeader';
import { type MessageKey, useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { AlarmStatusTag, valueText as alarmValue, SeverityTag, type TAlarmSummary, useAlarms } from '../alarms';
import { installationPath, TREND_RANGES, type TrendRange, useChangeRequests, useLiveReadings, useReadings, useSensor, valueText } from './api';
import { ChangeRequestTable } from './ChangeRequestsPage';
import { LevelTag, typeKey } from './labels';
import { SensorFormButton } from './SensorForm';
import { TrendChart } from './TrendChart';

const RULE_KEYS: (keyof TSensorRules)[] = [
  'powerOff',
  'powerRestore',
  'highHigh',
  'highHighClear',
  'high',
  'highClear',
  'low',
  'lowClear',
  'lowLow',
  'lowLowClear',
  'onDelaySeconds',
  'staleSeconds',
];

/** 监测点详情: current value, trend chart with the limits, the rules and the 依据 of coal defaults. */
export function SensorDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  useLiveReadings();
  const [range, setRange] = useState<TrendRange>('6h');
  const { data, error } = useSensor(id);
  // The window start moves only when the range changes; live refetches keep the same key.
  const from = useMemo(() => new Date(Date.now() - TREND_RANGES[range]).toISOString(), [range]);
  const series = useReadings(id, from).data;
  if (error) return <Alert type="error" message={errorMessage(error)} />;
  if (!data) return <Skeleton active />;
  const s = data.data;
  const rules = s.rules;
  // Each rule as stored, the value in force when the law's is tighter (or the stored one is missing), and the legal limit.
  const legalOf = (k: string) => s.legalLimits.find((l) => l.key === k);
  const ruleRows: { key: string; label: string; text: string; legal?: string }[] = RULE_KEYS.filter(
    (k) => rules[k] !== undefined || s.effectiveRules[k] !== undefined,
  ).map((k) => {
    const l = legalOf(k);
    const stored = rules[k];
    const eff = s.effectiveRules[k];
    const num = (v: unknown) => (k.endsWith('Seconds') ? String(v) : `${v} ${s.unit}`);
    return {
      key: k,
      label: t(`mon.rules.${k}` as MessageKey),
      text: stored === eff ? num(stored) : `${stored === undefined ? '—' : num(stored)} → ${t('mon.legal.effective')} ${num(eff)}`,
      legal: l ? `${l.direction === 'max' ? '≤' : '≥'} ${l.value}${l.verified ? '' : t('mon.legal.unverified')}` : undefined,
    };
  });
  if (rules.rateOfChange)
    ruleRows.push({
      key: 'rateOfChange',
      label: t('mon.rules.rateOfChange'),
      text: t('mon.rules.rateOfChangeText', { delta: rules.rateOfChange.delta, unit: s.unit, seconds: rules.rateOfChange.perSeconds }),
    });
  if (rules.flatLine)
    ruleRows.push({
      key: 'flatLine',
      label: t('mon.rules.flatLine'),
      text: t('mon.rules.flatLineText', { epsilon: rules.flatLine.epsilon, unit: s.unit, seconds: rules.flatLine.seconds }),
    });
  const basis = s.basis;

  return (
    <>
      <PageHeader
        title={s.name}
        extra={
          <>
            <Button icon={<LineChartOutlined />} onClick={() => navigate(installationPath(s))}>
              {t('mon.installation.open')}
            </Button>
            {can('sensor.manage') ? <SensorFormButton sensor={s} /> : null}
          </>
        }
      >
        <Typography.Text type="secondary">{[s.enterpriseName, s.installationName, s.location].filter(Boolean).join(' · ')}</Typography.Text>
      </PageHeader>
      {s.outOfServiceUntil ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('mon.outOfServiceUntil', { time: formatDateTime(s.outOfServiceUntil) })} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card
            size="small"
            title={t('mon.sensor.trend')}
            extra={
              <Segmented<TrendRange>
                size="small"
                value={range}
                onChange={setRange}
                options={(Object.keys(TREND_RANGES) as TrendRange[]).map((k) => ({ value: k, label: t(`mon.sensor.range.${k}` as MessageKey) }))}
              />
            }
          >
            <TrendChart series={series} rules={rules} unit={s.unit} />
          </Card>
          {can('alarm.read') ? <SensorAlarms sensorId={s.id} /> : null}
          <SensorChangeRequests sensorId={s.id} />
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('mon.field.level')}>
                <LevelTag level={s.level} />
              </Descriptions.Item>
              <Descriptions.Item label={t('mon.field.lastValue')}>
                <Typography.Text strong style={{ fontSize: 18 }}>
                  {valueText(s.lastValue, s.unit)}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('mon.field.lastTs')}>{s.lastTs ? dayjs(s.lastTs).format('YYYY-MM-DD HH:mm:ss') : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('mon.field.code')}>{s.code}</Descriptions.Item>
              <Descriptions.Item label={t('mon.field.type')}>{t(typeKey(s.type))}</Descriptions.Item>
              <Descriptions.Item label={t('mon.field.range')}>
                {s.rangeLow ?? '—'} – {s.rangeHigh ?? '—'} {s.unit}
              </Descriptions.Item>
              {s.staleSince ? <Descriptions.Item label={t('mon.quality.staleSince')}>{formatDateTime(s.staleSince)}</Descriptions.Item> : null}
            </Descriptions>
          </Card>
          <Card size="small" title={t('mon.rules.title')}>
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={ruleRows}
              columns={[
                { dataIndex: 'label', title: t('mon.rules.title') },
                { dataIndex: 'text', align: 'right', title: t('mon.legal.effective') },
                ...(s.legalLimits.length ? [{ dataIndex: 'legal', align: 'right' as const, title: t('mon.legal.column') }] : []),
              ]}
            />
            {s.legalLimits.length ? (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
                {t('mon.legal.rule')}
              </Typography.Paragraph>
            ) : null}
            {basis ? (
              <Alert
                style={{ marginTop: 12 }}
                type={basis.location && !basis.location.verified ? 'warning' : 'info'}
                message={t('mon.basis')}
                description={
                  <>
                    <div>{basis.source}</div>
                    {basis.location ? (
                      <>
                        <div>{locale === 'en-US' ? basis.location.en : basis.location.zh}</div>
                        <div>
                          {t('mon.alarm')} ≥{basis.location.alarm} · {t('mon.powerOff')}{' '}
                          {basis.location.powerOff === null ? '—' : `≥${basis.location.powerOff}`} · {t('mon.restore')}{' '}
                          {basis.location.restore === null ? '—' : `<${basis.location.restore}`} %CH4
                        </div>
                        <div>
                          {t('mon.basis.range')}：{locale === 'en-US' ? basis.location.rangeEn : basis.location.rangeZh}
                        </div>
                        {!basis.location.verified ? <div>{t('mon.basis.unverified')}</div> : null}
                      </>
                    ) : null}
                  </>
                }
              />
            ) : null}
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** This sensor's 放宽/停用 requests with their status and decision (the enterprise follows its request here). */
function SensorChangeRequests({ sensorId }: { sensorId: string }) {
  const { t } = useI18n();
  const { data } = useChangeRequests({ sensorId, pageSize: 20 });
  if (!data?.items.length) return null;
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('mon.cr.sensorRequests')}>
      <ChangeRequestTable items={data.items} showSensor={false} />
    </Card>
  );
}

/** The sensor's alarms, newest first (active first), each one click from its disposal. */
function SensorAlarms({ sensorId }: { sensorId: string }) {
  const { t } = useI18n();
  const { data } = useAlarms({ sensorId, pageSize: 10 });
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={t('mon.sensor.alarms')}
      extra={
        data && data.total > 10 ? (
          <Link to={`/alarms?q=${encodeURIComponent(data.items[0]?.sensorName ?? '')}`}>{t('common.total', { total: data.total })}</Link>
        ) : null
      }
    >
      <Table<TAlarmSummary>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data?.items ?? []}
        scroll={{ x: 560 }}
        locale={{ emptyText: t('mon.sensor.noAlarms') }}
        columns={[
          {
            title: t('alarm.typeLabel'),
            width: 150,
            render: (_, a) => (
              <Flex gap={6} align="center">
                <SeverityTag severity={a.severity} />
                <Link to={`/alarms/${a.id}`}>{t(`alarm.type.${a.type}`)}</Link>
              </Flex>
            ),
          },
          { title: t('alarm.statusLabel'), width: 130, render: (_, a) => <AlarmStatusTag status={a.status} /> },
          { title: t('alarm.peak'), width: 110, align: 'right', render: (_, a) => alarmValue(a.peakValue, a.unit) },
          { title: t('alarm.start'), width: 140, render: (_, a) => formatDateTime(a.startTs) },
          { title: t('alarm.classificationLabel'), render: (_, a) => (a.classification ? t(`alarm.classification.${a.classification}`) : '—') },
        ]}
      />
    </Card>
  );
}
