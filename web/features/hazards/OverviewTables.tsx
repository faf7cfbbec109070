import { Card, Col, Row, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../i18n';
import { industryName } from '../../lib/format';
import type { HazardOverview, OverviewMeasures } from './api';

type RollupRow = OverviewMeasures & { key: string; label: string };

/** The regulator's roll-up: the same measures by the next region level down and by industry; a row filters the list. */
export function OverviewTables({ data, onPick }: { data: HazardOverview; onPick: (patch: { regionCode?: string; industry?: string }) => void }) {
  const { t, locale } = useI18n();
  const columns = (first: string): ColumnsType<RollupRow> => [
    { title: first, dataIndex: 'label', ellipsis: true },
    { title: t('hazard.stat.open'), dataIndex: 'open', width: 72, align: 'right' },
    {
      title: t('hazard.stat.majorOpen'),
      dataIndex: 'majorOpen',
      width: 96,
      align: 'right',
      render: (v: number) => (v ? <span style={{ color: '#cf1322' }}>{v}</span> : v),
    },
    {
      title: t('hazard.stat.overdue'),
      dataIndex: 'overdue',
      width: 88,
      align: 'right',
      render: (v: number) => (v ? <span style={{ color: '#cf1322' }}>{v}</span> : v),
    },
    { title: t('hazard.stat.closedRate'), dataIndex: 'closedRate', width: 96, align: 'right', render: (v: number | null) => (v === null ? '—' : `${v}%`) },
  ];
  const regions: RollupRow[] = data.byRegion.map((r) => ({ ...r, key: r.regionCode, label: locale === 'en-US' ? r.nameEn : r.name }));
  const industries: RollupRow[] = data.byIndustry.map((r) => ({ ...r, key: r.industry, label: industryName(r.industry, locale) }));
  const table = (rows: RollupRow[], first: string, pick: (r: RollupRow) => void) => (
    <Table<RollupRow>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={columns(first)}
      scroll={{ x: 420 }}
      onRow={(r) => ({ onClick: () => pick(r), style: { cursor: 'pointer' } })}
    />
  );
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('hazard.overview.byRegion')}>
          {table(regions, t('field.region'), (r) => onPick({ regionCode: r.key }))}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('hazard.overview.byIndustry')}>
          {table(industries, t('hazard.industry'), (r) => onPick({ industry: r.key }))}
        </Card>
      </Col>
    </Row>
  );
}
