import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Radio, Result, Row, Select, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { MEASURE_CATEGORIES, RISK_POINT_KINDS } from '../../../common/contracts/risk';
import { GB6441_TYPES } from '../../../common/gb6441';
import { CONTROL_LEVELS, SUGGESTED_CONTROL_LEVEL } from '../../../common/rules/risk-assessment';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { ApiError, api, errorMessage } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useApiError } from '../../lib/use-api-error';
import { AssessmentFields, AssessmentPreview, completeAssessment, useAssessment } from './AssessmentFields';
import { type RiskPointResponse, type TMeasures, type TRiskAssessment, type TRiskPointDetail, useRiskChanged, useRiskPoint } from './api';

interface FormValues {
  enterpriseId?: string | null;
  name: string;
  kind: string;
  location?: string;
  hazardFactors: string;
  accidentTypes: string[];
  assessment: Partial<TRiskAssessment>;
  measures: TMeasures;
  controlLevel: string;
  responsiblePerson: string;
  responsiblePhone?: string;
  reviewDue?: Dayjs;
}

const EMPTY_MEASURES: TMeasures = { engineering: [], management: [], training: [], ppe: [], emergency: [] };

function initialOf(p: TRiskPointDetail | undefined): Partial<FormValues> {
  if (!p) return { kind: 'area', accidentTypes: [], assessment: { method: 'lec' }, measures: EMPTY_MEASURES, reviewDue: dayjs().add(1, 'year') };
  return {
    enterpriseId: p.enterpriseId,
    name: p.name,
    kind: p.kind,
    location: p.location ?? undefined,
    hazardFactors: p.hazardFactors,
    accidentTypes: p.accidentTypes,
    assessment: { method: p.method, ...p.inputs } as Partial<TRiskAssessment>,
    measures: { ...EMPTY_MEASURES, ...p.measures },
    controlLevel: p.controlLevel,
    responsiblePerson: p.responsiblePerson,
    responsiblePhone: p.responsiblePhone ?? undefined,
    reviewDue: dayjs(p.reviewDue),
  };
}

/** 风险点登记/编辑: the point, its LEC or LS assessment with a live result, measures by category and the review date. */
export function RiskPointFormPage() {
  const { id } = useParams();
  const detail = useRiskPoint(id);
  const { t } = useI18n();
  if (id && detail.isLoading) return <Skeleton active />;
  if (id && detail.error) return <Result status="warning" title={errorMessage(detail.error)} />;
  if (id && detail.data && !detail.data.abilities.edit) return <Result status="403" title={t('common.forbidden')} />;
  return <RiskPointForm key={id ?? 'new'} existing={detail.data?.data} />;
}

