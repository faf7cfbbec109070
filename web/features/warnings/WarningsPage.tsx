import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Select, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { type DataColumn, DataList } from '../../components/DataList';
import { Ellipsis } from '../../components/Ellipsis';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { useListPage } from '../../lib/list-page';
import { type TWarningSummary, useWarnings, WARNING_EVENTS, WARNING_LEVELS } from './api';
import { LevelTag, useEventName, WarningStateTag } from './labels';

const FILTERS = ['active', 'level', 'event', 'source'] as const;

/** 预警信息: warnings in scope (an enterprise: those that target it), with colour tags and confirmation progress; cards on a phone. */
export function WarningsPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const eventName = useEventName();
  const list = useListPage(FILTERS);
  const { data, isFetching, error } = useWarnings(list.query);
  const issuer = can('warning.issue');

  const columns: DataColumn<TWarningSummary>[] = [
    { title: t('warning.level'), dataIndex: 'level', width: 92, card: 'lead', render: (_: unknown, r) => <LevelTag level={r.level} /> },
    {
      title: t('warning.headline'),
      dataIndex: 'headline',
      card: 'title',
      cardRender: (r) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Link to={`/warnings/${r.id}`}>{r.headline}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {eventName(r.eventType)} · {r.issuerName}
            {r.source === 'imported' ? ` · ${t('warning.source.imported')}` : ''}
          </Typography.Text>
        </Flex>
      ),
      render: (v: string, r) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Link to={`/warnings/${r.id}`}>
            <Ellipsis text={v} />
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <Ellipsis text={`${eventName(r.eventType)} · ${r.issuerName}${r.source === 'imported' ? ` · ${t('warning.source.imported')}` : ''}`} />
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('warning.state'), dataIndex: 'state', width: 96, card: 'lead', render: (_: unknown, r) => <WarningStateTag state={r.state} /> },
    {
      title: t('warning.period'),
      dataIndex: 'effective',
      width: 168,
      render: (_: unknown, r) => (
        <Flex vertical style={{ fontSize: 12 }}>
          <span>{formatDateTime(r.effective)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.expires ? `→ ${formatDateTime(r.expires)}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(issuer
      ? [
          {
            title: t('warning.confirmedOf'),
            dataIndex: 'targets',
            width: 140,
            render: (_: unknown, r: TWarningSummary) =>
              r.targets ? (
                <Flex vertical gap={0}>
                  <Typography.Text style={{ fontSize: 12 }}>{t('warning.confirmedCount', { confirmed: r.confirmed, total: r.targets })}</Typography.Text>
                  <Progress percent={Math.round((100 * r.confirmed) / r.targets)} size="small" showInfo={false} />
                </Flex>
              ) : (
                '—'
              ),
          },
        ]
      : []),
  ];

  const filter = (key: (typeof FILTERS)[number], placeholder: string, options: { value: string; label: string }[]) => (
    <Select allowClear placeholder={placeholder} value={list.filters[key]} options={options} onChange={(v?: string) => list.setFilters({ [key]: v })} />
  );

  return (
    <>
      <PageHeader
        title={t('nav.warningList')}
        extra={
          issuer ? (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/warnings/new')}>
                {t('warning.issue')}
              </Button>
              <Button icon={<ImportOutlined />} onClick={() => navigate('/warnings/import')}>
                {t('nav.warningImport')}
              </Button>
            </>
          ) : null
        }
      />
      <FilterBar list={list}>
        {filter('active', t('warning.filter.active'), [
          { value: 'true', label: t('warning.state.active') },
          { value: 'false', label: t('warning.filter.inactive') },
        ])}
        {filter(
          'level',
          t('warning.level'),
          WARNING_LEVELS.map((l) => ({ value: l, label: t(`warning.level.${l}`) })),
        )}
        {filter(
          'event',
          t('warning.eventType'),
          WARNING_EVENTS.map((e) => ({ value: e.key, label: eventName(e.key) })),
        )}
        {filter('source', t('warning.source'), [
          { value: 'issued', label: t('warning.source.issued') },
          { value: 'imported', label: t('warning.source.imported') },
        ])}
      </FilterBar>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <DataList<TWarningSummary> rowKey="id" size="middle" loading={isFetching} columns={columns} dataSource={data?.items} list={list} total={data?.total} />
    </>
  );
}
