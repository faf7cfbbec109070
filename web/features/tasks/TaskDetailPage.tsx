import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  CheckOutlined,
  ClockCircleOutlined,
  CloseOutlined,
  FieldTimeOutlined,
  MessageOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, type DescriptionsProps, Flex, Progress, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { AttachmentList } from '../../components/Attachments';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { Timeline, type TimelineEvent } from '../../components/Timeline';
import { type MessageKey, useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { type StepAction, type TAssigneeDetail, type TExtension, type TTaskDetail, type TTaskEvent, useTask } from './api';
import { DecideExtensionModal, RequestExtensionModal } from './ExtensionModals';
import { AssigneeStatusTag, beijingDay, ComplexityTag, EscalationTag, formatDue, RoleTag, StateDot, sourceName, TaskStatusTag } from './labels';
import { StepModal } from './StepModal';

const pre = (s: string | null | undefined) => <span style={{ whiteSpace: 'pre-wrap' }}>{s || '—'}</span>;

const EVENT_LABELS: Record<string, MessageKey> = {
  assign: 'task.event.assign',
  deploy: 'task.action.deploy',
  feedback: 'task.action.feedback',
  resolve: 'task.action.resolve',
  accept: 'task.action.accept',
  return: 'task.action.return',
  requestExtension: 'task.requestExtension',
  approveExtension: 'task.approveExtension',
  refuseExtension: 'task.refuseExtension',
};

const EVENT_COLORS: Record<string, string> = {
  assign: 'blue',
  deploy: 'blue',
  feedback: 'cyan',
  resolve: 'green',
  accept: 'green',
  return: 'red',
  requestExtension: 'orange',
  approveExtension: 'green',
  refuseExtension: 'red',
};

/** The kit's timeline has fewer colours than the tags: feedback's cyan shows as blue. */
function timelineColor(c: string | undefined): TimelineEvent['color'] {
  return c === 'green' || c === 'red' || c === 'orange' || c === 'blue' ? c : c === 'cyan' ? 'blue' : 'gray';
}

/** One 13710 due point: when it falls, and whether it was met (late in red). */
function DuePoint({ label, due, doneAt, now: nowIso, extra }: { label: string; due: string; doneAt: string | null; now: string; extra?: ReactNode }) {
  const { t } = useI18n();
  const now = Date.parse(nowIso);
  const late = doneAt ? Date.parse(doneAt) > Date.parse(due) : Date.parse(due) < now;
  const status = doneAt ? (
    <Typography.Text type={late ? 'danger' : 'success'} style={{ fontSize: 12 }}>
      {late ? <ClockCircleOutlined /> : <CheckCircleOutlined />} {t(late ? 'task.doneLate' : 'task.doneOnTime', { at: formatDateTime(doneAt) })}
    </Typography.Text>
  ) : (
    <Typography.Text type={late ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
      {t(late ? 'task.pendingOverdue' : 'task.pending')}
    </Typography.Text>
  );
  return (
    <div
      style={{
        padding: '6px 10px',
        border: `1px solid ${late ? '#ffccc7' : doneAt ? '#d9f7be' : '#f0f0f0'}`,
        background: late ? '#fff2f0' : doneAt ? '#f6ffed' : '#fafafa',
        borderRadius: 4,
        height: '100%',
      }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {label}
      </Typography.Text>
      <Typography.Text strong type={late ? 'danger' : undefined}>
        {formatDue(due)}
      </Typography.Text>
      <div>{status}</div>
      {extra}
    </div>
  );
}

function latestProgress(events: TTaskEvent[]): number | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const p = events[i]?.progress;
    if (typeof p === 'number') return p;
  }
  return null;
}

function AssigneeCard({
  task,
  a,
  onStep,
  onRequestExtension,
  onDecide,
}: {
  task: TTaskDetail;
  a: TAssigneeDetail;
  onStep: (action: StepAction) => void;
  onRequestExtension: () => void;
  onDecide: (approve: boolean) => void;
}) {
  const { t } = useI18n();
  const ab = a.abilities;
  // The last reported progress, while the work is under way (办结 means done, whatever was last reported).
  const progress = a.status === 'resolved' || a.status === 'closed' ? null : latestProgress(a.events);
  const pending = a.extensions.find((e) => e.status === 'pending');
  const extended = a.resolveDue !== a.originalResolveDue;
  const buttons: ReactNode[] = [];
  if (ab.deploy)
    buttons.push(
      <Button key="deploy" type="primary" icon={<SendOutlined />} onClick={() => onStep('deploy')}>
        {t('task.action.deploy')}
      </Button>,
    );
  if (ab.feedback)
    buttons.push(
      <Button key="feedback" type={ab.deploy ? 'default' : 'primary'} icon={<MessageOutlined />} onClick={() => onStep('feedback')}>
        {t('task.action.feedback')}
      </Button>,
    );
  if (ab.resolve)
    buttons.push(
      <Button key="resolve" icon={<CheckOutlined />} onClick={() => onStep('resolve')}>
        {t('task.action.resolve')}
      </Button>,
    );
  if (ab.accept)
    buttons.push(
      <Button key="accept" type="primary" icon={<SafetyCertificateOutlined />} onClick={() => onStep('accept')}>
        {t('task.action.accept')}
      </Button>,
    );
  if (ab.return)
    buttons.push(
      <Button key="return" danger icon={<RollbackOutlined />} onClick={() => onStep('return')}>
        {t('task.action.return')}
      </Button>,
    );
  if (ab.requestExtension)
    buttons.push(
      <Button key="ext" icon={<FieldTimeOutlined />} onClick={onRequestExtension}>
        {t('task.requestExtension')}
      </Button>,
    );

  return (
    <Card
      size="small"
      style={{ marginBottom: 16, borderColor: a.state === 'overdue' ? '#ffa39e' : undefined }}
      title={
        <Space size={8} wrap>
          <StateDot state={a.state} />
          <span>{a.unitName}</span>
          <RoleTag role={a.role} />
          <AssigneeStatusTag status={a.status} />
          <EscalationTag level={a.escalation} />
        </Space>
      }
      extra={
        buttons.length ? (
          <Flex gap={8} wrap justify="flex-end">
            {buttons}
          </Flex>
        ) : null
      }
    >
      {pending ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('task.pendingExtension', { due: formatDue(pending.requestedDue) })}
          description={
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>{pending.reason}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {pending.requestedBy} · {formatDateTime(pending.requestedAt)}
              </Typography.Text>
            </>
          }
          action={
            ab.decideExtension ? (
              <Space orientation="vertical" size={4}>
                <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => onDecide(true)}>
                  {t('task.approveExtension')}
                </Button>
                <Button size="small" danger icon={<CloseOutlined />} onClick={() => onDecide(false)}>
                  {t('task.refuseExtension')}
                </Button>
              </Space>
            ) : null
          }
        />
      ) : null}
      <Row gutter={[8, 8]}>
        <Col xs={24} md={8}>
          <DuePoint label={t('task.due.deploy')} due={a.deployDue} doneAt={a.deployedAt} now={task.now} />
        </Col>
        <Col xs={24} md={8}>
          <DuePoint label={t('task.due.feedback')} due={a.feedbackDue} doneAt={a.firstFeedbackAt} now={task.now} />
        </Col>
        <Col xs={24} md={8}>
          <DuePoint
            label={t(task.complexity === 'major' ? 'task.due.resolveMonth' : 'task.due.resolve7')}
            due={a.resolveDue}
            doneAt={a.resolvedAt}
            now={task.now}
            extra={
              extended ? (
                <Typography.Text type="warning" style={{ fontSize: 12 }}>
                  {t('task.extendedFrom', { due: beijingDay(a.originalResolveDue) })}
                </Typography.Text>
              ) : null
            }
          />
        </Col>
      </Row>
      <Flex gap={24} wrap style={{ marginTop: 12 }} align="center">
        {progress !== null ? (
          <Space size={8}>
            <Typography.Text type="secondary">{t('task.progress')}</Typography.Text>
            <Progress percent={progress} size="small" style={{ width: 180, margin: 0 }} />
          </Space>
        ) : null}
        {a.closedAt ? (
          <Typography.Text type="success">
            <SafetyCertificateOutlined /> {t('task.closedAt', { at: formatDateTime(a.closedAt) })}
          </Typography.Text>
        ) : null}
      </Flex>
      {a.plan?.length ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('task.plan')}</Typography.Text>
          <Table
            size="small"
            rowKey={(m) => `${m.date}-${m.milestone}`}
            pagination={false}
            style={{ marginTop: 4 }}
            dataSource={[...a.plan].sort((x, y) => x.date.localeCompare(y.date))}
            columns={[
              { title: t('task.milestoneDate'), dataIndex: 'date', width: 130 },
              { title: t('task.milestone'), dataIndex: 'milestone' },
            ]}
          />
        </div>
      ) : null}
    </Card>
  );
}

