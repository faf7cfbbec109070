import { CheckOutlined, DownloadOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Col, Descriptions, Flex, Form, Input, Modal, Row, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime, industryName } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { AreaPlot } from './AreaPlot';
import { type TMatchedObject, type TTarget, useWarning, useWarningUpdated, type WarningResponse } from './api';
import { LEVEL_COLOR, LevelTag, useCapName, useEventName, useRegionName, WarningStateTag } from './labels';

/**
 * What a target matched through, one line each: the enterprise's own point, "重大危险源：罐区储存单元",
 * "尾矿库：润通尾矿库（头顶库）", marked when matched by region or at the enterprise's point.
 */
function MatchedObjects({ objects }: { objects: TMatchedObject[] }) {
  const { t } = useI18n();
  // The enterprise's own point is worth a line only beside its installations or ponds.
  const registered = objects.some((o) => o.kind === 'installation' || o.kind === 'tailings');
  return (
    <Flex vertical gap={2}>
      {objects
        .filter((o) => registered || o.via === 'region')
        .map((o) => (
          <Typography.Text key={`${o.kind}/${o.id}`} style={{ fontSize: 12 }}>
            {o.kind === 'site' || o.kind === 'mine' ? (
              t(`warning.object.${o.kind}`)
            ) : (
              <>
                {t(`warning.object.${o.kind}`)}：{o.name}
                {o.overhead ? (
                  <Tag color="red" variant="outlined" style={{ marginInlineStart: 4, fontSize: 11 }}>
                    {t('warning.object.overhead')}
                  </Tag>
                ) : null}
              </>
            )}
            {o.via === 'region' ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                （{t('warning.object.viaRegion')}）
              </Typography.Text>
            ) : null}
            {o.approx ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                （{t('warning.object.approx')}）
              </Typography.Text>
            ) : null}
          </Typography.Text>
        ))}
    </Flex>
  );
}

