import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EnterpriseFilters } from '../../components/EnterpriseFilters';
import { PageHeader } from '../../components/PageHeader';
import { GradeText, InsuranceTag, StatusTag } from '../../components/tags';
import { useI18n } from '../../i18n';
import { download, errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { industryName } from '../../lib/format';
import { sortOrderOf, sortParam, toInt, useUrlState } from '../../lib/url-state';
import { ENTERPRISE_FILTER_KEYS, type TEnterpriseSummary, useEnterprises } from './api';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer';
import { ImportModal } from './ImportModal';

const KEYS = [...ENTERPRISE_FILTER_KEYS, 'page', 'pageSize', 'sort'] as const;

export function EnterprisesPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [state, update] = useUrlState(KEYS);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const page = toInt(state.page, 1);
  const pageSize = toInt(state.pageSize, 20);
  const filters = Object.fromEntries(ENTERPRISE_FILTER_KEYS.map((k) => [k, state[k]]));
  const { data, isFetching, error } = useEnterprises({ ...filters, page, pageSize, sort: state.sort });

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download('/api/enterprises/export', { format: 'xlsx', ...filters, sort: state.sort }, 'enterprises.xlsx');
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  const sorter = (field: string) => ({ sorter: true, sortOrder: sortOrderOf(state.sort, field), key: field });
  const columns: ColumnsType<TEnterpriseSummary> = [
    {
      title: t('field.name'),
      dataIndex: 'name',
      width: 220,
      fixed: 'left',
      ellipsis: true,
      ...sorter('name'),
      render: (name: string, r) => <Link to={`/enterprises/${r.id}`}>{name}</Link>,
    },
    {
      title: t('col.uscc'),
      dataIndex: 'uscc',
      width: 186,
      ...sorter('uscc'),
      render: (v: string) => <Typography.Text copyable={{ text: v }}>{v}</Typography.Text>,
    },
    {
      title: t('field.territory'),
      dataIndex: 'regionName',
      width: 170,
      ellipsis: true,
      ...sorter('regionCode'),
      render: (_: string, r) => (r.countyName && r.countyName !== r.regionName ? `${r.countyName} / ${r.regionName}` : r.regionName),
    },
    { title: t('field.industry'), dataIndex: 'industry', width: 110, ellipsis: true, ...sorter('industry'), render: (v: string) => industryName(v, locale) },
    { title: t('col.class'), dataIndex: 'supervisionClass', width: 90, ...sorter('supervisionClass') },
    { title: t('field.status'), dataIndex: 'status', width: 104, ...sorter('status'), render: (v: string) => <StatusTag status={v} /> },
    { title: t('col.grade'), dataIndex: 'standardizationGrade', width: 96, render: (v: number | null) => <GradeText grade={v} /> },
    { title: t('col.insurance'), dataIndex: 'insuranceStatus', width: 96, render: (v: string) => <InsuranceTag status={v} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.enterprises')}
        extra={
          <>
            {can('enterprise.create') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('enterprise.create')}
              </Button>
            ) : null}
            {can('enterprise.export') ? (
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportXlsx}>
                {t('common.exportExcel')}
              </Button>
            ) : null}
            {can('enterprise.import') ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('import.button')}
              </Button>
            ) : null}
          </>
        }
      />
      <EnterpriseFilters values={state} onChange={update} />
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Table<TEnterpriseSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 1092 }}
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
      <EnterpriseFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          navigate(`/enterprises/${id}`);
        }}
      />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
