import { Card, Col, Empty, Flex, List, Row, Segmented, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router';
import { RISK_COLORS, type RiskColor } from '../../../common/rules/risk-assessment';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { buildUrl, errorMessage } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { industryName } from '../../lib/format';
import { useUrlState } from '../../lib/url-state';
import { type ColourCounts, type MajorHazardCounts, type PondCounts, type RollupRow, type TRiskPoint, useRiskRollup, useRiskSummary } from './api';
import { RISK_HEX, scoreLabel } from './labels';

const LEVEL_OF: Record<RiskColor, 1 | 2 | 3 | 4> = { red: 1, orange: 2, yellow: 3, blue: 4 };

/** Four coloured tiles with the counts; each opens the list with that colour (and the given filters). */
function ColourTiles({ counts, filters }: { counts: ColourCounts; filters: Record<string, string | undefined> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
      {RISK_COLORS.map((c) => (
        <Col key={c} xs={12} md={6}>
          <button
            type="button"
            onClick={() => navigate(buildUrl('/risk-points', { ...filters, color: c }))}
            style={{
              width: '100%',
              border: 0,
              borderRadius: 6,
              padding: '12px 14px',
              background: RISK_HEX[c].bg,
              color: RISK_HEX[c].fg,
              textAlign: 'left',
              cursor: 'pointer',
            }}
          >
            <div style={{ fontSize: 13, opacity: 0.92 }}>{t(`risk.level.${LEVEL_OF[c]}`)}</div>
            <div style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.2 }}>{counts[c]}</div>
          </button>
        </Col>
      ))}
    </Row>
  );
}

/** The other registers: graded installations, and the ponds with 险库/危库 in red (they must stop and be dealt with at once). */
function Extras({ counts, mh, ponds, enterpriseId }: { counts: ColourCounts; mh: MajorHazardCounts; ponds: PondCounts; enterpriseId?: string }) {
  const { t } = useI18n();
  const pondText = t('pond.unsafeCount', { n: ponds.total, critical: ponds.critical, dangerous: ponds.dangerous, defective: ponds.defective });
  return (
    <Flex gap={16} wrap style={{ marginBottom: 16 }}>
      <Typography.Text>{t('risk.totalPoints', { n: counts.total })}</Typography.Text>
      {counts.enterprises !== undefined ? <Typography.Text>{t('risk.enterprisesCount', { n: counts.enterprises })}</Typography.Text> : null}
      <Link to="/risk-points?reviewOverdue=true">
        <Typography.Text type={counts.overdue ? 'danger' : 'secondary'}>{t('risk.overdueCount', { n: counts.overdue })}</Typography.Text>
      </Link>
      <Link to="/major-hazard-sources">{t('risk.majorHazardsCount', { n: mh.major, g1: mh.g1, g2: mh.g2, g3: mh.g3, g4: mh.g4 })}</Link>
      {ponds.total ? (
        <Link to={buildUrl('/tailings-ponds', { enterpriseId })}>
          {ponds.critical + ponds.dangerous ? (
            <Typography.Text type="danger" strong>
              {pondText}
            </Typography.Text>
          ) : (
            pondText
          )}
        </Link>
      ) : null}
    </Flex>
  );
}

