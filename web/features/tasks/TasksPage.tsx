import { BarChartOutlined, DashboardOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Segmented, Select, Tooltip, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { type DataColumn, DataList } from '../../components/DataList';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { UrlSearch } from '../../components/UrlSearch';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { useListPage } from '../../lib/list-page';
import { usePhone } from '../../lib/use-phone';
import { TASK_FILTER_KEYS, TASK_SIDES, TASK_STATUSES, type TaskSide, type TTaskSummary, useTasks } from './api';
import { AssigneeLine, ComplexityTag, sourceName, TaskStatusTag } from './labels';

/** 督办事项: the tasks the user's unit issued, was assigned or oversees; filters kept in the URL. */
export function TasksPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const phone = usePhone();
  const list = useListPage(TASK_FILTER_KEYS);
  const { filters: state, setFilters: update } = list;
  const side: TaskSide = TASK_SIDES.includes(state.side as TaskSide) ? (state.side as TaskSide) : 'all';
  const { data, isFetching, error } = useTasks({ ...list.query, side });

  // On a phone each task is a card: its title, then the next due date and where each unit stands, then the rest.
  const columns: DataColumn<TTaskSummary>[] = [
    {
      title: t('task.code'),
      dataIndex: 'code',
      width: 124,
      card: false,
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
      card: 'title',
      render: (v: string, r) => <Link to={`/tasks/${r.id}`}>{v}</Link>,
    },
    {
      title: t('task.nextDue'),
      key: 'nextDue',
      card: 'lead',
      hidden: !phone,
      render: (_, r) => {
        const open = r.assignees.filter((a) => a.status !== 'closed').map((a) => a.resolveDue);
        return (
          <Flex gap={8} wrap align="center">
            <TaskStatusTag status={r.status} />
            {open.length ? <span>{`${t('task.due.resolve')} ${formatDateTime(open.sort()[0] as string)}`}</span> : null}
          </Flex>
        );
      },
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
      card: 'lead',
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
      <Segmented<TaskSide>
        style={{ marginBottom: 8 }}
        value={side}
        onChange={(v) => update({ side: v === 'all' ? undefined : v })}
        options={TASK_SIDES.map((s) => ({ value: s, label: t(`task.side.${s}`) }))}
      />
      <FilterBar list={list}>
        <UrlSearch value={state.q} placeholder={t('task.searchPlaceholder')} onSearch={(q) => update({ q })} />
        <Select
          value={state.status}
          allowClear
          placeholder={t('field.status')}
          options={TASK_STATUSES.map((s) => ({ value: s, label: t(`task.status.${s}`) }))}
          onChange={(status?: string) => update({ status })}
        />
        <Checkbox checked={state.overdue === 'true'} onChange={(e) => update({ overdue: e.target.checked ? 'true' : undefined })}>
          {t('task.onlyOverdue')}
        </Checkbox>
      </FilterBar>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <DataList<TTaskSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 980 }}
        list={list}
        total={data?.total}
      />
    </>
  );
}
