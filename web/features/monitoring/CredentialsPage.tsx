import { KeyOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useUrlState } from '../../lib/url-state';
import { useApiError } from '../../lib/use-api-error';
import { type TCredential, type TNewCredential, useCredentials } from './api';

/** 数据接入凭证 of an enterprise: create (the key is shown once, with the MQTT topic and a curl example) and revoke. */
export function CredentialsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const showError = useApiError();
  const [state, update] = useUrlState(['enterpriseId'] as const);
  const enterpriseId = state.enterpriseId;
  const { data, isFetching } = useCredentials(enterpriseId);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<TNewCredential | null>(null);
  const [form] = Form.useForm<{ label: string }>();

  const refresh = () => qc.invalidateQueries({ queryKey: ['ingest-credentials'] });
  const create = async (v: { label: string }) => {
    try {
      const r = await api<{ data: TNewCredential }>('/api/monitoring/credentials', { body: { enterpriseId, label: v.label } });
      setCreating(false);
      setCreated(r.data);
      form.resetFields();
      await refresh();
    } catch (err) {
      showError(err, form);
    }
  };
  const revoke = async (c: TCredential) => {
    try {
      await api(`/api/monitoring/credentials/${c.id}/revoke`, { body: { enterpriseId } });
      await refresh();
    } catch (err) {
      showError(err);
    }
  };
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const curl = (key: string) =>
    `curl -X POST ${origin}/api/readings -H 'Authorization: Bearer ${key}' -H 'Content-Type: application/json' -d '{"readings":[{"code":"010101","ts":"${new Date().toISOString()}","value":0.42}]}'`;

  return (
    <>
      <PageHeader
        title={t('mon.cred.title')}
        extra={
          <>
            <EnterpriseSelect value={enterpriseId} onChange={(v) => update({ enterpriseId: v ?? null })} autoSelectSingle style={{ width: 260 }} />
            <Button type="primary" icon={<KeyOutlined />} disabled={!enterpriseId} onClick={() => setCreating(true)}>
              {t('mon.cred.create')}
            </Button>
          </>
        }
      >
        <Typography.Text type="secondary">{t('mon.cred.hint')}</Typography.Text>
      </PageHeader>
      {!enterpriseId ? (
        <Empty description={t('mon.cred.pickEnterprise')} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">{t('mon.cred.topic')}：</Typography.Text>
            <Typography.Text code copyable>{`taihang/v1/${enterpriseId}/readings`}</Typography.Text>
          </Card>
          <Table<TCredential>
            rowKey="id"
            size="middle"
            loading={isFetching}
            dataSource={data?.items}
            pagination={false}
            scroll={{ x: 720 }}
            columns={[
              { title: t('mon.cred.keyId'), dataIndex: 'keyId', width: 190, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
              { title: t('mon.cred.label'), dataIndex: 'label' },
              { title: t('mon.cred.createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
              { title: t('mon.cred.lastUsedAt'), dataIndex: 'lastUsedAt', width: 150, render: (v: string | null) => formatDateTime(v) || '—' },
              {
                title: t('mon.field.status'),
                dataIndex: 'revokedAt',
                width: 170,
                render: (v: string | null, c) =>
                  v ? (
                    <Tag>
                      {t('mon.cred.revokedAt')} {formatDateTime(v)}
                    </Tag>
                  ) : (
                    <Flex gap={8} align="center">
                      <Tag color="success">{t('mon.cred.active')}</Tag>
                      <Popconfirm title={t('mon.cred.revokeConfirm')} onConfirm={() => revoke(c)}>
                        <Button size="small" danger>
                          {t('mon.cred.revoke')}
                        </Button>
                      </Popconfirm>
                    </Flex>
                  ),
              },
            ]}
          />
        </>
      )}
      <Modal open={creating} title={t('mon.cred.create')} onCancel={() => setCreating(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item name="label" label={t('mon.cred.label')} rules={[{ required: true }]}>
            <Input maxLength={60} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={Boolean(created)} title={t('mon.cred.create')} onCancel={() => setCreated(null)} footer={null} width={680}>
        {created?.key ? (
          <Flex vertical gap={12}>
            <Alert type="warning" showIcon message={t('mon.cred.secretOnce')} />
            <Typography.Paragraph code copyable={{ onCopy: () => message.success(t('mon.cred.copied')) }} style={{ wordBreak: 'break-all' }}>
              {created.key}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('mon.cred.example')}</Typography.Text>
            <Typography.Paragraph code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
              {curl(created.key)}
            </Typography.Paragraph>
          </Flex>
        ) : null}
      </Modal>
    </>
  );
}