function RiskPointForm({ existing }: { existing?: TRiskPointDetail }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const changed = useRiskChanged();
  const me = useMe();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const initial = useMemo(() => initialOf(existing), [existing]);
  const assessmentValue = Form.useWatch('assessment', { form, preserve: true });
  const assessment = completeAssessment(assessmentValue as Record<string, unknown> | undefined);
  const { calc } = useAssessment(assessment);
  const suggested = calc.data ? SUGGESTED_CONTROL_LEVEL[calc.data.level] : undefined;
  const ownEnterprise = me.data?.user.kind === 'enterprise';
  const req = [{ required: true, message: t('validation.required') }];
  const text = (min: number, max: number) => [
    { required: true, whitespace: true, message: t('validation.required') },
    { min, max, message: t('validation.length', { min, max }) },
  ];

  const submit = async (v: FormValues) => {
    const a = completeAssessment(v.assessment as Record<string, unknown>);
    const measures = Object.fromEntries(MEASURE_CATEGORIES.map((c) => [c, (v.measures?.[c] ?? []).map((x) => x.trim()).filter(Boolean)])) as TMeasures;
    if (!MEASURE_CATEGORIES.some((c) => measures[c].length)) {
      void message.error(t('risk.measuresRequired'));
      return;
    }
    const body = {
      name: v.name.trim(),
      kind: v.kind,
      location: v.location?.trim() || null,
      hazardFactors: v.hazardFactors.trim(),
      accidentTypes: v.accidentTypes,
      assessment: a,
      measures,
      controlLevel: v.controlLevel,
      responsiblePerson: v.responsiblePerson.trim(),
      responsiblePhone: v.responsiblePhone?.trim() || null,
      reviewDue: v.reviewDue?.format('YYYY-MM-DD'),
    };
    setBusy(true);
    try {
      const res = existing
        ? await api<RiskPointResponse>(`/api/risk-points/${existing.id}`, { method: 'PATCH', body: { ...body, version: existing.version } })
        : await api<RiskPointResponse>('/api/risk-points', { body: { ...body, ...(v.enterpriseId ? { enterpriseId: v.enterpriseId } : {}) } });
      await changed();
      void message.success(res.data.level === 1 && res.data.reports.length > (existing?.reports.length ?? 0) ? t('risk.savedReported') : t('common.saved'));
      navigate(`/risk-points/${res.data.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.details.some((d) => d.field === 'measures')) void message.error(t('risk.measuresRequired'));
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  const card = { size: 'small' as const, style: { marginBottom: 16 }, styles: { header: { background: '#f7f9fc' } } };
  return (
    <>
      <PageHeader title={existing ? t('risk.editTitle', { code: existing.code }) : t('risk.newTitle')} />
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={submit} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card {...card} title={t('risk.sectionPoint')}>
              {!existing && !ownEnterprise ? (
                <Form.Item name="enterpriseId" label={t('risk.enterprise')} rules={req}>
                  <EnterpriseSelect autoSelectSingle />
                </Form.Item>
              ) : null}
              <Row gutter={12}>
                <Col xs={24} md={14}>
                  <Form.Item name="name" label={t('risk.name')} rules={text(2, 100)}>
                    <Input maxLength={100} placeholder={t('risk.namePlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name="kind" label={t('risk.kind')} rules={req}>
                    <Radio.Group optionType="button" options={RISK_POINT_KINDS.map((k) => ({ value: k, label: t(`risk.kind.${k}`) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="location" label={t('risk.location')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="hazardFactors" label={t('risk.hazardFactors')} rules={text(2, 2000)}>
                <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('risk.hazardFactorsPlaceholder')} />
              </Form.Item>
              <Form.Item
                name="accidentTypes"
                label={t('risk.accidentTypes')}
                rules={[{ required: true, type: 'array', min: 1, message: t('validation.required') }]}
              >
                <Select
                  mode="multiple"
                  showSearch={{ optionFilterProp: 'label' }}
                  options={GB6441_TYPES.map((g) => ({ value: g.code, label: `${g.code} ${locale === 'en-US' ? g.en : g.zh}` }))}
                />
              </Form.Item>
            </Card>
            <Card {...card} title={t('risk.sectionMeasures')}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 0 }}>
                {t('risk.measuresHint')}
              </Typography.Paragraph>
              {MEASURE_CATEGORIES.map((c) => (
                <Form.Item key={c} name={['measures', c]} label={t(`risk.measure.${c}`)}>
                  <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['；', ';']} placeholder={t('risk.measurePlaceholder')} />
                </Form.Item>
              ))}
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card {...card} title={t('risk.sectionAssessment')}>
              <AssessmentFields />
              <AssessmentPreview assessment={assessment} />
              <Form.Item
                name="controlLevel"
                label={t('risk.controlLevel')}
                rules={req}
                extra={suggested ? t('risk.controlSuggested', { level: t(`risk.control.${suggested}`) }) : undefined}
              >
                <Radio.Group optionType="button" options={CONTROL_LEVELS.map((c) => ({ value: c, label: t(`risk.control.${c}`) }))} />
              </Form.Item>
            </Card>
            <Card {...card} title={t('risk.sectionResponsibility')}>
              <Row gutter={12}>
                <Col xs={12}>
                  <Form.Item name="responsiblePerson" label={t('risk.responsiblePerson')} rules={text(1, 40)}>
                    <Input maxLength={40} />
                  </Form.Item>
                </Col>
                <Col xs={12}>
                  <Form.Item name="responsiblePhone" label={t('risk.responsiblePhone')}>
                    <Input maxLength={20} inputMode="tel" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="reviewDue" label={t('risk.reviewDue')} rules={req} extra={t('risk.reviewDueHint')}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().add(1, 'day'), 'day')} />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <Flex gap={8} justify="flex-end" style={{ marginBottom: 8 }}>
          <Button onClick={() => navigate(existing ? `/risk-points/${existing.id}` : '/risk-points')}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
