import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router';
import { CONTROL_LEVELS, RISK_COLORS, type RiskColor } from '../../../common/rules/risk-assessment';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { industryName } from '../../lib/format';
import { sortOrderOf, sortParam, toInt, useUrlState } from '../../lib/url-state';
import { useRegions } from '../org';
import { RISK_FILTER_KEYS, type TRiskPoint, useRiskPoints } from './api';
import { accidentTypeName, inputsText, RISK_HEX, RiskLevelTag, scoreLabel } from './labels';

const KEYS = [...RISK_FILTER_KEYS, 'page', 'pageSize'] as const;

/** 风险点清单: the risk points in scope with colour, assessment, control level and review date; filters kept in the URL. */
export function RiskPointsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const me = useMe();
  const [state, update] = useUrlState(KEYS);
  const page = toInt(state.page, 1);
  const pageSize = toInt(state.pageSize, 20);
  const filters = {
    q: state.q,
    enterpriseId: state.enterpriseId,
    regionCode: state.regionCode,
    industry: state.industry,
    color: state.color,
    controlLevel: state.controlLevel,
    reviewOverdue: state.reviewOverdue,
    sort: state.sort,
  };
  const { data, isFetching, error } = useRiskPoints({ ...filters, page, pageSize });
  const regulator = me.data?.user.kind !== 'enterprise';
  const regions = useRegions();
  const region = regions.data?.find((r) => r.code === state.regionCode);

  const columns: ColumnsType<TRiskPoint> = [
    {
      title: t('risk.level'),
      key: 'level',
      dataIndex: 'level',
      width: 104,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'level'),
      render: (_, r) => <RiskLevelTag level={r.level} />,
    },
    {
      title: t('risk.name'),
      dataIndex: 'name',
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
    ...(regulator ? [{ title: t('risk.enterprise'), dataIndex: 'enterpriseName', width: 200, ellipsis: { showTitle: true } }] : []),
    {
      title: t('risk.accidentTypes'),
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
      key: 'score',
      width: 150,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'score'),
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
      key: 'reviewDue',
      dataIndex: 'reviewDue',
      width: 118,
      sorter: true,
      sortOrder: sortOrderOf(state.sort, 'reviewDue'),
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
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: 8, marginBottom: 12 }}>
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
      </div>
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
      <Table<TRiskPoint>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: regulator ? 1160 : 960 }}
        onRow={(r) => ({ style: { boxShadow: `inset 4px 0 0 ${RISK_HEX[r.color].bg}` } })}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(p, _f, sorter, extra) => {
          if (extra.action === 'paginate') update({ page: p.current, pageSize: p.pageSize });
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
      />
    </>
  );
}
