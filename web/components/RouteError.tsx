import { Button, Result, Space, Typography } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useI18n } from '../i18n';

/** A page's code chunk could not be loaded: the app was upgraded while this tab was open (old chunk names are gone). */
const CHUNK_GONE = /Failed to fetch dynamically imported module|Importing a module script failed|error loading dynamically imported module/i;

/**
 * What a route shows when it throws: after an upgrade, "reload to get the new version" (the common case on an
 * intranet where the server is updated under open tabs); otherwise the error's message with reload and home.
 */
export function RouteError() {
  const { t } = useI18n();
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error);
  const upgraded = CHUNK_GONE.test(message);
  return (
    <Result
      status={upgraded ? 'info' : 'error'}
      title={upgraded ? t('error.upgraded') : t('error.page')}
      subTitle={upgraded ? t('error.upgradedHint') : <Typography.Text type="secondary">{message}</Typography.Text>}
      extra={
        <Space>
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('error.reload')}
          </Button>
          <Button onClick={() => window.location.assign('/')}>{t('nav.dashboard')}</Button>
        </Space>
      }
    />
  );
}
