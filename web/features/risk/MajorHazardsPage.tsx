import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router';
import { UNIT_KINDS } from '../../../common/contracts/risk';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan, useMe } from '../../lib/auth';
import { toInt, useUrlState } from '../../lib/url-state';
import { MH_FILTER_KEYS, type TMajorHazard, useMajorHazards } from './api';
import { GradeTag } from './labels';

const KEYS = [...MH_FILTER_KEYS, 'page', 'pageSize'] as const;

/** 重大危险源: the GB 18218 units in scope with their grade, chemicals and 包保责任人. */
export function MajorHazardsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const can = useCan();
  const me = useMe();
  const [state, update] = useUrlState(KEYS);
  const page = toInt(state.page, 1);
  const pageSize = toInt(state.pageSize, 20);
  const filters = {
    q: state.q,
    enterpriseId: state.enterpriseId,
    regionCode: state.regionCode,
    industry: state.industry,
    grade: state.grade,
    unitKind: state.unitKind,
  };
  const { data, isFetching, error } = useMajorHazards({ ...filters, page, pageSize });
  const regulator = me.data?.user.kind !== 'enterprise';
  const columns: ColumnsType<TMajorHazard> = [
    { title: t('mh.grade'), dataIndex: 'grade', width: 84, render: (g: TMajorHazard['grade']) => <GradeTag grade={g} /> },
    {
      title: t('mh.name'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <Flex vertical gap={2}>
          <Link to={`/major-hazard-sources/${r.id}`}>{v}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.code} · {t(`mh.unit.${r.unitKind}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(regulator ? [{ title: t('risk.enterprise'), dataIndex: 'enterpriseName', width: 200, ellipsis: { showTitle: true } }] : []),
    {
      title: t('mh.substances'),
      key: 'substances',
      width: 220,
      render: (_, r) => <Typography.Text style={{ fontSize: 13 }}>{r.terms.map((x) => `${x.name.replace(/（.*$/, '')} ${x.q} t`).join('、')}</Typography.Text>,
    },
    { title: 'S', dataIndex: 'S', width: 70, align: 'right' },
    { title: 'R', dataIndex: 'R', width: 70, align: 'right' },
    {
      title: t('mh.persons'),
      key: 'persons',
      width: 200,
      render: (_, r) => (
        <Typography.Text style={{ fontSize: 12 }}>
          {t('mh.person.principal')}：{r.persons.principal.name} {r.persons.principal.phone}
        </Typography.Text>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('nav.majorHazards')}
        extra={
          <>
            {data?.abilities.create ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/major-hazard-sources/new')}>
                {t('mh.new')}
              </Button>
            ) : null}
            {can('risk.export') ? (
              <ExportButton path="/api/major-hazard-sources/export" query={{ ...filters, format: 'xlsx' }} filename="major-hazard-sources.xlsx" />
            ) : null}
          </>
        }
      />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: 8, marginBottom: 12 }}>
        <Input.Search
          key={state.q ?? ''}
          defaultValue={state.q}
          allowClear
          placeholder={t('mh.searchPlaceholder')}
          onSearch={(q) => update({ q: q.trim() || undefined })}
        />
        {regulator ? (
          <EnterpriseSelect value={state.enterpriseId} onChange={(v) => update({ enterpriseId: v ?? undefined })} placeholder={t('risk.enterprise')} />
        ) : null}
        <Select
          value={state.grade}
          allowClear
          placeholder={t('mh.grade')}
          options={(['1', '2', '3', '4'] as const).map((g) => ({ value: g, label: t(`mh.grade.${g}`) }))}
          onChange={(grade?: string) => update({ grade })}
        />
        <Select
          value={state.unitKind}
          allowClear
          placeholder={t('mh.unitKind')}
          options={UNIT_KINDS.map((k) => ({ value: k, label: t(`mh.unit.${k}`) }))}
          onChange={(unitKind?: string) => update({ unitKind })}
        />
      </div>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Table<TMajorHazard>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: regulator ? 1100 : 900 }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
        onChange={(p, _f, _s, extra) => {
          if (extra.action === 'paginate') update({ page: p.current, pageSize: p.pageSize });
        }}
      />
    </>
  );
}
