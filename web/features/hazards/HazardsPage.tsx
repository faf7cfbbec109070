import { BarChartOutlined, PlusOutlined, ProfileOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Collapse, Flex, Row, Select, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type DataColumn, DataList } from '../../components/DataList';
import { Ellipsis } from '../../components/Ellipsis';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { IndustrySelect } from '../../components/IndustrySelect';
import { PageHeader } from '../../components/PageHeader';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { UrlSearch } from '../../components/UrlSearch';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { formatDateTime, industryName } from '../../lib/format';
import { useListPage } from '../../lib/list-page';
import { usePhone } from '../../lib/use-phone';
import { FILTER_KEYS, SOURCES, STATUSES, type THazardSummary, useHazardOverview, useHazards } from './api';
import { type BulkAction, BulkModal } from './BulkModal';
import { DeadlineText, GradeTag, HazardStatusTag } from './labels';
import { OverviewTables } from './OverviewTables';

/** 隐患排查治理: the hazards the user may see, with the regulator's overview, filters in the URL, bulk actions and export. */
export function HazardsPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const phone = usePhone();
  const list = useListPage(FILTER_KEYS);
  const { filters: state, setFilters: update } = list;
  const filters = list.filters;
  const { data, isFetching, error } = useHazards(list.query);
  const overview = useHazardOverview(filters);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<BulkAction | null>(null);
  const regulator = can('hazard.supervise');
  const o = overview.data?.totals;

  // On a phone each hazard is a card: title, then grade, deadline and status (what matters on site), then the rest.
  const columns: DataColumn<THazardSummary>[] = [
    {
      title: t('hazard.code'),
      dataIndex: 'code',
      width: 150,
      card: false,
      ...list.sortable('code'),
      render: (v: string, r) => (
        <Flex vertical gap={2} align="flex-start">
          <Link to={`/hazards/${r.id}`}>{v}</Link>
          <Flex gap={4} wrap>
            <HazardStatusTag status={r.status} />
            {r.listed ? <Typography.Text type="danger">{t('hazard.listedShort')}</Typography.Text> : null}
          </Flex>
        </Flex>
      ),
    },
    {
      title: t('hazard.title'),
      dataIndex: 'title',
      card: 'title',
      cardRender: (r) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Link to={`/hazards/${r.id}`}>{r.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {r.code} · {r.location}
          </Typography.Text>
        </Flex>
      ),
      render: (v: string, r) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Link to={`/hazards/${r.id}`}>
            <Ellipsis text={v} />
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <Ellipsis text={`${r.location} · ${t(`hazard.source.${r.source}`)}`} />
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('hazard.enterprise'),
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
      title: t('hazard.status'),
      key: 'status',
      card: 'lead',
      hidden: !phone,
      render: (_: unknown, r) => (
        <Flex gap={4} wrap>
          <HazardStatusTag status={r.status} />
          {r.listed ? <Typography.Text type="danger">{t('hazard.listedShort')}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      title: t('hazard.grade'),
      dataIndex: 'grade',
      width: 96,
      card: 'lead',
      render: (_: unknown, r) => <GradeTag grade={r.grade} suggested={r.suggestedGrade} />,
    },
    { title: t('hazard.rectifier'), dataIndex: 'rectifierName', width: 100, render: (v: string | null) => v ?? '—' },
    {
      title: t('hazard.deadline'),
      dataIndex: 'deadline',
      width: 124,
      card: 'lead',
      ...list.sortable('deadline'),
      render: (_: unknown, r) => <DeadlineText deadline={r.deadline} state={r.deadlineState} escalation={r.escalation} />,
    },
    {
      title: t('hazard.reportedAt'),
      dataIndex: 'createdAt',
      width: 140,
      ...list.sortable('createdAt'),
      render: (v: string) => formatDateTime(v),
    },
  ];

  const stat = (label: string, value: number | string | undefined, patch: Record<string, string | undefined>, danger = false) => (
    <Col xs={12} sm={8} lg={4}>
      <Card size="small" hoverable onClick={() => update({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])), ...patch })}>
        <Statistic title={label} value={value ?? '—'} valueStyle={danger ? { color: '#cf1322' } : undefined} />
      </Card>
    </Col>
  );

  return (
    <>
      <PageHeader
        title={t('nav.hazardList')}
        extra={
          <>
            {can('hazard.report') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/hazards/new')}>
                {t('hazard.report')}
              </Button>
            ) : null}
            <Button icon={<ProfileOutlined />} onClick={() => navigate('/hazards/lists')}>
              {t('nav.hazardLists')}
            </Button>
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/hazards/stats')}>
              {t('nav.hazardStats')}
            </Button>
            {can('hazard.export') ? <ExportButton path="/api/hazards/export" query={{ ...filters, sort: list.sort }} filename="hazards.xlsx" /> : null}
          </>
        }
      />
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        {stat(t('hazard.stat.open'), o?.open, { status: 'open' })}
        {stat(t('hazard.stat.unconfirmed'), o?.unconfirmed, { status: 'reported' })}
        {stat(t('hazard.stat.overdue'), o?.overdue, { overdue: 'true' }, true)}
        {stat(t('hazard.stat.majorOpen'), o?.majorOpen, { grade: 'major', status: 'open' }, true)}
        {stat(t('hazard.stat.listed'), o?.listedOpen, { listed: 'true' })}
        {stat(t('hazard.stat.closedRate'), o?.closedRate === null || o?.closedRate === undefined ? '—' : `${o.closedRate}%`, {})}
      </Row>
      {regulator && overview.data && (overview.data.byRegion.length > 1 || overview.data.byIndustry.length > 1) ? (
        <Collapse
          size="small"
          style={{ marginBottom: 12 }}
          items={[
            {
              key: 'rollup',
              label: t('hazard.overview.title'),
              children: <OverviewTables data={overview.data} onPick={(patch) => update({ ...patch })} />,
            },
          ]}
        />
      ) : null}
      <FilterBar list={list}>
        <UrlSearch value={state.q} placeholder={t('hazard.searchPlaceholder')} onSearch={(q) => update({ q })} />
        <Select
          value={state.status}
          allowClear
          placeholder={t('hazard.status')}
          options={[{ value: 'open', label: t('hazard.status.open') }, ...STATUSES.map((s) => ({ value: s, label: t(`hazard.status.${s}`) }))]}
          onChange={(status?: string) => update({ status })}
        />
        <Select
          value={state.grade}
          allowClear
          placeholder={t('hazard.grade')}
          options={(['general', 'major'] as const).map((g) => ({ value: g, label: t(`hazard.grade.${g}`) }))}
          onChange={(grade?: string) => update({ grade })}
        />
        <Select
          value={state.source}
          allowClear
          placeholder={t('hazard.sourceLabel')}
          options={SOURCES.map((s) => ({ value: s, label: t(`hazard.source.${s}`) }))}
          onChange={(source?: string) => update({ source })}
        />
        {regulator || can('enterprise.export') ? (
          <>
            <RegionTreeSelect value={state.regionCode} onChange={(regionCode) => update({ regionCode })} placeholder={t('field.region')} />
            <IndustrySelect value={state.industry} onChange={(industry) => update({ industry })} />
          </>
        ) : null}
        <Flex gap={12} align="center" wrap>
          <Checkbox checked={state.overdue === 'true'} onChange={(e) => update({ overdue: e.target.checked ? 'true' : undefined })}>
            {t('hazard.onlyOverdue')}
          </Checkbox>
          <Checkbox checked={state.listed === 'true'} onChange={(e) => update({ listed: e.target.checked ? 'true' : undefined })}>
            {t('hazard.onlyListed')}
          </Checkbox>
        </Flex>
      </FilterBar>
      {selected.length ? (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
          <Typography.Text>{t('hazard.bulk.selected', { n: selected.length })}</Typography.Text>
          {can('hazard.handle') ? <Button onClick={() => setBulk('assign')}>{t('hazard.bulk.assign')}</Button> : null}
          <Button onClick={() => setBulk('extend')}>{t('hazard.bulk.extend')}</Button>
          {regulator ? (
            <Button danger onClick={() => setBulk('escalate')}>
              {t('hazard.bulk.escalate')}
            </Button>
          ) : null}
          <Button type="link" onClick={() => setSelected([])}>
            {t('hazard.bulk.clear')}
          </Button>
        </Flex>
      ) : null}
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <DataList<THazardSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 1000 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), preserveSelectedRowKeys: true }}
        list={list}
        total={data?.total}
      />
      <BulkModal
        action={bulk}
        ids={selected}
        onClose={(done) => {
          setBulk(null);
          if (done) setSelected([]);
        }}
      />
    </>
  );
}
