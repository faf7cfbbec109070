import { ArrowLeftOutlined, FormOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Flex, Modal, Progress, Result, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { pickName, useI18n } from '../../i18n';
import { ApiError, errorMessage } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { AssigneeStatusTag, formatDue, IssueTaskForm, TaskStatusTag } from '../tasks';
import { type PlanItemDetail, type TIndicator, type TItemTask, type TShortfall, usePlanItem } from './api';
import { IndicatorStatusTag, REGISTERS_OF, SHORTFALL_TARGET, STATUS_HEX } from './labels';

type Indicator = TIndicator & { shortfalls: TShortfall[] };

function IndicatorCard({ ind, plan }: { ind: Indicator; plan: PlanItemDetail['plan'] }) {
  const { t, locale } = useI18n();
  const can = useCan();
  const target = SHORTFALL_TARGET[ind.key];
  const linkable = target && can(target.permission);
  const registers = REGISTERS_OF[ind.key];
  const columns: ColumnsType<TShortfall> = [
    {
      title: t('plan.shortfallUnit'),
      dataIndex: 'name',
      width: 280,
      render: (name: string, r) => (linkable && r.id ? <Link to={`${target.path}/${r.id}`}>{name}</Link> : name),
    },
    { title: t('plan.shortfallDetail'), dataIndex: 'detail', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
  ];
  return (
    <Card
      size="small"
      style={{ marginBottom: 16, borderInlineStart: `3px solid ${STATUS_HEX[ind.status]}` }}
      title={
        <Space size={8} wrap>
          <span>{pickName(locale, ind.name, ind.nameEn)}</span>
          <IndicatorStatusTag status={ind.status} />
        </Space>
      }
      extra={
        registers && (can('workplan.read') || can('register.write')) ? (
          <Flex gap={8} wrap>
            {registers.map((k) => (
              <Link key={k} to={`/registers?kind=${k}&year=${plan.year}`}>
                <Button size="small" icon={<FormOutlined />}>
                  {t('plan.openRegister', { kind: t(`register.kind.${k}`) })}
                </Button>
              </Link>
            ))}
          </Flex>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'target', label: t('plan.target'), children: ind.target, span: 2 },
          {
            key: 'value',
            label: t('plan.value'),
            children: (
              <Space size={12} wrap>
                <Typography.Text strong>{ind.display}</Typography.Text>
                {ind.value !== null && ind.unit === 'percent' ? (
                  <Progress percent={ind.value} size="small" strokeColor={STATUS_HEX[ind.status]} style={{ width: 160, margin: 0 }} />
                ) : null}
              </Space>
            ),
          },
          { key: 'short', label: t('plan.shortfallCount'), children: ind.shortfallCount },
        ]}
      />
      <div style={{ margin: '4px 0 8px' }}>
        <Source text={ind.quote ? `${plan.document}：「${ind.quote}」` : plan.document} />
      </div>
      {ind.shortfalls.length ? (
        <Table<TShortfall>
          size="small"
          rowKey={(r) => `${r.id ?? ''}-${r.name}-${r.detail}`}
          columns={columns}
          dataSource={ind.shortfalls}
          pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
        />
      ) : ind.status === 'grey' ? (
        <Typography.Text type="secondary">{t('plan.noData')}</Typography.Text>
      ) : null}
    </Card>
  );
}

function TasksCard({ detail, onIssue }: { detail: PlanItemDetail; onIssue: (() => void) | null }) {
  const { t } = useI18n();
  const columns: ColumnsType<TItemTask> = [
    {
      title: t('task.title'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <>
          <Space size={6} wrap>
            <Link to={`/tasks/${r.id}`}>{r.code}</Link>
            <TaskStatusTag status={r.status} />
          </Space>
          <div>
            <Link to={`/tasks/${r.id}`}>{v}</Link>
          </div>
        </>
      ),
    },
    {
      title: t('task.assignees'),
      key: 'units',
      width: '55%',
      render: (_, r) => (
        <Flex vertical gap={2}>
          {r.units.map((u) => (
            <Space key={u.unitName} size={6} wrap>
              <span>{u.unitName}</span>
              <AssigneeStatusTag status={u.status} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('task.resolveBy', { due: formatDue(u.resolveDue) })}
              </Typography.Text>
            </Space>
          ))}
        </Flex>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={t('plan.linkedTasks')}
      style={{ marginBottom: 16 }}
      extra={
        onIssue ? (
          <Button type="primary" size="small" icon={<SendOutlined />} onClick={onIssue}>
            {t('plan.issueTask')}
          </Button>
        ) : null
      }
    >
      <Table<TItemTask>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={detail.tasks}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plan.noTasks')} /> }}
      />
    </Card>
  );
}

/** One item of the notice: its text, each indicator with who falls short, and the 督办 tasks that carry it out. */
export function PlanItemPage() {
  const { id, itemId } = useParams();
  const { t, locale } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const location = useLocation();
  const { data, isLoading, error } = usePlanItem(id, itemId);
  const [issuing, setIssuing] = useState(false);
  const back = () => (location.key === 'default' ? navigate(`/plans?plan=${id}`) : navigate(-1));

  if (isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (error || !data) {
    const notFound = error instanceof ApiError && error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={notFound ? '404' : t('common.loadFailed')} subTitle={errorMessage(error)} />;
  }
  const { item, plan } = data;
  const sourceRef = `${plan.document} 第${item.number}条`;

  return (
    <>
      <PageHeader
        title={
          <Space size={8} wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('common.back')} />
            <span>{t('plan.itemNo', { n: item.number })}</span>
            <span>{pickName(locale, item.title, item.titleEn)}</span>
            <IndicatorStatusTag status={item.status} />
          </Space>
        }
      >
        <Space size={12} wrap>
          <Typography.Text type="secondary">{item.section}</Typography.Text>
          <Source text={`${plan.title}（${plan.document}）`} />
        </Space>
      </PageHeader>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('plan.text')} style={{ marginBottom: 16 }}>
            {locale === 'en-US' ? (
              <Typography.Paragraph strong style={{ marginBottom: 8 }}>
                {item.titleEn}
              </Typography.Paragraph>
            ) : null}
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.text}</Typography.Paragraph>
            <Descriptions
              size="small"
              column={1}
              items={[{ key: 'units', label: t('plan.responsibleUnits'), children: item.responsibleUnits.map((u) => <Tag key={u}>{u}</Tag>) }]}
            />
          </Card>
          <TasksCard detail={data} onIssue={can('task.issue') ? () => setIssuing(true) : null} />
        </Col>
        <Col xs={24} xl={14}>
          {item.indicators.map((ind) => (
            <IndicatorCard key={ind.key} ind={ind} plan={plan} />
          ))}
        </Col>
      </Row>
      <Modal open={issuing} title={t('plan.issueTaskFor', { ref: sourceRef })} onCancel={() => setIssuing(false)} footer={null} width={1040} destroyOnHidden>
        <IssueTaskForm
          endpoint={`/api/plans/${plan.id}/items/${item.id}/tasks`}
          lockSource
          initialValues={{ title: item.title, content: item.text.slice(0, 4000), source: 'noticeItem', sourceRef }}
          onIssued={() => setIssuing(false)}
          onCancel={() => setIssuing(false)}
        />
      </Modal>
    </>
  );
}
