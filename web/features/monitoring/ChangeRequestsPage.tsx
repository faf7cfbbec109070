import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { type MessageKey, useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useApiError } from '../../lib/use-api-error';
import { type TChangeRequest, useChangeRequests } from './api';

const STATUS_COLOR = { pending: 'gold', approved: 'green', rejected: 'default' } as const;

/** "断电 1.2 → 1.5 %CH4（法定 1.5）", one line per loosening. */
function ChangeLines({ r }: { r: TChangeRequest }) {
  const { t } = useI18n();
  const v = (x: unknown, field: string) => {
    if (x === null || x === undefined) return '—';
    if (field === 'outOfServiceUntil' && typeof x === 'string') return formatDateTime(x);
    if (typeof x === 'boolean') return x ? t('mon.field.inService') : t('mon.loosen.field.inService');
    return `${x}${field.endsWith('Seconds') ? ' s' : ` ${r.unit}`}`;
  };
  return (
    <Space direction="vertical" size={0}>
      {r.changes.map((c) => {
        const key = c.field.startsWith('rules.') ? `mon.rules.${c.field.slice(6)}` : `mon.loosen.field.${c.field}`;
        return (
          <span key={c.field}>
            {t(key as MessageKey)}：{v(c.from, c.field)} → <Typography.Text strong>{v(c.to, c.field)}</Typography.Text>
            {c.legal !== null ? <Typography.Text type="secondary">（{t('mon.cr.legal', { value: `${c.legal} ${r.unit}` })}）</Typography.Text> : null}
          </span>
        );
      })}
    </Space>
  );
}

/** Approve or reject with a comment (the supervising department); the buttons are the server's abilities. */
function DecideButtons({ r }: { r: TChangeRequest }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const showError = useApiError();
  const [decision, setDecision] = useState<'approve' | 'reject' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ comment: string }>();
  if (!r.abilities.approve && !r.abilities.reject) return null;
  const submit = async (v: { comment: string }) => {
    setBusy(true);
    try {
      await api(`/api/sensor-change-requests/${r.id}/${decision}`, { body: v });
      message.success(t('mon.cr.done'));
      setDecision(null);
      for (const k of ['sensor-change-requests', 'sensor', 'sensors']) await qc.invalidateQueries({ queryKey: [k] });
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Space>
        {r.abilities.approve ? (
          <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => setDecision('approve')}>
            {t('mon.cr.approve')}
          </Button>
        ) : null}
        {r.abilities.reject ? (
          <Button size="small" danger icon={<CloseOutlined />} onClick={() => setDecision('reject')}>
            {t('mon.cr.reject')}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={decision !== null}
        title={`${decision === 'approve' ? t('mon.cr.approve') : t('mon.cr.reject')}：${r.enterpriseName} ${r.sensorName}`}
        onCancel={() => setDecision(null)}
        onOk={() => form.submit()}
        okButtonProps={{ danger: decision === 'reject' }}
        confirmLoading={busy}
        destroyOnHidden
      >
        <ChangeLines r={r} />
        <Typography.Paragraph style={{ marginTop: 8 }}>
          {t('mon.cr.reason')}：{r.reason}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="comment" label={t('mon.cr.comment')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
        <Source text={r.basis} />
      </Modal>
    </>
  );
}

/** The requests table: the department's queue, or one sensor's requests with their status for the enterprise. */
export function ChangeRequestTable({ items, loading, showSensor = true }: { items: TChangeRequest[]; loading?: boolean; showSensor?: boolean }) {
  const { t } = useI18n();
  return (
    <Table<TChangeRequest>
      size="small"
      rowKey="id"
      loading={loading}
      pagination={false}
      dataSource={items}
      scroll={{ x: showSensor ? 1100 : 620 }}
      locale={{ emptyText: t('mon.cr.none') }}
      columns={[
        ...(showSensor
          ? [
              { title: t('mon.cr.enterprise'), width: 180, dataIndex: 'enterpriseName' },
              {
                title: t('mon.cr.sensor'),
                width: 180,
                render: (_: unknown, r: TChangeRequest) => (
                  <Link to={`/monitoring/sensors/${r.sensorId}`}>
                    {r.sensorName}（{r.sensorCode}）
                  </Link>
                ),
              },
            ]
          : []),
        { title: t('mon.cr.changes'), width: 230, render: (_, r) => <ChangeLines r={r} /> },
        { title: t('mon.cr.reason'), dataIndex: 'reason' },
        {
          title: t('mon.cr.requested'),
          width: 140,
          render: (_, r) => (
            <>
              <div>{r.requestedByName}</div>
              <Typography.Text type="secondary">{formatDateTime(r.requestedAt)}</Typography.Text>
            </>
          ),
        },
        {
          title: t('mon.cr.status'),
          width: 200,
          render: (_, r) => (
            <Flex vertical gap={4}>
              <span>
                <Tag color={STATUS_COLOR[r.status]}>{t(`mon.cr.status.${r.status}` as MessageKey)}</Tag>
              </span>
              {r.decidedAt ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.decidedByName} {formatDateTime(r.decidedAt)}：{r.decisionComment}
                </Typography.Text>
              ) : null}
              <DecideButtons r={r} />
            </Flex>
          ),
        },
      ]}
    />
  );
}

/** 放宽/停用审批: the supervising department's queue of requests in its scope (pending first); the enterprise sees its own. */
export function ChangeRequestsPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<'pending' | 'all'>('pending');
  const { data, isFetching } = useChangeRequests({ status: status === 'all' ? undefined : status, pageSize: 200 });
  return (
    <>
      <PageHeader title={t('mon.cr.title')} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('mon.cr.hint')} description={t('mon.legal.rule')} />
      <Card
        size="small"
        extra={
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as 'pending' | 'all')}
            options={[
              { value: 'pending', label: t('mon.cr.status.pending') },
              { value: 'all', label: t('mon.cr.all') },
            ]}
          />
        }
      >
        <ChangeRequestTable items={data?.items ?? []} loading={isFetching} />
      </Card>
    </>
  );
}
