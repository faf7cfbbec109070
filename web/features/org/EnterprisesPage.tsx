import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Grid, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type DataColumn, DataList } from '../../components/DataList';
import { Ellipsis } from '../../components/Ellipsis';
import { EnterpriseFilters } from '../../components/EnterpriseFilters';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { GradeText, InsuranceTag, StatusTag } from '../../components/tags';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { industryName, territoryText } from '../../lib/format';
import { useUrlPaging } from '../../lib/url-paging';
import { useUrlState } from '../../lib/url-state';
import { ENTERPRISE_FILTER_KEYS, type TEnterpriseSummary, useEnterprises } from './api';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer';
import { ImportModal } from './ImportModal';

const KEYS = [...ENTERPRISE_FILTER_KEYS, 'page', 'pageSize', 'sort'] as const;

export function EnterprisesPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  // Columns pinned to the sides only where there is room: on a phone they would leave little to scroll.
  const pin = Boolean(Grid.useBreakpoint().md);
  const navigate = useNavigate();
  const [state, update] = useUrlState(KEYS);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const paging = useUrlPaging(state, update);
  const { page, pageSize } = paging;
  const filters = Object.fromEntries(ENTERPRISE_FILTER_KEYS.map((k) => [k, state[k]]));
  const { data, isFetching, error } = useEnterprises({ ...filters, page, pageSize, sort: state.sort });

  const sorter = paging.sortable;
  // English labels are longer: wider columns, and the table scrolls sideways rather than clipping.
  const en = locale === 'en-US';
  const w = {
    name: en ? 240 : 220,
    uscc: 196,
    territory: en ? 256 : 150,
    industry: en ? 150 : 100,
    cls: en ? 110 : 92,
    status: en ? 150 : 96,
    grade: en ? 110 : 96,
    insurance: en ? 120 : 96,
  };
  // On a phone each enterprise is a card: its name, then status and class (what an inspector checks first).
  const columns: DataColumn<TEnterpriseSummary>[] = [
    {
      title: t('field.name'),
      dataIndex: 'name',
      width: w.name,
      fixed: pin ? 'left' : undefined,
      ellipsis: true,
      card: 'title',
      cardRender: (r) => <Link to={`/enterprises/${r.id}`}>{r.name}</Link>,
      ...sorter('name'),
      render: (name: string, r) => (
        <Ellipsis text={name}>
          <Link to={`/enterprises/${r.id}`}>{name}</Link>
        </Ellipsis>
      ),
    },
    {
      title: t('col.uscc'),
      dataIndex: 'uscc',
      width: w.uscc,
      ...sorter('uscc'),
      render: (v: string) => <Typography.Text copyable={{ text: v }}>{v}</Typography.Text>,
    },
    {
      title: t('field.territory'),
      dataIndex: 'regionName',
      width: w.territory,
      ellipsis: true,
      ...sorter('regionCode'),
      render: (_: string, r) => <Ellipsis text={territoryText(r)} />,
    },
    {
      title: t('field.industry'),
      dataIndex: 'industry',
      width: w.industry,
      ellipsis: true,
      ...sorter('industry'),
      render: (v: string) => <Ellipsis text={industryName(v, locale)} />,
    },
    { title: t('col.class'), dataIndex: 'supervisionClass', width: w.cls, card: 'lead', ...sorter('supervisionClass') },
    { title: t('field.status'), dataIndex: 'status', width: w.status, card: 'lead', ...sorter('status'), render: (v: string) => <StatusTag status={v} /> },
    { title: t('col.grade'), dataIndex: 'standardizationGrade', width: w.grade, render: (v: number | null) => <GradeText grade={v} /> },
    { title: t('col.insurance'), dataIndex: 'insuranceStatus', width: w.insurance, render: (v: string) => <InsuranceTag status={v} /> },
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
              <ExportButton path={'/api/enterprises/export'} query={{ format: 'xlsx', ...filters, sort: state.sort }} filename={'enterprises.xlsx'} />
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
      <DataList<TEnterpriseSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: Object.values(w).reduce((x, y) => x + y, 0) }}
        list={{ page, pageSize, setPage: (p, ps) => update({ page: p, pageSize: ps ?? pageSize }), tableProps: paging.tableProps }}
        total={data?.total}
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
