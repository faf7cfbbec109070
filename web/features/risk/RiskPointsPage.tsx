import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Select, Tag, Tooltip, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { CONTROL_LEVELS, RISK_COLORS, type RiskColor } from '../../../common/rules/risk-assessment';
import { type DataColumn, DataList } from '../../components/DataList';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { industryName } from '../../lib/format';
import { useListPage } from '../../lib/list-page';
import { useRegions } from '../org';
import { RISK_FILTER_KEYS, type TRiskPoint, useRiskPoints } from './api';
import { accidentTypeName, inputsText, RISK_HEX, RiskLevelTag, scoreLabel } from './labels';

const FILTERS = RISK_FILTER_KEYS.filter((k) => k !== 'sort');

/** 风险点清单: the risk points in scope with colour, assessment, control level and review date; filters kept in the URL. */
export function RiskPointsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const me = useMe();
  const list = useListPage(FILTERS);
  const state = list.filters;
  const update = list.setFilters;
  const filters = { ...list.filters, sort: list.sort };
  const { data, isFetching, error } = useRiskPoints(list.query);
  const regulator = me.data?.user.kind !== 'enterprise';
  const regions = useRegions();
  const region = regions.data?.find((r) => r.code === state.regionCode);

  // On a phone the card leads with the level and the review date, the things checked on site.
  const columns: DataColumn<TRiskPoint>[] = [
    {
      title: t('risk.level'),
      dataIndex: 'level',
      width: 104,
      ...list.sortable('level'),
      card: 'lead',
      render: (_, r) => <RiskLevelTag level={r.level} />,
    },
    {
      title: t('risk.name'),
      dataIndex: 'name',
      card: 'title',
      render: (v: string, r) => (
        <Flex vertical gap={2}>
          <Link to={`/risk-points/${r.id}`}>{v}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.code} · {t(`risk.kind.${r.kind}`)}
            {r.location ? ` · ${r.location}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(regulator ? [{ title: t('risk.enterprise'), dataIndex: 'enterpriseName', width: 200, ellipsis: { showTitle: true } } as DataColumn<TRiskPoint>] : []),
    {
      title: t('risk.accidentTypes'),
      cardLabel: t('accident.typeShort'),
      dataIndex: 'accidentTypes',
      width: 170,
      render: (v: string[]) => (
        <Flex gap={4} wrap>
          {v.map((c) => (
            <Tag key={c} style={{ marginInlineEnd: 0 }}>
              {accidentTypeName(c, locale)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('risk.assessment'),
      width: 150,
      ...list.sortable('score'),
      render: (_, r) => (
        <Tooltip title={r.source}>
          <Flex vertical>
            <span>
              {r.method.toUpperCase()} {scoreLabel(r.method)} = {r.score}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {inputsText(r.inputs)}
            </Typography.Text>
          </Flex>
        </Tooltip>
      ),
    },
    { title: t('risk.controlLevel'), dataIndex: 'controlLevel', width: 90, render: (v: string) => t(`risk.control.${v as 'company'}`) },
    { title: t('risk.responsiblePerson'), dataIndex: 'responsiblePerson', width: 96 },
    {
      title: t('risk.reviewDue'),
      dataIndex: 'reviewDue',
      width: 118,
      ...list.sortable('reviewDue'),
      card: 'lead',
      // Without a label on the card's lead line the date would not say what it is.
      cardRender: (r) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Text type={r.reviewOverdue ? 'danger' : undefined}>
            {t('risk.reviewDue')} {r.reviewDue}
          </Typography.Text>
          {r.reviewOverdue ? <Tag color="red">{t('risk.reviewOverdue')}</Tag> : null}
        </Flex>
      ),
      render: (v: string, r) =>
        r.reviewOverdue ? (
          <Flex vertical align="flex-start">
            <Typography.Text type="danger">{v}</Typography.Text>
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {t('risk.reviewOverdue')}
            </Tag>
          </Flex>
        ) : (
          v
        ),
    },
  ];

  const drill = [
    state.regionCode
      ? { key: 'regionCode', label: `${t('field.region')}：${region ? (locale === 'en-US' ? region.nameEn : region.name) : state.regionCode}` }
      : null,
    state.industry ? { key: 'industry', label: `${t('field.industry')}：${industryName(state.industry, locale)}` } : null,
  ].filter((x): x is { key: 'regionCode' | 'industry'; label: string } => !!x);

  return (
    <>
      <PageHeader
        title={t('nav.riskPoints')}
        extra={
          <>
            {data?.abilities.create ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/risk-points/new')}>
                {t('risk.new')}
              </Button>
            ) : null}
            {data?.abilities.export ? <ExportButton path="/api/risk-points/export" query={{ ...filters, format: 'xlsx' }} filename="risk-points.xlsx" /> : null}
          </>
        }
      />
      <FilterBar list={list}>
        <Input.Search
          key={state.q ?? ''}
          defaultValue={state.q}
          allowClear
          placeholder={t('risk.searchPlaceholder')}
          onSearch={(q) => update({ q: q.trim() || undefined })}
        />
        {regulator ? (
          <EnterpriseSelect value={state.enterpriseId} onChange={(v) => update({ enterpriseId: v ?? undefined })} placeholder={t('risk.enterprise')} />
        ) : null}
        <Select
          value={state.color}
          allowClear
          placeholder={t('risk.level')}
          options={RISK_COLORS.map((c, i) => ({
            value: c,
            label: (
              <Flex gap={6} align="center">
                <span style={{ width: 10, height: 10, borderRadius: 2, background: RISK_HEX[c as RiskColor].bg, display: 'inline-block' }} />
                {t(`risk.level.${(i + 1) as 1}`)}
              </Flex>
            ),
          }))}
          onChange={(color?: string) => update({ color })}
        />
        <Select
          value={state.controlLevel}
          allowClear
          placeholder={t('risk.controlLevel')}
          options={CONTROL_LEVELS.map((c) => ({ value: c, label: t(`risk.control.${c}`) }))}
          onChange={(controlLevel?: string) => update({ controlLevel })}
        />
        <Checkbox
          checked={state.reviewOverdue === 'true'}
          onChange={(e) => update({ reviewOverdue: e.target.checked ? 'true' : undefined })}
          style={{ alignSelf: 'center' }}
        >
          {t('risk.onlyOverdue')}
        </Checkbox>
      </FilterBar>
      {drill.length ? (
        <Flex gap={4} wrap style={{ marginBottom: 8 }}>
          {drill.map((d) => (
            <Tag key={d.key} closable color="blue" onClose={() => update({ [d.key]: undefined })}>
              {d.label}
            </Tag>
          ))}
        </Flex>
      ) : null}
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <DataList<TRiskPoint>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: regulator ? 1160 : 960 }}
        list={list}
        total={data?.total}
      />
    </>
  );
}
