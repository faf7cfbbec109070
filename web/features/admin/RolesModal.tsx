import { useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { localName } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { type TUser, useRoles } from './api';

/** Grant and revoke roles (安全管理员). 三权分立 rules are enforced by the server and explained here. */
export function RolesModal({ user, onClose }: { user: TUser | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const roles = useRoles(Boolean(user));
  const [selected, setSelected] = useState<string[]>([]);

  useEffect(() => setSelected(user?.roles ?? []), [user]);

  const save = useAction({
    // The list is refetched before the modal closes, so it never shows the old roles.
    run: async (u: TUser) => {
      await api(`/api/users/${u.id}/roles`, { method: 'PUT', body: { roles: selected } });
      await qc.invalidateQueries({ queryKey: ['users'] });
    },
    success: 'common.saved',
    onSuccess: onClose,
  });

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.rolesOf', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={() => user && void save.run(user)}
      okButtonProps={{ loading: save.busy }}
      destroyOnHidden
      width={600}
    >
      <Alert type="info" showIcon title={t('users.sodHint')} style={{ marginBottom: 12 }} />
      <Checkbox.Group value={selected} onChange={(v) => setSelected(v as string[])} style={{ width: '100%' }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {(roles.data ?? []).map((r) => (
            <Checkbox key={r.key} value={r.key}>
              <Typography.Text strong>{localName(locale, { zh: r.name, en: r.nameEn })}</Typography.Text>{' '}
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
