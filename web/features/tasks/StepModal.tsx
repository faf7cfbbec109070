import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { AttachmentUpload } from '../../components/Attachments';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useApiError } from '../../lib/use-api-error';
import { type StepAction, type TAssigneeDetail, type TaskResponse, type TTaskDetail, type TTaskStep, useTaskUpdated } from './api';

interface StepForm {
  comment: string;
  evidence?: string[];
  progress?: number | null;
  plan: { date?: Dayjs | null; milestone?: string }[];
}

const COMMENT_LABEL: Record<StepAction, MessageKey> = {
  deploy: 'task.comment.deploy',
  feedback: 'task.comment.feedback',
  resolve: 'task.comment.resolve',
  accept: 'task.comment.accept',
  return: 'task.comment.return',
};

/**
 * One step of an assignee (POST /api/tasks/:id/assignees/:assigneeId/<action>): 签收部署, 反馈进展
 * (with the progress and, for a major task, the plan's milestones), 办结, and the issuer's 销号 / 退回.
 */
export function StepModal({
  task,
  target,
  onClose,
}: {
  task: TTaskDetail;
  target: { assignee: TAssigneeDetail; action: StepAction } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<StepForm>();
  const { message } = App.useApp();
  const showError = useApiError();
  const updated = useTaskUpdated();
  const [busy, setBusy] = useState(false);
  const action = target?.action;
  const withProgress = action === 'feedback';
  const withPlan = action === 'feedback' && task.complexity === 'major';
  const initialPlan = (target?.assignee.plan ?? []).map((m) => ({ milestone: m.milestone, date: dayjs(m.date) }));

  const submit = async (v: StepForm) => {
    if (!target) return;
    setBusy(true);
    try {
      const plan = (v.plan ?? []).filter((m) => m.date || m.milestone?.trim());
      const body: TTaskStep = {
        comment: v.comment.trim(),
        evidence: v.evidence ?? [],
        ...(withProgress && typeof v.progress === 'number' ? { progress: v.progress } : {}),
        ...(withPlan && plan.length
          ? { plan: plan.map((m) => ({ date: m.date ? m.date.format('YYYY-MM-DD') : '', milestone: m.milestone?.trim() ?? '' })) }
          : {}),
      };
      const res = await api<TaskResponse>(`/api/tasks/${task.id}/assignees/${target.assignee.id}/${target.action}`, { body });
      await updated(res);
      void message.success(t('common.done'));
      onClose();
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={target ? t('task.stepTitle', { action: t(`task.action.${target.action}`), unit: target.assignee.unitName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action ? t(`task.action.${action}`) : t('common.confirm')}
      okButtonProps={{ loading: busy, danger: action === 'return' }}
      width={withPlan ? 720 : 560}
      destroyOnHidden
    >
      {action === 'accept' ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('task.acceptHint')}
        </Typography.Paragraph>
      ) : null}
      <Form<StepForm> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ plan: initialPlan, progress: null }}>
        <Form.Item
          name="comment"
          label={action ? t(COMMENT_LABEL[action]) : ''}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, max: 4000, message: t('validation.length', { min: 2, max: 4000 }) },
          ]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="evidence" label={t('attachments.label')}>
          <AttachmentUpload />
        </Form.Item>
        {withProgress ? (
          <Form.Item name="progress" label={t('task.progress')}>
            <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 140 }} />
          </Form.Item>
        ) : null}
        {withPlan ? (
          <Form.List name="plan">
            {(fields, { add, remove }) => (
              <Form.Item label={t('task.plan')} extra={t('task.planHint')}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="flex-start">
                    <Form.Item name={[f.name, 'date']} rules={[{ required: true, message: t('validation.required') }]} style={{ width: 160, marginBottom: 8 }}>
                      <DatePicker style={{ width: '100%' }} placeholder={t('task.milestoneDate')} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'milestone']}
                      rules={[
                        { required: true, whitespace: true, message: t('validation.required') },
                        { min: 2, max: 200, message: t('validation.length', { min: 2, max: 200 }) },
                      ]}
                      style={{ flex: 1, marginBottom: 8 }}
                    >
                      <Input maxLength={200} placeholder={t('task.milestone')} />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 20}>
                  {t('task.addMilestone')}
                </Button>
              </Form.Item>
            )}
          </Form.List>
        ) : null}
      </Form>
    </Modal>
  );
}
