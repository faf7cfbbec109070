import { BarChartOutlined, FileSearchOutlined, WifiOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, DatePicker, Flex, Row, Select, Statistic, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { type DataColumn, DataList } from '../../components/DataList';
import { Ellipsis } from '../../components/Ellipsis';
import { enterpriseColumn } from '../../components/EnterpriseCell';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { IndustrySelect } from '../../components/IndustrySelect';
import { PageHeader } from '../../components/PageHeader';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { UrlSearch } from '../../components/UrlSearch';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { useListPage } from '../../lib/list-page';
import { CLASSIFICATIONS, FILTER_KEYS, SEVERITIES, STATUSES, type TAlarmSummary, TYPES, useAlarmStats, useAlarms, useLiveAlarms } from './api';
import { AlarmStatusTag, DisposalText, SEVERITY_COLOR, SeverityTag, valueText } from './labels';

/**
 * 报警处置: the alarms the user may see, live (SSE), active and red first, with counts, filters in the URL and export.
 * On a phone each alarm is a card led by its severity, value against the limit and status.
 */
export function AlarmsPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  useLiveAlarms();
  const list = useListPage(FILTER_KEYS);
  const { filters } = list;
  const { data, isFetching, error } = useAlarms(list.query);
  const stats = useAlarmStats({ ...filters, status: undefined }).data;
  const regulator = can('alarm.supervise');

  const columns: DataColumn<TAlarmSummary>[] = [
    {
      title: t('alarm.severityLabel'),
      dataIndex: 'severity',
      width: 92,
      card: 'lead',
      render: (_: unknown, r) => (
        <Flex vertical gap={4} align="flex-start">
          <SeverityTag severity={r.severity} />
          <Typography.Text style={{ fontSize: 12 }}>{t(`alarm.type.${r.type}`)}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('alarm.sensor'),
      dataIndex: 'sensorName',
      card: 'title',
      cardRender: (r) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Link to={`/alarms/${r.id}`}>{r.sensorName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {r.location}
          </Typography.Text>
        </Flex>
      ),
      render: (v: string, r) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Ellipsis text={v}>
            <Link to={`/alarms/${r.id}`}>{v}</Link>
          </Ellipsis>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <Ellipsis text={r.location} />
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('alarm.statusLabel'),
      dataIndex: 'status',
      width: 150,
      card: 'lead',
      render: (_: unknown, r) => (
        <Flex vertical gap={4} align="flex-start">
          <AlarmStatusTag status={r.status} />
          <DisposalText a={r} />
        </Flex>
      ),
    },
    {
      title: `${t('alarm.peak')} / ${t('alarm.limit')}`,
      dataIndex: 'peakValue',
      width: 130,
      card: 'lead',
      render: (_: unknown, r) => (
        <Flex vertical gap={2}>
          <Typography.Text strong style={{ color: r.active ? SEVERITY_COLOR[r.severity === 'yellow' ? 'orange' : r.severity] : undefined }}>
            {valueText(r.peakValue, r.unit)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.limitValue === null ? '—' : valueText(r.limitValue, r.unit)}
          </Typography.Text>
        </Flex>
      ),
    },
    enterpriseColumn<TAlarmSummary>(t),
    {
      title: t('alarm.classificationLabel'),
      dataIndex: 'classification',
      width: 100,
      render: (v: TAlarmSummary['classification']) =>
        v ? t(`alarm.classification.${v}`) : <Typography.Text type="secondary">{t('alarm.classification.none')}</Typography.Text>,
    },
    {
      title: t('alarm.start'),
      dataIndex: 'startTs',
      width: 150,
      render: (v: string, r) => (
        <Flex vertical gap={2}>
          <span>{formatDateTime(v)}</span>
          {r.clearTs ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('alarm.clearTs')} {formatDateTime(r.clearTs).slice(5)}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
  ];

  const stat = (label: string, value: number | string | undefined, patch: Record<string, string | undefined>, color?: string) => (
    <Col xs={12} sm={8} lg={4}>
      <Card size="small" hoverable onClick={() => list.setFilters({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])), ...patch })}>
        <Statistic title={label} value={value ?? '—'} valueStyle={color ? { color } : undefined} />
      </Card>
    </Col>
  );
  const unack = (stats?.byStatus.ACTIVE_UNACK ?? 0) + (stats?.byStatus.CLEARED_UNACK ?? 0);

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center">
            <span>{t('nav.alarmList')}</span>
            <Tooltip title={t('alarm.liveHint')}>
              <Badge
                status="processing"
                text={
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    <WifiOutlined /> {t('alarm.live')}
                  </Typography.Text>
                }
              />
            </Tooltip>
          </Flex>
        }
        extra={
          <>
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/alarms/stats')}>
              {t('nav.alarmStats')}
            </Button>
            <ExportButton path="/api/alarms/export" query={filters} filename="alarms.xlsx" />
          </>
        }
      />
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        {stat(t('alarm.stat.active'), stats?.active, { status: 'active' }, '#cf1322')}
        {stat(t('alarm.stat.unack'), stats ? unack : undefined, { status: 'unack' }, '#d46b08')}
        {stat(t('alarm.stat.red'), stats?.bySeverity.red ?? (stats ? 0 : undefined), { severity: 'red' }, '#cf1322')}
        {stat(t('alarm.stat.unclassified'), stats?.byClassification.none ?? (stats ? 0 : undefined), { classification: 'none' })}
        {stat(t('alarm.stat.total'), stats?.total, {})}
        {stat(t('alarm.stat.falseShare'), stats ? (stats.falseShare === null ? '—' : `${stats.falseShare}%`) : undefined, { classification: 'false' })}
      </Row>
      <FilterBar list={list} minWidth={150}>
        <UrlSearch placeholder={t('alarm.searchPlaceholder')} value={filters.q} onSearch={(q) => list.setFilters({ q })} />
        <Select
          value={filters.status}
          allowClear
          placeholder={t('alarm.statusLabel')}
          options={[
            ...(['active', 'unack', 'open'] as const).map((s) => ({ value: s, label: t(`alarm.status.${s}`) })),
            ...STATUSES.map((s) => ({ value: s, label: t(`alarm.status.${s}`) })),
          ]}
          onChange={(status?: string) => list.setFilters({ status })}
        />
        <Select
          value={filters.severity}
          allowClear
          placeholder={t('alarm.severityLabel')}
          options={SEVERITIES.map((s) => ({ value: s, label: t(`alarm.severity.${s}`) }))}
          onChange={(severity?: string) => list.setFilters({ severity })}
        />
        <Select
          value={filters.type}
          allowClear
          placeholder={t('alarm.typeLabel')}
          options={TYPES.map((s) => ({ value: s, label: t(`alarm.type.${s}`) }))}
          onChange={(type?: string) => list.setFilters({ type })}
        />
        <Select
          value={filters.classification}
          allowClear
          placeholder={t('alarm.classificationLabel')}
          options={[...CLASSIFICATIONS, 'none' as const].map((s) => ({ value: s, label: t(`alarm.classification.${s}`) }))}
          onChange={(classification?: string) => list.setFilters({ classification })}
        />
        {regulator ? (
          <>
            <RegionTreeSelect value={filters.regionCode} onChange={(regionCode) => list.setFilters({ regionCode })} placeholder={t('field.region')} />
            <IndustrySelect value={filters.industry} onChange={(industry) => list.setFilters({ industry })} />
          </>
        ) : null}
        <DatePicker.RangePicker
          style={{ gridColumn: 'span 2', minWidth: 0 }}
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(v) => list.setFilters({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
        />
      </FilterBar>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      {data && data.total === 0 ? (
        <Typography.Paragraph type="secondary">
          <FileSearchOutlined /> {t('alarm.empty')}
        </Typography.Paragraph>
      ) : null}
      <DataList<TAlarmSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching && !data}
        scroll={{ x: 1000 }}
        list={list}
        total={data?.total}
      />
    </>
  );
}
