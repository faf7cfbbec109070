import { Result } from 'antd';
import type { ReactNode } from 'react';
import type { Permission } from '../../common/permissions';
import { useI18n } from '../i18n';
import { useCan } from '../lib/auth';

/** Renders the page only if the user holds the permission; otherwise a 403 result. */
export function RequirePermission({ permission, children }: { permission: Permission | Permission[]; children: ReactNode }) {
  const can = useCan();
  const { t } = useI18n();
  const list = Array.isArray(permission) ? permission : [permission];
  if (!list.some((p) => can(p))) return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  return <>{children}</>;
}
