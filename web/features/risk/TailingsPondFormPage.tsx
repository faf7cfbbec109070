import { LoadingOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Result, Row, Select, Skeleton, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { DAM_METHODS, POND_OPERATING_STATUSES, pondSafetyReportable, TAILINGS_SAFETY_STATUSES } from '../../../common/contracts/risk';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { api, errorMessage } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useApiError } from '../../lib/use-api-error';
import { useDebounced } from '../../lib/use-debounced';
import { type PondGradeResult, type SafetyStatus, type TailingsPondResponse, type TTailingsPond, useRiskChanged, useTailingsPond } from './api';
import { PondGradeTag } from './labels';

interface FormValues {
  enterpriseId?: string | null;
  name: string;
  location?: string;
  lng?: number;
  lat?: number;
  damMethod?: string | null;
  designDamHeight?: number;
  currentDamHeight?: number;
  totalCapacity?: number;
  currentCapacity?: number;
  gradeRaised: boolean;
  overhead: boolean;
  downstreamPopulation?: number;
  downstreamFacilities?: string;
  safetyStatus: SafetyStatus;
  operatingStatus: string;
  responsibleName: string;
  responsiblePhone: string;
  licenceNumber?: string;
  licenceExpiry?: Dayjs | null;
}

export function TailingsPondFormPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const detail = useTailingsPond(id);
  if (id && detail.isLoading) return <Skeleton active />;
  if (id && detail.error) return <Result status="warning" title={errorMessage(detail.error)} />;
  if (id && detail.data && !detail.data.abilities.edit) return <Result status="403" title={t('common.forbidden')} />;
  return <TailingsPondForm key={id ?? 'new'} existing={detail.data?.data} />;
}

/** The class as the server computes it with the limits in force (calculator tailings-pond-grade), with its 依据. */
export function PondGradePreview({ capacity, height, raise }: { capacity?: number; height?: number; raise?: boolean }) {
  const { t } = useI18n();
  const ready = typeof capacity === 'number' && typeof height === 'number' && capacity >= 0 && height >= 0;
  const key = useDebounced(ready ? JSON.stringify({ totalCapacity: capacity, damHeight: height, raise: !!raise }) : null, 200);
  const calc = useQuery({
    queryKey: ['calculators', 'tailings-pond-grade', key],
    queryFn: ({ signal }) => api<PondGradeResult>('/api/calculators/tailings-pond-grade', { body: JSON.parse(key as string), signal }),
    enabled: !!key,
    staleTime: 60_000,
  });
  const g = (n: 1 | 2 | 3 | 4 | 5) => t(`pond.grade.${n}`);
  return (
    <div style={{ padding: '8px 12px', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4 }}>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
        {t('pond.gradePreview')}
      </Typography.Text>
      {!key ? (
        <Typography.Text type="secondary">{t('pond.gradeEmpty')}</Typography.Text>
      ) : calc.data ? (
        <Flex vertical gap={4}>
          <Flex gap={8} align="center" wrap>
            <PondGradeTag grade={calc.data.grade} />
            <Typography.Text>
              {t('pond.byCapacity', { g: g(calc.data.byCapacity) })}；{t('pond.byHeight', { g: g(calc.data.byHeight) })}
            </Typography.Text>
          </Flex>
          {calc.data.lowered ? <Typography.Text type="secondary">{t('pond.lowered')}</Typography.Text> : null}
          {calc.data.raised ? <Typography.Text type="secondary">{t('pond.raised')}</Typography.Text> : null}
          <Source text={calc.data.source} />
        </Flex>
      ) : calc.error ? (
        <Typography.Text type="warning">{errorMessage(calc.error)}</Typography.Text>
      ) : (
        <LoadingOutlined />
      )}
    </div>
  );
}

