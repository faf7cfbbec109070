import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { type DataColumn, DataList } from '../../components/DataList';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { type TAlarmSummary, useAlarms, useLiveAlarms } from './api';
import { AlarmStatusTag, SeverityTag, valueText } from './labels';

/**
 * 当前报警 on the live page: the alarms whose condition is active right now (red first), so the duty
 * operator sees an alarm the moment it is raised and reaches its 确认/处置 in one click. Refreshed on the
 * SSE 'alarm' event; cleared alarms leave the panel and stay in 报警处置 until closed. The enterprise is named
 * unless the page shows one (a filter, or an enterprise's own user). On a phone each alarm is a card led by its
 * severity, current value against the limit and status.
 */
export function ActiveAlarmsPanel({ enterpriseId, oneEnterprise }: { enterpriseId?: string; oneEnterprise?: boolean }) {
  const { t } = useI18n();
  useLiveAlarms();
  const { data } = useAlarms({ status: 'active', pageSize: 50, ...(enterpriseId ? { enterpriseId } : {}) });
  const items = data?.items ?? [];
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      aria-label={t('alarm.panel.title')}
      title={
        <Flex gap={8} align="baseline">
          <span>{t('alarm.panel.title')}</span>
          <Typography.Text type={items.length ? 'danger' : 'secondary'}>{data ? data.total : '—'}</Typography.Text>
        </Flex>
      }
      extra={<Link to={`/alarms?status=active${enterpriseId ? `&enterpriseId=${enterpriseId}` : ''}`}>{t('alarm.panel.all')}</Link>}
    >
      {items.length === 0 ? (
        <Typography.Text type="secondary">{data ? t('alarm.panel.none') : '…'}</Typography.Text>
      ) : (
        <DataList<TAlarmSummary>
          size="small"
          rowKey="id"
          dataSource={items}
          scroll={{ x: 760, y: 260 }}
          columns={
            [
              {
                title: t('alarm.severityLabel'),
                width: 140,
                card: 'lead',
                render: (_, a) => (
                  <Flex gap={6} align="center">
                    <SeverityTag severity={a.severity} />
                    <Typography.Text style={{ fontSize: 12 }}>{t(`alarm.type.${a.type}`)}</Typography.Text>
                  </Flex>
                ),
              },
              {
                title: t('alarm.sensor'),
                card: 'title',
                render: (_, a) => (
                  <Link to={`/alarms/${a.id}`}>
                    {a.sensorName}
                    {enterpriseId || oneEnterprise ? null : <Typography.Text type="secondary"> · {a.enterpriseName}</Typography.Text>}
                  </Link>
                ),
              },
              {
                title: t('alarm.value'),
                width: 170,
                card: 'lead',
                render: (_, a) => (
                  <Typography.Text strong style={{ color: a.severity === 'red' ? '#cf1322' : undefined }}>
                    {valueText(a.lastValue, a.unit)}
                    <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
                      {' '}
                      / {valueText(a.limitValue, a.unit)}
                    </Typography.Text>
                  </Typography.Text>
                ),
              },
              { title: t('alarm.statusLabel'), width: 130, card: 'lead', render: (_, a) => <AlarmStatusTag status={a.status} /> },
              { title: t('alarm.start'), width: 150, render: (_, a) => formatDateTime(a.startTs) },
            ] satisfies DataColumn<TAlarmSummary>[]
          }
        />
      )}
    </Card>
  );
}
