import { Alert, Card, Empty, Flex, List, Progress, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { AccidentGrade } from '../../../common/rules/accident-grade';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { PeriodPicker } from '../../components/PeriodPicker';
import { Source } from '../../components/Source';
import { type Locale, useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { formatDate, industryName } from '../../lib/format';
import { useUrlState } from '../../lib/url-state';
import { STATS_GROUPS, type StatsGroup, type StatsRow, type StatsTotals, useAccidentStats, useSpecialInspection } from './api';
import { formatWan, GradeTag } from './labels';

const KEYS = ['groupBy', 'from', 'to'] as const;
const DATE = 'YYYY-MM-DD';
const minusYear = (d: string) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;

/** 同比: the change against the same period a year earlier; a rise in red, a fall in green. */
function Change({ current, previous, fmt = String }: { current: number; previous: number; fmt?: (n: number) => string }) {
  const { t } = useI18n();
  const diff = current - previous;
  if (diff === 0) return <Typography.Text type="secondary">{t('stats.flat')}</Typography.Text>;
  const pct = previous > 0 ? ` (${diff > 0 ? '+' : ''}${((diff / previous) * 100).toFixed(1)}%)` : '';
  return (
    <Typography.Text type={diff > 0 ? 'danger' : 'success'}>
      {diff > 0 ? '+' : ''}
      {fmt(diff)}
      {pct}
    </Typography.Text>
  );
}

function groupLabel(groupBy: StatsGroup, r: StatsRow, locale: Locale) {
  if (groupBy === 'grade') {
    const g = Number(r.key);
    return g >= 1 && g <= 4 ? <GradeTag grade={g as AccidentGrade} /> : r.label;
  }
  if (groupBy === 'industry') return industryName(r.key, locale);
  return r.label;
}

function SpecialInspectionCard({ from, to }: { from: string; to: string }) {
  const { t, locale } = useI18n();
  const { data, isFetching, error } = useSpecialInspection({ from, to });
  return (
    <Card size="small" title={t('stats.special')} loading={isFetching && !data} style={{ marginBottom: 16 }}>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      {data ? (
        <>
          {data.counties.length ? (
            <List
              dataSource={data.counties}
              renderItem={(c) => (
                <List.Item key={c.regionCode}>
                  <Flex gap={16} wrap style={{ width: '100%' }}>
                    <Space size={6} style={{ minWidth: 140 }} align="start">
                      <Typography.Text strong>{c.name}</Typography.Text>
                      <Tag color="red">{t('stats.specialCount', { n: c.accidents.length })}</Tag>
                    </Space>
                    <Flex vertical gap={4} style={{ flex: 1, minWidth: 280 }}>
                      {c.accidents.map((a) => (
                        <Space key={a.id} size={8} wrap>
                          <GradeTag grade={a.grade} />
                          <Link to={`/accidents/${a.id}`}>{a.title}</Link>
                          <Typography.Text type="secondary">
                            {formatDate(a.occurredAt)} · {industryName(a.industry, locale)} · {t('stats.deathsN', { n: a.deaths })}
                          </Typography.Text>
                        </Space>
                      ))}
                    </Flex>
                  </Flex>
                </List.Item>
              )}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stats.specialNone')} />
          )}
          <Alert type="info" showIcon title={data.note} style={{ margin: '8px 0' }} />
          <Source text={data.source} />
        </>
      ) : null}
    </Card>
  );
}

/** 事故统计: by grade, industry, county or month, against the same period a year earlier (同比). */
export function AccidentStatsPage() {
  const { t, locale } = useI18n();
  const [state, update] = useUrlState(KEYS);
  const groupBy: StatsGroup = STATS_GROUPS.includes(state.groupBy as StatsGroup) ? (state.groupBy as StatsGroup) : 'grade';
  const from = state.from ?? dayjs().startOf('year').format(DATE);
  const to = state.to ?? dayjs().format(DATE);
  const { data, isFetching, error } = useAccidentStats({ groupBy, from, to });
  const can = useCan();
  const rows = data?.rows ?? [];
  const totalCurrent = data?.total.current.accidents ?? 0;
  const wan = (n: number) => formatWan(n, locale);

  const figures = (period: 'current' | 'previous'): ColumnsType<StatsRow> => [
    { title: t('stats.accidents'), key: `${period}.accidents`, width: 72, align: 'right', render: (_, r) => r[period].accidents },
    { title: t('stats.deaths'), key: `${period}.deaths`, width: 72, align: 'right', render: (_, r) => r[period].deaths },
    { title: t('stats.serious'), key: `${period}.serious`, width: 72, align: 'right', render: (_, r) => r[period].seriousInjuries },
    { title: t('stats.loss'), key: `${period}.loss`, width: 90, align: 'right', render: (_, r) => wan(r[period].directLossYuan) },
  ];
  const columns: ColumnsType<StatsRow> = [
    { title: t('stats.group'), key: 'label', width: 120, fixed: 'left', render: (_, r) => groupLabel(groupBy, r, locale) },
    { title: t('stats.current'), children: figures('current') },
    {
      title: t('stats.share'),
      key: 'share',
      width: 120,
      render: (_, r) => (
        <Progress
          percent={totalCurrent ? Math.round((r.current.accidents / totalCurrent) * 1000) / 10 : 0}
          size="small"
          status="normal"
          strokeColor="#cf1322"
          format={(p) => `${p}%`}
        />
      ),
    },
    { title: t('stats.previous'), children: figures('previous') },
    {
      title: t('stats.change'),
      children: [
        {
          title: t('stats.accidents'),
          key: 'change.accidents',
          width: 96,
          align: 'right',
          render: (_, r) => <Change current={r.current.accidents} previous={r.previous.accidents} />,
        },
        {
          title: t('stats.deaths'),
          key: 'change.deaths',
          width: 96,
          align: 'right',
          render: (_, r) => <Change current={r.current.deaths} previous={r.previous.deaths} />,
        },
      ],
    },
  ];

  const totalCells = (x: StatsTotals, start: number) => [
    <Table.Summary.Cell key="a" index={start} align="right">
      {x.accidents}
    </Table.Summary.Cell>,
    <Table.Summary.Cell key="d" index={start + 1} align="right">
      {x.deaths}
    </Table.Summary.Cell>,
    <Table.Summary.Cell key="s" index={start + 2} align="right">
      {x.seriousInjuries}
    </Table.Summary.Cell>,
    <Table.Summary.Cell key="l" index={start + 3} align="right">
      {wan(x.directLossYuan)}
    </Table.Summary.Cell>,
  ];

  return (
    <>
      <PageHeader
        title={t('nav.accidentStats')}
        extra={
          can('accident.export') ? (
            <ExportButton path={'/api/accidents/stats/export'} query={{ format: 'xlsx', groupBy, from, to }} filename={`accident-stats-${from}-${to}.xlsx`} />
          ) : null
        }
      >
        <Typography.Text type="secondary">{t('stats.periodLine', { from, to, pfrom: minusYear(from), pto: minusYear(to) })}</Typography.Text>
      </PageHeader>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented<StatsGroup>
          value={groupBy}
          onChange={(v) => update({ groupBy: v })}
          options={STATS_GROUPS.map((g) => ({ value: g, label: t(`stats.by.${g}`) }))}
        />
        <PeriodPicker from={from} to={to} onChange={update} />
      </Flex>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Table<StatsRow>
          rowKey="key"
          size="small"
          bordered
          columns={columns}
          dataSource={rows}
          loading={isFetching}
          pagination={false}
          scroll={{ x: 1044 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stats.none')} /> }}
          summary={() =>
            data ? (
              <Table.Summary fixed>
                <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
                  <Table.Summary.Cell index={0}>{t('stats.total')}</Table.Summary.Cell>
                  {totalCells(data.total.current, 1)}
                  <Table.Summary.Cell index={5} />
                  {totalCells(data.total.previous, 6)}
                  <Table.Summary.Cell index={10} align="right">
                    <Change current={data.total.current.accidents} previous={data.total.previous.accidents} />
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={11} align="right">
                    <Change current={data.total.current.deaths} previous={data.total.previous.deaths} />
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      </Card>
      <SpecialInspectionCard from={from} to={to} />
    </>
  );
}
