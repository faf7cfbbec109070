import { Card, Col, Empty, Flex, Input, Row, Skeleton, Table, Tag, Tree, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Ellipsis } from '../../components/Ellipsis';
import { PageHeader } from '../../components/PageHeader';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { type MessageKey, useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { industryName } from '../../lib/format';
import { useUrlState } from '../../lib/url-state';
import { type TDepartment, useDepartments, useRegions } from './api';
import { buildRegionTree, type RegionNode } from './regions';

const DEPARTMENT_KEYS = ['regionCode'] as const;

interface TreeNode {
  key: string;
  title: React.ReactNode;
  children?: TreeNode[];
}

const LEVELS: Record<string, MessageKey> = { city: 'region.city', county: 'region.county', zone: 'region.zone', town: 'region.town', grid: 'region.grid' };

function RegionsCard() {
  const { t, locale } = useI18n();
  const { data, isLoading, error } = useRegions();
  const [filter, setFilter] = useState('');
  const tree = useMemo(() => buildRegionTree(data ?? [], locale), [data, locale]);
  const decorate = (nodes: RegionNode[]): TreeNode[] =>
    nodes.map((n) => ({
      key: n.key,
      title: (
        <span style={{ background: filter && n.title.includes(filter) ? '#fff1b8' : undefined }}>
          {n.title}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {n.value}
          </Typography.Text>{' '}
          {LEVELS[n.level] ? <Tag style={{ fontSize: 11 }}>{t(LEVELS[n.level] as MessageKey)}</Tag> : null}
        </span>
      ),
      children: n.children ? decorate(n.children) : undefined,
    }));
  return (
    <Card size="small" title={t('org.regions')} extra={<Typography.Text type="secondary">{t('org.regionsSource')}</Typography.Text>}>
      <Input.Search allowClear placeholder={t('org.filterRegions')} onChange={(e) => setFilter(e.target.value.trim())} style={{ marginBottom: 8 }} />
      {isLoading ? <Skeleton active /> : null}
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      {data && !data.length ? <Empty /> : null}
      {tree.length ? <Tree treeData={decorate(tree)} defaultExpandedKeys={tree.map((n) => n.key)} showLine height={560} /> : null}
    </Card>
  );
}

function DepartmentsCard() {
  const { t, locale } = useI18n();
  const [state, update] = useUrlState(DEPARTMENT_KEYS);
  const { data, isFetching, error } = useDepartments({ regionCode: state.regionCode });
  // English names and type tags ("Government / emergency bureau") are longer: wider columns, sideways scroll.
  const en = locale === 'en-US';
  const columns: ColumnsType<TDepartment> = [
    {
      title: t('field.name'),
      dataIndex: 'name',
      width: en ? 260 : 220,
      ellipsis: true,
      render: (n: string, d) => <Ellipsis text={en ? d.nameEn || n : n} />,
    },
    { title: t('field.region'), dataIndex: 'regionName', width: en ? 150 : 120, ellipsis: true, render: (v: string) => <Ellipsis text={v} /> },
    {
      title: t('org.kind'),
      dataIndex: 'kind',
      width: en ? 220 : 120,
      render: (k: string) =>
        k === 'government' ? <Tag color="blue">{t('kind.government')}</Tag> : k === 'industry' ? <Tag color="cyan">{t('kind.industry')}</Tag> : k,
    },
    {
      title: t('org.industries'),
      dataIndex: 'industries',
      render: (inds: string[]) =>
        inds.length ? (
          <Flex wrap gap={4}>
            {inds.map((i) => (
              <Tag key={i}>{industryName(i, locale)}</Tag>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('org.allIndustries')}</Typography.Text>
        ),
    },
  ];
  return (
    <Card size="small" title={t('org.departments')}>
      <RegionTreeSelect value={state.regionCode} onChange={(regionCode) => update({ regionCode })} style={{ width: 260, marginBottom: 8 }} />
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Table<TDepartment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: en ? 900 : 720 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
      />
    </Card>
  );
}

/** Regions (GB/T 2260 and towns) and the government and industry departments. */
export function OrgPage() {
  const { t } = useI18n();
  const can = useCan();
  return (
    <>
      <PageHeader title={t('nav.org')} />
      <Row gutter={[16, 16]}>
        {can('region.read') ? (
          <Col xs={24} xl={9}>
            <RegionsCard />
          </Col>
        ) : null}
        {can('department.read') ? (
          <Col xs={24} xl={can('region.read') ? 15 : 24}>
            <DepartmentsCard />
          </Col>
        ) : null}
      </Row>
    </>
  );
}
