import { CloseCircleOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { type MessageKey, useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useUrlState } from '../../lib/url-state';
import { type BoardItem, type BoardTotals, type BoardUnit, useTaskBoard } from './api';
import { AssigneeStatusTag, EscalationTag, formatDue, RoleTag, StateDot } from './labels';

type CardKey = keyof BoardTotals;
const CARDS: { key: CardKey; label: MessageKey; color?: string }[] = [
  { key: 'open', label: 'task.board.open' },
  { key: 'dueSoon', label: 'task.board.dueSoon', color: '#d46b08' },
  { key: 'overdue', label: 'task.board.overdue', color: '#cf1322' },
  { key: 'noticed', label: 'task.board.noticed', color: '#a8071a' },
];
const KEYS = ['card', 'unit'] as const;

const matches = (card: CardKey, i: BoardItem) =>
  card === 'open' ? true : card === 'dueSoon' ? i.state === 'dueSoon' : card === 'overdue' ? i.state === 'overdue' : i.escalation >= 3;

/** The next due point the unit has not met yet. */
function nextDue(i: BoardItem): { key: MessageKey; due: string } | null {
  if (!i.deployedAt) return { key: 'task.due.deploy', due: i.deployDue };
  if (!i.firstFeedbackAt) return { key: 'task.due.feedback', due: i.feedbackDue };
  if (!i.resolvedAt) return { key: 'task.due.resolve', due: i.resolveDue };
  return null;
}

const red = (n: number) =>
  n ? (
    <Typography.Text type="danger" strong>
      {n}
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary">0</Typography.Text>
  );

/** 督办看板: open assignments in scope, due soon, overdue and 通报, by unit, drilling down to the items. */
export function TaskBoardPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [state, update] = useUrlState(KEYS);
  const { data, isFetching, error } = useTaskBoard();
  const card: CardKey = CARDS.some((c) => c.key === state.card) ? (state.card as CardKey) : 'open';
  const items = (data?.items ?? []).filter((i) => matches(card, i) && (!state.unit || i.unitName === state.unit));

  const unitColumns: ColumnsType<BoardUnit> = [
    {
      title: t('task.unit'),
      dataIndex: 'unitName',
      ellipsis: true,
      render: (v: string) => (
        <Typography.Link strong={state.unit === v} onClick={() => update({ unit: state.unit === v ? undefined : v })}>
          {v}
        </Typography.Link>
      ),
    },
    { title: t('task.board.open'), dataIndex: 'open', width: 140, align: 'right' },
    {
      title: t('task.board.dueSoonShort'),
      dataIndex: 'dueSoon',
      width: 140,
      align: 'right',
      render: (v: number) => (v ? <Typography.Text type="warning">{v}</Typography.Text> : <Typography.Text type="secondary">0</Typography.Text>),
    },
    { title: t('task.board.overdue'), dataIndex: 'overdue', width: 140, align: 'right', render: red },
    { title: t('task.board.noticed'), dataIndex: 'noticed', width: 140, align: 'right', render: red },
  ];

  const itemColumns: ColumnsType<BoardItem> = [
    { title: '', key: 'dot', width: 36, render: (_, r) => <StateDot state={r.state} /> },
    { title: t('task.code'), dataIndex: 'code', width: 122, render: (v: string, r) => <Link to={`/tasks/${r.taskId}`}>{v}</Link> },
    { title: t('task.title'), dataIndex: 'title', width: 200, ellipsis: true, render: (v: string, r) => <Link to={`/tasks/${r.taskId}`}>{v}</Link> },
    {
      title: t('task.unit'),
      dataIndex: 'unitName',
      width: 190,
      render: (v: string, r) => (
        <Flex gap={4} align="center" wrap>
          <span>{v}</span>
          <RoleTag role={r.role} />
        </Flex>
      ),
    },
    { title: t('field.status'), dataIndex: 'status', width: 110, render: (v: string) => <AssigneeStatusTag status={v} /> },
    {
      title: t('task.nextDue'),
      key: 'next',
      width: 170,
      render: (_, r) => {
        const n = nextDue(r);
        if (!n) return <Typography.Text type="secondary">{t('task.awaitingAccept')}</Typography.Text>;
        return (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {t(n.key)}
            </Typography.Text>
            <Typography.Text type={r.state === 'overdue' ? 'danger' : r.state === 'dueSoon' ? 'warning' : undefined}>{formatDue(n.due)}</Typography.Text>
          </>
        );
      },
    },
    { title: t('task.escalation'), dataIndex: 'escalation', width: 100, render: (v: number) => <EscalationTag level={v} /> },
    { title: t('task.issuer'), dataIndex: 'issuerName', width: 140, ellipsis: true },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.taskBoard')}
        extra={
          <Button icon={<UnorderedListOutlined />} onClick={() => navigate('/tasks')}>
            {t('nav.taskList')}
          </Button>
        }
      >
        <Source text={data?.source} />
      </PageHeader>
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {CARDS.map((c) => (
          <Col key={c.key} xs={12} md={6}>
            <Card
              hoverable
              size="small"
              onClick={() => update({ card: c.key === 'open' ? undefined : c.key })}
              style={card === c.key ? { borderColor: c.color ?? '#1677ff', boxShadow: `0 0 0 1px ${c.color ?? '#1677ff'}` } : undefined}
            >
              <Statistic
                title={t(c.label)}
                value={data?.totals[c.key] ?? '—'}
                loading={isFetching && !data}
                styles={{ content: c.color && data?.totals[c.key] ? { color: c.color } : undefined }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('task.board.byUnit')} style={{ marginBottom: 16 }}>
        <Table<BoardUnit>
          rowKey="unitName"
          size="small"
          columns={unitColumns}
          dataSource={data?.units ?? []}
          loading={isFetching}
          pagination={false}
          scroll={{ x: 760 }}
          onRow={(r) => ({ style: state.unit === r.unitName ? { background: '#e6f4ff' } : undefined })}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.board.none')} /> }}
        />
      </Card>
      <Card
        size="small"
        title={
          <Flex gap={8} align="center" wrap>
            <span>{t('task.board.items')}</span>
            <Tag color={card === 'open' ? 'blue' : 'red'}>{t(CARDS.find((c) => c.key === card)?.label ?? 'task.board.open')}</Tag>
            {state.unit ? (
              <Tag closable closeIcon={<CloseCircleOutlined />} onClose={() => update({ unit: undefined })}>
                {state.unit}
              </Tag>
            ) : null}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {t('common.total', { total: items.length })}
            </Typography.Text>
          </Flex>
        }
        style={{ marginBottom: 16 }}
      >
        <Table<BoardItem>
          rowKey="id"
          size="small"
          columns={itemColumns}
          dataSource={items}
          loading={isFetching}
          scroll={{ x: 1068 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.board.none')} /> }}
        />
      </Card>
    </>
  );
}
