import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { SENSOR_TYPES, type SensorType, type TSensorRules } from '../../../common/contracts/monitoring';
import { defaultRulesFor } from '../../../common/rules/coal-gas-thresholds';
import {
  type LegalLimit,
  legalLimitsOf,
  loosenings,
  SENSOR_LIMIT_RULE_SOURCE,
  SENSOR_LIMIT_RULE_SOURCE_EN,
  type SensorSetting,
} from '../../../common/rules/sensor-limits';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { Source } from '../../components/Source';
import { type MessageKey, useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useApiError } from '../../lib/use-api-error';
import { useEnterprise } from '../org';
import { useRegisteredObjects } from '../risk';
import { type TSensor, useCoalLocations } from './api';
import { typeKey } from './labels';

const RULE_FIELDS: (keyof TSensorRules)[] = [
  'high',
  'highClear',
  'highHigh',
  'highHighClear',
  'low',
  'lowClear',
  'powerOff',
  'powerRestore',
  'onDelaySeconds',
  'staleSeconds',
];

interface Values {
  enterpriseId?: string;
  code: string;
  name: string;
  type: SensorType;
  unit: string;
  rangeLow?: number | null;
  rangeHigh?: number | null;
  location: string;
  /** A registered installation's or pond's id, or OTHER for a free-text name (a coal working face). */
  installationRef?: string;
  installationName?: string | null;
  coalLocationKey?: string | null;
  inService: boolean;
  ruleMode: 'defaults' | 'custom';
  rules: Partial<Record<keyof TSensorRules, number | null>>;
  /** A loosening goes to the supervising department instead: why, and (out of service) until when. */
  reason?: string;
  until?: Dayjs;
}

/** The rules the form would save (custom: the filled fields; defaults: the location's 规程 values). */
function rulesOf(v: Partial<Values>): TSensorRules {
  if (v.ruleMode !== 'custom') return defaultRulesFor(v.type ?? 'ch4', v.coalLocationKey);
  return Object.fromEntries(Object.entries(v.rules ?? {}).filter(([, x]) => x !== null && x !== undefined)) as TSensorRules;
}

/** The legal limit beside a rule field: "法定上限 1.5 %CH4", the 依据 on hover. */
function LegalHint({ limit, unit }: { limit: LegalLimit; unit: string }) {
  const { t } = useI18n();
  return (
    <Tooltip title={limit.source}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(limit.direction === 'max' ? 'mon.legal.limit' : 'mon.legal.limitMin', { value: `${limit.value} ${unit}` })}
        {limit.verified ? '' : t('mon.legal.unverified')}
      </Typography.Text>
    </Tooltip>
  );
}

const OTHER = '__other__';

/**
 * 登记/编辑监测点 in a modal: coal CH4 points pick their 规程 location; the point belongs to one of the
 * enterprise's registered installations or tailings ponds, or to a named place; rules are either the
 * defaults or set by hand.
 */
