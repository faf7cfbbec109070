import { AuditOutlined, EditOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Skeleton,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { MEASURE_CATEGORIES } from '../../../common/contracts/risk';
import { COLOR_OF_LEVEL } from '../../../common/rules/risk-assessment';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useApiError } from '../../lib/use-api-error';
import { AssessmentFields, AssessmentPreview, completeAssessment } from './AssessmentFields';
import { type RiskPointResponse, type TRiskAssessment, type TRiskPointDetail, useRiskChanged, useRiskPoint } from './api';
import { accidentTypeName, inputsText, RISK_HEX, RiskLevelTag, scoreLabel } from './labels';
import { ReceiptList } from './ReceiptList';

/** A risk point: assessment and 依据, measures by category, reviews, and its 重大风险 reports with receipts. */
export function RiskPointDetailPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { data, isLoading, error } = useRiskPoint(id);
  const [reviewing, setReviewing] = useState(false);
  if (isLoading) return <Skeleton active />;
  if (error || !data) return <Result status="404" title={error ? errorMessage(error) : t('common.notFound')} />;
  const p = data.data;
  const hex = RISK_HEX[p.color];
  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span>{p.name}</span>
            <RiskLevelTag level={p.level} />
          </Flex>
        }
        extra={
          <>
            {data.abilities.review ? (
              <Button icon={<AuditOutlined />} onClick={() => setReviewing(true)}>
                {t('risk.review')}
              </Button>
            ) : null}
            {data.abilities.edit ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/risk-points/${p.id}/edit`)}>
                {t('common.edit')}
              </Button>
            ) : null}
          </>
        }
      >
        <Typography.Text type="secondary">
          {p.code} · {p.enterpriseName}
        </Typography.Text>
      </PageHeader>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('risk.sectionPoint')} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'kind', label: t('risk.kind'), children: t(`risk.kind.${p.kind}`) },
                { key: 'loc', label: t('risk.location'), children: p.location || '—' },
                { key: 'hf', label: t('risk.hazardFactors'), span: 'filled', children: <span style={{ whiteSpace: 'pre-wrap' }}>{p.hazardFactors}</span> },
                {
                  key: 'at',
                  label: t('risk.accidentTypes'),
                  span: 'filled',
                  children: (
                    <Flex gap={4} wrap>
                      {p.accidentTypes.map((c) => (
                        <Tag key={c}>{accidentTypeName(c, locale)}</Tag>
                      ))}
                    </Flex>
                  ),
                },
                { key: 'cl', label: t('risk.controlLevel'), children: t(`risk.control.${p.controlLevel}`) },
                { key: 'rp', label: t('risk.responsiblePerson'), children: `${p.responsiblePerson}${p.responsiblePhone ? `  ${p.responsiblePhone}` : ''}` },
                {
                  key: 'rd',
                  label: t('risk.reviewDue'),
                  children: (
                    <Flex gap={6} align="center" wrap>
                      <Typography.Text type={p.reviewOverdue ? 'danger' : undefined}>{p.reviewDue}</Typography.Text>
                      {p.reviewOverdue ? <Tag color="red">{t('risk.reviewOverdue')}</Tag> : null}
                    </Flex>
                  ),
                },
                { key: 'lr', label: t('risk.lastReviewedAt'), children: p.lastReviewedAt ? formatDateTime(p.lastReviewedAt) : '—' },
              ]}
            />
          </Card>
          <Card size="small" title={t('risk.sectionMeasures')} style={{ marginBottom: 16 }}>
            {MEASURE_CATEGORIES.filter((c) => p.measures[c]?.length).map((c) => (
              <div key={c} style={{ marginBottom: 8 }}>
                <Typography.Text strong>{t(`risk.measure.${c}`)}</Typography.Text>
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {p.measures[c].map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={t('risk.sectionAssessment')}
            style={{ marginBottom: 16, borderColor: hex.bg }}
            styles={{ header: { background: hex.soft } }}
          >
            <Flex gap={12} align="center" wrap style={{ marginBottom: 8 }}>
              <Typography.Text strong style={{ fontSize: 22 }}>
                {scoreLabel(p.method)} = {p.score}
              </Typography.Text>
              <RiskLevelTag level={p.level} />
            </Flex>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'm', label: t('risk.method'), children: t(`risk.method.${p.method}`) },
                { key: 'i', label: t('risk.inputs'), children: inputsText(p.inputs) },
                { key: 'a', label: t('risk.assessedAt'), children: `${formatDateTime(p.assessedAt)} · ${p.assessedBy}` },
              ]}
            />
            <Source text={p.source} />
          </Card>
          <Card size="small" title={t('risk.sectionReports')} style={{ marginBottom: 16 }}>
            {p.reports.length ? (
              <Flex vertical gap={12}>
                {p.reports.map((r) => (
                  <div key={r.id}>
                    <Link to={`/risk-reports/${r.id}`}>{formatDateTime(r.reportedAt)}</Link>{' '}
                    <Typography.Text type="secondary">{t(`risk.trigger.${r.content.trigger}`)}</Typography.Text>
                    <div style={{ marginTop: 4 }}>
                      <ReceiptList recipients={r.recipients} />
                    </div>
                  </div>
                ))}
              </Flex>
            ) : (
              <Typography.Text type="secondary">{t('risk.noReports')}</Typography.Text>
            )}
          </Card>
          <Card size="small" title={t('risk.sectionReviews')} style={{ marginBottom: 16 }}>
            {p.reviews.length ? (
              <Timeline
                items={[...p.reviews].reverse().map((v) => ({
                  key: v.id,
                  color: RISK_HEX[COLOR_OF_LEVEL[v.toLevel]].bg,
                  content: (
                    <>
                      <Typography.Text strong>{formatDateTime(v.at)}</Typography.Text> <Typography.Text type="secondary">{v.actorName}</Typography.Text>
                      <div>{v.comment}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {v.fromLevel !== v.toLevel
                          ? t('risk.reviewChanged', { from: t(`risk.levelShort.${v.fromLevel}`), to: t(`risk.levelShort.${v.toLevel}`) })
                          : t('risk.reviewUnchanged')}
                        {' · '}
                        {t('risk.nextReview', { date: v.nextReviewDue })}
                      </Typography.Text>
                    </>
                  ),
                }))}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('risk.noReviews')} />
            )}
          </Card>
        </Col>
      </Row>
      {reviewing ? <ReviewModal point={p} onClose={() => setReviewing(false)} /> : null}
    </>
  );
}

interface ReviewValues {
  comment: string;
  nextReviewDue?: Dayjs;
  reassess: boolean;
  assessment?: Partial<TRiskAssessment>;
}

function ReviewModal({ point, onClose }: { point: TRiskPointDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const changed = useRiskChanged();
  const [form] = Form.useForm<ReviewValues>();
  const [busy, setBusy] = useState(false);
  const reassess = Form.useWatch('reassess', form);
  const assessment = completeAssessment(Form.useWatch('assessment', { form, preserve: true }) as Record<string, unknown> | undefined);
  const submit = async (v: ReviewValues) => {
    setBusy(true);
    try {
      const res = await api<RiskPointResponse>(`/api/risk-points/${point.id}/review`, {
        body: {
          comment: v.comment.trim(),
          nextReviewDue: v.nextReviewDue?.format('YYYY-MM-DD'),
          ...(v.reassess ? { assessment: completeAssessment(v.assessment as Record<string, unknown>) } : {}),
        },
      });
      await changed();
      void message.success(res.data.reports.length > point.reports.length ? t('risk.savedReported') : t('common.saved'));
      onClose();
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('risk.reviewTitle', { name: point.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form<ReviewValues>
        form={form}
        layout="vertical"
        initialValues={{ reassess: false, nextReviewDue: dayjs().add(1, 'year'), assessment: { method: point.method, ...point.inputs } }}
        onFinish={submit}
      >
        <Form.Item
          name="comment"
          label={t('risk.reviewComment')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, max: 2000, message: t('validation.length', { min: 2, max: 2000 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="nextReviewDue" label={t('risk.nextReviewDue')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().add(1, 'day'), 'day')} />
        </Form.Item>
        <Form.Item name="reassess" valuePropName="checked">
          <Checkbox>{t('risk.reassess')}</Checkbox>
        </Form.Item>
        {reassess ? (
          <>
            <AssessmentFields />
            <AssessmentPreview assessment={assessment} />
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