function EventsCard({ task }: { task: TTaskDetail }) {
  const { t } = useI18n();
  const unitOf = new Map(task.assignees.map((a) => [a.id, a.unitName]));
  const order = new Map(task.assignees.map((a, i) => [a.id, i]));
  // Oldest first; steps at the same instant (the assignment) in the units' order, lead first.
  const events = task.assignees
    .flatMap((a) => a.events)
    .sort((x, y) => x.at.localeCompare(y.at) || (order.get(x.assigneeId) ?? 0) - (order.get(y.assigneeId) ?? 0));
  return (
    <Card size="small" title={t('task.events')} style={{ marginBottom: 16 }}>
      <Timeline
        events={events.map((e) => ({
          key: e.id,
          action: (
            <Space size={6} wrap>
              <Tag color={EVENT_COLORS[e.action] ?? 'default'}>{EVENT_LABELS[e.action] ? t(EVENT_LABELS[e.action] as MessageKey) : e.action}</Tag>
              <Typography.Text strong>{unitOf.get(e.assigneeId) ?? ''}</Typography.Text>
              {typeof e.progress === 'number' ? <Tag>{t('task.progressN', { n: e.progress })}</Tag> : null}
            </Space>
          ),
          at: e.at,
          actor: e.actorName,
          // The assignment's comment repeats the task's content.
          note: e.action === 'assign' ? null : e.comment,
          extra: <AttachmentList ids={e.evidence} />,
          color: timelineColor(EVENT_COLORS[e.action]),
        }))}
      />
    </Card>
  );
}

