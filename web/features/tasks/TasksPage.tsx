import { BarChartOutlined, DashboardOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Segmented, Select, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { UrlSearch } from '../../components/UrlSearch';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { useUrlPaging } from '../../lib/url-paging';
import { useUrlState } from '../../lib/url-state';
import { TASK_FILTER_KEYS, TASK_SIDES, TASK_STATUSES, type TaskSide, type TTaskSummary, useTasks } from './api';
import { AssigneeLine, ComplexityTag, sourceName, TaskStatusTag } from './labels';

const KEYS = [...TASK_FILTER_KEYS, 'page', 'pageSize'] as const;

/** 督办事项: the tasks the user's unit issued, was assigned or oversees; filters kept in the URL. */
export function TasksPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [state, update] = useUrlState(KEYS);
  const paging = useUrlPaging(state, update);
  const { page, pageSize } = paging;
  const side: TaskSide = TASK_SIDES.includes(state.side as TaskSide) ? (state.side as TaskSide) : 'all';
  const { data, isFetching, error } = useTasks({ side, q: state.q, status: state.status, overdue: state.overdue, page, pageSize });

  const columns: ColumnsType<TTaskSummary> = [
    {
      title: t('task.code'),
      dataIndex: 'code',
      width: 124,
      render: (v: string, r) => (
        <Flex vertical gap={2} align="flex-start">
          <Link to={`/tasks/${r.id}`}>{v}</Link>
          <TaskStatusTag status={r.status} />
        </Flex>
      ),
    },
    {
      title: t('task.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (v: string, r) => <Link to={`/tasks/${r.id}`}>{v}</Link>,
    },
    {
      title: t('task.source'),
      dataIndex: 'source',
      width: 132,
      render: (_: string, r) => (
        <Flex vertical gap={2} align="flex-start">
          {r.sourceRef ? (
            <Tooltip title={r.sourceRef}>
              <span>{sourceName(r.source, t)}</span>
            </Tooltip>
          ) : (
            <span>{sourceName(r.source, t)}</span>
          )}
          <ComplexityTag complexity={r.complexity} />
        </Flex>
      ),
    },
    { title: t('task.issuer'), dataIndex: 'issuerName', width: 140, ellipsis: true },
    {
      title: t('task.assignees'),
      key: 'assignees',
      width: 250,
      render: (_, r) => (
        <Flex vertical gap={2}>
          {r.assignees.map((a) => (
            <AssigneeLine key={a.id} a={a} />
          ))}
        </Flex>
      ),
    },
    { title: t('task.assignedAt'), dataIndex: 'assignedAt', width: 136, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.taskList')}
        extra={
          <>
            {can('task.issue') ? (
              <Button type="primary" icon={<SendOutlined />} onClick={() => navigate('/tasks/new')}>
                {t('task.issue')}
              </Button>
            ) : null}
            <Button icon={<DashboardOutlined />} onClick={() => navigate('/tasks/board')}>
              {t('nav.taskBoard')}
            </Button>
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/tasks/stats')}>
              {t('nav.taskStats')}
            </Button>
          </>
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented<TaskSide>
          value={side}
          onChange={(v) => update({ side: v === 'all' ? undefined : v })}
          options={TASK_SIDES.map((s) => ({ value: s, label: t(`task.side.${s}`) }))}
        />
        <UrlSearch value={state.q} placeholder={t('task.searchPlaceholder')} onSearch={(q) => update({ q })} style={{ width: 240 }} />
        <Select
          value={state.status}
          allowClear
          placeholder={t('field.status')}
          options={TASK_STATUSES.map((s) => ({ value: s, label: t(`task.status.${s}`) }))}
          onChange={(status?: string) => update({ status })}
          style={{ width: 130 }}
        />
        <Checkbox checked={state.overdue === 'true'} onChange={(e) => update({ overdue: e.target.checked ? 'true' : undefined })}>
          {t('task.onlyOverdue')}
        </Checkbox>
      </Flex>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Table<TTaskSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 980 }}
        {...paging.tableProps<TTaskSummary>(data?.total)}
      />
    </>
  );
}
