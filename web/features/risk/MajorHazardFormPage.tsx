import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Form, Input, InputNumber, Radio, Result, Row, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PERSON_ROLES, UNIT_KINDS } from '../../../common/contracts/risk';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { ApiError, api, errorMessage } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useApiError } from '../../lib/use-api-error';
import { type MajorHazardResponse, type TMajorHazard, type TPerson, type TSubstanceInput, useMajorHazard, useRiskChanged } from './api';
import { MajorHazardPreview, rowOf, type SubstanceRow, SubstanceRows, substanceOf } from './SubstanceRows';

interface FormValues {
  enterpriseId?: string | null;
  name: string;
  unitKind: string;
  location?: string;
  lng?: number | null;
  lat?: number | null;
  exposedPopulation?: number;
  substances: SubstanceRow[];
  persons: { principal: TPerson; technical: TPerson; operational: TPerson };
}

export function MajorHazardFormPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const detail = useMajorHazard(id);
  if (id && detail.isLoading) return <Skeleton active />;
  if (id && detail.error) return <Result status="warning" title={errorMessage(detail.error)} />;
  if (id && detail.data && !detail.data.abilities.edit) return <Result status="403" title={t('common.forbidden')} />;
  return <MajorHazardForm key={id ?? 'new'} existing={detail.data?.data} />;
}

/** The server names a substance by its index ('substances.1'); the form shows it on that row's picker. */
function onRows(err: unknown): unknown {
  if (!(err instanceof ApiError)) return err;
  const details = err.details.map((d) => (/^substances\.\d+$/.test(d.field) ? { ...d, field: `${d.field}.pick` } : d));
  return new ApiError(err.status, err.code, err.message, details, err.extra);
}

/** 重大危险源登记: a production or storage unit, its chemicals with a live S/R/grade, and the three 包保责任人. */
function MajorHazardForm({ existing }: { existing?: TMajorHazard }) {
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
            name: existing.name,
            unitKind: existing.unitKind,
            location: existing.location ?? undefined,
            lng: existing.lng,
            lat: existing.lat,
            exposedPopulation: existing.exposedPopulation,
            substances: existing.substances.map(rowOf),
            persons: existing.persons,
          }
        : { unitKind: 'storage', substances: [{}] },
    [existing],
  );
  const exposed = Form.useWatch('exposedPopulation', { form, preserve: true });
  const rows = Form.useWatch('substances', { form, preserve: true });
  const ownEnterprise = me.data?.user.kind === 'enterprise';
  const req = [{ required: true, message: t('validation.required') }];
  // Both coordinates or neither (the server says the same, naming the missing one).
  const pair = (other: 'lng' | 'lat') => ({
    validator: (_: unknown, v: number | null | undefined) => {
      const mine = v !== null && v !== undefined;
      const theirs = form.getFieldValue(other) !== null && form.getFieldValue(other) !== undefined;
      return mine || !theirs ? Promise.resolve() : Promise.reject(new Error(t('validation.required')));
    },
  });
  const text = (max: number) => [
    { required: true, whitespace: true, message: t('validation.required') },
    { max, message: t('validation.length', { min: 1, max }) },
  ];

  const submit = async (v: FormValues) => {
    const substances = (v.substances ?? []).map(substanceOf).filter((x): x is TSubstanceInput => !!x);
    const body = {
      name: v.name.trim(),
      unitKind: v.unitKind,
      location: v.location?.trim() || null,
      lng: v.lng ?? null,
      lat: v.lat ?? null,
      exposedPopulation: v.exposedPopulation,
      substances,
      persons: {
        principal: { name: v.persons.principal.name.trim(), phone: v.persons.principal.phone.trim() },
        technical: { name: v.persons.technical.name.trim(), phone: v.persons.technical.phone.trim() },
        operational: { name: v.persons.operational.name.trim(), phone: v.persons.operational.phone.trim() },
      },
    };
    setBusy(true);
    try {
      const res = existing
        ? await api<MajorHazardResponse>(`/api/major-hazard-sources/${existing.id}`, { method: 'PATCH', body: { ...body, version: existing.version } })
        : await api<MajorHazardResponse>('/api/major-hazard-sources', { body: { ...body, ...(v.enterpriseId ? { enterpriseId: v.enterpriseId } : {}) } });
      await changed();
      void message.success(t('common.saved'));
      navigate(`/major-hazard-sources/${res.data.id}`);
    } catch (err) {
      showError(onRows(err), form);
    } finally {
      setBusy(false);
    }
  };

  const card = { size: 'small' as const, style: { marginBottom: 16 }, styles: { header: { background: '#f7f9fc' } } };
  return (
    <>
      <PageHeader title={existing ? t('mh.editTitle', { code: existing.code }) : t('mh.newTitle')} />
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={submit} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} lg={13}>
            <Card {...card} title={t('mh.sectionUnit')}>
              {!existing && !ownEnterprise ? (
                <Form.Item name="enterpriseId" label={t('risk.enterprise')} rules={req}>
                  <EnterpriseSelect autoSelectSingle />
                </Form.Item>
              ) : null}
              <Row gutter={12}>
                <Col xs={24} md={14}>
                  <Form.Item name="name" label={t('mh.name')} rules={text(100)}>
                    <Input maxLength={100} placeholder={t('mh.namePlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name="unitKind" label={t('mh.unitKind')} rules={req}>
                    <Radio.Group optionType="button" options={UNIT_KINDS.map((k) => ({ value: k, label: t(`mh.unit.${k}`) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col xs={24} md={14}>
                  <Form.Item name="location" label={t('risk.location')}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name="exposedPopulation" label={t('mh.exposedPopulation')} rules={req} extra={t('mh.exposedHint')}>
                    <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col xs={12} md={7}>
                  <Form.Item name="lng" label={t('mh.lng')} dependencies={['lat']} rules={[pair('lat')]}>
                    <InputNumber min={73.4} max={135.1} style={{ width: '100%' }} placeholder="112.9306" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={7}>
                  <Form.Item name="lat" label={t('mh.lat')} dependencies={['lng']} rules={[pair('lng')]}>
                    <InputNumber min={3.8} max={53.6} style={{ width: '100%' }} placeholder="35.7627" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 4 }}>
                    {t('mh.coordinatesHint')}
                  </Typography.Paragraph>
                </Col>
              </Row>
            </Card>
            <Card {...card} title={t('mh.sectionSubstances')}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 0 }}>
                {t('mh.substancesHint')}
              </Typography.Paragraph>
              <SubstanceRows />
            </Card>
          </Col>
          <Col xs={24} lg={11}>
            <Card {...card} title={t('mh.sectionResult')}>
              <MajorHazardPreview exposedPopulation={exposed} rows={rows} />
            </Card>
            <Card {...card} title={t('mh.sectionPersons')}>
              {PERSON_ROLES.map((r) => (
                <Row key={r} gutter={12}>
                  <Col xs={12}>
                    <Form.Item name={['persons', r, 'name']} label={t(`mh.person.${r}`)} rules={text(40)}>
                      <Input maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col xs={12}>
                    <Form.Item name={['persons', r, 'phone']} label={t('risk.responsiblePhone')} rules={req}>
                      <Input maxLength={20} inputMode="tel" />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
            </Card>
          </Col>
        </Row>
        <Flex gap={8} justify="flex-end" style={{ marginBottom: 8 }}>
          <Button onClick={() => navigate(existing ? `/major-hazard-sources/${existing.id}` : '/major-hazard-sources')}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
