import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, InputNumber, Result, Row, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import type { TAlarmDisposal } from '../../../common/contracts/alarms';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { api, errorMessage } from '../../lib/api';
import { useApiError } from '../../lib/use-api-error';
import { SEVERITIES, type Severity, useAlarmDisposal } from './api';
import { SeverityTag } from './labels';

/** "90 分钟" → "1 小时 30 分钟" (or the English). */
function duration(minutes: number, t: ReturnType<typeof useI18n>['t']): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d ? t('alarm.disposal.days', { n: d }) : '', h ? t('alarm.disposal.hours', { n: h }) : '', m ? t('alarm.disposal.minutes', { n: m }) : '']
    .filter(Boolean)
    .join(' ');
}

/**
 * 报警处置时限: the acknowledgement and feedback time limits by severity, the escalation step and the
 * longest shelving, as configuration with cited (UNVERIFIED) defaults; what they mean for an alarm
 * raised now is previewed per severity. Set by the city's emergency-management bureau only.
 */
export function DisposalSettingsPage() {
  const { t, locale } = useI18n();
  const { data, isLoading, error } = useAlarmDisposal();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<TAlarmDisposal>();
  const [busy, setBusy] = useState(false);
  const watched = Form.useWatch([], { form, preserve: true }) as TAlarmDisposal | undefined;
  if (isLoading) return <Skeleton active />;
  if (error || !data) return <Result status="warning" title={errorMessage(error)} />;
  const can = data.abilities.configure;
  const ok = (v: unknown): v is number => typeof v === 'number' && v > 0;
  const cfg: TAlarmDisposal =
    watched?.ackMinutes && watched.feedbackHours && ok(watched.escalateStepMinutes)
      ? {
          ...watched,
          ackMinutes: Object.fromEntries(
            SEVERITIES.map((s) => [s, ok(watched.ackMinutes[s]) ? watched.ackMinutes[s] : data.config.ackMinutes[s]]),
          ) as TAlarmDisposal['ackMinutes'],
          feedbackHours: Object.fromEntries(
            SEVERITIES.map((s) => [s, ok(watched.feedbackHours[s]) ? watched.feedbackHours[s] : data.config.feedbackHours[s]]),
          ) as TAlarmDisposal['feedbackHours'],
        }
      : data.config;
  const save = async (v: TAlarmDisposal) => {
    setBusy(true);
    try {
      await api('/api/alarm-disposal', { method: 'PUT', body: v });
      await qc.invalidateQueries({ queryKey: ['alarm-disposal'] });
      void message.success(t('common.saved'));
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };
  const source = (k: keyof TAlarmDisposal) => (locale === 'en-US' ? data.fieldSources[k].en : data.fieldSources[k].zh);
  const num = (name: (string | number)[], label: string, max: number, addon: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('validation.required') }]}>
      <InputNumber min={1} max={max} precision={0} disabled={!can} style={{ width: '100%' }} suffix={addon} />
    </Form.Item>
  );
  const rows = SEVERITIES.map((s) => {
    const ack = cfg.ackMinutes[s];
    return {
      severity: s,
      ack: duration(ack, t),
      feedback: duration(cfg.feedbackHours[s] * 60, t),
      county: duration(ack + cfg.escalateStepMinutes, t),
      city: duration(ack + 2 * cfg.escalateStepMinutes, t),
    };
  });
  return (
    <>
      <PageHeader title={t('nav.alarmDisposal')}>
        <Typography.Text type="secondary">{t('alarm.disposal.intro')}</Typography.Text>
      </PageHeader>
      {!can ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('alarm.disposal.readOnly')} /> : null}
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={data.configured ? t('alarm.disposal.configured') : t('alarm.disposal.defaultsInForce')}
        // The overall 依据 is the Chinese citation; English readers get each field's own below.
        description={locale === 'en-US' ? undefined : <Source text={data.source} />}
      />
      <Form<TAlarmDisposal> form={form} layout="vertical" requiredMark={can} initialValues={data.config} onFinish={save}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('alarm.disposal.ackTitle')} style={{ marginBottom: 16 }}>
              <Row gutter={8}>
                {SEVERITIES.map((s: Severity) => (
                  <Col key={s} xs={12} sm={6}>
                    {num(['ackMinutes', s], t(`alarm.severity.${s}`), 7 * 24 * 60, t('alarm.disposal.minUnit'))}
                  </Col>
                ))}
              </Row>
              <Source text={source('ackMinutes')} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('alarm.disposal.feedbackTitle')} style={{ marginBottom: 16 }}>
              <Row gutter={8}>
                {SEVERITIES.map((s) => (
                  <Col key={s} xs={12} sm={6}>
                    {num(['feedbackHours', s], t(`alarm.severity.${s}`), 30 * 24, t('alarm.disposal.hourUnit'))}
                  </Col>
                ))}
              </Row>
              <Source text={source('feedbackHours')} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('alarm.disposal.escalateTitle')} style={{ marginBottom: 16 }}>
              {num(['escalateStepMinutes'], t('alarm.disposal.escalateStep'), 24 * 60, t('alarm.disposal.minUnit'))}
              <Source text={source('escalateStepMinutes')} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('alarm.disposal.shelveTitle')} style={{ marginBottom: 16 }}>
              {num(['maxShelveHours'], t('alarm.disposal.maxShelve'), 720, t('alarm.disposal.hourUnit'))}
              <Source text={source('maxShelveHours')} />
            </Card>
          </Col>
        </Row>
        {can ? (
          <Flex gap={8} justify="flex-end" wrap style={{ marginBottom: 16 }}>
            <Button icon={<UndoOutlined />} onClick={() => form.setFieldsValue(data.defaults)}>
              {t('alarm.disposal.restoreDefaults')}
            </Button>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
              {t('common.save')}
            </Button>
          </Flex>
        ) : null}
      </Form>
      <Card size="small" title={t('alarm.disposal.preview')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 0 }}>
          {t('alarm.disposal.previewHint')}
        </Typography.Paragraph>
        <Table
          rowKey="severity"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 640 }}
          columns={[
            { title: t('alarm.severityLabel'), dataIndex: 'severity', width: 90, render: (s: Severity) => <SeverityTag severity={s} /> },
            { title: t('alarm.ackDue'), dataIndex: 'ack' },
            { title: t('alarm.feedbackDue'), dataIndex: 'feedback' },
            { title: t('alarm.disposal.toCounty'), dataIndex: 'county' },
            { title: t('alarm.disposal.toCity'), dataIndex: 'city' },
          ]}
        />
      </Card>
    </>
  );
}
