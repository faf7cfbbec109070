import { CloudDownloadOutlined, DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { ApiError, api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useApiError } from '../../lib/use-api-error';
import { type TFeed, type TImportResult, type TImportSettings, useFeeds, useImportSettings, useWarningUpdated } from './api';

/** The default expiry of imported alerts without <expires>: editable by the top government, read-only for others. */
function ImportSettingsCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const q = useImportSettings();
  const [form] = Form.useForm<{ defaultExpiryHours: number }>();
  const qc = useQueryClient();
  const save = async (v: { defaultExpiryHours: number }) => {
    try {
      const r = await api<TImportSettings>('/api/warnings/import-settings', { method: 'PUT', body: v });
      qc.setQueryData(['warning-import-settings'], r);
      void message.success(t('common.saved'));
    } catch (e) {
      onError(e, form);
    }
  };
  if (!q.data) return null;
  return (
    <Card size="small" title={t('warning.importSettings')} style={{ marginTop: 16 }}>
      <Form form={form} key={q.data.defaultExpiryHours} layout="inline" initialValues={q.data} onFinish={save} disabled={!q.data.configure}>
        <Form.Item
          name="defaultExpiryHours"
          label={t('warning.defaultExpiry')}
          rules={q.data.configure ? [{ required: true, message: t('warning.required') }] : []}
        >
          <InputNumber min={1} max={720} precision={0} addonAfter={t('warning.hourUnit')} style={{ width: 140 }} />
        </Form.Item>
        {q.data.configure ? (
          <Button htmlType="submit" type="primary">
            {t('common.save')}
          </Button>
        ) : null}
      </Form>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t(q.data.configure ? 'warning.defaultExpiryHint' : 'warning.defaultExpiryReadOnly')}
      </Typography.Paragraph>
    </Card>
  );
}