/** A warning: content, area, CAP XML, and its targets with read receipts and 签收 (the enterprise confirms here). */
export function WarningDetailPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const updated = useWarningUpdated();
  const eventName = useEventName();
  const capName = useCapName();
  const regionName = useRegionName();
  const { data, error, isLoading } = useWarning(id);
  const [modal, setModal] = useState<'confirm' | 'cancel' | null>(null);
  const [form] = Form.useForm<{ text: string }>();

  const action = useAction<{ kind: 'confirm' | 'cancel'; id: string; targetId: string | null; text: string }, WarningResponse>({
    run: (v) =>
      v.kind === 'confirm'
        ? api<WarningResponse>(`/api/warnings/${v.id}/targets/${v.targetId}/confirm`, { method: 'POST', body: { feedback: v.text } })
        : api<WarningResponse>(`/api/warnings/${v.id}/cancel`, { method: 'POST', body: { reason: v.text } }),
    success: (_r, v) => t(v.kind === 'confirm' ? 'warning.confirmed' : 'warning.cancelled'),
    form,
    onSuccess: (res) => {
      void updated(res);
      setModal(null);
      form.resetFields();
    },
  });

  if (error) return <Alert type="error" message={errorMessage(error)} />;
  if (isLoading || !data) return null;
  const w = data.data;
  const ab = data.abilities;
  const mine = w.targets.find((x) => x.id === w.myTargetId);

  const act = (v: { text: string }) => action.run({ kind: modal === 'cancel' ? 'cancel' : 'confirm', id: w.id, targetId: w.myTargetId, text: v.text });

  const downloadCap = () => {
    if (!w.capXml) return;
    const url = URL.createObjectURL(new Blob([w.capXml], { type: 'application/cap+xml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${w.identifier.replace(/[^\w.-]/g, '_')}.xml`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const because = (b: string) => t(`warning.because.${b}` as 'warning.because.polygon');
  const columns: ColumnsType<TTarget> = [
    {
      title: t('warning.enterprise'),
      dataIndex: 'enterpriseName',
      render: (v: string, r) => (
        <Flex vertical gap={2}>
          <span>{v}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {industryName(r.industry, locale)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('warning.matchedBecause'),
      dataIndex: 'matchedBecause',
      width: 260,
      responsive: ['md'],
      render: (v: string[], r) => (
        <Flex vertical gap={4}>
          <Flex gap={2} wrap>
            {v
              .filter((b) => b === 'polygon' || b === 'region')
              .map((b) => (
                <Tag key={b} bordered={false}>
                  {because(b)}
                </Tag>
              ))}
          </Flex>
          <MatchedObjects objects={r.matchedObjects ?? []} />
        </Flex>
      ),
    },
    {
      title: t('warning.targetStatus'),
      dataIndex: 'status',
      width: 110,
      // The issuer chases who has not confirmed (or not even read) and checks who has.
      filters: [
        { text: t('warning.status.confirmed'), value: 'confirmed' },
        { text: t('warning.status.sent'), value: 'sent' },
        { text: t('warning.unread'), value: 'unread' },
      ],
      onFilter: (v, r) => (v === 'unread' ? !r.read : r.status === v),
      sorter: (a, b) => (a.confirmedAt ?? '').localeCompare(b.confirmedAt ?? ''),
      render: (v: string, r) => (
        <Flex vertical gap={2} align="flex-start">
          {v === 'confirmed' ? <Tag color="success">{t('warning.status.confirmed')}</Tag> : <Tag color="warning">{t('warning.status.sent')}</Tag>}
          <Badge status={r.read ? 'success' : 'default'} text={<span style={{ fontSize: 12 }}>{r.read ? t('warning.read') : t('warning.unread')}</span>} />
        </Flex>
      ),
    },
    {
      title: t('warning.feedback'),
      dataIndex: 'feedback',
      responsive: ['sm'],
      render: (v: string | null, r) =>
        v ? (
          <Flex vertical gap={2}>
            <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true }}>
              {v}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.confirmerName} · {formatDateTime(r.confirmedAt)}
            </Typography.Text>
          </Flex>
        ) : (
          '—'
        ),
    },
  ];

  const confirmedN = w.targets.filter((x) => x.status === 'confirmed').length;
  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <LevelTag level={w.level} />
            <span>{w.headline}</span>
          </Flex>
        }
        extra={
          <>
            {ab.confirm ? (
              <Button type="primary" icon={<CheckOutlined />} onClick={() => setModal('confirm')}>
                {t('warning.confirm')}
              </Button>
            ) : null}
            {ab.update ? (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/warnings/${w.id}/update`)}>
                {t('warning.update')}
              </Button>
            ) : null}
            {ab.cancel ? (
              <Button danger icon={<StopOutlined />} onClick={() => setModal('cancel')}>
                {t('warning.cancel')}
              </Button>
            ) : null}
            {w.capXml ? (
              <Button icon={<DownloadOutlined />} onClick={downloadCap}>
                {t('warning.downloadCap')}
              </Button>
            ) : null}
          </>
        }
      >
        <Flex gap={8} wrap align="center">
          <WarningStateTag state={w.state} />
          <Typography.Text type="secondary">
            {eventName(w.eventType)} · {w.issuerName} · {formatDateTime(w.effective)}
            {w.expires ? ` → ${formatDateTime(w.expires)}` : ''}
          </Typography.Text>
        </Flex>
      </PageHeader>
      {mine ? (
        <Alert
          style={{ marginBottom: 16 }}
          type={mine.status === 'confirmed' ? 'success' : 'warning'}
          showIcon
          message={mine.status === 'confirmed' ? t('warning.myConfirmed', { at: formatDateTime(mine.confirmedAt) }) : t('warning.myTask')}
          description={
            <>
              {mine.matchedObjects?.some((o) => o.kind === 'installation' || o.kind === 'tailings') ? (
                <div style={{ marginBottom: 8 }}>
                  <MatchedObjects objects={mine.matchedObjects} />
                </div>
              ) : null}
              <div style={{ whiteSpace: 'pre-wrap' }}>{mine.taskText}</div>
              {mine.feedback ? <div style={{ marginTop: 8 }}>{t('warning.myFeedback', { feedback: mine.feedback })}</div> : null}
            </>
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('warning.content')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('warning.description')}>{w.description || '—'}</Descriptions.Item>
              {w.instruction ? <Descriptions.Item label={t('warning.instruction')}>{w.instruction}</Descriptions.Item> : null}
              <Descriptions.Item label={t('warning.taskText')}>{w.taskText || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('warning.identifier')}>
                <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                  {w.identifier}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('warning.msgType')}>{capName('msgType', w.msgType)}</Descriptions.Item>
              <Descriptions.Item label={t('warning.capStatus')}>{capName('capStatus', w.capStatus)}</Descriptions.Item>
              <Descriptions.Item label={t('warning.capScope')}>{capName('scope', w.capScope)}</Descriptions.Item>
              <Descriptions.Item label={t('warning.severity')}>{capName('severity', w.severity)}</Descriptions.Item>
              <Descriptions.Item label={t('warning.sender')}>
                <span style={{ wordBreak: 'break-all' }}>{w.sender}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('warning.sent')}>{formatDateTime(w.sent)}</Descriptions.Item>
              {w.references ? (
                <Descriptions.Item label={t('warning.references')}>
                  <span style={{ wordBreak: 'break-all', fontSize: 12 }}>{w.references}</span>
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('warning.source')}>{t(`warning.source.${w.source}`)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={`${t('warning.area')}：${w.area.areaDesc}`}>
            {w.area.polygons.length ? (
              <AreaPlot polygons={w.area.polygons} points={[]} color={w.level ? LEVEL_COLOR[w.level] : undefined} height={280} />
            ) : null}
            {w.area.regionCodes.length ? (
              <Typography.Paragraph style={{ marginTop: 8 }}>
                {t('warning.regionCodes')}：{w.areaRegions.map(regionName).join('、')}
              </Typography.Paragraph>
            ) : null}
          </Card>
        </Col>
        {ab.seeTargets ? (
          <Col span={24}>
            <Card
              size="small"
              title={t('warning.targets')}
              extra={
                <Typography.Text>
                  {t('warning.confirmedCount', { confirmed: confirmedN, total: w.targets.length })} · {t('warning.readCount', { n: w.readCount })}
                </Typography.Text>
              }
            >
              <Table<TTarget> rowKey="id" size="small" columns={columns} dataSource={w.targets} pagination={w.targets.length > 20 ? { pageSize: 20 } : false} />
            </Card>
          </Col>
        ) : null}
      </Row>
      <Modal
        open={modal !== null}
        title={modal === 'confirm' ? t('warning.confirm') : t('warning.cancel')}
        onCancel={() => setModal(null)}
        onOk={() => form.submit()}
        confirmLoading={action.busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={act} preserve={false}>
          <Form.Item
            name="text"
            label={modal === 'confirm' ? t('warning.feedback') : t('warning.cancelReason')}
            rules={[{ required: true, message: t('warning.required') }]}
            initialValue={modal === 'confirm' ? t('warning.feedbackDefault') : undefined}
          >
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
