import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Divider, Drawer, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { INSURANCE_STATUSES, SUPERVISION_CLASSES } from '../../../common/industries';
import { isValidPhone } from '../../../common/validators/phone';
import { IndustrySelect } from '../../components/IndustrySelect';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n';
import { ApiError, api } from '../../lib/api';
import { useApiError } from '../../lib/use-api-error';
import type { EnterpriseResponse, TEnterpriseDetail } from './api';
import { EMPTY_ENTERPRISE, type EnterpriseFormValues, fromDetail, toPayload } from './enterprise-form';
import { GroupSelect } from './GroupSelect';
import { LicencesField } from './LicencesField';
import { UsccField } from './UsccField';

interface Props {
  open: boolean;
  /** The enterprise being edited; absent = create. */
  enterprise?: TEnterpriseDetail;
  onClose: () => void;
  onSaved: (id: string) => void;
}

/** Create or edit an enterprise (all fields of ZCreateEnterprise). Edits carry `version`. */
export function EnterpriseFormDrawer({ open, enterprise, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const { message } = App.useApp();
  const showError = useApiError();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState<string | null>(null);
  const isGroup = Form.useWatch('isGroup', form);
  const grade = Form.useWatch('standardizationGrade', form);
  const required = [{ required: true, message: t('validation.required') }];
  const version = enterprise?.version;

  // After a 409 the detail is refetched: put the new version's values into the form.
  useEffect(() => {
    if (open && stale && version !== undefined) form.resetFields();
  }, [open, stale, version, form]);

  const submit = async (values: EnterpriseFormValues) => {
    setBusy(true);
    setStale(null);
    try {
      const body = toPayload(values);
      let id: string;
      if (enterprise) {
        await api(`/api/enterprises/${enterprise.id}`, { method: 'PATCH', body: { ...body, version: enterprise.version } });
        id = enterprise.id;
      } else {
        const res = await api<Partial<EnterpriseResponse> & { id?: string }>('/api/enterprises', { method: 'POST', body });
        id = res.data?.id ?? res.id ?? '';
      }
      void message.success(t('common.saved'));
      await qc.invalidateQueries({ queryKey: ['enterprises'] });
      await qc.invalidateQueries({ queryKey: ['enterprise', id] });
      await qc.invalidateQueries({ queryKey: ['supervision-table'] });
      onSaved(id);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'STALE_VERSION' && enterprise) {
        // Someone else saved first: show why, and reload the current version into the form.
        setStale(err.message);
        await qc.invalidateQueries({ queryKey: ['enterprise', enterprise.id] });
      } else showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={() => {
        setStale(null);
        onClose();
      }}
      title={enterprise ? t('enterprise.edit') : t('enterprise.create')}
      size={760}
      destroyOnHidden
      extra={
        <Button type="primary" loading={busy} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      }
    >
      {stale ? <Alert type="warning" showIcon title={stale} description={t('enterprise.staleReloaded')} style={{ marginBottom: 16 }} /> : null}
      <Form<EnterpriseFormValues>
        form={form}
        layout="vertical"
        initialValues={enterprise ? fromDetail(enterprise) : EMPTY_ENTERPRISE}
        onFinish={submit}
        scrollToFirstError
      >
        <Divider titlePlacement="start">{t('enterprise.sectionBasic')}</Divider>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <UsccField />
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('field.name')} rules={[...required, { min: 2, max: 100, message: t('validation.length', { min: 2, max: 100 }) }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="regionCode" label={t('field.region')} rules={required}>
              <RegionTreeSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="address"
              label={t('field.address')}
              rules={[...required, { min: 2, max: 200, message: t('validation.length', { min: 2, max: 200 }) }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="lng"
              label={t('field.lng')}
              dependencies={['lat']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v) => (v == null && getFieldValue('lat') != null ? Promise.reject(new Error(t('validation.coordPair'))) : Promise.resolve()),
                }),
              ]}
            >
              <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="lat"
              label={t('field.lat')}
              dependencies={['lng']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v) => (v == null && getFieldValue('lng') != null ? Promise.reject(new Error(t('validation.coordPair'))) : Promise.resolve()),
                }),
              ]}
            >
              <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="employees" label={t('field.employees')} rules={required}>
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="isGroup" label={t('field.isGroup')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          {isGroup ? null : (
            <Col xs={24}>
              <Form.Item name="groupId" label={t('field.group')}>
                <GroupSelect currentName={enterprise?.groupName} excludeId={enterprise?.id} />
              </Form.Item>
            </Col>
          )}
        </Row>

        <Divider titlePlacement="start">{t('enterprise.sectionSupervision')}</Divider>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="industry" label={t('field.industry')} rules={required}>
              <IndustrySelect allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="supervisionClass" label={t('field.supervisionClass')} rules={required}>
              <Select options={SUPERVISION_CLASSES.map((c) => ({ value: c, label: t('class.label', { c }) }))} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('enterprise.sectionPeople')}</Divider>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="legalRepresentative" label={t('field.legalRepresentative')} rules={required}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="principal" label={t('field.principal')} rules={required}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="safetyManager" label={t('field.safetyManager')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="phone"
              label={t('field.phone')}
              rules={[
                ...required,
                { validator: (_, v?: string) => (!v || isValidPhone(v) ? Promise.resolve() : Promise.reject(new Error(t('validation.phone')))) },
              ]}
            >
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('enterprise.sectionCompliance')}</Divider>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="standardizationGrade" label={t('field.standardizationGrade')}>
              <Select
                allowClear
                placeholder={t('grade.none')}
                options={[1, 2, 3].map((g) => ({ value: g, label: t(`grade.${g as 1 | 2 | 3}`) }))}
                onChange={(v) => (v ? null : form.setFieldValue('standardizationExpiry', null))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="standardizationExpiry" label={t('field.standardizationExpiry')}>
              <DatePicker style={{ width: '100%' }} disabled={!grade} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="insuranceStatus" label={t('field.insurance')} rules={required}>
              <Select options={INSURANCE_STATUSES.map((s) => ({ value: s, label: t(`insurance.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="insuranceExpiry" label={t('field.insuranceExpiry')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="insurer" label={t('field.insurer')}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('enterprise.licences')}</Divider>
        <LicencesField />
      </Form>
    </Drawer>
  );
}