/** 导入外部预警: upload a CAP file (rejected with the schema's reason, nothing stored) and the URL feeds polled by a job. */
export function WarningImportPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const refresh = useWarningUpdated();
  const feeds = useFeeds();
  const [result, setResult] = useState<TImportResult | null>(null);
  const [rejected, setRejected] = useState<string[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string; url: string; intervalMinutes: number }>();

  const upload = async (file: File) => {
    setBusy('upload');
    setResult(null);
    setRejected(null);
    const fd = new FormData();
    fd.append('file', file);
    try {
      const r = await api<TImportResult>('/api/warnings/import', { method: 'POST', body: fd });
      setResult(r);
      await refresh();
    } catch (e) {
      const errors = e instanceof ApiError ? ((e.extra as { errors?: string[] } | undefined)?.errors ?? []) : [];
      setRejected([errorMessage(e), ...errors.slice(1)]);
    } finally {
      setBusy(null);
    }
    return false;
  };

  const addFeed = async (v: { name: string; url: string; intervalMinutes: number }) => {
    try {
      await api('/api/warnings/feeds', { method: 'POST', body: { ...v, kind: 'url' } });
      form.resetFields();
      await refresh();
    } catch (e) {
      onError(e, form);
    }
  };

  const fetchNow = async (f: TFeed) => {
    setBusy(f.id);
    try {
      await api(`/api/warnings/feeds/${f.id}/fetch`, { method: 'POST' });
      await refresh();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(null);
    }
  };

  const remove = async (f: TFeed) => {
    try {
      await api(`/api/warnings/feeds/${f.id}`, { method: 'DELETE' });
      await refresh();
      void message.success(t('warning.feedRemoved'));
    } catch (e) {
      onError(e);
    }
  };

  const columns: ColumnsType<TFeed> = [
    {
      title: t('warning.feedName'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <>
          <div>{v}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
            {r.url}
          </Typography.Text>
        </>
      ),
    },
    { title: t('warning.feedUnit'), dataIndex: 'unitName', width: 140, responsive: ['lg'], render: (v: string | null) => v ?? t('warning.feedUnitNone') },
    { title: t('warning.interval'), dataIndex: 'intervalMinutes', width: 100, responsive: ['md'], render: (v: number) => t('warning.minutes', { n: v }) },
    {
      title: t('warning.lastFetch'),
      dataIndex: 'lastFetchedAt',
      render: (v: string | null, r) =>
        v ? (
          <>
            <Tag color={r.lastStatus === 'ok' ? 'success' : 'error'}>{formatDateTime(v)}</Tag>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} ellipsis={{ rows: 2, expandable: true }}>
              {r.lastResult}
            </Typography.Paragraph>
          </>
        ) : (
          t('warning.neverFetched')
        ),
    },
    {
      title: '',
      width: 96,
      render: (_: unknown, r) => (
        <>
          {r.abilities.fetch ? (
            <Button
              size="small"
              type="link"
              icon={<CloudDownloadOutlined />}
              loading={busy === r.id}
              onClick={() => fetchNow(r)}
              title={t('warning.fetchNow')}
            />
          ) : null}
          {r.abilities.delete ? (
            <Popconfirm title={t('warning.feedRemoveConfirm')} onConfirm={() => remove(r)}>
              <Button size="small" type="link" danger icon={<DeleteOutlined />} title={t('warning.feedRemove')} />
            </Popconfirm>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.warningImport')}>
        <Typography.Text type="secondary">{t('warning.importHint')}</Typography.Text>
      </PageHeader>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('warning.importFile')}>
            <Upload.Dragger accept=".xml,application/xml,text/xml" showUploadList={false} beforeUpload={upload} disabled={busy === 'upload'}>
              <p style={{ fontSize: 28, margin: 0 }}>
                <UploadOutlined />
              </p>
              <p>{t('warning.dropHere')}</p>
            </Upload.Dragger>
            {result ? (
              <Alert
                style={{ marginTop: 12 }}
                type={result.status === 'ignored' ? 'info' : 'success'}
                showIcon
                message={t(`warning.import.${result.status}`)}
                description={
                  result.status === 'ignored' ? (
                    t(`warning.ignored.${result.reason}`)
                  ) : (
                    <>
                      <Link to={`/warnings/${result.id}`}>{result.identifier}</Link>
                      {result.targeted ? ` · ${t('warning.targetedN', { n: result.targeted })}` : ''}
                    </>
                  )
                }
              />
            ) : null}
            {rejected ? (
              <Alert
                style={{ marginTop: 12 }}
                type="error"
                showIcon
                message={rejected[0]}
                description={rejected.length > 1 ? rejected.slice(1, 6).map((r) => <div key={r}>{r}</div>) : undefined}
              />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('warning.feeds')}>
            <Form form={form} layout="inline" onFinish={addFeed} initialValues={{ intervalMinutes: 15 }} style={{ marginBottom: 12, rowGap: 8 }}>
              <Form.Item name="name" rules={[{ required: true, message: t('warning.required') }]}>
                <Input placeholder={t('warning.feedName')} style={{ width: 150 }} />
              </Form.Item>
              <Form.Item name="url" rules={[{ required: true, message: t('warning.required') }]} style={{ flex: 1, minWidth: 200 }}>
                <Input placeholder="http://qxj.example.gov.cn/cap/index.xml" />
              </Form.Item>
              <Form.Item name="intervalMinutes">
                <InputNumber min={5} max={1440} addonAfter={t('warning.minuteUnit')} style={{ width: 120 }} />
              </Form.Item>
              <Button htmlType="submit" icon={<PlusOutlined />}>
                {t('warning.feedAdd')}
              </Button>
            </Form>
            <Table<TFeed> rowKey="id" size="small" columns={columns} dataSource={feeds.data?.items} loading={feeds.isFetching} pagination={false} />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
              {t('warning.feedOwnerHint')}
            </Typography.Paragraph>
          </Card>
          <ImportSettingsCard />
        </Col>
      </Row>
    </>
  );
}
