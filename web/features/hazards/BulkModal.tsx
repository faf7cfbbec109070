import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useApiError } from '../../lib/use-api-error';
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
  const { message } = App.useApp();
  const showError = useApiError();
  const updated = useHazardUpdated();
  const [busy, setBusy] = useState(false);
  const today = todayBeijing();

  const submit = async (v: FormValues) => {
    if (!action) return;
    setBusy(true);
    try {
      const body = {
        ...(v.rectifierName ? { rectifierName: v.rectifierName.trim() } : {}),
        ...(v.deadline ? { deadline: v.deadline.format('YYYY-MM-DD') } : {}),
        ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
      };
      if (hazardId) {
        await updated(await api<HazardResponse>(`/api/hazards/${hazardId}/${action}`, { body }));
      } else {
        const r = await api<{ updated: number }>('/api/hazards/bulk', { body: { action, ids, ...body } });
        await updated();
        void message.success(t('hazard.bulk.done', { n: r.updated }));
      }
      onClose(true);
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={action !== null}
      title={action ? `${t(`hazard.bulk.${action}`)}${ids && !hazardId ? ` · ${t('hazard.bulk.selected', { n: ids.length })}` : ''}` : ''}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, danger: action === 'escalate' }}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} preserve={false}>
        {action === 'assign' ? (
          <Form.Item
            name="rectifierName"
            label={t('hazard.rectifier')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('validation.length', { min: 2, max: 60 }) }]}
          >
            <Input maxLength={60} />
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
          rules={action === 'assign' ? [] : [{ required: true, whitespace: true, min: 2, message: t('validation.length', { min: 2, max: 2000 }) }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
