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
import { type TAlarmSummary, useAlarms } from '../alarms/api';
import { AlarmStatusTag, valueText as alarmValue, SeverityTag } from '../alarms/labels';
import { installationPath, TREND_RANGES, type TrendRange, useLiveReadings, useReadings, useSensor, valueText } from './api';
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
  const ruleRows: { key: string; label: string; text: string }[] = RULE_KEYS.filter((k) => rules[k] !== undefined).map((k) => ({
    key: k,
    label: t(`mon.rules.${k}` as MessageKey),
    text: k.endsWith('Seconds') ? String(rules[k]) : `${rules[k]} ${s.unit}`,
  }));
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
              showHeader={false}
              columns={[{ dataIndex: 'label' }, { dataIndex: 'text', align: 'right' }]}
            />
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
