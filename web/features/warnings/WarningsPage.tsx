import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router';
import { Ellipsis } from '../../components/Ellipsis';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { toInt, useUrlState } from '../../lib/url-state';
import { type TWarningSummary, useWarnings, WARNING_EVENTS, WARNING_LEVELS } from './api';
import { LevelTag, useEventName, WarningStateTag } from './labels';

const FILTERS = ['active', 'level', 'event', 'source'] as const;
const KEYS = [...FILTERS, 'page', 'pageSize'] as const;

/** 预警信息: warnings in scope (an enterprise: those that target it), with colour tags and confirmation progress. */
export function WarningsPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const eventName = useEventName();
  const [state, update] = useUrlState(KEYS);
  const page = toInt(state.page, 1);
  const pageSize = toInt(state.pageSize, 20);
  const { data, isFetching, error } = useWarnings({ ...Object.fromEntries(FILTERS.map((k) => [k, state[k]])), page, pageSize });
  const issuer = can('warning.issue');

  const columns: ColumnsType<TWarningSummary> = [
    { title: t('warning.level'), dataIndex: 'level', width: 92, render: (_: unknown, r) => <LevelTag level={r.level} /> },
    {
      title: t('warning.headline'),
      dataIndex: 'headline',
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
    { title: t('warning.state'), dataIndex: 'state', width: 96, render: (_: unknown, r) => <WarningStateTag state={r.state} /> },
    {
      title: t('warning.period'),
      dataIndex: 'effective',
      width: 168,
      responsive: ['md'],
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

  const filter = (key: (typeof FILTERS)[number], placeholder: string, options: { value: string; label: string }[], width = 140) => (
    <Select
      allowClear
      placeholder={placeholder}
      value={state[key]}
      options={options}
      style={{ width }}
      onChange={(v?: string) => update({ [key]: v, page: undefined })}
    />
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
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {filter('active', t('warning.filter.active'), [
          { value: 'true', label: t('warning.state.active') },
          { value: 'false', label: t('warning.filter.inactive') },
        ])}
        {filter(
          'level',
          t('warning.level'),
          WARNING_LEVELS.map((l) => ({ value: l, label: t(`warning.level.${l}`) })),
          120,
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
      </Flex>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Table<TWarningSummary>
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items}
        tableLayout="fixed"
        pagination={{
          current: page,
          pageSize,
          total: data?.total,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { total: n }),
          onChange: (p, s) => update({ page: String(p), pageSize: String(s) }),
        }}
      />
    </>
  );
}
