import { Card, Empty, Flex, Progress, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { DEADLINE_13710_SOURCE } from '../../../common/rules/deadline-13710';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { PeriodPicker } from '../../components/PeriodPicker';
import { Source } from '../../components/Source';
import { type MessageKey, useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { useUrlState } from '../../lib/url-state';
import { type TaskStatsUnit, useTaskStats } from './api';

const KEYS = ['from', 'to'] as const;
const DATE = 'YYYY-MM-DD';

type Stage = keyof TaskStatsUnit['counts'];
const STAGES: { stage: Stage; rate: keyof TaskStatsUnit; label: MessageKey }[] = [
  { stage: 'deploy', rate: 'deployOnTimeRate', label: 'task.stats.deploy' },
  { stage: 'feedback', rate: 'feedbackOnTimeRate', label: 'task.stats.feedback' },
  { stage: 'resolve7', rate: 'resolve7OnTimeRate', label: 'task.stats.resolve7' },
  { stage: 'resolveMonth', rate: 'resolveMonthOnTimeRate', label: 'task.stats.resolveMonth' },
];

function Rate({ value, counts }: { value: number | null; counts: [number, number] }) {
  const { t } = useI18n();
  if (value === null)
    return (
      <Tooltip title={t('task.stats.noneDue')}>
        <Typography.Text type="secondary">—</Typography.Text>
      </Tooltip>
    );
  return (
    <Tooltip title={t('task.stats.counts', { ok: counts[0], all: counts[1] })}>
      <Progress
        percent={value}
        size="small"
        status={value < 100 ? (value < 80 ? 'exception' : 'normal') : 'success'}
        strokeColor={value >= 100 ? '#52c41a' : value >= 80 ? '#faad14' : '#f5222d'}
        format={(p) => `${p}%`}
        style={{ margin: 0 }}
      />
    </Tooltip>
  );
}

/** 督办统计: per unit, tasks assigned in a period and the on-time rate of each 13710 stage (for 考核). */
export function TaskStatsPage() {
  const { t } = useI18n();
  const can = useCan();
  const [state, update] = useUrlState(KEYS);
  const from = state.from ?? dayjs().startOf('year').format(DATE);
  const to = state.to ?? dayjs().format(DATE);
  const { data, isFetching, error } = useTaskStats({ from, to });

  const columns: ColumnsType<TaskStatsUnit> = [
    { title: t('task.unit'), dataIndex: 'unitName', fixed: 'left', ellipsis: true },
    { title: t('task.stats.assigned'), dataIndex: 'assigned', width: 92, align: 'right' },
    { title: t('task.stats.closed'), dataIndex: 'closed', width: 92, align: 'right' },
    { title: t('task.stats.extended'), dataIndex: 'extended', width: 92, align: 'right' },
    ...STAGES.map((s): ColumnsType<TaskStatsUnit>[number] => ({
      title: t(s.label),
      key: s.stage,
      width: 150,
      render: (_, r) => <Rate value={r[s.rate] as number | null} counts={r.counts[s.stage]} />,
    })),
  ];

  return (
    <>
      <PageHeader
        title={t('nav.taskStats')}
        extra={
          can('task.export') ? (
            <ExportButton path={'/api/tasks/stats/export'} query={{ format: 'xlsx', from, to }} filename={`task-stats-${from}-${to}.xlsx`} />
          ) : null
        }
      >
        <Typography.Text type="secondary">{t('task.stats.hint')}</Typography.Text>
      </PageHeader>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <PeriodPicker from={from} to={to} onChange={update} />
      </Flex>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Table<TaskStatsUnit>
          rowKey="unitName"
          size="small"
          bordered
          columns={columns}
          dataSource={data?.units ?? []}
          loading={isFetching}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.stats.none')} /> }}
        />
        <div style={{ marginTop: 8 }}>
          <Source text={DEADLINE_13710_SOURCE} />
        </div>
      </Card>
    </>
  );
}
