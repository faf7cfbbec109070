import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { EnterpriseFilters } from '../../components/EnterpriseFilters';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { GapTags, StatusTag } from '../../components/tags';
import { useI18n } from '../../i18n';
import { download, errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { industryName } from '../../lib/format';
import { sortOrderOf, sortParam, toInt, useUrlState } from '../../lib/url-state';
import { type TSupervisionRow, useAllDepartments } from '../org/api';
import { SUPERVISION_FILTER_KEYS, SUPERVISION_NOTICE_SOURCE, useSupervisionTable } from './api';

const KEYS = [...SUPERVISION_FILTER_KEYS, 'page', 'pageSize', 'sort'] as const;
type Gap = 'any' | 'noDepartment' | 'noPerson';

function SummaryCard({ title, value, active, color, onClick }: { title: string; value?: number; active: boolean; color?: string; onClick: () => void }) {
  return (
    <Card
      hoverable
      size="small"
      onClick={onClick}
      style={{ borderColor: active ? (color ?? '#1f5fa8') : undefined, boxShadow: active ? `0 0 0 1px ${color ?? '#1f5fa8'}` : undefined }}
      role="button"
      aria-pressed={active}
    >
      <Statistic title={title} value={value ?? '—'} styles={{ content: color ? { color } : undefined }} />
    </Card>
  );
}

/** 监管一张表: every enterprise with its supervising departments and named officials, gaps flagged. */
export function SupervisionPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const [state, update] = useUrlState(KEYS);
  const [exporting, setExporting] = useState(false);
  const page = toInt(state.page, 1);
  const pageSize = toInt(state.pageSize, 20);
  const filters = Object.fromEntries(SUPERVISION_FILTER_KEYS.map((k) => [k, state[k]]));
  const { data, isFetching, error } = useSupervisionTable({ ...filters, page, pageSize, sort: state.sort });
  const departments = useAllDepartments(can('department.read'));
  const summary = data?.summary;
  const gap = state.gap as Gap | undefined;

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download('/api/supervision-table/export', { format: 'xlsx', ...filters, sort: state.sort }, 'supervision-table.xlsx');
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  const sorter = (field: string) => ({ sorter: true, sortOrder: sortOrderOf(state.sort, field), key: field });
  const columns: ColumnsType<TSupervisionRow> = [
    {
      title: t('supervision.enterprise'),
      dataIndex: 'name',
      width: 210,
      fixed: 'left',
      ellipsis: true,
      ...sorter('name'),
      render: (n: string, r) => (
        <Space orientation="vertical" size={0} style={{ maxWidth: '100%' }}>
          <Link to={`/enterprises/${r.enterpriseId}`}>{n}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.uscc}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('field.territory'),
      dataIndex: 'regionName',
      width: 150,
      ellipsis: true,
      ...sorter('regionCode'),
      render: (_: string, r) => (r.countyName && r.countyName !== r.regionName ? `${r.countyName} / ${r.regionName}` : r.regionName),
    },
    { title: t('field.industry'), dataIndex: 'industry', width: 100, ellipsis: true, ...sorter('industry'), render: (v: string) => industryName(v, locale) },
    { title: t('col.class'), dataIndex: 'supervisionClass', width: 90, ...sorter('supervisionClass') },
    {
      title: t('supervision.departments'),
      key: 'departments',
      width: 210,
      render: (_, r) =>
        r.assignments.length ? (
          <Space orientation="vertical" size={2}>
            {r.assignments.map((a) => (
              <span key={a.departmentId}>
                {a.departmentName} <Tag color={a.primary ? 'blue' : 'default'}>{a.primary ? t('assign.primaryShort') : t('assign.secondaryShort')}</Tag>
              </span>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('supervision.officials'),
      key: 'officials',
      width: 150,
      render: (_, r) =>
        r.assignments.length ? (
          <Space orientation="vertical" size={2}>
            {r.assignments.map((a) => (
              <span key={a.departmentId}>{a.responsiblePerson ? `${a.responsiblePerson}${a.responsiblePhone ? ` ${a.responsiblePhone}` : ''}` : '—'}</span>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    { title: t('field.status'), dataIndex: 'status', width: 100, ...sorter('status'), render: (v: string) => <StatusTag status={v} /> },
    {
      title: t('supervision.flags'),
      key: 'gaps',
      width: 100,
      render: (_, r) => (r.gaps.length ? <GapTags gaps={r.gaps} /> : <Tag color="green">{t('supervision.complete')}</Tag>),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.supervision')}
        extra={
          can('supervision.export') ? (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportXlsx}>
              {t('common.exportExcel')}
            </Button>
          ) : null
        }
      >
        <Source text={data?.source ?? SUPERVISION_NOTICE_SOURCE} />
        {locale === 'en-US' ? (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('supervision.notice')}
            </Typography.Text>
          </div>
        ) : null}
      </PageHeader>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={8}>
          <SummaryCard title={t('supervision.summaryTotal')} value={summary?.total} active={!gap} onClick={() => update({ gap: undefined })} />
        </Col>
        <Col xs={12} sm={8}>
          <SummaryCard
            title={t('gap.noDepartment')}
            value={summary?.noDepartment}
            color="#cf1322"
            active={gap === 'noDepartment'}
            onClick={() => update({ gap: gap === 'noDepartment' ? undefined : 'noDepartment' })}
          />
        </Col>
        <Col xs={12} sm={8}>
          <SummaryCard
            title={t('gap.noPerson')}
            value={summary?.noPerson}
            color="#d46b08"
            active={gap === 'noPerson'}
            onClick={() => update({ gap: gap === 'noPerson' ? undefined : 'noPerson' })}
          />
        </Col>
      </Row>
      <EnterpriseFilters values={state} onChange={update}>
        {can('department.read') ? (
          <Select
            value={state.departmentId}
            allowClear
            placeholder={t('field.department')}
            loading={departments.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: locale === 'en-US' ? d.nameEn || d.name : d.name }))}
            onChange={(departmentId?: string) => update({ departmentId })}
          />
        ) : null}
        <Select
          value={gap}
          allowClear
          placeholder={t('supervision.gapFilter')}
          options={[
            { value: 'any', label: t('gap.any') },
            { value: 'noDepartment', label: t('gap.noDepartment') },
            { value: 'noPerson', label: t('gap.noPerson') },
          ]}
          onChange={(v?: string) => update({ gap: v })}
        />
      </EnterpriseFilters>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Table<TSupervisionRow>
        rowKey="enterpriseId"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(p, _f, s, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(s) });
          else if (extra.action === 'paginate') update({ page: p.current, pageSize: p.pageSize });
        }}
      />
    </>
  );
}
