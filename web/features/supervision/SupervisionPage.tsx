import { Card, Col, Flex, Grid, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { Ellipsis } from '../../components/Ellipsis';
import { EnterpriseFilters } from '../../components/EnterpriseFilters';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { GapTags, StatusTag } from '../../components/tags';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { industryName } from '../../lib/format';
import { useUrlPaging } from '../../lib/url-paging';
import { useUrlState } from '../../lib/url-state';
import { type TSupervisionRow, useAllDepartments } from '../org';
import { SUPERVISION_FILTER_KEYS, SUPERVISION_NOTICE_SOURCE, useSupervisionTable } from './api';

const KEYS = [...SUPERVISION_FILTER_KEYS, 'page', 'pageSize', 'sort'] as const;
/** Height of one department line (a tag's height plus air), shared by the departments and officials columns. */
const LINE = 24;
type Gap = 'any' | 'noDepartment' | 'noPerson';

function SummaryCard({ title, value, active, color, onClick }: { title: string; value?: number; active: boolean; color?: string; onClick: () => void }) {
  return (
    <Card
      hoverable
      size="small"
      onClick={onClick}
      style={{ borderColor: active ? (color ?? '#1f5fa8') : undefined, boxShadow: active ? `0 0 0 1px ${color ?? '#1f5fa8'}` : undefined }}
      role="button"
      aria-pressed={active}
    >
      <Statistic title={title} value={value ?? '—'} styles={{ content: color ? { color } : undefined }} />
    </Card>
  );
}

/** 监管一张表: every enterprise with its supervising departments and named officials, gaps flagged. */
export function SupervisionPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  // Columns pinned to the sides only where there is room: on a phone they would leave little to scroll.
  const pin = Boolean(Grid.useBreakpoint().md);
  const [state, update] = useUrlState(KEYS);
  const paging = useUrlPaging(state, update);
  const { page, pageSize } = paging;
  const filters = Object.fromEntries(SUPERVISION_FILTER_KEYS.map((k) => [k, state[k]]));
  const { data, isFetching, error } = useSupervisionTable({ ...filters, page, pageSize, sort: state.sort });
  const departments = useAllDepartments(can('department.read'));
  const summary = data?.summary;
  const gap = state.gap as Gap | undefined;

  const sorter = paging.sortable;
  // English labels ("停产整顿 Suspended", "Hazardous chemicals", long bureau names) need wider columns;
  // the table scrolls sideways instead of clipping them, with the enterprise column fixed on the left.
  const en = locale === 'en-US';
  const w = { name: en ? 240 : 216, territory: en ? 160 : 150, industry: en ? 150 : 96, cls: en ? 110 : 92 };
  const wd = { departments: en ? 330 : 224, officials: en ? 170 : 150, status: en ? 150 : 88, gaps: en ? 210 : 100 };
  const columns: ColumnsType<TSupervisionRow> = [
    {
      title: t('supervision.enterprise'),
      dataIndex: 'name',
      width: w.name,
      fixed: pin ? 'left' : undefined,
      ellipsis: true,
      ...sorter('name'),
      render: (n: string, r) => (
        <>
          <Ellipsis text={n} style={{ display: 'block' }}>
            <Link to={`/enterprises/${r.enterpriseId}`}>{n}</Link>
          </Ellipsis>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.uscc}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('field.territory'),
      dataIndex: 'regionName',
      width: w.territory,
      ellipsis: true,
      ...sorter('regionCode'),
      // County above, town below (like the name above the credit code), so both stay visible.
      render: (_: string, r) =>
        r.countyName && r.countyName !== r.regionName ? (
          <>
            <Ellipsis text={r.countyName} style={{ display: 'block' }} />
            <Ellipsis text={r.regionName} style={{ display: 'block' }} />
          </>
        ) : (
          <Ellipsis text={r.regionName} />
        ),
    },
    {
      title: t('field.industry'),
      dataIndex: 'industry',
      width: w.industry,
      ellipsis: true,
      ...sorter('industry'),
      render: (v: string) => <Ellipsis text={industryName(v, locale)} />,
    },
    { title: t('col.class'), dataIndex: 'supervisionClass', width: w.cls, ...sorter('supervisionClass') },
    {
      title: t('supervision.departments'),
      key: 'departments',
      width: wd.departments,
      // One line per department: the 主管/协管 tag first (always visible, aligned), then the name, cut with a tooltip.
      render: (_, r) =>
        r.assignments.length ? (
          <Flex vertical gap={4}>
            {r.assignments.map((a) => (
              <Flex key={a.departmentId} align="center" gap={6} style={{ minWidth: 0, height: LINE }}>
                <Tag color={a.primary ? 'blue' : 'default'} style={{ flex: 'none' }}>
                  {a.primary ? t('assign.primaryShort') : t('assign.secondaryShort')}
                </Tag>
                <Ellipsis text={a.departmentName} style={{ minWidth: 0 }} />
              </Flex>
            ))}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('supervision.officials'),
      key: 'officials',
      width: wd.officials,
      // Lines match the departments column, one official per department.
      render: (_, r) =>
        r.assignments.length ? (
          <Flex vertical gap={4}>
            {r.assignments.map((a) => (
              <Flex key={a.departmentId} align="center" style={{ minWidth: 0, height: LINE }}>
                <Ellipsis
                  text={a.responsiblePerson ? `${a.responsiblePerson}${a.responsiblePhone ? ` ${a.responsiblePhone}` : ''}` : '—'}
                  style={{ minWidth: 0 }}
                />
              </Flex>
            ))}
          </Flex>
        ) : (
          '—'
        ),
    },
    { title: t('field.status'), dataIndex: 'status', width: wd.status, ...sorter('status'), render: (v: string) => <StatusTag status={v} /> },
    {
      title: t('supervision.flags'),
      key: 'gaps',
      width: wd.gaps,
      render: (_, r) =>
        r.gaps.length ? (
          <Flex vertical align="flex-start" gap={2}>
            <GapTags gaps={r.gaps} />
          </Flex>
        ) : (
          <Tag color="green">{t('supervision.complete')}</Tag>
        ),
    },
  ];
  const scrollX = Object.values(w).reduce((a, b) => a + b, 0) + Object.values(wd).reduce((a, b) => a + b, 0);

  return (
    <>
      <PageHeader
        title={t('nav.supervision')}
        extra={
          can('supervision.export') ? (
            <ExportButton path={'/api/supervision-table/export'} query={{ format: 'xlsx', ...filters, sort: state.sort }} filename={'supervision-table.xlsx'} />
          ) : null
        }
      >
        <Source text={data?.source ?? SUPERVISION_NOTICE_SOURCE} />
        {locale === 'en-US' ? (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('supervision.notice')}
            </Typography.Text>
          </div>
        ) : null}
      </PageHeader>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={8}>
          <SummaryCard title={t('supervision.summaryTotal')} value={summary?.total} active={!gap} onClick={() => update({ gap: undefined })} />
        </Col>
        <Col xs={12} sm={8}>
          <SummaryCard
            title={t('gap.noDepartment')}
            value={summary?.noDepartment}
            color="#cf1322"
            active={gap === 'noDepartment'}
            onClick={() => update({ gap: gap === 'noDepartment' ? undefined : 'noDepartment' })}
          />
        </Col>
        <Col xs={12} sm={8}>
          <SummaryCard
            title={t('gap.noPerson')}
            value={summary?.noPerson}
            color="#d46b08"
            active={gap === 'noPerson'}
            onClick={() => update({ gap: gap === 'noPerson' ? undefined : 'noPerson' })}
          />
        </Col>
      </Row>
      <EnterpriseFilters values={state} onChange={update}>
        {can('department.read') ? (
          <Select
            value={state.departmentId}
            allowClear
            placeholder={t('field.department')}
            loading={departments.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: locale === 'en-US' ? d.nameEn || d.name : d.name }))}
            onChange={(departmentId?: string) => update({ departmentId })}
          />
        ) : null}
        <Select
          value={gap}
          allowClear
          placeholder={t('supervision.gapFilter')}
          options={[
            { value: 'any', label: t('gap.any') },
            { value: 'noDepartment', label: t('gap.noDepartment') },
            { value: 'noPerson', label: t('gap.noPerson') },
          ]}
          onChange={(v?: string) => update({ gap: v })}
        />
      </EnterpriseFilters>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Table<TSupervisionRow>
        rowKey="enterpriseId"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: scrollX }}
        // The header and the sideways scrollbar stay in view below the app header while scrolling down.
        sticky={{ offsetHeader: 56 }}
        {...paging.tableProps<TSupervisionRow>(data?.total)}
      />
    </>
  );
}
