import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Modal, Radio, Result, Skeleton, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { ApiError, api, errorMessage } from '../../lib/api';
import { formatDateTime, industryName } from '../../lib/format';
import { useApiError } from '../../lib/use-api-error';
import { TrendChart, useReadings, useSensor } from '../monitoring';
import {
  type AlarmAction,
  type AlarmResponse,
  CLASSIFICATIONS,
  type TAlarmDetail,
  type TAlarmTransition,
  useAlarm,
  useAlarmUpdated,
  useLiveAlarms,
} from './api';
import { AlarmStatusTag, DisposalText, SeverityTag, valueText } from './labels';

type Dialog = 'feedback' | 'shelve' | 'toTask' | 'step';

/** POST an action, put the server's answer in the cache, close. */
function useAction(alarmId: string, onDone: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const updated = useAlarmUpdated();
  const [busy, setBusy] = useState(false);
  const run = async (action: AlarmAction, body: unknown, form?: Parameters<typeof showError>[1]) => {
    setBusy(true);
    try {
      await updated(await api<AlarmResponse>(`/api/alarms/${alarmId}/${action}`, { body }));
      void message.success(t('common.done'));
      onDone();
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

/** One alarm: values and limits, disposal time limits and escalation, the feedback, links, history and the buttons the server allows. */
export function AlarmDetailPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  useLiveAlarms();
  const { data, error, isLoading } = useAlarm(id);
  const [dialog, setDialog] = useState<{ kind: Dialog; action?: AlarmAction } | null>(null);
  const close = () => setDialog(null);
  const { busy, run } = useAction(id ?? '', close);
  const { modal } = App.useApp();
  if (isLoading) return <Skeleton active />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('common.notFound')} extra={<Link to="/alarms">{t('common.back')}</Link>} />;
  if (error || !data) return <Alert type="error" message={errorMessage(error)} />;
  const a = data.data;
  const ab = data.abilities;
  const confirmThen = (action: 'toHazard' | 'ack', text: string) =>
    modal.confirm({ title: t(`alarm.action.${action}`), content: text, onOk: () => run(action, {}) });
  const buttons: [AlarmAction, () => void, boolean?][] = [
    ['ack', () => void run('ack', {})],
    ['feedback', () => setDialog({ kind: 'feedback' })],
    ['close', () => setDialog({ kind: 'step', action: 'close' })],
    ['toHazard', () => confirmThen('toHazard', t('alarm.confirm.toHazard'))],
    ['toTask', () => setDialog({ kind: 'toTask' })],
    ['shelve', () => setDialog({ kind: 'shelve' }), true],
    ['unshelve', () => setDialog({ kind: 'step', action: 'unshelve' })],
    ['outOfService', () => setDialog({ kind: 'step', action: 'outOfService' }), true],
    ['returnToService', () => setDialog({ kind: 'step', action: 'returnToService' })],
  ];
  const shown = buttons.filter(([k]) => ab[k]);
  return (
    <>
      <PageHeader
        title={
          <Space wrap size={[8, 4]}>
            <span>{a.sensorName}</span>
            <SeverityTag severity={a.severity} />
            <Typography.Text>{t(`alarm.type.${a.type}`)}</Typography.Text>
            <AlarmStatusTag status={a.status} />
          </Space>
        }
      >
        <Typography.Text type="secondary">
          <Link to={`/enterprises/${a.enterpriseId}`}>{a.enterpriseName}</Link> · {a.location}
        </Typography.Text>
      </PageHeader>
      {shown.length ? (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          {shown.map(([k, onClick, danger], i) => (
            <Button key={k} type={i === 0 ? 'primary' : 'default'} danger={danger} loading={busy && k === 'ack'} onClick={onClick}>
              {t(`alarm.action.${k}`)}
            </Button>
          ))}
        </Flex>
      ) : null}
      {a.disposalState === 'overdue' ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={<DisposalText a={a} />}
          description={`${t('alarm.ackDue')} ${formatDateTime(a.ackDue)} · ${t('alarm.feedbackDue')} ${formatDateTime(a.feedbackDue)}`}
        />
      ) : null}
      {a.status === 'SHELVED' && a.shelvedUntil ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${t('alarm.shelvedUntil')} ${formatDateTime(a.shelvedUntil)}`}
          description={a.shelveReason}
        />
      ) : null}
      <Flex vertical gap={12}>
        <Card size="small" title={t('alarm.section.what')}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label={t('alarm.peak')}>
              <Typography.Text strong>{valueText(a.peakValue, a.unit)}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('alarm.limit')}>{valueText(a.limitValue, a.unit)}</Descriptions.Item>
            <Descriptions.Item label={t('alarm.value')}>{valueText(a.lastValue, a.unit)}</Descriptions.Item>
            <Descriptions.Item label={t('alarm.start')}>{formatDateTime(a.startTs)}</Descriptions.Item>
            <Descriptions.Item label={t('alarm.clearTs')}>{a.clearTs ? formatDateTime(a.clearTs) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('alarm.lastTs')}>{formatDateTime(a.lastTs)}</Descriptions.Item>
            <Descriptions.Item label={t('alarm.ackDue')}>{formatDateTime(a.ackDue)}</Descriptions.Item>
            <Descriptions.Item label={t('alarm.ackTs')}>{a.ackTs ? `${formatDateTime(a.ackTs)} ${a.ackBy ?? ''}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('alarm.feedbackDue')}>{formatDateTime(a.feedbackDue)}</Descriptions.Item>
            <Descriptions.Item label={t('alarm.enterprise')}>
              {a.enterpriseName} · {industryName(a.industry, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('alarm.sensor')}>
              {UUID.test(a.sensorId) ? <Link to={`/monitoring/sensors/${a.sensorId}`}>{a.sensorName}</Link> : a.sensorName}
            </Descriptions.Item>
            {a.hazardId || a.taskId ? (
              <Descriptions.Item label={`${t('alarm.linkedHazard')} / ${t('alarm.linkedTask')}`}>
                <Space>
                  {a.hazardId ? <Link to={`/hazards/${a.hazardId}`}>{t('alarm.linkedHazard')}</Link> : null}
                  {a.taskId ? <Link to={`/tasks/${a.taskId}`}>{t('alarm.linkedTask')}</Link> : null}
                </Space>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
        <AlarmTrend alarm={a} />
        <Card size="small" title={t('alarm.section.disposal')}>
          {a.classification ? (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('alarm.classificationLabel')}>
                <Typography.Text strong type={a.classification === 'real' ? 'danger' : undefined}>
                  {t(`alarm.classification.${a.classification}`)}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('alarm.analysis')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.analysis}</Typography.Paragraph>
              </Descriptions.Item>
              {a.feedback ? (
                <Descriptions.Item label={t('alarm.feedback')}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.feedback}</Typography.Paragraph>
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('alarm.feedbackBy')}>
                {a.feedbackByName} · {formatDateTime(a.feedbackAt)}
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Text type="secondary">{t('alarm.noFeedback')}</Typography.Text>
          )}
        </Card>
        <Card size="small" title={t('alarm.section.history')}>
          <Timeline
            items={a.transitions.map((tr) => ({
              color: tr.action.startsWith('escalate') || tr.action === 'raise' ? 'red' : tr.toStatus === 'CLOSED' ? 'green' : 'blue',
              children: <Step tr={tr} />,
            }))}
          />
        </Card>
      </Flex>
      <FeedbackModal alarm={a} open={dialog?.kind === 'feedback'} onClose={close} />
      <ShelveModal alarm={a} open={dialog?.kind === 'shelve'} onClose={close} />
      <TaskModal alarm={a} open={dialog?.kind === 'toTask'} onClose={close} />
      <StepModal alarm={a} action={dialog?.kind === 'step' ? (dialog.action ?? null) : null} onClose={close} />
    </>
  );
}

/** The limits drawn on an alarm's chart: the one it crossed (coal: 报警 and 断电 together); none for rate, flat line and stale. */
const CROSSED: Record<TAlarmDetail['type'], readonly ('high' | 'highHigh' | 'powerOff' | 'low' | 'lowLow')[]> = {
  high: ['high', 'powerOff'],
  powerOff: ['high', 'powerOff'],
  highHigh: ['high', 'highHigh'],
  low: ['low', 'lowLow'],
  lowLow: ['low', 'lowLow'],
  rateOfChange: [],
  flatLine: [],
  stale: [],
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WEEK = 7 * 86_400_000;

/** The sensor's readings around the alarm (half an hour either side, at most a week), the alarm's period shaded, the limits as lines. */
function AlarmTrend({ alarm }: { alarm: TAlarmDetail }) {
  const { t } = useI18n();
  const registered = UUID.test(alarm.sensorId);
  const sensor = useSensor(alarm.sensorId, registered);
  // The window is fixed when the page opens (an active alarm's end is "now"); live refetches keep the key.
  const [span] = useState(() => {
    const end = alarm.clearTs ? Date.parse(alarm.clearTs) + 30 * 60_000 : Date.now();
    const start = Math.max(Date.parse(alarm.startTs) - 30 * 60_000, end - WEEK);
    return { from: new Date(start).toISOString(), to: new Date(Math.min(end, Date.now())).toISOString() };
  });
  const series = useReadings(alarm.sensorId, span.from, span.to, registered && !!sensor.data).data;
  if (!registered || !sensor.data) return null;
  const s = sensor.data.data;
  return (
    <Card size="small" title={t('alarm.section.trend')} extra={<Link to={`/monitoring/sensors/${s.id}`}>{t('alarm.openSensor')}</Link>}>
      <TrendChart
        series={series}
        rules={s.rules}
        unit={s.unit}
        height={260}
        highlight={{ from: alarm.startTs, to: alarm.clearTs ?? span.to, label: t(`alarm.type.${alarm.type}`) }}
        only={CROSSED[alarm.type]}
      />
    </Card>
  );
}

function Step({ tr }: { tr: TAlarmTransition }) {
  const { t } = useI18n();
  const name = tr.action.startsWith('escalate')
    ? t('alarm.step.escalate')
    : tr.action === 'raise' || tr.action === 'clear'
      ? t(`alarm.step.${tr.action}`)
      : (['ack', 'feedback', 'shelve', 'unshelve', 'outOfService', 'returnToService', 'close', 'toHazard', 'toTask'] as const).includes(
            tr.action as AlarmAction,
          )
        ? t(`alarm.action.${tr.action as AlarmAction}`)
        : tr.action;
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong>
        {name}
        <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
          {' '}
          · {formatDateTime(tr.at)} · {tr.actorName}
          {tr.actorUnit ? `（${tr.actorUnit}）` : ''}
        </Typography.Text>
      </Typography.Text>
      {tr.comment ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{tr.comment}</Typography.Text> : null}
    </Flex>
  );
}

interface FeedbackValues {
  classification: (typeof CLASSIFICATIONS)[number];
  analysis: string;
  feedback?: string;
}

/** 分析研判 / 核查反馈: classification, analysis and what was checked and done. */
function FeedbackModal({ alarm, open, onClose }: { alarm: TAlarmDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FeedbackValues>();
  const { busy, run } = useAction(alarm.id, onClose);
  return (
    <Modal
      open={open}
      title={t('alarm.action.feedback')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ classification: alarm.classification ?? undefined, analysis: alarm.analysis ?? '', feedback: alarm.feedback ?? '' }}
        onFinish={(v) =>
          run(
            'feedback',
            { classification: v.classification, analysis: v.analysis.trim(), ...(v.feedback?.trim() ? { feedback: v.feedback.trim() } : {}) },
            form,
          )
        }
      >
        <Form.Item name="classification" label={t('alarm.classificationLabel')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`alarm.classification.${c}`) }))} />
        </Form.Item>
        <Form.Item name="analysis" label={t('alarm.analysis')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={3} maxLength={4000} placeholder={t('alarm.analysisPlaceholder')} />
        </Form.Item>
        <Form.Item name="feedback" label={t('alarm.feedback')}>
          <Input.TextArea rows={3} maxLength={4000} placeholder={t('alarm.feedbackPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ShelveModal({ alarm, open, onClose }: { alarm: TAlarmDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ hours: number; reason: string }>();
  const { busy, run } = useAction(alarm.id, onClose);
  return (
    <Modal
      open={open}
      title={t('alarm.action.shelve')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, danger: true }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ hours: 8 }} onFinish={(v) => run('shelve', { hours: v.hours, reason: v.reason.trim() }, form)}>
        <Form.Item name="hours" label={t('alarm.shelveHours')} rules={[{ required: true }]}>
          <InputNumber min={1} max={72} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="reason" label={t('alarm.shelveReason')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TaskModal({ alarm, open, onClose }: { alarm: TAlarmDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ complexity: 'general' | 'major' }>();
  const { busy, run } = useAction(alarm.id, onClose);
  return (
    <Modal open={open} title={t('alarm.action.toTask')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: busy }} destroyOnHidden>
      <Typography.Paragraph>{t('alarm.confirm.toTask')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ complexity: 'general' }} onFinish={(v) => run('toTask', { complexity: v.complexity }, form)}>
        <Form.Item name="complexity" label={t('alarm.complexity')}>
          <Radio.Group options={(['general', 'major'] as const).map((c) => ({ value: c, label: t(`alarm.complexity.${c}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function StepModal({ alarm, action, onClose }: { alarm: TAlarmDetail; action: AlarmAction | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ comment: string }>();
  const { busy, run } = useAction(alarm.id, onClose);
  return (
    <Modal
      open={!!action}
      title={action ? t(`alarm.action.${action}`) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => action && run(action, { comment: v.comment?.trim() ?? '' }, form)}>
        <Form.Item name="comment" label={t('alarm.comment')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
