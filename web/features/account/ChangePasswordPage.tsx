import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { ME_KEY, useMe } from '../../lib/auth';
import { useAction } from '../../lib/use-action';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<PasswordForm>();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const submit = useAction({
    // The session is reloaded before leaving, so the must-change flag is gone when the home page checks it.
    run: async ({ currentPassword, newPassword }: PasswordForm) => {
      await api('/api/auth/password', { body: { currentPassword, newPassword } });
      await qc.invalidateQueries({ queryKey: ME_KEY });
    },
    form,
    success: 'password.changed',
    resetForm: true,
    onSuccess: () => navigate('/', { replace: true }),
  });

  return (
    <>
      <PageHeader title={t('nav.changePassword')} />
      <Card style={{ maxWidth: 520 }}>
        {me?.user.mustChangePassword ? <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" onFinish={submit.run}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('password.policyHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('validation.required') },
              ({ getFieldValue }) => ({
                validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submit.busy}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
