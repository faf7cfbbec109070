import { Card, Col, DatePicker, Flex, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { Ellipsis } from '../../components/Ellipsis';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useUrlState } from '../../lib/url-state';
import { type AlarmStats, SEVERITIES, TYPES, useAlarmStats, useLiveAlarms } from './api';
import { SEVERITY_COLOR, SEVERITY_FG } from './labels';

type EntRow = AlarmStats['enterprises'][number];

/** 报警统计: counts by severity and type, and per enterprise the disposal classifications, overdue feedback and the false-alarm share. */
export function AlarmStatsPage() {
  const { t } = useI18n();
  useLiveAlarms();
  const [state, update] = useUrlState(['from', 'to'] as const);
  const today = dayjs().format('YYYY-MM-DD');
  const from = state.from ?? dayjs().subtract(29, 'day').format('YYYY-MM-DD');
  const to = state.to ?? today;
  const { data, error, isFetching } = useAlarmStats({ from, to });
  const share = (v: number | null) => (v === null ? '—' : `${v}%`);
  const link = (r: EntRow, extra: string) => `/alarms?enterpriseId=${r.enterpriseId}&from=${from}&to=${to}${extra}`;
  const columns: ColumnsType<EntRow> = [
    {
      title: t('alarm.enterprise'),
      dataIndex: 'enterpriseName',
      render: (v: string, r) => (
        <Ellipsis text={v}>
          <Link to={link(r, '')}>{v}</Link>
        </Ellipsis>
      ),
    },
    { title: t('alarm.stat.total'), dataIndex: 'total', width: 80, align: 'right' },
    { title: t('alarm.stats.real'), dataIndex: 'real', width: 70, align: 'right' },
    {
      title: t('alarm.stats.false'),
      dataIndex: 'false',
      width: 70,
      align: 'right',
      render: (v: number, r) => <Link to={link(r, '&classification=false')}>{v}</Link>,
    },
    { title: t('alarm.stats.plannedWork'), dataIndex: 'plannedWork', width: 90, align: 'right' },
    { title: t('alarm.stats.equipmentFault'), dataIndex: 'equipmentFault', width: 90, align: 'right' },
    {
      title: t('alarm.stats.unclassified'),
      dataIndex: 'unclassified',
      width: 80,
      align: 'right',
      render: (v: number, r) => (v ? <Link to={link(r, '&classification=none')}>{v}</Link> : 0),
    },
    {
      title: t('alarm.stats.overdue'),
      dataIndex: 'overdueDisposal',
      width: 90,
      align: 'right',
      render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0),
    },
    {
      title: t('alarm.stats.feedbackRate'),
      dataIndex: 'feedbackRate',
      width: 120,
      render: (v: number | null) => (v === null ? '—' : <Progress percent={v} size="small" status={v < 100 ? 'exception' : 'success'} />),
    },
    {
      title: t('alarm.stats.falseShare'),
      dataIndex: 'falseShare',
      width: 90,
      align: 'right',
      render: (v: number | null) => <Typography.Text type={v !== null && v >= 30 ? 'danger' : undefined}>{share(v)}</Typography.Text>,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('alarm.stats.title')}
        extra={
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(from), dayjs(to)]}
            onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          />
        }
      />
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('alarm.stat.total')} value={data?.total ?? '—'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('alarm.stat.active')} value={data?.active ?? '—'} valueStyle={{ color: '#cf1322' }} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('alarm.stat.unclassified')} value={data ? (data.byClassification.none ?? 0) : '—'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('alarm.stat.falseShare')} value={data ? share(data.falseShare) : '—'} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('alarm.stats.bySeverity')}>
            <Flex gap={8} wrap>
              {SEVERITIES.map((s) => (
                <Tag
                  key={s}
                  style={{ background: SEVERITY_COLOR[s], borderColor: SEVERITY_COLOR[s], color: SEVERITY_FG[s], fontSize: 14, padding: '4px 10px' }}
                >
                  {t(`alarm.severity.${s}`)} {data?.bySeverity[s] ?? 0}
                </Tag>
              ))}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('alarm.stats.byType')}>
            <Flex gap={8} wrap>
              {TYPES.filter((k) => data?.byType[k]).map((k) => (
                <Tag key={k} style={{ fontSize: 14, padding: '4px 10px' }}>
                  {t(`alarm.type.${k}`)} {data?.byType[k]}
                </Tag>
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('alarm.stats.byEnterprise')}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('alarm.stats.falseShareHint')}
        </Typography.Paragraph>
        <Table<EntRow>
          rowKey="enterpriseId"
          size="small"
          columns={columns}
          dataSource={data?.enterprises ?? []}
          loading={isFetching && !data}
          scroll={{ x: 960 }}
          pagination={false}
        />
      </Card>
      {data ? <Source text={data.source} /> : null}
    </>
  );
}
