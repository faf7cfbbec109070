import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { EnterpriseStatusAction } from '../../../common/contracts/org';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useApiError } from '../../lib/use-api-error';

interface Props {
  enterpriseId: string;
  action: EnterpriseStatusAction | null;
  onClose: () => void;
}

interface ActionForm {
  comment: string;
  documentNumber?: string;
}

/** 责令停产整顿 / 恢复生产 / 关闭: a recorded transition with a reason and the document number. */
export function StatusActionModal({ enterpriseId, action, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<ActionForm>();
  const { message } = App.useApp();
  const showError = useApiError();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);

  const submit = async (v: ActionForm) => {
    if (!action) return;
    setBusy(true);
    try {
      const body = { comment: v.comment.trim(), ...(v.documentNumber?.trim() ? { documentNumber: v.documentNumber.trim() } : {}) };
      await api(`/api/enterprises/${enterpriseId}/${action}`, { body });
      void message.success(t('common.done'));
      await qc.invalidateQueries({ queryKey: ['enterprise', enterpriseId] });
      await qc.invalidateQueries({ queryKey: ['enterprises'] });
      await qc.invalidateQueries({ queryKey: ['supervision-table'] });
      onClose();
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={action !== null}
      title={action ? t(`action.${action}`) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      okButtonProps={{ danger: action !== 'resume', loading: busy }}
      destroyOnHidden
    >
      {action === 'close' ? <Alert type="warning" showIcon title={t('action.closeWarning')} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="comment"
          label={t('action.comment')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, max: 500, message: t('validation.length', { min: 2, max: 500 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="documentNumber" label={t('action.documentNumber')} extra={t('action.documentNumberHint')}>
          <Input maxLength={80} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
