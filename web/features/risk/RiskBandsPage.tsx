import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, InputNumber, Result, Row, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { api, errorMessage } from '../../lib/api';
import { useApiError } from '../../lib/use-api-error';
import { type TRiskBands, useRiskBands, type ValueOption } from './api';
import { RiskLevelTag } from './labels';
import { TailingsGradeTableCard } from './TailingsGradeTableCard';

/** The bands each level covers, as the rules read them (LEC: D > limit; LS: R ≥ limit). */
function bandRows(b: TRiskBands, method: 'lec' | 'ls') {
  const { red, orange, yellow } = b[method];
  return method === 'lec'
    ? [
        { level: 1 as const, range: `D > ${red}` },
        { level: 2 as const, range: `${orange} < D ≤ ${red}` },
        { level: 3 as const, range: `${yellow} < D ≤ ${orange}` },
        { level: 4 as const, range: `D ≤ ${yellow}` },
      ]
    : [
        { level: 1 as const, range: `${red} ≤ R ≤ 25` },
        { level: 2 as const, range: `${orange} ≤ R < ${red}` },
        { level: 3 as const, range: `${yellow} ≤ R < ${orange}` },
        { level: 4 as const, range: `1 ≤ R < ${yellow}` },
      ];
}

function BandTable({ bands, method }: { bands: TRiskBands; method: 'lec' | 'ls' }) {
  const { t } = useI18n();
  return (
    <Table
      rowKey="level"
      size="small"
      pagination={false}
      dataSource={bandRows(bands, method)}
      columns={[
        { title: t('risk.level'), dataIndex: 'level', width: 120, render: (l: 1 | 2 | 3 | 4) => <RiskLevelTag level={l} /> },
        { title: t('risk.bandRange'), dataIndex: 'range' },
      ]}
    />
  );
}

function ValueTable({ title, rows }: { title: string; rows: ValueOption[] }) {
  const { locale } = useI18n();
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <Table
        rowKey="value"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '', dataIndex: 'value', width: 64, align: 'right' },
          { title: '', key: 'd', render: (_, r: ValueOption) => (locale === 'en-US' ? r.en : r.zh) },
        ]}
        showHeader={false}
      />
    </div>
  );
}

/** 风险分级标准: the LEC and LS band limits (configuration with the reference's defaults) and the factor tables. */
export function RiskBandsPage() {
  const { t } = useI18n();
  const { data, isLoading, error } = useRiskBands();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<TRiskBands>();
  const [busy, setBusy] = useState(false);
  const watched = Form.useWatch([], { form, preserve: true }) as TRiskBands | undefined;
  if (isLoading) return <Skeleton active />;
  if (error || !data) return <Result status="warning" title={errorMessage(error)} />;
  const can = data.abilities.configure;
  const preview = watched?.lec && watched?.ls ? watched : data.bands;
  const save = async (v: TRiskBands) => {
    setBusy(true);
    try {
      await api('/api/risk-bands', { method: 'PUT', body: v });
      await Promise.all([qc.invalidateQueries({ queryKey: ['risk-bands'] }), qc.invalidateQueries({ queryKey: ['calculators'] })]);
      void message.success(t('common.saved'));
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };
  const limit = (path: [string, string], label: string, integer: boolean) => (
    <Col xs={8}>
      <Form.Item name={path} label={label} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber min={integer ? 2 : 0.1} max={integer ? 25 : 100000} precision={integer ? 0 : undefined} disabled={!can} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <PageHeader title={t('nav.riskBands')}>
        <Typography.Text type="secondary">{t('risk.bandsIntro')}</Typography.Text>
      </PageHeader>
      {!can ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('risk.bandsReadOnly')} /> : null}
      <Form<TRiskBands> form={form} layout="vertical" initialValues={data.bands} onFinish={save}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('risk.method.lec')} style={{ marginBottom: 16 }}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 0 }}>
                {t('risk.lecBoundary')}
              </Typography.Paragraph>
              <Row gutter={8}>
                {limit(['lec', 'red'], t('risk.limit.red'), false)}
                {limit(['lec', 'orange'], t('risk.limit.orange'), false)}
                {limit(['lec', 'yellow'], t('risk.limit.yellow'), false)}
              </Row>
              <BandTable bands={preview} method="lec" />
              <div style={{ marginTop: 8 }}>
                <Source text={data.sources.lec} />
              </div>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('risk.method.ls')} style={{ marginBottom: 16 }}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 0 }}>
                {t('risk.lsBoundary')}
              </Typography.Paragraph>
              <Row gutter={8}>
                {limit(['ls', 'red'], t('risk.limit.red'), true)}
                {limit(['ls', 'orange'], t('risk.limit.orange'), true)}
                {limit(['ls', 'yellow'], t('risk.limit.yellow'), true)}
              </Row>
              <BandTable bands={preview} method="ls" />
              <div style={{ marginTop: 8 }}>
                <Source text={data.sources.ls} />
              </div>
            </Card>
          </Col>
        </Row>
        {can ? (
          <Flex gap={8} justify="flex-end" wrap style={{ marginBottom: 16 }}>
            <Button icon={<UndoOutlined />} onClick={() => form.setFieldsValue(data.defaults)}>
              {t('risk.restoreDefaults')}
            </Button>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
              {t('common.save')}
            </Button>
          </Flex>
        ) : null}
      </Form>
      <TailingsGradeTableCard />
      <Card size="small" title={t('risk.valueSets')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <ValueTable title={t('risk.lec.L')} rows={data.valueSets.lec.L} />
          </Col>
          <Col xs={24} md={8}>
            <ValueTable title={t('risk.lec.E')} rows={data.valueSets.lec.E} />
          </Col>
          <Col xs={24} md={8}>
            <ValueTable title={t('risk.lec.C')} rows={data.valueSets.lec.C} />
          </Col>
          <Col xs={24} md={12}>
            <ValueTable title={t('risk.ls.L')} rows={data.valueSets.ls.L} />
          </Col>
          <Col xs={24} md={12}>
            <ValueTable title={t('risk.ls.S')} rows={data.valueSets.ls.S} />
          </Col>
        </Row>
        <Source text={data.sources.policy} />
      </Card>
    </>
  );
}
