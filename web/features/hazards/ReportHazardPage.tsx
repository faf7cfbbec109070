import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ZReportHazard } from '../../../common/contracts/hazards';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { NumberInput } from '../../components/NumberInput';
import { PageHeader } from '../../components/PageHeader';
import { TextArea, TextInput } from '../../components/TextInput';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { rulesFor } from '../../lib/form-rules';
import { useAction } from '../../lib/use-action';
import { useDebounced } from '../../lib/use-debounced';
import { CATEGORIES, type HazardResponse, SOURCES, type TDuplicate, useHazardUpdated } from './api';
import { HazardStatusTag } from './labels';
import { type PhotoMeta, PhotoUpload } from './PhotoUpload';

interface FormValues {
  enterpriseId?: string;
  title: string;
  description: string;
  location: string;
  source: string;
  category: string;
  suggestedGrade?: string;
  foundAt?: Dayjs | null;
  lng?: number | null;
  lat?: number | null;
  photos?: string[];
}

/**
 * 上报隐患, built for a phone: photos first (the camera; time and place come from the photo), then
 * what and where. While typing, near-identical open hazards of the enterprise are shown.
 */
export function ReportHazardPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const updated = useHazardUpdated();
  const [fromPhoto, setFromPhoto] = useState(false);
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const title = useDebounced(Form.useWatch('title', form) ?? '', 400);
  const location = useDebounced(Form.useWatch('location', form) ?? '', 400);
  const duplicates = useQuery({
    queryKey: ['hazard-duplicates', enterpriseId, title, location],
    queryFn: () => api<{ items: TDuplicate[] }>('/api/hazards/duplicates', { query: { enterpriseId, title, location } }),
    enabled: Boolean(enterpriseId && title.trim().length >= 4),
  });

  const onMeta = (m: PhotoMeta) => {
    if (fromPhoto) return;
    setFromPhoto(true);
    form.setFieldsValue({
      ...(m.takenAt ? { foundAt: dayjs(m.takenAt) } : {}),
      ...(m.lat !== undefined && m.lng !== undefined ? { lat: m.lat, lng: m.lng } : {}),
    });
    void message.info(t('hazard.photoMetaRead'));
  };

  const submit = useAction({
    run: async (v: FormValues) => {
      const res = await api<HazardResponse & { duplicates: TDuplicate[] }>('/api/hazards', {
        body: {
          enterpriseId: v.enterpriseId,
          title: v.title.trim(),
          description: v.description.trim(),
          location: v.location.trim(),
          source: v.source,
          category: v.category,
          ...(v.suggestedGrade ? { suggestedGrade: v.suggestedGrade } : {}),
          ...(v.foundAt ? { foundAt: v.foundAt.format('YYYY-MM-DDTHH:mm:ssZ') } : {}),
          ...(typeof v.lng === 'number' && typeof v.lat === 'number' ? { lng: v.lng, lat: v.lat } : {}),
          photos: v.photos ?? [],
        },
      });
      await updated(res);
      return res;
    },
    form,
    success: (res) => t('hazard.reported', { code: res.data.code }),
    onSuccess: (res) => navigate(`/hazards/${res.data.id}`),
  });

  const dups = duplicates.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('hazard.reportTitle')} />
      <Typography.Paragraph type="secondary">{t('hazard.reportHint')}</Typography.Paragraph>
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit.run}
        initialValues={{ source: 'selfInspection', category: 'site', photos: [] }}
        scrollToFirstError
        style={{ maxWidth: 880 }}
      >
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form.Item name="photos" label={t('hazard.photos')} extra={t('hazard.photosHint')}>
            <PhotoUpload onMeta={onMeta} />
          </Form.Item>
          <Form.Item name="enterpriseId" label={t('hazard.enterprise')} rules={[{ required: true, message: t('validation.required') }]}>
            <EnterpriseSelect autoSelectSingle />
          </Form.Item>
          <Form.Item name="title" label={t('hazard.title')} rules={rulesFor(ZReportHazard, 'title')}>
            <TextInput schema={ZReportHazard} field="title" placeholder={t('hazard.titlePlaceholder')} />
          </Form.Item>
          <Form.Item name="location" label={t('hazard.location')} rules={rulesFor(ZReportHazard, 'location')}>
            <TextInput schema={ZReportHazard} field="location" placeholder={t('hazard.locationPlaceholder')} />
          </Form.Item>
          {dups.length ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={t('hazard.duplicates')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {dups.map((d) => (
                    <li key={d.id}>
                      <Link to={`/hazards/${d.id}`} target="_blank">
                        {d.code} {d.title}
                      </Link>{' '}
                      <HazardStatusTag status={d.status} /> {t('hazard.similarity', { pct: Math.round(d.score * 100) })}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
          <Form.Item name="description" label={t('hazard.description')} rules={rulesFor(ZReportHazard, 'description')}>
            <TextArea rows={4} schema={ZReportHazard} field="description" placeholder={t('hazard.descriptionPlaceholder')} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="source" label={t('hazard.sourceLabel')} rules={rulesFor(ZReportHazard, 'source')}>
                <Select options={SOURCES.map((s) => ({ value: s, label: t(`hazard.source.${s}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="category" label={t('hazard.category')}>
                <Radio.Group optionType="button" options={CATEGORIES.map((c) => ({ value: c, label: t(`hazard.category.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="foundAt" label={t('hazard.foundAt')} extra={fromPhoto ? t('hazard.fromPhoto') : t('hazard.foundAtHint')}>
                <DatePicker showTime style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="suggestedGrade" label={t('hazard.suggestedGrade')}>
                <Select allowClear options={(['general', 'major'] as const).map((g) => ({ value: g, label: t(`hazard.grade.${g}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="lng" label={t('field.lng')} rules={rulesFor(ZReportHazard, 'lng')}>
                <NumberInput style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="lat" label={t('field.lat')} rules={rulesFor(ZReportHazard, 'lat')}>
                <NumberInput style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Button type="primary" htmlType="submit" loading={submit.busy} block size="large" style={{ maxWidth: 320 }}>
          {t('hazard.submitReport')}
        </Button>
      </Form>
    </>
  );
}
