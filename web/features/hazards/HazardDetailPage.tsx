import { Alert, Button, Card, Descriptions, Empty, Flex, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { Timeline } from '../../components/Timeline';
import { useI18n } from '../../i18n';
import { ApiError, errorMessage } from '../../lib/api';
import { formatDateTime, industryName } from '../../lib/format';
import { ConfirmModal, ListModal, PlanModal, StepModal, type StepPath } from './ActionModals';
import { type HazardAbilities, type THazardDetail, type TTransition, useHazard } from './api';
import { type BulkAction, BulkModal } from './BulkModal';
import { DeadlineText, escalationName, GradeTag, HazardStatusTag } from './labels';
import { PhotoStrip } from './PhotoUpload';

type Dialog = { kind: 'confirm' | 'plan' | 'list' } | { kind: 'step'; path: StepPath } | { kind: 'bulk'; action: BulkAction };

/** One hazard: what and where, its grade and plan, 双报告 receipts, 挂牌督办, the history, and the buttons the server allows. */
export function HazardDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { data, error, isLoading } = useHazard(id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (isLoading) return <Skeleton active />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('common.notFound')} extra={<Link to="/hazards">{t('common.back')}</Link>} />;
  if (error || !data) return <Alert type="error" message={errorMessage(error)} />;
  const h = data.data;
  const a = data.abilities;
  const close = () => setDialog(null);
  return (
    <>
      <PageHeader
        title={
          <Space wrap size={[8, 4]}>
            <span>{h.title}</span>
            <HazardStatusTag status={h.status} />
            <GradeTag grade={h.grade} suggested={h.suggestedGrade} />
            {h.listed ? <Tag color="red">{t('hazard.listedShort')}</Tag> : null}
          </Space>
        }
      >
        <Typography.Text type="secondary">
          {h.code} · <Link to={`/enterprises/${h.enterpriseId}`}>{h.enterpriseName}</Link>
        </Typography.Text>
      </PageHeader>
      <ActionBar a={a} h={h} open={setDialog} />
      {h.reviewOverdue ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('hazard.reviewOverdue', { due: h.reviewDue ?? '' })} /> : null}
      {h.status === 'verified' && !h.reviewOverdue ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('hazard.reviewDue', { due: h.reviewDue ?? '' })} />
      ) : null}
      {a.filePlan && h.status === 'confirmed' && !h.plan ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('hazard.planFirst')} />
      ) : null}
      <Flex vertical gap={12}>
        <Card size="small" title={t('hazard.section.what')}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label={t('hazard.location')}>{h.location}</Descriptions.Item>
            <Descriptions.Item label={t('hazard.sourceLabel')}>
              {t(`hazard.source.${h.source}`)}
              {h.sourceRef ? ` · ${h.sourceRef}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('hazard.category')}>{t(`hazard.category.${h.category}`)}</Descriptions.Item>
            <Descriptions.Item label={t('hazard.foundAt')}>{formatDateTime(h.foundAt)}</Descriptions.Item>
            <Descriptions.Item label={t('hazard.reporter')}>{h.reporterName}</Descriptions.Item>
            <Descriptions.Item label={t('hazard.industry')}>{industryName(h.industry, 'zh-CN')}</Descriptions.Item>
            {h.lat !== null && h.lng !== null ? (
              <Descriptions.Item label={t('hazard.position')}>
                {h.lng.toFixed(6)}, {h.lat.toFixed(6)}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('hazard.rectifier')}>{h.rectifierName ?? '—'}</Descriptions.Item>
            {/* "filled" ends the row, so the description below starts its own whether or not a position is shown. */}
            <Descriptions.Item label={t('hazard.deadline')} span="filled">
              <DeadlineText deadline={h.deadline} state={h.deadlineState} escalation={h.escalation} />
              {h.originalDeadline && h.originalDeadline !== h.deadline ? (
                <Typography.Text type="secondary"> {t('hazard.originalDeadline', { d: h.originalDeadline })}</Typography.Text>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('hazard.description')} span="filled">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{h.description}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          <PhotoStrip ids={h.photos} />
        </Card>
        {h.criterion || h.majorReport ? (
          <Card size="small" title={t('hazard.section.major')}>
            {h.criterion ? (
              <Typography.Paragraph>
                <Typography.Text strong>{t('hazard.criterion')}：</Typography.Text>
                {h.criterion.code.slice(1)}. {h.criterion.zh}
                <br />
                <Source text={h.criterion.source} />
              </Typography.Paragraph>
            ) : null}
            {h.majorReport ? (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('hazard.currentState')}>{h.majorReport.currentState}</Descriptions.Item>
                <Descriptions.Item label={t('hazard.harmAnalysis')}>{h.majorReport.harmAnalysis}</Descriptions.Item>
              </Descriptions>
            ) : null}
          </Card>
        ) : null}
        {h.grade === 'major' ? <PlanCard h={h} /> : null}
        {h.dualReportedAt ? <ReceiptsCard h={h} /> : null}
        {h.listings.length ? <ListingsCard h={h} /> : null}
        <Card size="small" title={t('hazard.section.history')}>
          <Timeline
            events={h.transitions.map((tr) => ({
              key: tr.id,
              action: <StepName tr={tr} />,
              at: tr.at,
              actor: `${tr.actorName}${tr.actorUnit ? `（${tr.actorUnit}）` : ''}`,
              note: tr.comment,
              extra: <PhotoStrip ids={tr.evidence} />,
              color: tr.action.startsWith('escalate') ? 'red' : tr.toStatus === 'closed' ? 'green' : 'blue',
            }))}
          />
        </Card>
      </Flex>
      <ConfirmModal hazard={h} open={dialog?.kind === 'confirm'} onClose={close} />
      <PlanModal hazard={h} open={dialog?.kind === 'plan'} onClose={close} />
      <ListModal hazard={h} open={dialog?.kind === 'list'} onClose={close} />
      <StepModal hazard={h} path={dialog?.kind === 'step' ? dialog.path : null} onClose={close} />
      <BulkModal action={dialog?.kind === 'bulk' ? dialog.action : null} hazardId={h.id} onClose={close} />
    </>
  );
}

function ActionBar({ a, h, open }: { a: HazardAbilities; h: THazardDetail; open: (d: Dialog) => void }) {
  const { t } = useI18n();
  const steps: [keyof HazardAbilities, Dialog, boolean?][] = [
    ['confirm', { kind: 'confirm' }],
    ['filePlan', { kind: 'plan' }],
    ['rectify', { kind: 'step', path: 'rectify' }],
    ['submit', { kind: 'step', path: 'submit' }],
    ['verify', { kind: 'step', path: 'verify' }],
    ['close', { kind: 'step', path: 'close' }],
    ['list', { kind: 'list' }, true],
    ['closeListing', { kind: 'step', path: 'unlist' }],
    ['assign', { kind: 'bulk', action: 'assign' }],
    ['extend', { kind: 'bulk', action: 'extend' }],
    ['escalate', { kind: 'bulk', action: 'escalate' }, true],
    ['return', { kind: 'step', path: 'return' }, true],
    ['reject', { kind: 'step', path: 'reject' }, true],
    ['reopen', { kind: 'step', path: 'reopen' }],
  ];
  const shown = steps.filter(([k]) => a[k]);
  // The plan button reads "revise" once a plan exists; a major hazard without a plan cannot start rectification.
  if (!shown.length) return null;
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      {shown.map(([k, d, danger], i) => (
        <Button key={k} type={i === 0 ? 'primary' : 'default'} danger={danger} onClick={() => open(d)}>
          {k === 'filePlan' && h.plan ? t('hazard.action.revisePlan') : t(`hazard.ability.${k}`)}
        </Button>
      ))}
    </Flex>
  );
}

function PlanCard({ h }: { h: THazardDetail }) {
  const { t } = useI18n();
  const p = h.plan;
  return (
    <Card size="small" title={t('hazard.section.plan')}>
      {p ? (
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('hazard.plan.goals')} span={2}>
            {p.goals}
          </Descriptions.Item>
          <Descriptions.Item label={t('hazard.plan.measures')} span={2}>
            {p.measures}
          </Descriptions.Item>
          <Descriptions.Item label={t('hazard.plan.funds')}>{p.fundsYuan.toLocaleString('zh-CN')}</Descriptions.Item>
          <Descriptions.Item label={t('hazard.plan.materials')}>{p.materials}</Descriptions.Item>
          <Descriptions.Item label={t('hazard.plan.unit')}>{p.responsibleUnit}</Descriptions.Item>
          <Descriptions.Item label={t('hazard.plan.persons')}>{p.responsiblePersons}</Descriptions.Item>
          <Descriptions.Item label={t('hazard.plan.deadline')} span={p.requirements ? 1 : 'filled'}>
            {p.deadline}
          </Descriptions.Item>
          {p.requirements ? <Descriptions.Item label={t('hazard.plan.requirements')}>{p.requirements}</Descriptions.Item> : null}
          <Descriptions.Item label={t('hazard.plan.safety')} span={2}>
            {p.safetyMeasures}
          </Descriptions.Item>
          <Descriptions.Item label={t('hazard.plan.emergency')} span={2}>
            {p.emergencyPlan}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hazard.noPlan')} />
      )}
      <Source text={t('hazard.planSource')} />
    </Card>
  );
}

function ReceiptsCard({ h }: { h: THazardDetail }) {
  const { t } = useI18n();
  const read = h.receipts.filter((r) => r.readAt).length;
  return (
    <Card
      size="small"
      title={t('hazard.section.dualReport')}
      extra={<Typography.Text type="secondary">{t('hazard.receipts.read', { read, total: h.receipts.length })}</Typography.Text>}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('hazard.dualReportedAt', { at: formatDateTime(h.dualReportedAt) })}
      </Typography.Paragraph>
      <Table
        rowKey={(r) => `${r.to}-${r.displayName}-${r.sentAt}`}
        size="small"
        pagination={false}
        scroll={{ x: 340 }}
        dataSource={h.receipts}
        columns={[
          { title: t('hazard.receipts.to'), dataIndex: 'to', width: 96, render: (v: 'regulator' | 'worker') => t(`hazard.receipts.${v}`) },
          { title: t('hazard.receipts.who'), dataIndex: 'displayName' },
          {
            title: t('hazard.receipts.readAt'),
            dataIndex: 'readAt',
            width: 136,
            render: (v: string | null) => (v ? formatDateTime(v) : <Tag>{t('hazard.receipts.unread')}</Tag>),
          },
        ]}
      />
    </Card>
  );
}

function ListingsCard({ h }: { h: THazardDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('hazard.section.listings')}>
      {h.listings.map((l) => (
        <Descriptions key={l.id} size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }}>
          <Descriptions.Item label={t('hazard.listing.department')}>
            {l.departmentName} <Tag color={l.status === 'open' ? 'red' : 'default'}>{t(`hazard.listing.status.${l.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('hazard.listing.document')}>{l.documentNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('hazard.listing.supervisor')}>
            {l.supervisor}
            {l.supervisorPhone ? ` ${l.supervisorPhone}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('hazard.listing.deadline')}>{l.deadline}</Descriptions.Item>
          <Descriptions.Item label={t('hazard.listing.listedAt')} span={l.closedAt ? 1 : 'filled'}>
            {formatDateTime(l.listedAt)}
          </Descriptions.Item>
          {l.closedAt ? <Descriptions.Item label={t('hazard.listing.closedAt')}>{formatDateTime(l.closedAt)}</Descriptions.Item> : null}
          <Descriptions.Item label={t('hazard.listing.requirements')} span="filled">
            {l.requirements}
          </Descriptions.Item>
        </Descriptions>
      ))}
    </Card>
  );
}

/** A history step's name; an escalation says to which level. */
function StepName({ tr }: { tr: TTransition }) {
  const { t, locale } = useI18n();
  const known = `hazard.history.${tr.action.replace(/\d$/, '')}`;
  return (
    <Typography.Text>
      <Typography.Text strong>{t(known as 'hazard.history.report')}</Typography.Text>
      {tr.action.startsWith('escalate') && /\d$/.test(tr.action) ? ` · ${escalationName(Number(tr.action.slice(-1)), locale)}` : ''}
    </Typography.Text>
  );
}
