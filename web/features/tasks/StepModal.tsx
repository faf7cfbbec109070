import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ZTaskStep } from '../../../common/contracts/tasks';
import { AttachmentUpload } from '../../components/Attachments';
import { NumberInput } from '../../components/NumberInput';
import { TextArea, TextInput } from '../../components/TextInput';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { rulesFor } from '../../lib/form-rules';
import { useAction } from '../../lib/use-action';
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
  const updated = useTaskUpdated();
  const action = target?.action;
  const withProgress = action === 'feedback';
  const withPlan = action === 'feedback' && task.complexity === 'major';
  const initialPlan = (target?.assignee.plan ?? []).map((m) => ({ milestone: m.milestone, date: dayjs(m.date) }));

  const step = useAction({
    run: async (v: StepForm) => {
      if (!target) return undefined;
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
      return res;
    },
    form,
    onSuccess: () => onClose(),
  });

  return (
    <Modal
      open={target !== null}
      title={target ? t('task.stepTitle', { action: t(`task.action.${target.action}`), unit: target.assignee.unitName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action ? t(`task.action.${action}`) : t('common.confirm')}
      okButtonProps={{ loading: step.busy, danger: action === 'return' }}
      width={withPlan ? 720 : 560}
      destroyOnHidden
    >
      {action === 'accept' ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('task.acceptHint')}
        </Typography.Paragraph>
      ) : null}
      <Form<StepForm> form={form} layout="vertical" onFinish={step.run} preserve={false} initialValues={{ plan: initialPlan, progress: null }}>
        <Form.Item name="comment" label={action ? t(COMMENT_LABEL[action]) : ''} rules={rulesFor(ZTaskStep, 'comment')}>
          <TextArea rows={4} schema={ZTaskStep} field="comment" />
        </Form.Item>
        <Form.Item name="evidence" label={t('attachments.label')}>
          <AttachmentUpload />
        </Form.Item>
        {withProgress ? (
          <Form.Item name="progress" label={t('task.progress')} rules={rulesFor(ZTaskStep, 'progress')}>
            <NumberInput integer suffix="%" style={{ width: 140 }} />
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
                    <Form.Item name={[f.name, 'milestone']} rules={rulesFor(ZTaskStep, 'plan.0.milestone')} style={{ flex: 1, marginBottom: 8 }}>
                      <TextInput schema={ZTaskStep} field="plan.0.milestone" placeholder={t('task.milestone')} />
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
