import { Alert, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ZDecideExtension, ZRequestExtension } from '../../../common/contracts/tasks';
import { TextArea } from '../../components/TextInput';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { rulesFor } from '../../lib/form-rules';
import { useAction } from '../../lib/use-action';
import { type TAssigneeDetail, type TaskResponse, type TTaskDetail, useTaskUpdated } from './api';
import { beijingDay, formatDue } from './labels';

interface RequestForm {
  requestedDue?: Dayjs | null;
  reason: string;
}

/** 申请延期: a later resolve date and the reason, for the issuer to decide. */
export function RequestExtensionModal({ task, assignee, onClose }: { task: TTaskDetail; assignee: TAssigneeDetail | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RequestForm>();
  const updated = useTaskUpdated();
  const currentDue = assignee ? beijingDay(assignee.resolveDue) : '';

  const submit = useAction({
    run: async (v: RequestForm) => {
      if (!assignee) return undefined;
      const res = await api<TaskResponse>(`/api/tasks/${task.id}/assignees/${assignee.id}/request-extension`, {
        body: { requestedDue: v.requestedDue ? v.requestedDue.format('YYYY-MM-DD') : '', reason: v.reason.trim() },
      });
      await updated(res);
      return res;
    },
    form,
    success: 'task.extensionRequested',
    onSuccess: () => onClose(),
  });

  return (
    <Modal
      open={assignee !== null}
      title={assignee ? t('task.requestExtensionOf', { unit: assignee.unitName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('task.requestExtension')}
      okButtonProps={{ loading: submit.busy }}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('task.currentResolveDue', { due: formatDue(assignee?.resolveDue) })} style={{ marginBottom: 12 }} />
      <Form<RequestForm> form={form} layout="vertical" onFinish={submit.run} preserve={false}>
        <Form.Item name="requestedDue" label={t('task.requestedDue')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker style={{ width: 200 }} disabledDate={(d) => d.format('YYYY-MM-DD') <= currentDue} defaultPickerValue={dayjs(currentDue).add(1, 'day')} />
        </Form.Item>
        <Form.Item name="reason" label={t('task.extensionReason')} rules={rulesFor(ZRequestExtension, 'reason')}>
          <TextArea rows={3} schema={ZRequestExtension} field="reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 同意 / 不同意延期: the issuer's decision on the pending request, with an optional comment. */
export function DecideExtensionModal({
  task,
  target,
  onClose,
}: {
  task: TTaskDetail;
  target: { assignee: TAssigneeDetail; approve: boolean } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ comment?: string }>();
  const updated = useTaskUpdated();
  const pending = target?.assignee.extensions.find((e) => e.status === 'pending');

  const submit = useAction({
    run: async (v: { comment?: string }) => {
      if (!target) return undefined;
      const res = await api<TaskResponse>(`/api/tasks/${task.id}/assignees/${target.assignee.id}/${target.approve ? 'approve' : 'refuse'}-extension`, {
        body: v.comment?.trim() ? { comment: v.comment.trim() } : {},
      });
      await updated(res);
      return res;
    },
    form,
    onSuccess: () => onClose(),
  });

  return (
    <Modal
      open={target !== null}
      title={target ? t(target.approve ? 'task.approveExtensionOf' : 'task.refuseExtensionOf', { unit: target.assignee.unitName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={target?.approve ? t('task.approveExtension') : t('task.refuseExtension')}
      okButtonProps={{ loading: submit.busy, danger: target ? !target.approve : false }}
      destroyOnHidden
    >
      {pending ? (
        <Alert
          type="warning"
          showIcon
          title={t('task.pendingExtension', { due: formatDue(pending.requestedDue) })}
          description={pending.reason}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit.run} preserve={false}>
        <Form.Item name="comment" label={t('task.decisionComment')} rules={rulesFor(ZDecideExtension, 'comment')}>
          <TextArea rows={3} schema={ZDecideExtension} field="comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