export function SensorFormButton({ sensor }: { sensor?: TSensor }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const showError = useApiError();
  const locations = useCoalLocations().data?.items ?? [];
  const type = Form.useWatch('type', form);
  const ruleMode = Form.useWatch('ruleMode', form);
  const installationRef = Form.useWatch('installationRef', form);
  const pickedEnterprise = Form.useWatch('enterpriseId', form);
  const registered = useRegisteredObjects(open ? (sensor?.enterpriseId ?? pickedEnterprise) : undefined);
  const watched = (Form.useWatch([], { form, preserve: true }) ?? {}) as Partial<Values>;
  const pickedIndustry = useEnterprise(open && !sensor ? (pickedEnterprise ?? undefined) : undefined).data?.data.industry ?? '';
  // What the form would leave, compared with the stored sensor by the same rule the server applies.
  const next: SensorSetting | null = sensor
    ? {
        type: watched.type ?? sensor.type,
        unit: watched.unit ?? sensor.unit,
        coalLocationKey: (watched.type ?? sensor.type) === 'ch4' ? (watched.coalLocationKey ?? null) : null,
        industry: sensor.industry,
        rules: rulesOf(watched),
        inService: watched.inService ?? sensor.inService,
      }
    : null;
  const before: SensorSetting | null = sensor
    ? {
        type: sensor.type,
        unit: sensor.unit,
        coalLocationKey: sensor.coalLocationKey,
        industry: sensor.industry,
        rules: sensor.rules,
        inService: sensor.inService,
      }
    : null;
  const loose = open && watched.ruleMode && before && next ? loosenings(before, next) : [];
  const legal = legalLimitsOf({
    type: watched.type ?? sensor?.type ?? 'ch4',
    unit: watched.unit ?? sensor?.unit ?? '',
    coalLocationKey: watched.coalLocationKey ?? null,
    industry: sensor?.industry ?? pickedIndustry,
  });
  const legalOf = (k: keyof TSensorRules) => legal.find((l) => l.key === k);

  const start = () => {
    form.resetFields();
    if (sensor)
      form.setFieldsValue({
        ...sensor,
        installationRef: sensor.installationId ?? (sensor.installationName ? OTHER : undefined),
        ruleMode: 'custom',
        rules: Object.fromEntries(RULE_FIELDS.map((k) => [k, (sensor.rules[k] as number | undefined) ?? null])),
      });
    else form.setFieldsValue({ type: 'ch4', unit: '%CH4', inService: true, ruleMode: 'defaults', rules: {} });
    setOpen(true);
  };

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      if (sensor && loose.length) {
        const rulesLoosened = loose.some((l) => l.field.startsWith('rules.'));
        await api(`/api/sensors/${sensor.id}/change-requests`, {
          body: {
            ...(rulesLoosened ? { rules: rulesOf(v) } : {}),
            ...(v.inService === false && v.until ? { outOfServiceUntil: v.until.toISOString() } : {}),
            reason: v.reason,
          },
        });
        message.success(t('mon.loosen.sent'));
        setOpen(false);
        for (const k of ['sensor', 'sensor-change-requests']) await qc.invalidateQueries({ queryKey: [k] });
        return;
      }
      const rules = Object.fromEntries(Object.entries(v.rules ?? {}).filter(([, x]) => x !== null && x !== undefined));
      const body = {
        code: v.code,
        name: v.name,
        type: v.type,
        unit: v.unit,
        rangeLow: v.rangeLow ?? null,
        rangeHigh: v.rangeHigh ?? null,
        location: v.location,
        installationId: v.installationRef && v.installationRef !== OTHER ? v.installationRef : null,
        installationName: v.installationRef === OTHER ? v.installationName || null : null,
        coalLocationKey: v.type === 'ch4' ? (v.coalLocationKey ?? null) : null,
        inService: v.inService,
        ...(v.ruleMode === 'custom' ? { rules } : {}),
      };
      if (sensor) await api(`/api/sensors/${sensor.id}`, { method: 'PATCH', body });
      else await api('/api/sensors', { body: { ...body, enterpriseId: v.enterpriseId } });
      message.success(t('mon.sensor.saved'));
      setOpen(false);
      for (const k of ['sensors', 'sensor', 'sensors-live']) await qc.invalidateQueries({ queryKey: [k] });
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type={sensor ? 'default' : 'primary'} icon={sensor ? <EditOutlined /> : <PlusOutlined />} onClick={start}>
        {t(sensor ? 'mon.sensor.edit' : 'mon.sensor.add')}
      </Button>
      <Modal
        open={open}
        title={t(sensor ? 'mon.sensor.edit' : 'mon.sensor.add')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={loose.length ? t('mon.loosen.submit') : undefined}
        confirmLoading={busy}
        width={720}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          {!sensor ? (
            <Form.Item name="enterpriseId" label={t('mon.field.enterprise')} rules={[{ required: true }]}>
              <EnterpriseSelect autoSelectSingle />
            </Form.Item>
          ) : null}
          <Row gutter={12}>
            <Col xs={24} sm={8}>
              <Form.Item name="code" label={t('mon.field.code')} rules={[{ required: true }]}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={16}>
              <Form.Item name="name" label={t('mon.field.name')} rules={[{ required: true }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="type" label={t('mon.field.type')} rules={[{ required: true }]}>
                <Select options={SENSOR_TYPES.map((k) => ({ value: k, label: t(typeKey(k)) }))} />
              </Form.Item>
            </Col>
            <Col xs={8} sm={5}>
              <Form.Item name="unit" label={t('mon.field.unit')} rules={[{ required: true }]}>
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={8} sm={5}>
              <Form.Item name="rangeLow" label={t('mon.field.rangeLow')}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={8} sm={6}>
              <Form.Item name="rangeHigh" label={t('mon.field.rangeHigh')}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="location" label={t('mon.field.location')} rules={[{ required: true }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="installationRef" label={t('mon.field.installation')} tooltip={t('install.pickerHint')}>
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  options={[
                    ...(registered.installations.length
                      ? [
                          {
                            label: t('install.groupMajorHazard'),
                            options: registered.installations.map((m) => ({ value: m.id, label: `${m.name}（${m.code}）` })),
                          },
                        ]
                      : []),
                    ...(registered.ponds.length
                      ? [{ label: t('install.groupTailings'), options: registered.ponds.map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` })) }]
                      : []),
                    { value: OTHER, label: t('install.other') },
                  ]}
                />
              </Form.Item>
            </Col>
            {installationRef === OTHER ? (
              <Col xs={24} sm={{ span: 12, offset: 12 }}>
                <Form.Item name="installationName" label={t('install.otherName')} rules={[{ required: true, whitespace: true }]}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
          {type === 'ch4' ? (
            <Form.Item name="coalLocationKey" label={t('mon.field.coalLocation')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={locations.map((l) => ({
                  value: l.key,
                  label: `${locale === 'en-US' ? l.en : l.zh}（${t('mon.alarm')} ${l.alarm} / ${t('mon.powerOff')} ${l.powerOff ?? '—'} / ${t('mon.restore')} ${l.restore ?? '—'}）`,
                }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item name="ruleMode" label={t('mon.rules.title')} extra={t('mon.rules.defaultsHint')}>
            <Radio.Group
              options={[
                { value: 'defaults', label: t('mon.rules.useDefaults') },
                { value: 'custom', label: t('mon.rules.custom') },
              ]}
            />
          </Form.Item>
          {ruleMode === 'custom' ? (
            <Row gutter={12}>
              {RULE_FIELDS.map((k) => (
                <Col key={k} xs={12} sm={6}>
                  <Form.Item
                    name={['rules', k]}
                    label={<Typography.Text ellipsis>{t(`mon.rules.${k}` as MessageKey)}</Typography.Text>}
                    extra={legalOf(k) ? <LegalHint limit={legalOf(k) as LegalLimit} unit={watched.unit ?? ''} /> : null}
                    rules={[
                      {
                        validator: async (_, value: number | null | undefined) => {
                          const l = legalOf(k);
                          if (!l || value === null || value === undefined) return;
                          if (l.direction === 'max' ? value > l.value : value < l.value)
                            throw new Error(t(l.direction === 'max' ? 'mon.legal.beyond' : 'mon.legal.beyondMin', { value: l.value }));
                        },
                      },
                    ]}
                  >
                    <InputNumber style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          ) : null}
          <Form.Item name="inService" label={t('mon.field.inService')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {legal.length ? <Source text={locale === 'en-US' ? SENSOR_LIMIT_RULE_SOURCE_EN : SENSOR_LIMIT_RULE_SOURCE} /> : null}
          {loose.length ? (
            <>
              <Alert
                type="warning"
                showIcon
                style={{ margin: '12px 0' }}
                message={t('mon.loosen.title')}
                description={
                  <>
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {loose.map((l) => (
                        <li key={l.field}>
                          {l.field.startsWith('rules.') ? t(`mon.rules.${l.field.slice(6)}` as MessageKey) : t('mon.loosen.field.inService')}
                          {typeof l.from === 'number' ? `：${l.from} → ${l.to ?? '—'}` : ''}
                          {l.legal !== null ? `（${t('mon.cr.legal', { value: l.legal })}）` : ''}
                        </li>
                      ))}
                    </ul>
                    <div>{t('mon.loosen.only')}</div>
                  </>
                }
              />
              {watched.inService === false ? (
                <Form.Item name="until" label={t('mon.loosen.until')} rules={[{ required: true }]}>
                  <DatePicker showTime style={{ width: '100%' }} />
                </Form.Item>
              ) : null}
              <Form.Item name="reason" label={t('mon.loosen.reason')} rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