function ExtensionsCard({ task }: { task: TTaskDetail }) {
  const { t } = useI18n();
  const rows = task.assignees.flatMap((a) => a.extensions.map((e) => ({ ...e, unitName: a.unitName })));
  const colors: Record<string, string> = { pending: 'orange', approved: 'green', refused: 'red' };
  const columns: ColumnsType<TExtension & { unitName: string }> = [
    { title: t('task.unit'), dataIndex: 'unitName', width: 150, ellipsis: true },
    { title: t('task.requestedDue'), dataIndex: 'requestedDue', width: 130, render: (v: string) => formatDue(v) },
    { title: t('task.extensionReason'), dataIndex: 'reason', render: (v: string) => pre(v) },
    {
      title: t('task.requestedBy'),
      key: 'requested',
      width: 170,
      render: (_, r) => (
        <>
          <div>{r.requestedBy}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(r.requestedAt)}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('task.decision'),
      key: 'decision',
      width: 220,
      render: (_, r) => (
        <>
          <Tag color={colors[r.status] ?? 'default'}>{t(`task.extensionStatus.${r.status}`)}</Tag>
          {r.decidedBy ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.decidedBy} · {formatDateTime(r.decidedAt)}
            </Typography.Text>
          ) : null}
          {r.decisionComment ? <div style={{ whiteSpace: 'pre-wrap' }}>{r.decisionComment}</div> : null}
        </>
      ),
    },
  ];
  return (
    <Card size="small" title={t('task.extensions')} style={{ marginBottom: 16 }}>
      <Table size="small" rowKey="id" pagination={false} columns={columns} dataSource={rows} scroll={{ x: 800 }} />
    </Card>
  );
}

/** 督办事项详情: the task, each unit's due points and steps, the timeline and the extension requests. */
export function TaskDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const { data, isLoading, error } = useTask(id);
  const [step, setStep] = useState<{ assignee: TAssigneeDetail; action: StepAction } | null>(null);
  const [extending, setExtending] = useState<TAssigneeDetail | null>(null);
  const [deciding, setDeciding] = useState<{ assignee: TAssigneeDetail; approve: boolean } | null>(null);
  const back = () => (location.key === 'default' ? navigate('/tasks') : navigate(-1));

  if (isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (error || !data) return <LoadFailed error={error} />;
  const d = data.data;
  const hasExtensions = d.assignees.some((a) => a.extensions.length);
  const items: DescriptionsProps['items'] = [
    { key: 'source', label: t('task.source'), children: sourceName(d.source, t) },
    { key: 'sourceRef', label: t('task.sourceRef'), children: d.sourceRef || '—' },
    { key: 'complexity', label: t('task.complexity'), children: <ComplexityTag complexity={d.complexity} /> },
    { key: 'dayKind', label: t('task.dayKind'), children: t(d.dayKind === 'working' ? 'task.dayKind.working' : 'task.dayKind.calendar') },
    { key: 'issuer', label: t('task.issuer'), children: d.issuerName },
    { key: 'assignedAt', label: t('task.assignedAt'), children: formatDateTime(d.assignedAt) },
  ];

  return (
    <>
      <PageHeader
        title={
          <Space size={8} wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('common.back')} />
            <Tag style={{ fontSize: 14, padding: '2px 8px' }}>{d.code}</Tag>
            <span>{d.title}</span>
            <TaskStatusTag status={d.status} />
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('task.overview')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} />
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 8 }}>{pre(d.content)}</Typography.Paragraph>
            <AttachmentList ids={d.attachments} />
            <Source text={d.source13710} />
          </Card>
          {d.assignees.map((a) => (
            <AssigneeCard
              key={a.id}
              task={d}
              a={a}
              onStep={(action) => setStep({ assignee: a, action })}
              onRequestExtension={() => setExtending(a)}
              onDecide={(approve) => setDeciding({ assignee: a, approve })}
            />
          ))}
        </Col>
        <Col xs={24} xl={9}>
          <EventsCard task={d} />
        </Col>
      </Row>
      {hasExtensions ? <ExtensionsCard task={d} /> : null}
      <StepModal task={d} target={step} onClose={() => setStep(null)} />
      <RequestExtensionModal task={d} assignee={extending} onClose={() => setExtending(null)} />
      <DecideExtensionModal task={d} target={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}
