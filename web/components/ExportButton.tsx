import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { download, errorMessage } from '../lib/api';

type Query = Parameters<typeof download>[1];

/** 导出Excel: downloads what the page shows (same filters), with a busy state and the server's error on failure. */
export function ExportButton({ path, query, filename, disabled }: { path: string; query: Query; filename: string; disabled?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await download(path, query, filename);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} disabled={disabled} onClick={run}>
      {t('common.exportExcel')}
    </Button>
  );
}