/** 四色分布 of one enterprise (or of everything in scope): counts and the risk points of each colour. */
function EnterpriseView({ enterpriseId }: { enterpriseId: string | undefined }) {
  const { t } = useI18n();
  const { data, error, isLoading } = useRiskSummary(enterpriseId);
  if (error) return <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>;
  if (isLoading || !data) return <Card loading />;
  const filters = { enterpriseId: data.enterpriseId ?? undefined };
  return (
    <>
      <ColourTiles counts={data.counts} filters={filters} />
      <Extras counts={data.counts} mh={data.majorHazards} ponds={data.ponds} enterpriseId={data.enterpriseId ?? undefined} />
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          items={RISK_COLORS.map((c) => ({
            key: c,
            label: (
              <Flex gap={6} align="center">
                <span style={{ width: 10, height: 10, borderRadius: 2, background: RISK_HEX[c].bg, display: 'inline-block' }} />
                {t(`risk.levelShort.${LEVEL_OF[c]}`)} {data.counts[c]}
              </Flex>
            ),
            children: data.byColour[c].length ? (
              <List<TRiskPoint>
                size="small"
                dataSource={data.byColour[c]}
                renderItem={(p) => (
                  <List.Item style={{ borderInlineStart: `4px solid ${RISK_HEX[c].bg}`, paddingInlineStart: 10, marginBottom: 4 }}>
                    <Flex vertical style={{ minWidth: 0, width: '100%' }}>
                      <Flex justify="space-between" gap={8} wrap>
                        <Link to={`/risk-points/${p.id}`}>{p.name}</Link>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {p.method.toUpperCase()} {scoreLabel(p.method)} = {p.score} · {t(`risk.control.${p.controlLevel}`)}
                        </Typography.Text>
                      </Flex>
                      <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                        {data.enterpriseId ? '' : `${p.enterpriseName} · `}
                        {p.location ?? ''} {p.hazardFactors}
                      </Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('risk.noneOfColour')} />
            ),
          }))}
        />
      </Card>
      <div style={{ marginTop: 8 }}>
        <Source text={data.sources.policy} />
      </div>
    </>
  );
}

type RowKind = 'region' | 'industry';

/** The regulator's roll-up: counts per colour by region or industry; every number opens the filtered list. */
function Rollup() {
  const { t, locale } = useI18n();
  const { data, error, isLoading } = useRiskRollup();
  const [state, update] = useUrlState(['by'] as const);
  const by: RowKind = state.by === 'industry' ? 'industry' : 'region';
  if (error) return <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>;
  if (isLoading || !data) return <Card loading />;
  type Row = RollupRow & { key: string; name: string; filter: Record<string, string> };
  const rows: Row[] =
    by === 'region'
      ? data.byRegion.map((r) => ({ ...r, key: r.regionCode, name: locale === 'en-US' ? r.regionNameEn : r.regionName, filter: { regionCode: r.regionCode } }))
      : data.byIndustry.map((r) => ({ ...r, key: r.industry, name: industryName(r.industry, locale), filter: { industry: r.industry } }));
  const cell = (r: Row, n: number, extra: Record<string, string>) =>
    n ? <Link to={buildUrl('/risk-points', { ...r.filter, ...extra })}>{n}</Link> : <Typography.Text type="secondary">0</Typography.Text>;
  const columns: ColumnsType<Row> = [
    { title: by === 'region' ? t('field.region') : t('field.industry'), dataIndex: 'name', fixed: 'left', width: 120 },
    { title: t('risk.enterprisesShort'), dataIndex: 'enterprises', width: 72, align: 'right' },
    ...RISK_COLORS.map((c) => ({
      title: (
        <Flex gap={4} align="center" justify="flex-end">
          <span style={{ width: 10, height: 10, borderRadius: 2, background: RISK_HEX[c].bg, display: 'inline-block' }} />
          {t(`risk.levelShort.${LEVEL_OF[c]}`)}
        </Flex>
      ),
      key: c,
      width: locale === 'en-US' ? 112 : 76,
      align: 'right' as const,
      render: (_: unknown, r: Row) => cell(r, r[c], { color: c }),
    })),
    { title: t('risk.total'), key: 'total', width: 72, align: 'right', render: (_, r) => cell(r, r.total, {}) },
    { title: t('risk.overdueShort'), key: 'overdue', width: 84, align: 'right', render: (_, r) => cell(r, r.overdue, { reviewOverdue: 'true' }) },
  ];
  return (
    <>
      <ColourTiles counts={data.totals} filters={{}} />
      <Extras counts={data.totals} mh={data.majorHazards} ponds={data.ponds} />
      <Card
        size="small"
        title={t('risk.rollupTitle')}
        extra={
          <Segmented<RowKind>
            size="small"
            value={by}
            onChange={(v) => update({ by: v === 'region' ? undefined : v })}
            options={[
              { value: 'region', label: t('risk.byRegion') },
              { value: 'industry', label: t('risk.byIndustry') },
            ]}
          />
        }
      >
        <Table<Row>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: locale === 'en-US' ? 760 : 640 }}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('risk.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {data.totals.enterprises ?? ''}
              </Table.Summary.Cell>
              {RISK_COLORS.map((c, i) => (
                <Table.Summary.Cell key={c} index={i + 2} align="right">
                  {data.totals[c]}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={6} align="right">
                {data.totals.total}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                {data.totals.overdue}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>
    </>
  );
}

/**
 * 四色风险分布: an enterprise sees its own four-colour view; a regulator sees the roll-up of its scope
 * by region and industry, or one enterprise's view when it picks one.
 */
export function RiskOverviewPage() {
  const { t } = useI18n();
  const me = useMe();
  const [state, update] = useUrlState(['enterpriseId'] as const);
  const ownEnterprise = me.data?.user.kind === 'enterprise';
  return (
    <>
      <PageHeader title={t('nav.riskOverview')}>
        <Typography.Text type="secondary">{t(ownEnterprise ? 'risk.overviewIntroEnterprise' : 'risk.overviewIntro')}</Typography.Text>
      </PageHeader>
      {ownEnterprise ? (
        <EnterpriseView enterpriseId={undefined} />
      ) : (
        <>
          <div style={{ marginBottom: 12, maxWidth: 420 }}>
            <EnterpriseSelect
              value={state.enterpriseId}
              onChange={(v) => update({ enterpriseId: v ?? undefined })}
              placeholder={t('risk.pickEnterprise')}
              style={{ width: '100%' }}
            />
          </div>
          {state.enterpriseId ? <EnterpriseView key={state.enterpriseId} enterpriseId={state.enterpriseId} /> : <Rollup />}
        </>
      )}
    </>
  );
}
