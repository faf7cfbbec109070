import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Input, Select, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { Link, useNavigate } from 'react-router';
import { POND_OPERATING_STATUSES, TAILINGS_SAFETY_STATUSES } from '../../../common/contracts/risk';
import { type DataColumn, DataList } from '../../components/DataList';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan, useMe } from '../../lib/auth';
import { useListPage } from '../../lib/list-page';
import { POND_FILTER_KEYS, type TTailingsPond, useTailingsPonds } from './api';
import { OverheadTag, PondGradeTag, SafetyTag } from './labels';

/** 险库 and 危库 rows tinted (the list already puts them first): cell styles, as a cell's own background covers the row's. */
const UNSAFE_CELL: Partial<Record<TTailingsPond['safetyStatus'], CSSProperties>> = {
  critical: { background: '#fff1f0' },
  dangerous: { background: '#fff7e6' },
};

/** A licence's expiry, red when expired and orange when due within 90 days. */
export function LicenceExpiry({ p }: { p: Pick<TTailingsPond, 'licenceExpiry' | 'licenceState'> }) {
  const { t } = useI18n();
  if (!p.licenceExpiry) return <Typography.Text type="secondary">{t('pond.licenceNone')}</Typography.Text>;
  return (
    <Flex gap={4} wrap align="center">
      <span>{p.licenceExpiry}</span>
      {p.licenceState === 'expired' ? <Tag color="red">{t('pond.licence.expired')}</Tag> : null}
      {p.licenceState === 'expiring' ? <Tag color="orange">{t('pond.licence.expiring')}</Tag> : null}
    </Flex>
  );
}

/** 尾矿库: the ponds in scope, the worst 安全度 first, with class, 头顶库, dam, capacity and licence. */
export function TailingsPondsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const can = useCan();
  const me = useMe();
  const list = useListPage(POND_FILTER_KEYS);
  const state = list.filters;
  const update = list.setFilters;
  const filters = list.filters;
  const { data, isFetching, error } = useTailingsPonds(list.query);
  const regulator = me.data?.user.kind !== 'enterprise';
  // On a phone the card leads with 安全度 and 等别: what decides whether anyone goes near the dam.
  const columns: DataColumn<TTailingsPond>[] = [
    { title: t('pond.grade'), dataIndex: 'grade', width: 76, card: 'lead', render: (g: TTailingsPond['grade']) => <PondGradeTag grade={g} /> },
    {
      title: t('pond.name'),
      dataIndex: 'name',
      card: 'title',
      render: (v: string, r) => (
        <Flex vertical gap={2}>
          <Flex gap={6} wrap align="center">
            <Link to={`/tailings-ponds/${r.id}`}>{v}</Link>
            {r.overhead ? <OverheadTag /> : null}
            {r.overDesign ? <Tag color="volcano">{t('pond.overDesign')}</Tag> : null}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.code}
            {r.location ? ` · ${r.location}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(regulator
      ? [{ title: t('risk.enterprise'), dataIndex: 'enterpriseName', width: 190, ellipsis: { showTitle: true } } as DataColumn<TTailingsPond>]
      : []),
    {
      title: t('pond.safetyStatus'),
      dataIndex: 'safetyStatus',
      width: 100,
      card: 'lead',
      render: (v: TTailingsPond['safetyStatus'], r) => (
        <Flex vertical gap={2} align="flex-start">
          <SafetyTag status={v} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`pond.op.${r.operatingStatus}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pond.damHeight'),
      key: 'height',
      width: 110,
      align: 'right',
      render: (_, r) => `${r.currentDamHeight} / ${r.designDamHeight} m`,
    },
    {
      title: t('pond.capacity'),
      key: 'capacity',
      width: 130,
      align: 'right',
      render: (_, r) => `${r.currentCapacity} / ${r.totalCapacity}`,
    },
    { title: t('pond.licenceExpiry'), key: 'licence', width: 150, render: (_, r) => <LicenceExpiry p={r} /> },
    {
      title: t('pond.responsible'),
      key: 'responsible',
      width: 120,
      render: (_, r) => (
        <Flex vertical>
          <span>{r.responsibleName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.responsiblePhone}
          </Typography.Text>
        </Flex>
      ),
    },
  ];
  const tinted: DataColumn<TTailingsPond>[] = columns.map((c, i) => ({
    ...c,
    onCell: (r: TTailingsPond) => ({
      style: {
        ...UNSAFE_CELL[r.safetyStatus],
        ...(i === 0 && UNSAFE_CELL[r.safetyStatus] ? { boxShadow: `inset 3px 0 0 ${r.safetyStatus === 'critical' ? '#f5222d' : '#fa8c16'}` } : {}),
      },
    }),
  }));
  const unsafeShown = (data?.items ?? []).some((r) => UNSAFE_CELL[r.safetyStatus]);
  return (
    <>
      <PageHeader
        title={t('nav.tailingsPonds')}
        extra={
          <>
            {data?.abilities.create ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/tailings-ponds/new')}>
                {t('pond.new')}
              </Button>
            ) : null}
            {can('risk.export') ? (
              <ExportButton path="/api/tailings-ponds/export" query={{ ...filters, format: 'xlsx' }} filename="tailings-ponds.xlsx" />
            ) : null}
          </>
        }
      />
      <FilterBar list={list}>
        <Input.Search
          key={state.q ?? ''}
          defaultValue={state.q}
          allowClear
          placeholder={t('pond.searchPlaceholder')}
          onSearch={(q) => update({ q: q.trim() || undefined })}
        />
        {regulator ? (
          <EnterpriseSelect value={state.enterpriseId} onChange={(v) => update({ enterpriseId: v ?? undefined })} placeholder={t('risk.enterprise')} />
        ) : null}
        <Select
          value={state.grade}
          allowClear
          placeholder={t('pond.grade')}
          options={(['1', '2', '3', '4', '5'] as const).map((g) => ({ value: g, label: t(`pond.grade.${g}`) }))}
          onChange={(grade?: string) => update({ grade })}
        />
        <Select
          value={state.safetyStatus}
          allowClear
          placeholder={t('pond.safetyStatus')}
          options={TAILINGS_SAFETY_STATUSES.map((k) => ({ value: k, label: t(`pond.safety.${k}`) }))}
          onChange={(safetyStatus?: string) => update({ safetyStatus })}
        />
        <Select
          value={state.operatingStatus}
          allowClear
          placeholder={t('pond.operatingStatus')}
          options={POND_OPERATING_STATUSES.map((k) => ({ value: k, label: t(`pond.op.${k}`) }))}
          onChange={(operatingStatus?: string) => update({ operatingStatus })}
        />
        <Checkbox checked={state.overhead === 'true'} onChange={(e) => update({ overhead: e.target.checked ? 'true' : undefined })}>
          {t('pond.onlyOverhead')}
        </Checkbox>
      </FilterBar>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      {unsafeShown ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('pond.unsafeRows')} /> : null}
      <DataList<TTailingsPond>
        rowKey="id"
        size="middle"
        columns={tinted}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: regulator ? 1150 : 960 }}
        list={list}
        total={data?.total}
      />
    </>
  );
}
