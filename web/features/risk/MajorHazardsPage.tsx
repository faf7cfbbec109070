import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { UNIT_KINDS } from '../../../common/contracts/risk';
import { type DataColumn, DataList } from '../../components/DataList';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan, useMe } from '../../lib/auth';
import { useListPage } from '../../lib/list-page';
import { MH_FILTER_KEYS, type TMajorHazard, useMajorHazards } from './api';
import { GradeTag } from './labels';

/** 重大危险源: the GB 18218 units in scope with their grade, chemicals and 包保责任人. */
export function MajorHazardsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const can = useCan();
  const me = useMe();
  const list = useListPage(MH_FILTER_KEYS);
  const state = list.filters;
  const update = list.setFilters;
  const filters = list.filters;
  const { data, isFetching, error } = useMajorHazards(list.query);
  const regulator = me.data?.user.kind !== 'enterprise';
  // On a phone the card leads with the grade under the installation's name.
  const columns: DataColumn<TMajorHazard>[] = [
    { title: t('mh.grade'), dataIndex: 'grade', width: 84, card: 'lead', render: (g: TMajorHazard['grade']) => <GradeTag grade={g} /> },
    {
      title: t('mh.name'),
      dataIndex: 'name',
      card: 'title',
      render: (v: string, r) => (
        <Flex vertical gap={2}>
          <Link to={`/major-hazard-sources/${r.id}`}>{v}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.code} · {t(`mh.unit.${r.unitKind}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(regulator ? [{ title: t('risk.enterprise'), dataIndex: 'enterpriseName', width: 200, ellipsis: { showTitle: true } } as DataColumn<TMajorHazard>] : []),
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
      <FilterBar list={list}>
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
      </FilterBar>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <DataList<TMajorHazard>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: regulator ? 1100 : 900 }}
        list={list}
        total={data?.total}
      />
    </>
  );
}
