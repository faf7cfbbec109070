import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { TReportAccident } from '../../../common/contracts/accidents';
import { GB6441_SOURCE, GB6441_TYPES } from '../../../common/gb6441';
import { ACCIDENT_REPORTING_SOURCE } from '../../../common/rules/accident-reporting';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { IndustrySelect } from '../../components/IndustrySelect';
import { PageHeader } from '../../components/PageHeader';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useApiError } from '../../lib/use-api-error';
import type { AccidentResponse } from './api';
import { CasualtyFields } from './CasualtyFields';

type UnitMode = 'enterprise' | 'region';

interface ReportForm {
  enterpriseId?: string | null;
  regionCode?: string;
  industry?: string;
  accidentType?: string;
  title: string;
  occurredAt?: Dayjs | null;
  place: string;
  lng?: number | null;
  lat?: number | null;
  unitOverview: string;
  scene: string;
  narrative: string;
  deaths?: number | null;
  missing?: number | null;
  seriousInjuries?: number | null;
  minorInjuries?: number | null;
  directLossYuan?: number | null;
  measures: string;
  other?: string;
}

const INITIAL: Partial<ReportForm> = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, directLossYuan: 0 };

const num = (n: number | null | undefined) => (n === undefined || n === null || Number.isNaN(n) ? null : n);

/** The request body of ZReportAccident; the server validates it and answers with field errors. */
function toPayload(v: ReportForm, mode: UnitMode): TReportAccident {
  const place = mode === 'enterprise' ? { enterpriseId: v.enterpriseId ?? null } : { enterpriseId: null, regionCode: v.regionCode, industry: v.industry };
  return {
    ...place,
    accidentType: v.accidentType,
    title: v.title?.trim(),
    // Beijing time with its offset, e.g. 2021-03-05T10:00:00+08:00.
    occurredAt: v.occurredAt ? v.occurredAt.second(0).format('YYYY-MM-DDTHH:mm:ssZ') : '',
    place: v.place?.trim(),
    lng: num(v.lng),
    lat: num(v.lat),
    unitOverview: v.unitOverview?.trim(),
    scene: v.scene?.trim(),
    narrative: v.narrative?.trim(),
    deaths: num(v.deaths),
    missing: num(v.missing),
    seriousInjuries: num(v.seriousInjuries),
    minorInjuries: num(v.minorInjuries) ?? 0,
    directLossYuan: num(v.directLossYuan),
    measures: v.measures?.trim(),
    ...(v.other?.trim() ? { other: v.other.trim() } : {}),
  } as TReportAccident;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }} styles={{ header: { background: '#f7f9fc' } }}>
      {children}
    </Card>
  );
}

/** 事故快报: the six contents of 国务院令第493号 Art. 12, graded while the figures are typed. */
export function ReportAccidentPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [form] = Form.useForm<ReportForm>();
  const { message } = App.useApp();
  const showError = useApiError();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const ownEnterprise = me?.user.kind === 'enterprise' || me?.user.kind === 'group';
  const [mode, setMode] = useState<UnitMode>('enterprise');
  const required = [{ required: true, message: t('validation.required') }];
  const text = (max: number) => [
    { required: true, whitespace: true, message: t('validation.required') },
    { min: 2, max, message: t('validation.length', { min: 2, max }) },
  ];
  const coordRule =
    (other: 'lng' | 'lat') =>
    ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
      validator: (_: unknown, v: unknown) =>
        v == null && getFieldValue(other) != null ? Promise.reject(new Error(t('validation.coordPair'))) : Promise.resolve(),
    });

  const submit = async (values: ReportForm) => {
    setBusy(true);
    try {
      const res = await api<AccidentResponse>('/api/accidents', { body: toPayload(values, ownEnterprise ? 'enterprise' : mode) });
      void message.success(t('accident.filed'));
      qc.setQueryData(['accident', res.data.id], res);
      await qc.invalidateQueries({ queryKey: ['accidents'] });
      navigate(`/accidents/${res.data.id}`, { replace: true });
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={
          <>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/accidents')} aria-label={t('common.back')} /> {t('accident.new')}
          </>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('accident.newHint')}
        </Typography.Paragraph>
        <Source text={`${t('accident.art12Source')}；${ACCIDENT_REPORTING_SOURCE}`} />
      </PageHeader>
      <Form<ReportForm> form={form} layout="vertical" initialValues={INITIAL} onFinish={submit} scrollToFirstError style={{ maxWidth: 1000 }}>
        <Section title={t('accident.sectionBasic')}>
          <Row gutter={12}>
            <Col xs={24} md={14}>
              <Form.Item name="title" label={t('accident.title')} rules={text(100)} extra={t('accident.titleHint')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="accidentType" label={t('accident.type')} rules={required} extra={<Source text={GB6441_SOURCE} />}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={GB6441_TYPES.map((x) => ({ value: x.code, label: `${x.code} ${locale === 'en-US' ? x.en : x.zh}` }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Section>

        <Section title={t('accident.s1')}>
          {ownEnterprise ? null : (
            <Form.Item label={t('accident.unitMode')}>
              <Radio.Group
                value={mode}
                onChange={(e) => setMode(e.target.value)}
                optionType="button"
                options={[
                  { value: 'enterprise', label: t('accident.unitRegistered') },
                  { value: 'region', label: t('accident.unitOther') },
                ]}
              />
            </Form.Item>
          )}
          {ownEnterprise || mode === 'enterprise' ? (
            <Form.Item name="enterpriseId" label={t('accident.enterprise')} rules={required}>
              <EnterpriseSelect autoSelectSingle={ownEnterprise} />
            </Form.Item>
          ) : (
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="regionCode" label={t('accident.region')} rules={required} extra={t('accident.regionHint')}>
                  <RegionTreeSelect />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="industry" label={t('field.industry')} rules={required}>
                  <IndustrySelect allowClear={false} />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Form.Item name="unitOverview" label={t('accident.unitOverview')} rules={text(2000)}>
            <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('accident.unitOverviewHint')} />
          </Form.Item>
        </Section>

        <Section title={t('accident.s2')}>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="occurredAt" label={t('accident.occurredAt')} rules={required}>
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="place" label={t('accident.place')} rules={text(200)}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="lng" label={t('field.lng')} dependencies={['lat']} rules={[coordRule('lat')]}>
                <InputNumber min={73.4} max={135.1} step={0.000001} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="lat" label={t('field.lat')} dependencies={['lng']} rules={[coordRule('lng')]}>
                <InputNumber min={3.8} max={53.6} step={0.000001} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="scene" label={t('accident.scene')} rules={text(2000)}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Section>

        <Section title={t('accident.s3')}>
          <Form.Item name="narrative" label={t('accident.narrative')} rules={text(4000)}>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
        </Section>

        <Section title={t('accident.s4')}>
          <CasualtyFields lossHint lossSpan={8} />
        </Section>

        <Section title={t('accident.s5')}>
          <Form.Item name="measures" label={t('accident.measures')} rules={text(2000)}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Section>

        <Section title={t('accident.s6')}>
          <Form.Item name="other" label={t('accident.other')} rules={[{ max: 2000, message: t('validation.length', { min: 0, max: 2000 }) }]}>
            <Input.TextArea rows={2} maxLength={2000} showCount />
          </Form.Item>
        </Section>

        <Flex gap={8} justify="flex-end" style={{ marginBottom: 24 }}>
          <Button onClick={() => navigate('/accidents')}>{t('common.cancel')}</Button>
          <Button type="primary" danger htmlType="submit" icon={<SendOutlined />} loading={busy}>
            {t('accident.submit')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
