import { AuditOutlined, ClockCircleOutlined, ExperimentOutlined, FileDoneOutlined, GlobalOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, type DescriptionsProps, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { investigatingLevel } from '../../../common/rules/accident-investigation';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import type { TAccidentAbilities, TAccidentDetail, TAccountability } from './api';
import { InvestigationModal, type InvestigationStep, STEP_LABELS } from './InvestigationModal';
import { investigatingLevelName } from './labels';

const ICONS: Record<InvestigationStep, React.ReactNode> = {
  'start-investigation': <TeamOutlined />,
  'extend-investigation': <ClockCircleOutlined />,
  'record-appraisal': <ExperimentOutlined />,
  'submit-report': <FileDoneOutlined />,
  reply: <AuditOutlined />,
  publish: <GlobalOutlined />,
};

const pre = (s: string | null | undefined) => <span style={{ whiteSpace: 'pre-wrap' }}>{s || '—'}</span>;

function AccountabilityTable({ rows }: { rows: TAccountability[] }) {
  const { t } = useI18n();
  return (
    <Table<TAccountability>
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 720 }}
      style={{ marginTop: 12 }}
      title={() => <Typography.Text strong>{t('inv.accountability')}</Typography.Text>}
      columns={[
        { title: t('inv.subject'), dataIndex: 'subject', width: 180 },
        {
          title: t('inv.subjectKind'),
          dataIndex: 'subjectKind',
          width: 80,
          render: (k: TAccountability['subjectKind']) => <Tag>{t(k === 'unit' ? 'inv.subjectKind.unit' : 'inv.subjectKind.person')}</Tag>,
        },
        { title: t('inv.finding'), dataIndex: 'finding', render: pre },
        { title: t('inv.proposal'), dataIndex: 'proposal', render: pre },
      ]}
    />
  );
}

/** 事故调查 (Arts. 19, 29, 30, 32): the team, the deadline with extension and appraisal, the report, the 批复 and publication. */
export function InvestigationCard({ accident, abilities }: { accident: TAccidentDetail; abilities: TAccidentAbilities }) {
  const { t, locale } = useI18n();
  const [step, setStep] = useState<InvestigationStep | null>(null);
  const inv = accident.investigation;

  const button = (s: InvestigationStep, primary = false) => (
    <Button key={s} icon={ICONS[s]} type={primary ? 'primary' : 'default'} onClick={() => setStep(s)}>
      {t(STEP_LABELS[s])}
    </Button>
  );
  const buttons = [
    abilities.startInvestigation && !inv ? button('start-investigation', true) : null,
    abilities.extendInvestigation && inv && inv.extensionDays === 0 ? button('extend-investigation') : null,
    abilities.recordAppraisal ? button('record-appraisal') : null,
    abilities.submitReport ? button('submit-report', true) : null,
    abilities.reply ? button('reply', true) : null,
    abilities.publish ? button('publish', true) : null,
  ].filter(Boolean);

  let body: React.ReactNode;
  if (!inv) {
    const expected = investigatingLevel(accident.grade, {
      casualties: accident.deaths + accident.missing + accident.seriousInjuries + accident.minorInjuries > 0,
    });
    body = (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <Space orientation="vertical" size={0}>
            <span>{t('inv.none')}</span>
            <Typography.Text type="secondary">{t('inv.expectedLevel', { level: investigatingLevelName(expected.level, locale) })}</Typography.Text>
          </Space>
        }
      />
    );
  } else {
    const overdue = (
      <Space size={4} wrap>
        <span style={{ color: inv.overdue ? '#cf1322' : undefined }}>{formatDateTime(inv.due)}</span>
        {inv.overdue ? <Tag color="red">{t('common.overdue')}</Tag> : null}
      </Space>
    );
    const replyOverdue = !!inv.replyDue && !inv.repliedAt && new Date(inv.replyDue).getTime() < Date.now();
    const items: DescriptionsProps['items'] = [
      { key: 'level', label: t('inv.level'), children: investigatingLevelName(inv.level, locale) },
      { key: 'leader', label: t('inv.leader'), children: inv.leader },
      { key: 'startedAt', label: t('inv.startedAt'), children: formatDateTime(inv.startedAt) },
      {
        key: 'members',
        label: t('inv.members'),
        span: 'filled',
        children: (
          <Space size={[4, 4]} wrap>
            {inv.members.map((m) => (
              <Tag key={m}>{m}</Tag>
            ))}
          </Space>
        ),
      },
      { key: 'due', label: t('inv.due'), children: overdue },
      {
        key: 'extension',
        label: t('inv.extension'),
        children: inv.extensionDays ? t('inv.extensionValue', { days: inv.extensionDays, reason: inv.extensionReason ?? '' }) : t('inv.notExtended'),
      },
      { key: 'appraisal', label: t('inv.appraisal'), children: inv.appraisalDays ? t('inv.appraisalValue', { days: inv.appraisalDays }) : '—' },
    ];
    if (inv.report) {
      items.push(
        { key: 'submitted', label: t('inv.reportSubmittedAt'), children: formatDateTime(inv.reportSubmittedAt) },
        {
          key: 'nature',
          label: t('inv.nature'),
          children: (
            <Tag color={inv.report.nature === 'liability' ? 'red' : 'default'}>
              {t(inv.report.nature === 'liability' ? 'inv.nature.liability' : 'inv.nature.nonLiability')}
            </Tag>
          ),
        },
        {
          key: 'replyDue',
          label: t('inv.replyDue'),
          children: inv.replyDue ? (
            <Space size={4} wrap>
              <span style={{ color: replyOverdue ? '#cf1322' : undefined }}>{formatDateTime(inv.replyDue)}</span>
              {replyOverdue ? <Tag color="red">{t('common.overdue')}</Tag> : null}
            </Space>
          ) : (
            '—'
          ),
        },
        { key: 'causes', label: t('inv.causes'), span: 'filled', children: pre(inv.report.causes) },
        { key: 'measures', label: t('inv.measures'), span: 'filled', children: pre(inv.report.measures) },
      );
    }
    if (inv.repliedAt) {
      items.push(
        { key: 'replyDocument', label: t('inv.replyDocument'), children: inv.replyDocument },
        { key: 'repliedAt', label: t('inv.repliedAt'), children: formatDateTime(inv.repliedAt) },
      );
    }
    if (accident.published) {
      items.push({
        key: 'public',
        label: t('inv.published'),
        span: 'filled',
        children: pre(accident.publicSummary),
      });
    }
    body = (
      <>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
        {accident.accountability.length ? <AccountabilityTable rows={accident.accountability} /> : null}
      </>
    );
  }

  return (
    <Card size="small" title={t('inv.title')} style={{ marginBottom: 16 }}>
      {buttons.length ? (
        <Space size={8} wrap style={{ marginBottom: 12 }}>
          {buttons}
        </Space>
      ) : null}
      {body}
      <div style={{ marginTop: 8 }}>
        <Source text={accident.sources.investigation} />
      </div>
      <InvestigationModal accident={accident} step={step} onClose={() => setStep(null)} />
    </Card>
  );
}
