import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, InputNumber, Result, Row, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import type { TSecuritySettings, TSecuritySettingsView } from '../../../common/contracts/identity';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { type MessageKey, useI18n } from '../../i18n';
import { api, errorMessage } from '../../lib/api';
import { useApiError } from '../../lib/use-api-error';

type SecuritySettings = TSecuritySettings;

/** The policy and the standard it cites, apart. */
function unwrap(res: TSecuritySettingsView): { settings: SecuritySettings; source: string } {
  const { source, ...settings } = res;
  return { settings, source };
}

const FIELDS: { name: keyof SecuritySettings; label: MessageKey; unit: MessageKey | null; min: number; max: number }[] = [
  { name: 'maxFailedAttempts', label: 'security.maxFailedAttempts', unit: 'unit.times', min: 3, max: 20 },
  { name: 'lockoutMinutes', label: 'security.lockoutMinutes', unit: 'unit.minutes', min: 1, max: 1440 },
  { name: 'idleTimeoutMinutes', label: 'security.idleTimeoutMinutes', unit: 'unit.minutes', min: 5, max: 1440 },
  { name: 'absoluteTimeoutHours', label: 'security.absoluteTimeoutHours', unit: 'unit.hours', min: 1, max: 168 },
  { name: 'passwordMinLength', label: 'security.passwordMinLength', unit: 'unit.chars', min: 8, max: 64 },
  { name: 'passwordClasses', label: 'security.passwordClasses', unit: 'unit.classes', min: 2, max: 4 },
  { name: 'passwordMaxAgeDays', label: 'security.passwordMaxAgeDays', unit: 'unit.days', min: 0, max: 3650 },
];

/**
 * Hosts on internal addresses the server may fetch CAP feeds from (kernel/net/outbound.ts): empty by default, so a
 * feed URL pointing into the intranet, at the machine itself or at a cloud metadata address is refused.
 */
function OutboundHostsCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ hosts: string[] }>();
  const q = useQuery({ queryKey: ['security-outbound-hosts'], queryFn: () => api<{ hosts: string[] }>('/api/security/outbound-hosts') });
  const save = async (v: { hosts: string[] }) => {
    try {
      qc.setQueryData(
        ['security-outbound-hosts'],
        await api<{ hosts: string[] }>('/api/security/outbound-hosts', { method: 'PUT', body: { hosts: v.hosts ?? [] } }),
      );
      void message.success(t('common.saved'));
    } catch (err) {
      showError(err, form);
    }
  };
  if (!q.data) return null;
  return (
    <Card style={{ maxWidth: 880, marginTop: 16 }} title={t('warning.outbound.title')}>
      <Typography.Paragraph type="secondary">{t('warning.outbound.hint')}</Typography.Paragraph>
      <Form key={q.data.hosts.join(',')} form={form} layout="vertical" initialValues={q.data} onFinish={save}>
        <Form.Item name="hosts" label={t('warning.outbound.hosts')}>
          <Select mode="tags" tokenSeparators={[',', ' ']} open={false} placeholder="qxj.intranet.example" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

export function SecuritySettingsPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<SecuritySettings>();
  const { message } = App.useApp();
  const showError = useApiError();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const q = useQuery({ queryKey: ['security-settings'], queryFn: () => api<TSecuritySettingsView>('/api/security/settings').then(unwrap) });

  const save = async (v: SecuritySettings) => {
    setBusy(true);
    try {
      const body = Object.fromEntries(FIELDS.map((f) => [f.name, v[f.name]]));
      await api('/api/security/settings', { method: 'PUT', body });
      void message.success(t('common.saved'));
      await qc.invalidateQueries({ queryKey: ['security-settings'] });
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  if (q.isLoading) return <Skeleton active />;
  if (q.error || !q.data) return <Result status="error" title={t('common.loadFailed')} subTitle={errorMessage(q.error)} />;

  return (
    <>
      <PageHeader title={t('nav.security')}>
        <Source text={q.data.source} />
      </PageHeader>
      <Card style={{ maxWidth: 880 }}>
        <Form key={JSON.stringify(q.data.settings)} form={form} layout="vertical" initialValues={q.data.settings} onFinish={save}>
          <Row gutter={16}>
            {FIELDS.map((f) => (
              <Col xs={24} md={12} key={f.name}>
                <Form.Item
                  name={f.name}
                  label={t(f.label)}
                  extra={t('security.range', { min: f.min, max: f.max })}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <InputNumber min={f.min} max={f.max} precision={0} style={{ width: '100%' }} suffix={f.unit ? t(f.unit) : undefined} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
      <OutboundHostsCard />
    </>
  );
}
