import { CheckOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FATAL_ACCIDENT_ACTIONS } from '../../../common/rules/accident-investigation';
import { AttachmentList, AttachmentUpload } from '../../components/Attachments';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useApiError } from '../../lib/use-api-error';
import { type AccidentResponse, type TAccidentAbilities, type TAccidentDetail, type TFatalAction, useAccidentUpdated } from './api';
import { ActionStatusTag } from './labels';

type Outcome = 'complete' | 'set-aside';

/** Completing these also changes the enterprise itself (停产整顿, 取消标准化等级). */
const CHANGES_ENTERPRISE = new Set(['suspendEnterprise', 'revokeStandardization']);

function CloseActionModal({
  accident,
  target,
  onClose,
}: {
  accident: TAccidentDetail;
  target: { action: TFatalAction; outcome: Outcome } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ comment: string; evidence?: string[] }>();
  const { message } = App.useApp();
  const showError = useApiError();
  const updated = useAccidentUpdated();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const complete = target?.outcome === 'complete';

  const submit = async (v: { comment: string; evidence?: string[] }) => {
    if (!target) return;
    setBusy(true);
    try {
      const res = await api<AccidentResponse>(`/api/accidents/${accident.id}/actions/${target.action.key}/${target.outcome}`, {
        body: { comment: v.comment.trim(), evidence: v.evidence ?? [] },
      });
      await updated(res);
      if (accident.enterpriseId) {
        await qc.invalidateQueries({ queryKey: ['enterprise', accident.enterpriseId] });
        await qc.invalidateQueries({ queryKey: ['enterprises'] });
        await qc.invalidateQueries({ queryKey: ['supervision-table'] });
      }
      void message.success(t('common.done'));
      onClose();
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={target ? t(complete ? 'fatal.completeTitle' : 'fatal.setAsideTitle', { name: target.action.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      okButtonProps={{ loading: busy, danger: complete && CHANGES_ENTERPRISE.has(target?.action.key ?? '') }}
      destroyOnHidden
    >
      {complete && target && CHANGES_ENTERPRISE.has(target.action.key) && accident.enterpriseId ? (
        <Alert type="warning" showIcon title={t('fatal.enterpriseEffect', { enterprise: accident.enterpriseName ?? '' })} style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="comment"
          label={complete ? t('fatal.completeComment') : t('fatal.setAsideComment')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, max: 1000, message: t('validation.length', { min: 2, max: 1000 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        {complete ? (
          <Form.Item name="evidence" label={t('attachments.label')}>
            <AttachmentUpload />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** 亡人事故处置 (晋市政发〔2021〕1号 item 27): the four tracked follow-ups of an accident with a death. */
export function FatalActionsCard({ accident, abilities }: { accident: TAccidentDetail; abilities: TAccidentAbilities }) {
  const { t } = useI18n();
  const [target, setTarget] = useState<{ action: TFatalAction; outcome: Outcome } | null>(null);
  // In the notice's order: suspension, grade, licence, criminal investigation.
  const order = (k: string) => FATAL_ACCIDENT_ACTIONS.findIndex((x) => x.key === k);
  const rows = [...accident.actions].sort((a, b) => order(a.key) - order(b.key));
  return (
    <Card size="small" title={t('fatal.title')} style={{ marginBottom: 16 }}>
      <Table<TFatalAction>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('fatal.action'), dataIndex: 'name', width: 200 },
          {
            title: t('fatal.due'),
            dataIndex: 'due',
            width: 170,
            render: (v: string, r) => (
              <Space size={4} wrap>
                <span style={{ color: r.overdue ? '#cf1322' : undefined }}>{formatDateTime(v)}</span>
                {r.overdue ? <Tag color="red">{t('common.overdue')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('field.status'), dataIndex: 'status', width: 90, render: (_: string, r) => <ActionStatusTag status={r.status} /> },
          {
            title: t('fatal.comment'),
            key: 'comment',
            render: (_, r) =>
              r.closedAt ? (
                <Space orientation="vertical" size={0}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{r.comment}</span>
                  <AttachmentList ids={r.evidence} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.closedBy} · {formatDateTime(r.closedAt)}
                  </Typography.Text>
                </Space>
              ) : null,
          },
          ...(abilities.report && rows.some((r) => r.canClose)
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 250,
                  render: (_: unknown, r: TFatalAction) =>
                    r.canClose ? (
                      <Space size={4}>
                        <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => setTarget({ action: r, outcome: 'complete' })}>
                          {t('fatal.complete')}
                        </Button>
                        <Button size="small" icon={<MinusCircleOutlined />} onClick={() => setTarget({ action: r, outcome: 'set-aside' })}>
                          {t('fatal.setAside')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <div style={{ marginTop: 8 }}>
        <Source text={accident.sources.fatal} />
      </div>
      <CloseActionModal accident={accident} target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
