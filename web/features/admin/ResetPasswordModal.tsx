import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useApiError } from '../../lib/use-api-error';
import type { TUser } from './api';

export function ResetPasswordModal({ user, onClose }: { user: TUser | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ newPassword: string }>();
  const { message } = App.useApp();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);

  const submit = async ({ newPassword }: { newPassword: string }) => {
    if (!user) return;
    setBusy(true);
    try {
      await api(`/api/users/${user.id}/reset-password`, { body: { newPassword } });
      void message.success(t('users.passwordReset'));
      onClose();
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetPasswordOf', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="newPassword" label={t('password.new')} rules={[{ required: true, message: t('validation.required') }]} extra={t('users.resetHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
