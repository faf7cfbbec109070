import { AlertOutlined, BarChartOutlined } from '@ant-design/icons';
import { Button, Select, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ACCIDENT_GRADES } from '../../../common/rules/accident-grade';
import { type DataColumn, DataList } from '../../components/DataList';
import { DateRangeFilter } from '../../components/DateRangeFilter';
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
import { ACCIDENT_FILTER_KEYS, ACCIDENT_STATUSES, type TAccidentSummary, useAccidents } from './api';
import { AccidentStatusTag, accidentTypeName, formatWan, GradeTag, gradeName } from './labels';

/** 事故列表: accidents in the user's scope, newest first, filters kept in the URL. */
export function AccidentsPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const list = useListPage(ACCIDENT_FILTER_KEYS);
  const state = list.filters;
  const update = list.setFilters;
  // Exactly the filters on screen (the URL's), without the page: the list and the export use them.
  const filters = list.filters;
  const { data, isFetching, error } = useAccidents(list.query);
  const num = (v: number) => (v ? <Typography.Text strong>{v}</Typography.Text> : <Typography.Text type="secondary">0</Typography.Text>);

  // On a phone: the title, then grade, status and when it happened; the figures below.
  const columns: DataColumn<TAccidentSummary>[] = [
    { title: t('accident.occurredAt'), dataIndex: 'occurredAt', width: 132, card: 'lead', render: (v: string) => formatDateTime(v) },
    {
      title: t('accident.title'),
      dataIndex: 'title',
      card: 'title',
      width: 176,
      fixed: 'left',
      ellipsis: true,
      render: (title: string, r) => <Link to={`/accidents/${r.id}`}>{title}</Link>,
    },
    {
      title: t('field.territory'),
      dataIndex: 'regionName',
      width: 126,
      ellipsis: true,
      render: (_: string, r) => (r.countyName && r.countyName !== r.regionName ? `${r.countyName} / ${r.regionName}` : r.regionName),
    },
    { title: t('field.industry'), dataIndex: 'industry', width: 88, ellipsis: true, render: (v: string) => industryName(v, locale) },
    { title: t('accident.typeShort'), dataIndex: 'accidentType', width: 90, ellipsis: true, render: (v: string) => accidentTypeName(v, locale) },
    { title: t('accident.deaths'), dataIndex: 'deaths', width: 64, align: 'right', render: num },
    { title: t('accident.missing'), dataIndex: 'missing', width: 64, align: 'right', render: num },
    { title: t('accident.seriousInjuries'), dataIndex: 'seriousInjuries', width: 64, align: 'right', render: num },
    { title: t('accident.lossShort'), dataIndex: 'directLossYuan', width: 90, align: 'right', render: (v: number) => formatWan(v, locale) },
    { title: t('accident.grade'), dataIndex: 'grade', width: 96, card: 'lead', render: (_: number, r) => <GradeTag grade={r.grade} /> },
    { title: t('field.status'), dataIndex: 'status', width: 104, card: 'lead', render: (_: string, r) => <AccidentStatusTag status={r.status} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.accidentList')}
        extra={
          <>
            {can('accident.report') ? (
              <Button type="primary" danger icon={<AlertOutlined />} onClick={() => navigate('/accidents/new')}>
                {t('accident.new')}
              </Button>
            ) : null}
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/accidents/stats')}>
              {t('nav.accidentStats')}
            </Button>
            {can('accident.export') ? <ExportButton path={'/api/accidents/export'} query={{ format: 'xlsx', ...filters }} filename={'accidents.xlsx'} /> : null}
          </>
        }
      />
      <FilterBar list={list}>
        <UrlSearch value={state.q} placeholder={t('accident.searchPlaceholder')} onSearch={(q) => update({ q })} />
        <Select
          value={state.grade ? Number(state.grade) : undefined}
          allowClear
          placeholder={t('accident.grade')}
          options={ACCIDENT_GRADES.map((g) => ({ value: g, label: gradeName(g, locale) }))}
          onChange={(grade?: number) => update({ grade })}
        />
        <IndustrySelect value={state.industry} onChange={(industry) => update({ industry })} />
        <RegionTreeSelect value={state.regionCode} onChange={(regionCode) => update({ regionCode })} placeholder={t('field.region')} />
        <Select
          value={state.status}
          allowClear
          placeholder={t('field.status')}
          options={ACCIDENT_STATUSES.map((s) => ({ value: s, label: t(`accidentStatus.${s}`) }))}
          onChange={(status?: string) => update({ status })}
        />
        <DateRangeFilter
          from={state.from}
          to={state.to}
          placeholder={[t('accident.from'), t('accident.to')]}
          onChange={update}
          style={{ gridColumn: 'span 2' }}
        />
      </FilterBar>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <DataList<TAccidentSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 1094 }}
        list={list}
        total={data?.total}
      />
    </>
  );
}
