import { Result } from 'antd';
import { useI18n } from '../i18n';
import { ApiError, errorMessage } from '../lib/api';

/** A detail page whose record did not load: 404 when it is missing or out of scope, else the error. */
export function LoadFailed({ error }: { error: unknown }) {
  const { t } = useI18n();
  const notFound = error instanceof ApiError && error.status === 404;
  return <Result status={notFound ? '404' : 'error'} title={notFound ? '404' : t('common.loadFailed')} subTitle={errorMessage(error)} />;
}
