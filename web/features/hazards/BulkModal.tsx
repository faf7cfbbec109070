import { DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ZAssignHazard, ZEscalateHazard, ZExtendHazard } from '../../../common/contracts/hazards';
import { TextArea, TextInput } from '../../components/TextInput';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { rulesFor } from '../../lib/form-rules';
import { useAction } from '../../lib/use-action';
import { type HazardResponse, todayBeijing, useHazardUpdated } from './api';

export type BulkAction = 'assign' | 'extend' | 'escalate';

interface FormValues {
  rectifierName?: string;
  deadline?: Dayjs | null;
  comment?: string;
}

/**
 * 指派 / 延期 / 升级督办 for one hazard (`hazardId`) or many (`ids`, POST /api/hazards/bulk: all or
 * nothing, so the server's 404/409 names what blocked the batch).
 */
export function BulkModal({
  action,
  ids,
  hazardId,
  onClose,
}: {
  action: BulkAction | null;
  ids?: string[];
  hazardId?: string;
  onClose: (done: boolean) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const updated = useHazardUpdated();
  const today = todayBeijing();

  // The comment's schema is the action's: optional for 指派, required for 延期 and 升级督办.
  const commentSchema = action === 'escalate' ? ZEscalateHazard : action === 'extend' ? ZExtendHazard : ZAssignHazard;
  const submit = useAction({
    run: async (v: FormValues) => {
      const body = {
        ...(v.rectifierName ? { rectifierName: v.rectifierName.trim() } : {}),
        ...(v.deadline ? { deadline: v.deadline.format('YYYY-MM-DD') } : {}),
        ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
      };
      if (hazardId) {
        await updated(await api<HazardResponse>(`/api/hazards/${hazardId}/${action}`, { body }));
        return null;
      }
      const r = await api<{ updated: number }>('/api/hazards/bulk', { body: { action, ids, ...body } });
      await updated();
      return r.updated;
    },
    form,
    // One hazard: the detail page shows the change; a batch says how many were changed.
    success: hazardId ? false : (n) => t('hazard.bulk.done', { n: n ?? 0 }),
    onSuccess: () => onClose(true),
  });

  return (
    <Modal
      open={action !== null}
      title={action ? `${t(`hazard.bulk.${action}`)}${ids && !hazardId ? ` · ${t('hazard.bulk.selected', { n: ids.length })}` : ''}` : ''}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okButtonProps={{ loading: submit.busy, danger: action === 'escalate' }}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={(v) => action && submit.run(v)} preserve={false}>
        {action === 'assign' ? (
          <Form.Item name="rectifierName" label={t('hazard.rectifier')} rules={rulesFor(ZAssignHazard, 'rectifierName')}>
            <TextInput schema={ZAssignHazard} field="rectifierName" />
          </Form.Item>
        ) : null}
        {action === 'assign' || action === 'extend' ? (
          <Form.Item name="deadline" label={t('hazard.newDeadline')} rules={action === 'extend' ? [{ required: true, message: t('validation.required') }] : []}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(today), 'day')} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="comment"
          label={t(action === 'escalate' ? 'hazard.escalateReason' : action === 'extend' ? 'hazard.extendReason' : 'hazard.comment')}
          rules={rulesFor(commentSchema, 'comment')}
        >
          <TextArea rows={3} schema={commentSchema} field="comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