/** 尾矿库登记: location, dam and capacity with a live 等别, downstream (头顶库), 安全度, operating status, licence. */
function TailingsPondForm({ existing }: { existing?: TTailingsPond }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const changed = useRiskChanged();
  const me = useMe();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const initial = useMemo<Partial<FormValues>>(
    () =>
      existing
        ? {
            ...existing,
            location: existing.location ?? undefined,
            downstreamFacilities: existing.downstreamFacilities ?? undefined,
            licenceNumber: existing.licenceNumber ?? undefined,
            licenceExpiry: existing.licenceExpiry ? dayjs(existing.licenceExpiry) : null,
          }
        : { gradeRaised: false, overhead: false, downstreamPopulation: 0, safetyStatus: 'normal', operatingStatus: 'operating' },
    [existing],
  );
  const capacity = Form.useWatch('totalCapacity', { form, preserve: true });
  const height = Form.useWatch('designDamHeight', { form, preserve: true });
  const raise = Form.useWatch('gradeRaised', { form, preserve: true });
  const safety = Form.useWatch('safetyStatus', { form, preserve: true }) as SafetyStatus | undefined;
  const ownEnterprise = me.data?.user.kind === 'enterprise';
  const req = [{ required: true, message: t('validation.required') }];
  const text = (max: number) => [
    { required: true, whitespace: true, message: t('validation.required') },
    { max, message: t('validation.length', { min: 1, max }) },
  ];

  const submit = async (v: FormValues) => {
    const body = {
      name: v.name.trim(),
      location: v.location?.trim() || null,
      lng: v.lng,
      lat: v.lat,
      damMethod: v.damMethod ?? null,
      designDamHeight: v.designDamHeight,
      currentDamHeight: v.currentDamHeight,
      totalCapacity: v.totalCapacity,
      currentCapacity: v.currentCapacity,
      gradeRaised: v.gradeRaised,
      overhead: v.overhead,
      downstreamPopulation: v.downstreamPopulation,
      downstreamFacilities: v.downstreamFacilities?.trim() || null,
      safetyStatus: v.safetyStatus,
      operatingStatus: v.operatingStatus,
      responsibleName: v.responsibleName.trim(),
      responsiblePhone: v.responsiblePhone.trim(),
      licenceNumber: v.licenceNumber?.trim() || null,
      licenceExpiry: v.licenceExpiry ? v.licenceExpiry.format('YYYY-MM-DD') : null,
    };
    setBusy(true);
    try {
      const res = existing
        ? await api<TailingsPondResponse>(`/api/tailings-ponds/${existing.id}`, { method: 'PATCH', body: { ...body, version: existing.version } })
        : await api<TailingsPondResponse>('/api/tailings-ponds', { body: { ...body, ...(v.enterpriseId ? { enterpriseId: v.enterpriseId } : {}) } });
      await changed();
      void message.success(t('common.saved'));
      navigate(`/tailings-ponds/${res.data.id}`);
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  const card = { size: 'small' as const, style: { marginBottom: 16 }, styles: { header: { background: '#f7f9fc' } } };
  const num = (name: keyof FormValues, label: string, min: number, max: number, precision?: number) => (
    <Form.Item name={name} label={label} rules={req}>
      <InputNumber min={min} max={max} precision={precision} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <>
      <PageHeader title={existing ? t('pond.editTitle', { code: existing.code }) : t('pond.newTitle')} />
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={submit} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card {...card} title={t('pond.sectionBasic')}>
              {!existing && !ownEnterprise ? (
                <Form.Item name="enterpriseId" label={t('risk.enterprise')} rules={req}>
                  <EnterpriseSelect autoSelectSingle />
                </Form.Item>
              ) : null}
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item name="name" label={t('pond.name')} rules={text(100)}>
                    <Input maxLength={100} placeholder={t('pond.namePlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="location" label={t('pond.location')}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name="lng" label={t('mh.lng')} rules={req}>
                    <InputNumber min={73.4} max={135.1} style={{ width: '100%' }} placeholder="112.8615" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name="lat" label={t('mh.lat')} rules={req}>
                    <InputNumber min={3.8} max={53.6} style={{ width: '100%' }} placeholder="35.6172" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="damMethod" label={t('pond.damMethod')}>
                    <Select allowClear options={DAM_METHODS.map((k) => ({ value: k, label: t(`pond.dam.${k}`) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('pond.coordinatesHint')}
              </Typography.Text>
            </Card>
            <Card {...card} title={t('pond.sectionDam')}>
              <Row gutter={12}>
                <Col xs={12} md={6}>
                  {num('designDamHeight', t('pond.designDamHeight'), 0.1, 1000)}
                </Col>
                <Col xs={12} md={6}>
                  {num('currentDamHeight', t('pond.currentDamHeight'), 0, 1000)}
                </Col>
                <Col xs={12} md={6}>
                  {num('totalCapacity', t('pond.totalCapacity'), 0.01, 1_000_000)}
                </Col>
                <Col xs={12} md={6}>
                  {num('currentCapacity', t('pond.currentCapacity'), 0, 1_000_000)}
                </Col>
              </Row>
              <Form.Item name="gradeRaised" label={t('pond.gradeRaised')} valuePropName="checked" extra={t('pond.gradeRaisedHint')} style={{ marginBottom: 0 }}>
                <Switch />
              </Form.Item>
            </Card>
            <Card {...card} title={t('pond.sectionDownstream')}>
              <Row gutter={12}>
                <Col xs={12} md={8}>
                  <Form.Item name="overhead" label={t('pond.overhead')} valuePropName="checked" extra={t('pond.overheadHint')}>
                    <Switch />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  {num('downstreamPopulation', t('pond.downstreamPopulation'), 0, 10_000_000, 0)}
                </Col>
              </Row>
              <Form.Item name="downstreamFacilities" label={t('pond.downstreamFacilities')} style={{ marginBottom: 0 }}>
                <Input.TextArea rows={2} maxLength={500} placeholder={t('pond.downstreamFacilitiesPlaceholder')} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card {...card} title={t('pond.sectionGrade')}>
              <PondGradePreview capacity={capacity} height={height} raise={raise} />
            </Card>
            <Card {...card} title={t('pond.sectionStatus')}>
              <Form.Item
                name="safetyStatus"
                label={t('pond.safetyStatus')}
                rules={req}
                extra={
                  safety ? (
                    <>
                      {t(`pond.meaning.${safety}`)}
                      {pondSafetyReportable(existing?.safetyStatus ?? null, safety) ? (
                        <Typography.Text type="danger" style={{ display: 'block', fontSize: 'inherit' }}>
                          {t('pond.willReport')}
                        </Typography.Text>
                      ) : null}
                    </>
                  ) : undefined
                }
              >
                <Radio.Group optionType="button" options={TAILINGS_SAFETY_STATUSES.map((k) => ({ value: k, label: t(`pond.safety.${k}`) }))} />
              </Form.Item>
              <Form.Item name="operatingStatus" label={t('pond.operatingStatus')} rules={req} extra={t('pond.deregisteredHint')} style={{ marginBottom: 0 }}>
                <Radio.Group optionType="button" options={POND_OPERATING_STATUSES.map((k) => ({ value: k, label: t(`pond.op.${k}`) }))} />
              </Form.Item>
            </Card>
            <Card {...card} title={t('pond.sectionLicence')}>
              <Row gutter={12}>
                <Col xs={12}>
                  <Form.Item name="responsibleName" label={t('pond.responsible')} rules={text(40)}>
                    <Input maxLength={40} />
                  </Form.Item>
                </Col>
                <Col xs={12}>
                  <Form.Item name="responsiblePhone" label={t('risk.responsiblePhone')} rules={req}>
                    <Input maxLength={20} inputMode="tel" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={14}>
                  <Form.Item name="licenceNumber" label={t('pond.licenceNumber')}>
                    <Input maxLength={80} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name="licenceExpiry" label={t('pond.licenceExpiry')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('pond.licenceHint')}
              </Typography.Text>
            </Card>
          </Col>
        </Row>
        <Flex gap={8} justify="flex-end" style={{ marginBottom: 8 }}>
          <Button onClick={() => navigate(existing ? `/tailings-ponds/${existing.id}` : '/tailings-ponds')}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
