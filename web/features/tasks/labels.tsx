import { Badge, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { toShanghaiDate } from '../../../common/rules/calendar/working-days';
import { type Translate, useI18n } from '../../i18n';
import type { AssigneeRole, AssigneeState, AssigneeStatus, Complexity, TAssigneeSummary, TaskSource, TaskStatus } from './api';

export const STATE_COLORS: Record<AssigneeState, string> = { onTrack: '#52c41a', dueSoon: '#fa8c16', overdue: '#f5222d', done: '#bfbfbf' };

const KNOWN_SOURCES = new Set<string>(['meeting', 'document', 'leaderInstruction', 'noticeItem', 'threeYear', 'alarm']);

export function sourceName(source: TaskSource | string, t: Translate): string {
  return KNOWN_SOURCES.has(source) ? t(`task.source.${source as TaskSource}`) : source;
}

/** 一般 / 重大复杂 (7 days / 1 month). */
export function ComplexityTag({ complexity }: { complexity: Complexity }) {
  const { t } = useI18n();
  return <Tag color={complexity === 'major' ? 'volcano' : 'default'}>{t(complexity === 'major' ? 'task.complexity.major' : 'task.complexity.general')}</Tag>;
}

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useI18n();
  return <Tag color={status === 'closed' ? 'default' : 'processing'}>{t(status === 'closed' ? 'task.status.closed' : 'task.status.open')}</Tag>;
}

const ASSIGNEE_STATUS_COLORS: Record<AssigneeStatus, string> = {
  received: 'orange',
  deployed: 'blue',
  inProgress: 'processing',
  resolved: 'cyan',
  closed: 'green',
};

export function AssigneeStatusTag({ status }: { status: AssigneeStatus | string }) {
  const { t } = useI18n();
  const known = status in ASSIGNEE_STATUS_COLORS;
  return (
    <Tag color={ASSIGNEE_STATUS_COLORS[status as AssigneeStatus] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {known ? t(`task.assigneeStatus.${status as AssigneeStatus}`) : status}
    </Tag>
  );
}

export function RoleTag({ role }: { role: AssigneeRole }) {
  const { t } = useI18n();
  return role === 'lead' ? (
    <Tag color="blue" style={{ marginInlineEnd: 0 }}>
      {t('task.role.lead')}
    </Tag>
  ) : (
    <Tag style={{ marginInlineEnd: 0 }}>{t('task.role.cooperate')}</Tag>
  );
}

/** The coloured dot: on track green, due within 48 h orange, overdue red, done grey. */
export function StateDot({ state, withText }: { state: AssigneeState; withText?: boolean }) {
  const { t } = useI18n();
  const label = t(`task.state.${state}`);
  return withText ? (
    <Badge color={STATE_COLORS[state]} text={label} />
  ) : (
    <Tooltip title={label}>
      <Badge color={STATE_COLORS[state]} />
    </Tooltip>
  );
}

/** Escalation by how long a due point has passed: 1 提醒, 2 预警, 3 通报 (red). */
export function EscalationTag({ level }: { level: number }) {
  const { t } = useI18n();
  if (level === 1)
    return (
      <Tag color="gold" style={{ marginInlineEnd: 0 }}>
        {t('task.escalation.1')}
      </Tag>
    );
  if (level === 2)
    return (
      <Tag color="orange" style={{ marginInlineEnd: 0 }}>
        {t('task.escalation.2')}
      </Tag>
    );
  if (level >= 3)
    return (
      <Tag color="red" variant="solid" style={{ marginInlineEnd: 0 }}>
        {t('task.escalation.3')}
      </Tag>
    );
  return null;
}

/** One unit in a list cell: dot, name, lead marker, escalation. */
export function AssigneeLine({ a }: { a: Pick<TAssigneeSummary, 'state' | 'unitName' | 'role' | 'escalation'> }) {
  const { t } = useI18n();
  return (
    <Space size={4} style={{ whiteSpace: 'nowrap' }}>
      <StateDot state={a.state} />
      <Typography.Text>{a.unitName}</Typography.Text>
      {a.role === 'lead' ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('task.role.leadShort')}
        </Typography.Text>
      ) : null}
      <EscalationTag level={a.escalation} />
    </Space>
  );
}

/** A due instant (23:59 of its day, Beijing time) shown as its day with the weekday: "2021-03-08 周一". */
export function formatDue(iso: string | null | undefined): string {
  if (!iso) return '';
  // The calculator answers in +08:00; the detail in UTC. Either way the civil day is Beijing's.
  return dayjs(beijingDay(iso)).format('YYYY-MM-DD ddd');
}

/** The civil day (Beijing) of an instant, 'YYYY-MM-DD'. */
export function beijingDay(iso: string): string {
  return toShanghaiDate(new Date(iso));
}
