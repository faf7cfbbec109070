import { Checkbox, Flex, Input, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { toInt, useUrlState } from '../../lib/url-state';
import { type TRiskReport, useRiskReports } from './api';
import { RiskLevelTag, scoreLabel } from './labels';
import { ReceiptList } from './ReceiptList';

const KEYS = ['q', 'unread', 'page', 'pageSize'] as const;

/**
 * 企业风险主动报告: 重大 risks reported to the supervising departments. Regulators see the reports of
 * enterprises they supervise (those addressed to them first to read); the enterprise sees who read them.
 */
export function RiskReportsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [state, update] = useUrlState(KEYS);
  const page = toInt(state.page, 1);
  const pageSize = toInt(state.pageSize, 20);
  const { data, isFetching, error } = useRiskReports({ q: state.q, unread: state.unread, page, pageSize });
  const department = me.data?.user.kind === 'government' || me.data?.user.kind === 'industry';

  const columns: ColumnsType<TRiskReport> = [
    {
      title: t('risk.reportedAt'),
      dataIndex: 'reportedAt',
      width: 140,
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
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          key={state.q ?? ''}
          defaultValue={state.q}
          allowClear
          placeholder={t('risk.reportSearch')}
          onSearch={(q) => update({ q: q.trim() || undefined })}
          style={{ width: 260, maxWidth: '100%' }}
        />
        {department ? (
          <Checkbox checked={state.unread === 'true'} onChange={(e) => update({ unread: e.target.checked ? 'true' : undefined })}>
            {t('risk.onlyUnread')}
          </Checkbox>
        ) : null}
      </Flex>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Table<TRiskReport>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(p, _f, _s, extra) => {
          if (extra.action === 'paginate') update({ page: p.current, pageSize: p.pageSize });
        }}
      />
    </>
  );
}
