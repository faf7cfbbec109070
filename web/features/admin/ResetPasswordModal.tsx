import { Alert, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import type { TUser } from './api';

/**
 * A password reset split between two people (三权分立, docs/decisions/0005): the system administrator's
 * reset gives half A, the security administrator's release gives half B. Each half is shown once,
 * here, and the server keeps neither in clear; the user joins A + B, signs in and changes it at once.
 */
export function ResetPasswordModal({ user, half, onClose }: { user: TUser | null; half: 'A' | 'B'; onClose: () => void }) {
  const { t } = useI18n();
  const [shown, setShown] = useState<string | null>(null);

  const close = () => {
    setShown(null);
    onClose();
  };

  const reset = useAction({
    run: async (u: TUser) =>
      half === 'A'
        ? (await api<{ halfA: string }>(`/api/users/${u.id}/reset-password`, { method: 'POST' })).halfA
        : (await api<{ halfB: string }>(`/api/users/${u.id}/reset-password/release`, { method: 'POST' })).halfB,
    success: half === 'A' ? 'users.passwordReset' : 'users.passwordReleased',
    invalidate: [['users']],
    // The half is shown once, here: the modal stays open on it.
    onSuccess: setShown,
  });

  const title = user ? t(half === 'A' ? 'users.resetPasswordOf' : 'users.releasePasswordOf', { name: user.displayName }) : '';
  return (
    <Modal
      open={user !== null}
      title={title}
      onCancel={close}
      onOk={shown ? close : () => user && void reset.run(user)}
      okText={shown ? t('users.halfNoted') : t(half === 'A' ? 'users.resetConfirm' : 'users.releaseConfirm')}
      cancelButtonProps={shown ? { style: { display: 'none' } } : {}}
      okButtonProps={{ loading: reset.busy }}
      maskClosable={!shown}
      destroyOnHidden
    >
      {shown ? (
        <PasswordHalf value={shown} half={half} />
      ) : (
        <Typography.Paragraph>{t(half === 'A' ? 'users.resetHint' : 'users.releaseHint')}</Typography.Paragraph>
      )}
    </Modal>
  );
}

/** One half of a temporary password, shown once, with what the user does with the two halves. */
export function PasswordHalf({ value, half }: { value: string; half: 'A' | 'B' }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Paragraph>{t(half === 'A' ? 'users.halfAIs' : 'users.halfBIs')}</Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: value }} style={{ fontFamily: 'monospace', fontSize: 24, letterSpacing: 2 }} data-testid="password-half">
        {value}
      </Typography.Paragraph>
      <Alert type="warning" showIcon message={t('users.halvesJoin')} description={t('users.halfOnce')} />
    </>
  );
}
