import { Checkbox, Flex, Input, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { type DataColumn, DataList } from '../../components/DataList';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { useListPage } from '../../lib/list-page';
import { type TRiskReport, useRiskReports } from './api';
import { RiskLevelTag, scoreLabel } from './labels';
import { ReceiptList } from './ReceiptList';

const FILTERS = ['q', 'unread'] as const;

/**
 * 企业风险主动报告: 重大 risks reported to the supervising departments. Regulators see the reports of
 * enterprises they supervise (those addressed to them first to read); the enterprise sees who read them.
 */
export function RiskReportsPage() {
  const { t } = useI18n();
  const me = useMe();
  const list = useListPage(FILTERS);
  const state = list.filters;
  const update = list.setFilters;
  const { data, isFetching, error } = useRiskReports(list.query);
  const department = me.data?.user.kind === 'government' || me.data?.user.kind === 'industry';

  // On a phone: the risk reported, then when and whether it is still unread by the viewer's department.
  const columns: DataColumn<TRiskReport>[] = [
    {
      title: t('risk.reportedAt'),
      dataIndex: 'reportedAt',
      width: 140,
      card: 'lead',
      render: (v: string, r) => (
        <Flex vertical align="flex-start" gap={2}>
          <Link to={`/risk-reports/${r.id}`}>{formatDateTime(v)}</Link>
          {r.abilities?.markRead ? <Tag color="red">{t('risk.unreadMine')}</Tag> : null}
        </Flex>
      ),
    },
    { title: t('risk.enterprise'), dataIndex: 'enterpriseName', width: 200, ellipsis: { showTitle: true } },
    {
      title: t('risk.name'),
      key: 'name',
      card: 'title',
      render: (_, r) => (
        <Flex vertical gap={2} align="flex-start">
          <Link to={`/risk-reports/${r.id}`}>{r.content.name}</Link>
          <Flex gap={6} align="center">
            <RiskLevelTag level={r.content.level} short />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {scoreLabel(r.content.method)} = {r.content.score}
            </Typography.Text>
          </Flex>
        </Flex>
      ),
    },
    { title: t('risk.receipts'), key: 'receipts', width: 320, render: (_, r) => <ReceiptList recipients={r.recipients} /> },
  ];

  return (
    <>
      <PageHeader title={t('nav.riskReports')}>
        <Typography.Text type="secondary">{t('risk.reportsIntro')}</Typography.Text>
      </PageHeader>
      <FilterBar list={list}>
        <Input.Search
          key={state.q ?? ''}
          defaultValue={state.q}
          allowClear
          placeholder={t('risk.reportSearch')}
          onSearch={(q) => update({ q: q.trim() || undefined })}
        />
        {department ? (
          <Checkbox checked={state.unread === 'true'} onChange={(e) => update({ unread: e.target.checked ? 'true' : undefined })}>
            {t('risk.onlyUnread')}
          </Checkbox>
        ) : null}
      </FilterBar>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <DataList<TRiskReport>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 900 }}
        list={list}
        total={data?.total}
      />
    </>
  );
}
