import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useApiError } from '../../lib/use-api-error';
import { type TUser, useRoles } from './api';

/** Grant and revoke roles (安全管理员). 三权分立 rules are enforced by the server and explained here. */
export function RolesModal({ user, onClose }: { user: TUser | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const qc = useQueryClient();
  const roles = useRoles(Boolean(user));
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => setSelected(user?.roles ?? []), [user]);

  const save = async () => {
    if (!user) return;
    setBusy(true);
    try {
      await api(`/api/users/${user.id}/roles`, { method: 'PUT', body: { roles: selected } });
      void message.success(t('common.saved'));
      await qc.invalidateQueries({ queryKey: ['users'] });
      onClose();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.rolesOf', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={save}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
      width={600}
    >
      <Alert type="info" showIcon title={t('users.sodHint')} style={{ marginBottom: 12 }} />
      <Checkbox.Group value={selected} onChange={(v) => setSelected(v as string[])} style={{ width: '100%' }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {(roles.data ?? []).map((r) => (
            <Checkbox key={r.key} value={r.key}>
              <Typography.Text strong>{locale === 'en-US' ? r.nameEn : r.name}</Typography.Text>{' '}
              {r.adminDuty ? <Tag color="purple">{t(`duty.${r.adminDuty}`)}</Tag> : null}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('users.permissionCount', { n: r.permissions.length })}
                </Typography.Text>
              </div>
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
    </Modal>
  );
}
