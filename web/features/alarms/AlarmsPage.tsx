import { BarChartOutlined, FileSearchOutlined, WifiOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, DatePicker, Flex, Input, Row, Select, Statistic, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { Ellipsis } from '../../components/Ellipsis';
import { ExportButton } from '../../components/ExportButton';
import { IndustrySelect } from '../../components/IndustrySelect';
import { PageHeader } from '../../components/PageHeader';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { formatDateTime, industryName } from '../../lib/format';
import { toInt, useUrlState } from '../../lib/url-state';
import { CLASSIFICATIONS, FILTER_KEYS, SEVERITIES, STATUSES, type TAlarmSummary, TYPES, useAlarmStats, useAlarms, useLiveAlarms } from './api';
import { AlarmStatusTag, DisposalText, SEVERITY_COLOR, SeverityTag, valueText } from './labels';

const KEYS = [...FILTER_KEYS, 'page', 'pageSize'] as const;

/** 报警处置: the alarms the user may see, live (SSE), active and red first, with counts, filters in the URL and export. */
export function AlarmsPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  useLiveAlarms();
  const [state, update] = useUrlState(KEYS);
  const page = toInt(state.page, 1);
  const pageSize = toInt(state.pageSize, 20);
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, state[k]]));
  const { data, isFetching, error } = useAlarms({ ...filters, page, pageSize });
  const stats = useAlarmStats({ ...filters, status: undefined }).data;
  const regulator = can('alarm.supervise');

  const columns: ColumnsType<TAlarmSummary> = [
    {
      title: t('alarm.severityLabel'),
      dataIndex: 'severity',
      width: 92,
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
    {
      title: t('alarm.enterprise'),
      dataIndex: 'enterpriseName',
      width: 200,
      render: (v: string, r) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Ellipsis text={v} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {industryName(r.industry, locale)}
          </Typography.Text>
        </Flex>
      ),
    },
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
      <Card size="small" hoverable onClick={() => update({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])), ...patch, page: undefined })}>
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
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(auto-fill, minmax(${locale === 'en-US' ? 190 : 150}px, 1fr))`, gap: 8, marginBottom: 12 }}>
        <Input.Search
          key={state.q ?? ''}
          defaultValue={state.q}
          allowClear
          placeholder={t('alarm.searchPlaceholder')}
          onSearch={(q) => update({ q: q.trim() || undefined, page: undefined })}
        />
        <Select
          value={state.status}
          allowClear
          placeholder={t('alarm.statusLabel')}
          options={[
            ...(['active', 'unack', 'open'] as const).map((s) => ({ value: s, label: t(`alarm.status.${s}`) })),
            ...STATUSES.map((s) => ({ value: s, label: t(`alarm.status.${s}`) })),
          ]}
          onChange={(status?: string) => update({ status, page: undefined })}
        />
        <Select
          value={state.severity}
          allowClear
          placeholder={t('alarm.severityLabel')}
          options={SEVERITIES.map((s) => ({ value: s, label: t(`alarm.severity.${s}`) }))}
          onChange={(severity?: string) => update({ severity, page: undefined })}
        />
        <Select
          value={state.type}
          allowClear
          placeholder={t('alarm.typeLabel')}
          options={TYPES.map((s) => ({ value: s, label: t(`alarm.type.${s}`) }))}
          onChange={(type?: string) => update({ type, page: undefined })}
        />
        <Select
          value={state.classification}
          allowClear
          placeholder={t('alarm.classificationLabel')}
          options={[...CLASSIFICATIONS, 'none' as const].map((s) => ({ value: s, label: t(`alarm.classification.${s}`) }))}
          onChange={(classification?: string) => update({ classification, page: undefined })}
        />
        {regulator ? (
          <>
            <RegionTreeSelect value={state.regionCode} onChange={(regionCode) => update({ regionCode, page: undefined })} placeholder={t('field.region')} />
            <IndustrySelect value={state.industry} onChange={(industry) => update({ industry, page: undefined })} />
          </>
        ) : null}
        <DatePicker.RangePicker
          style={{ gridColumn: 'span 2', minWidth: 0 }}
          value={state.from && state.to ? [dayjs(state.from), dayjs(state.to)] : null}
          onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD'), page: undefined })}
        />
      </div>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Table<TAlarmSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching && !data}
        scroll={{ x: 1000 }}
        onRow={(r) => ({ style: r.active && r.severity === 'red' ? { background: '#fff1f0' } : undefined })}
        locale={{
          emptyText: (
            <Typography.Text type="secondary">
              <FileSearchOutlined /> {t('alarm.empty')}
            </Typography.Text>
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(p, _f, _s, extra) => {
          if (extra.action === 'paginate') update({ page: p.current, pageSize: p.pageSize });
        }}
      />
    </>
  );
}
