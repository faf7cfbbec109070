import { FormOutlined, UploadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Collapse, Empty, Flex, Result, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { pickName, useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { useUrlState } from '../../lib/url-state';
import { ImportModal } from '../org';
import { INDICATOR_STATUSES, type IndicatorStatus, type PlanOverview, type TIndicator, usePlan, usePlans } from './api';
import { IndicatorStatusTag, STATUS_HEX } from './labels';

type Row = PlanOverview['items'][number];
const KEYS = ['plan', 'status'] as const;

function IndicatorLine({ ind }: { ind: TIndicator }) {
  const { t, locale } = useI18n();
  // Inline, so a long name wraps with its dot rather than leaving the dot on a line of its own.
  return (
    <div style={{ lineHeight: 1.6 }}>
      <Badge color={STATUS_HEX[ind.status]} style={{ marginInlineEnd: 6 }} />
      <Tooltip title={ind.target}>
        <Typography.Text>{pickName(locale, ind.name, ind.nameEn)}</Typography.Text>
      </Tooltip>{' '}
      <Typography.Text type={ind.status === 'grey' ? 'secondary' : undefined} strong={ind.status !== 'grey'} style={{ whiteSpace: 'nowrap' }}>
        {ind.display}
      </Typography.Text>
      {ind.shortfallCount ? (
        <Typography.Text type="danger" style={{ fontSize: 12, whiteSpace: 'nowrap', marginInlineStart: 6 }}>
          {t('plan.shortfallN', { n: ind.shortfallCount })}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** 落实情况: every item of the year's notice with its computed indicators, grouped by section. */
export function PlanPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [state, update] = useUrlState(KEYS);
  const [importing, setImporting] = useState(false);
  const plans = usePlans();
  const planId = state.plan ?? plans.data?.[0]?.id;
  const { data, isFetching, error } = usePlan(planId);
  const status = INDICATOR_STATUSES.includes(state.status as IndicatorStatus) ? (state.status as IndicatorStatus) : undefined;

  if (plans.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (plans.error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorMessage(plans.error)} />;
  if (!plans.data?.length) return <Empty description={t('plan.none')} />;

  const items = data?.items ?? [];
  const counts = Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, items.filter((i) => i.status === s).length])) as Record<IndicatorStatus, number>;
  const shown = status ? items.filter((i) => i.status === status) : items;
  const sections = [...new Set(shown.map((i) => i.section))];
  const itemPath = (r: Row) => `/plans/${planId}/items/${r.id}`;

  const columns: ColumnsType<Row> = [
    { title: t('plan.number'), dataIndex: 'number', width: 56, align: 'center', render: (n: number, r) => <Link to={itemPath(r)}>{n}</Link> },
    {
      title: t('plan.item'),
      dataIndex: 'title',
      width: 230,
      render: (_: string, r) => (
        <>
          <Link to={itemPath(r)}>{pickName(locale, r.title, r.titleEn)}</Link>
          {locale === 'en-US' ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {r.title}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('plan.responsibleUnits'),
      dataIndex: 'responsibleUnits',
      width: 170,
      render: (units: string[]) => <Typography.Text style={{ fontSize: 13 }}>{units.join('、')}</Typography.Text>,
    },
    { title: t('plan.status'), dataIndex: 'status', width: 84, render: (s: IndicatorStatus) => <IndicatorStatusTag status={s} /> },
    {
      title: t('plan.indicators'),
      key: 'indicators',
      render: (_, r) => (
        <Flex vertical gap={2}>
          {r.indicators.map((ind) => (
            <IndicatorLine key={ind.key} ind={ind} />
          ))}
        </Flex>
      ),
    },
    {
      title: t('plan.tasks'),
      dataIndex: 'taskCount',
      width: 76,
      align: 'right',
      render: (n: number, r) => (n ? <Link to={itemPath(r)}>{n}</Link> : <Typography.Text type="secondary">0</Typography.Text>),
    },
  ];

  return (
    <>
      <PageHeader
        title={data?.plan.title ?? t('nav.planStatus')}
        extra={
          <>
            {plans.data.length > 1 ? (
              <Select
                value={planId}
                onChange={(plan: string) => update({ plan, status: undefined })}
                options={plans.data.map((p) => ({ value: p.id, label: `${p.year} · ${p.document}` }))}
                style={{ width: 260 }}
              />
            ) : null}
            {can('register.write') || can('workplan.read') ? (
              <Button icon={<FormOutlined />} onClick={() => navigate(`/registers${data ? `?year=${data.plan.year}` : ''}`)}>
                {t('nav.registers')}
              </Button>
            ) : null}
            <ExportButton path={`/api/plans/${data?.plan.id}/export`} query={{ format: 'xlsx' }} filename={`plan-${data?.plan.year}.xlsx`} disabled={!data} />
            {can('workplan.manage') ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('plan.import')}
              </Button>
            ) : null}
          </>
        }
      >
        {data ? (
          <Space size={12} wrap>
            <Tag color="blue">{t('plan.yearTag', { year: data.plan.year })}</Tag>
            <Source text={`《${data.plan.title}》（${data.plan.document}）`} />
          </Space>
        ) : null}
      </PageHeader>
      <ImportModal
        open={importing}
        onClose={() => setImporting(false)}
        target={{
          title: t('plan.import'),
          hint: t('plan.importHint'),
          endpoint: '/api/plans/import',
          templateEndpoint: '/api/plans/import-template',
          templateFile: 'plan-import-template.xlsx',
          invalidate: ['plans'],
          renderResult: () => t('plan.imported'),
          onDone: (r) => update({ plan: (r as { id: string }).id, status: undefined }),
        }}
      />
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={16} wrap align="center">
          <Typography.Text type="secondary">{t('plan.summary', { n: items.length })}</Typography.Text>
          {INDICATOR_STATUSES.map((s) => (
            <Tag.CheckableTag key={s} checked={status === s} onChange={(on) => update({ status: on ? s : undefined })}>
              <Badge color={STATUS_HEX[s]} text={`${t(`plan.status.${s}`)} ${counts[s]}`} />
            </Tag.CheckableTag>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('plan.statusRule')}
          </Typography.Text>
        </Flex>
      </Card>
      {isFetching && !data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : sections.length ? (
        <Collapse
          key={`${planId}-${status ?? ''}`}
          defaultActiveKey={sections}
          items={sections.map((section) => {
            const rows = shown.filter((i) => i.section === section);
            const red = rows.filter((i) => i.status === 'red').length;
            return {
              key: section,
              label: (
                <Space size={8} wrap>
                  <Typography.Text strong>{section}</Typography.Text>
                  <Typography.Text type="secondary">{t('plan.itemsN', { n: rows.length })}</Typography.Text>
                  {red ? <Tag color="red">{t('plan.redN', { n: red })}</Tag> : null}
                </Space>
              ),
              styles: { body: { padding: 0 } },
              children: (
                <Table<Row>
                  rowKey="id"
                  size="small"
                  columns={columns}
                  dataSource={rows}
                  pagination={false}
                  loading={isFetching}
                  scroll={{ x: 1040 }}
                  onRow={(r) => ({
                    onClick: (e) => {
                      if ((e.target as HTMLElement).closest('a')) return;
                      navigate(itemPath(r));
                    },
                    style: { cursor: 'pointer' },
                  })}
                />
              ),
            };
          })}
        />
      ) : (
        <Empty description={t('plan.noneWithStatus')} />
      )}
    </>
  );
}
