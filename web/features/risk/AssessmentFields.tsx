import { LoadingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Col, Flex, Form, Radio, Row, Select, Typography } from 'antd';
import { LEC_C, LEC_E, LEC_L, LS_L, LS_S, type RiskLevel } from '../../../common/rules/risk-assessment';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { api, errorMessage } from '../../lib/api';
import { useDebounced } from '../../lib/use-debounced';
import type { LecResult, LsResult, TRiskAssessment } from './api';
import { RiskLevelTag } from './labels';

type Option = { readonly value: number; readonly zh: string; readonly en: string };

/** The LEC or LS factors, each a choice from its table (regulations.md §7), under the form's `name`. */
export function AssessmentFields({ name = ['assessment'] }: { name?: (string | number)[] }) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance();
  const method = Form.useWatch([...name, 'method'], { form, preserve: true }) as 'lec' | 'ls' | undefined;
  const opts = (list: readonly Option[]) => list.map((o) => ({ value: o.value, label: `${o.value} — ${locale === 'en-US' ? o.en : o.zh}` }));
  const req = [{ required: true, message: t('validation.required') }];
  const factor = (key: string, label: string, list: readonly Option[]) => (
    <Col xs={24}>
      <Form.Item name={[...name, key]} label={label} rules={req}>
        <Select options={opts(list)} popupMatchSelectWidth={false} />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <Form.Item name={[...name, 'method']} label={t('risk.method')} rules={req}>
        <Radio.Group
          optionType="button"
          onChange={() => form.setFieldValue(name, { method: form.getFieldValue([...name, 'method']) })}
          options={[
            { value: 'lec', label: t('risk.method.lec') },
            { value: 'ls', label: t('risk.method.ls') },
          ]}
        />
      </Form.Item>
      <Row gutter={12}>
        {method === 'lec' ? (
          <>
            {factor('L', t('risk.lec.L'), LEC_L)}
            {factor('E', t('risk.lec.E'), LEC_E)}
            {factor('C', t('risk.lec.C'), LEC_C)}
          </>
        ) : method === 'ls' ? (
          <>
            {factor('L', t('risk.ls.L'), LS_L)}
            {factor('S', t('risk.ls.S'), LS_S)}
          </>
        ) : null}
      </Row>
    </>
  );
}

/** A complete assessment from the form's (possibly partial) value, or null. */
export function completeAssessment(a: Partial<Record<string, unknown>> | undefined): TRiskAssessment | null {
  if (!a) return null;
  const n = (k: string) => (typeof a[k] === 'number' ? (a[k] as number) : null);
  if (a.method === 'lec' && n('L') !== null && n('E') !== null && n('C') !== null)
    return { method: 'lec', L: n('L') as number, E: n('E') as number, C: n('C') as number };
  if (a.method === 'ls' && n('L') !== null && n('S') !== null) return { method: 'ls', L: n('L') as number, S: n('S') as number };
  return null;
}

export interface PreviewResult {
  score: number;
  level: RiskLevel;
  source: string;
}

export async function assessRemote(a: TRiskAssessment, signal?: AbortSignal): Promise<PreviewResult> {
  if (a.method === 'lec') {
    const r = await api<LecResult>('/api/calculators/risk-lec', { body: { L: a.L, E: a.E, C: a.C }, signal });
    return { score: r.D, level: r.level, source: r.source };
  }
  const r = await api<LsResult>('/api/calculators/risk-ls', { body: { L: a.L, S: a.S }, signal });
  return { score: r.R, level: r.level, source: r.source };
}

/** The calculator's answer for an assessment (shared cache: the preview and the form ask once). */
export function useAssessment(assessment: TRiskAssessment | null) {
  const key = useDebounced(assessment ? JSON.stringify(assessment) : null, 150);
  const a = key ? (JSON.parse(key) as TRiskAssessment) : null;
  const calc = useQuery({
    queryKey: ['calculators', 'risk', a],
    queryFn: ({ signal }) => assessRemote(a as TRiskAssessment, signal),
    enabled: !!a,
    staleTime: 60_000,
  });
  return { a, calc };
}

/** Live result of the calculator (the server's bands in force): D or R, level, colour and 依据. */
export function AssessmentPreview({ assessment }: { assessment: TRiskAssessment | null }) {
  const { t } = useI18n();
  const { a, calc } = useAssessment(assessment);
  return (
    <div style={{ padding: '8px 12px', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4, marginBottom: 16 }}>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
        {t('risk.previewTitle')}
      </Typography.Text>
      {!a ? (
        <Typography.Text type="secondary">{t('risk.previewEmpty')}</Typography.Text>
      ) : calc.data ? (
        <>
          <Flex gap={12} align="center" wrap style={{ marginBottom: 4 }}>
            <Typography.Text strong style={{ fontSize: 20 }}>
              {a.method === 'lec' ? 'D' : 'R'} = {calc.data.score}
            </Typography.Text>
            <RiskLevelTag level={calc.data.level} />
          </Flex>
          <Source text={calc.data.source} />
        </>
      ) : calc.error ? (
        <Typography.Text type="warning">{errorMessage(calc.error)}</Typography.Text>
      ) : (
        <LoadingOutlined />
      )}
    </div>
  );
}
