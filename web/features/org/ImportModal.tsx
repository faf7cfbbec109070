import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { ApiError, api, download, errorMessage } from '../../lib/api';
import type { ImportResult, ImportRowError } from './api';

type Outcome = { kind: 'done'; result: ImportResult } | { kind: 'rejected'; message: string; rows: ImportRowError[] } | null;

/** Excel import of enterprises and supervision assignments: all rows or none, with a row-level report. */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const close = () => {
    setFile(null);
    setOutcome(null);
    onClose();
  };

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    const body = new FormData();
    body.append('file', file);
    try {
      const result = await api<ImportResult>('/api/enterprises/import', { method: 'POST', body });
      setOutcome({ kind: 'done', result });
      setFile(null);
      await qc.invalidateQueries({ queryKey: ['enterprises'] });
      await qc.invalidateQueries({ queryKey: ['supervision-table'] });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'IMPORT_REJECTED') {
        const rows = (err.extra as { rows?: ImportRowError[] } | undefined)?.rows ?? [];
        setOutcome({ kind: 'rejected', message: err.message, rows });
      } else void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const template = async () => {
    try {
      await download('/api/enterprises/import-template', undefined, 'enterprise-import-template.xlsx');
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={open}
      title={t('import.title')}
      width={760}
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="template" icon={<FileExcelOutlined />} onClick={template}>
          {t('import.template')}
        </Button>,
        <Button key="close" onClick={close}>
          {t('common.close')}
        </Button>,
        <Button key="go" type="primary" disabled={!file} loading={busy} onClick={submit}>
          {t('import.start')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        maxCount={1}
        fileList={file ? [{ uid: 'f', name: file.name, status: 'done' }] : []}
        beforeUpload={(f) => {
          setFile(f);
          setOutcome(null);
          return false;
        }}
        onRemove={() => setFile(null)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.drop')}</p>
      </Upload.Dragger>
      {outcome?.kind === 'done' ? (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 16 }}
          title={t('import.done')}
          description={
            <Descriptions size="small" column={3}>
              <Descriptions.Item label={t('import.created')}>{outcome.result.created}</Descriptions.Item>
              <Descriptions.Item label={t('import.updated')}>{outcome.result.updated}</Descriptions.Item>
              <Descriptions.Item label={t('import.assignments')}>{outcome.result.assignments}</Descriptions.Item>
            </Descriptions>
          }
        />
      ) : null}
      {outcome?.kind === 'rejected' ? (
        <div style={{ marginTop: 16 }}>
          <Alert type="error" showIcon title={outcome.message} style={{ marginBottom: 8 }} />
          <Table<ImportRowError>
            size="small"
            rowKey={(r) => `${r.row}:${r.field}:${r.message}`}
            dataSource={outcome.rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ y: 300 }}
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 80 },
              { title: t('import.field'), dataIndex: 'field', width: 180, ellipsis: true },
              { title: t('import.message'), dataIndex: 'message' },
            ]}
          />
        </div>
      ) : null}
    </Modal>
  );
}
