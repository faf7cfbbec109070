import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { ApiError, api, download, errorMessage } from '../../lib/api';
import type { ImportResult, ImportRowError } from './api';

type Outcome = { kind: 'done'; result: unknown } | { kind: 'rejected'; message: string; rows: ImportRowError[] } | null;

/** What is imported: enterprises and their 一张表 rows by default; a year's notice as a work plan, etc. */
export interface ImportTarget {
  title: string;
  hint: string;
  endpoint: string;
  templateEndpoint: string;
  templateFile: string;
  /** Query keys to refresh after a successful import. */
  invalidate: string[];
  renderResult: (result: unknown) => React.ReactNode;
  onDone?: (result: unknown) => void;
}

/** Excel import, all rows or none, with a row-level report of what was wrong. */
export function ImportModal({ open, onClose, target }: { open: boolean; onClose: () => void; target?: ImportTarget }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const cfg: ImportTarget = target ?? {
    title: t('import.title'),
    hint: t('import.hint'),
    endpoint: '/api/enterprises/import',
    templateEndpoint: '/api/enterprises/import-template',
    templateFile: 'enterprise-import-template.xlsx',
    invalidate: ['enterprises', 'supervision-table'],
    renderResult: (r) => {
      const result = r as ImportResult;
      return (
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('import.created')}>{result.created}</Descriptions.Item>
          <Descriptions.Item label={t('import.updated')}>{result.updated}</Descriptions.Item>
          <Descriptions.Item label={t('import.assignments')}>{result.assignments}</Descriptions.Item>
        </Descriptions>
      );
    },
  };
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
      const result = await api<unknown>(cfg.endpoint, { method: 'POST', body });
      setOutcome({ kind: 'done', result });
      setFile(null);
      for (const key of cfg.invalidate) await qc.invalidateQueries({ queryKey: [key] });
      cfg.onDone?.(result);
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
      await download(cfg.templateEndpoint, undefined, cfg.templateFile);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={open}
      title={cfg.title}
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
      <Typography.Paragraph type="secondary">{cfg.hint}</Typography.Paragraph>
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
        <Alert type="success" showIcon style={{ marginTop: 16 }} title={t('import.done')} description={cfg.renderResult(outcome.result)} />
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
