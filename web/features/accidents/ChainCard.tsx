import { CheckOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { ApiError, api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useApiError } from '../../lib/use-api-error';
import { type AccidentResponse, type TAccidentAbilities, type TAccidentDetail, type TChainLink, useAccidentUpdated } from './api';
import { chainOrder, GOVERNMENT_LEVELS, isParallel, recipientName } from './labels';

interface ReportForm {
  comment?: string;
  skipReason?: string;
}

/** Levels below `link` that have not reported yet: reporting now is 越级上报 and needs a reason (Art. 10). */
function skippedBelow(chain: TChainLink[], link: TChainLink): boolean {
  const idx = GOVERNMENT_LEVELS.indexOf(link.recipient);
  if (idx <= 0) return false;
  return GOVERNMENT_LEVELS.slice(0, idx).some((lv) => chain.some((c) => c.recipient === lv && !c.reportedAt));
}

function ChainReportModal({ accident, link, onClose }: { accident: TAccidentDetail; link: TChainLink | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<ReportForm>();
  const { message } = App.useApp();
  const showError = useApiError();
  const updated = useAccidentUpdated();
  const [busy, setBusy] = useState(false);
  // Shown when a lower level is still open, or when the server says the reason is required.
  const [serverNeedsSkip, setServerNeedsSkip] = useState(false);
  const needsSkip = serverNeedsSkip || (link ? link.reportNeedsReason || skippedBelow(accident.chain, link) : false);
  const name = link ? recipientName(link.recipient, locale) : '';

  const close = () => {
    setServerNeedsSkip(false);
    onClose();
  };

  const submit = async (v: ReportForm) => {
    if (!link) return;
    setBusy(true);
    try {
      const body = {
        ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
        ...(needsSkip && v.skipReason?.trim() ? { skipReason: v.skipReason.trim() } : {}),
      };
      const res = await api<AccidentResponse>(`/api/accidents/${accident.id}/chain/${link.recipient}/report`, { body });
      await updated(res);
      void message.success(t('chain.reportedOk'));
      close();
    } catch (err) {
      if (err instanceof ApiError && err.details.some((d) => d.field === 'skipReason')) setServerNeedsSkip(true);
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={link !== null}
      title={isParallel(link?.recipient ?? 'county') ? t('chain.notifyTitle', { recipient: name }) : t('chain.reportTitle', { recipient: name })}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      {link ? (
        <Typography.Paragraph type="secondary">
          {t('chain.due')}：{formatDateTime(link.due)}
          {link.late ? (
            <Tag color="red" style={{ marginInlineStart: 8 }}>
              {t('common.overdue')}
            </Tag>
          ) : null}
        </Typography.Paragraph>
      ) : null}
      {needsSkip ? <Alert type="warning" showIcon title={t('chain.skipHint')} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="comment" label={t('chain.comment')} rules={[{ max: 500, message: t('validation.length', { min: 0, max: 500 }) }]}>
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('chain.commentHint')} />
        </Form.Item>
        {/* Always registered so a server error on skipReason lands on it; visible when needed. */}
        <Form.Item
          name="skipReason"
          label={t('chain.skipReason')}
          hidden={!needsSkip}
          rules={
            needsSkip
              ? [
                  { required: true, whitespace: true, message: t('validation.required') },
                  { min: 2, max: 500, message: t('validation.length', { min: 2, max: 500 }) },
                ]
              : []
          }
        >
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 报告链 (Arts. 9–11): each level and parallel body, its due time, the report and the receipt. */
export function ChainCard({ accident, abilities }: { accident: TAccidentDetail; abilities: TAccidentAbilities }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const updated = useAccidentUpdated();
  const [reporting, setReporting] = useState<TChainLink | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const rows = [...accident.chain].sort((a, b) => chainOrder(a.recipient) - chainOrder(b.recipient));

  const confirm = async (link: TChainLink) => {
    setConfirming(link.recipient);
    try {
      const res = await api<AccidentResponse>(`/api/accidents/${accident.id}/chain/${link.recipient}/confirm`, { method: 'POST' });
      await updated(res);
      void message.success(t('chain.confirmedOk'));
    } catch (err) {
      showError(err);
    } finally {
      setConfirming(null);
    }
  };

  const who = (at: string | null, by: string | null) =>
    at ? (
      <Space orientation="vertical" size={0}>
        <span>{formatDateTime(at)}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {by}
        </Typography.Text>
      </Space>
    ) : null;

  return (
    <Card size="small" title={t('chain.title')} style={{ marginBottom: 16 }}>
      <Table<TChainLink>
        size="small"
        rowKey="recipient"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 980 }}
        columns={[
          {
            title: t('chain.recipient'),
            dataIndex: 'recipient',
            width: 200,
            render: (r: TChainLink['recipient']) => (
              <Space size={4} wrap>
                <Typography.Text strong={!isParallel(r)}>{recipientName(r, locale)}</Typography.Text>
                {isParallel(r) ? <Tag>{t('chain.parallel')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('chain.due'),
            dataIndex: 'due',
            width: 150,
            render: (v: string, r) => (
              <Space size={4} wrap>
                <span style={{ color: r.late ? '#cf1322' : undefined }}>{formatDateTime(v)}</span>
                {r.late ? <Tag color="red">{t('common.overdue')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('chain.reported'),
            key: 'reported',
            width: 220,
            render: (_, r) =>
              r.reportedAt ? (
                <Space orientation="vertical" size={2}>
                  {who(r.reportedAt, r.reportedBy)}
                  {r.skipped ? (
                    <span>
                      <Tag color="purple">{t('chain.skipped')}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.skipReason}
                      </Typography.Text>
                    </span>
                  ) : null}
                </Space>
              ) : (
                <Tag>{t('chain.pending')}</Tag>
              ),
          },
          {
            title: t('chain.confirmed'),
            key: 'confirmed',
            width: 220,
            render: (_, r) => (r.confirmedAt ? who(r.confirmedAt, r.confirmedBy) : r.reportedAt ? <Tag color="gold">{t('chain.awaiting')}</Tag> : null),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 190,
            render: (_, r) => (
              <Space size={4} wrap>
                {r.canConfirm ? (
                  <Popconfirm
                    title={t('chain.confirmAsk', { recipient: recipientName(r.recipient, locale) })}
                    onConfirm={() => confirm(r)}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                  >
                    <Button size="small" type="primary" icon={<CheckOutlined />} loading={confirming === r.recipient}>
                      {t('chain.confirm')}
                    </Button>
                  </Popconfirm>
                ) : null}
                {/* The receiving department confirms; reporting is for the level below. */}
                {abilities.report && r.canReport && !r.canConfirm ? (
                  <Button size="small" icon={<SendOutlined />} onClick={() => setReporting(r)}>
                    {isParallel(r.recipient) ? t('chain.notify') : t('chain.report')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 8 }}>
        <Source text={accident.sources.reporting} />
      </div>
      <ChainReportModal accident={accident} link={reporting} onClose={() => setReporting(null)} />
    </Card>
  );
}
