import { Col, Form, InputNumber, Row } from 'antd';
import { useI18n } from '../../i18n';
import { GradePreview } from './GradePreview';
import { wanInputProps } from './labels';

/**
 * 伤亡与直接经济损失 (Art. 12 item 4): the four casualty counts and the direct loss in 万元, with the
 * grade they give as they are typed. The 快报 form and the 续报 modal share it; fields are named as
 * the API names them (directLossYuan held in yuan).
 */
export function CasualtyFields({ lossHint = false, lossSpan }: { lossHint?: boolean; lossSpan: number }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const deaths = Form.useWatch('deaths', form);
  const seriousInjuries = Form.useWatch('seriousInjuries', form);
  const directLossYuan = Form.useWatch('directLossYuan', form);
  const required = [{ required: true, message: t('validation.required') }];
  const count = (name: string, label: string, tooltip?: string) => (
    <Col xs={12} md={6}>
      <Form.Item name={name} label={label} tooltip={tooltip} rules={required}>
        <InputNumber min={0} max={100_000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <Row gutter={12}>
      {count('deaths', t('accident.deathsLong'))}
      {count('missing', t('accident.missingLong'), t('accident.missingHint'))}
      {count('seriousInjuries', t('accident.seriousLong'), t('accident.seriousHint'))}
      {count('minorInjuries', t('accident.minorLong'))}
      <Col xs={24} md={lossSpan}>
        <Form.Item name="directLossYuan" label={t('accident.loss')} rules={required} extra={lossHint ? t('accident.lossHint') : undefined} {...wanInputProps}>
          <InputNumber min={0} max={1e9} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={24 - lossSpan}>
        <GradePreview deaths={deaths} seriousInjuries={seriousInjuries} directLossYuan={directLossYuan} />
      </Col>
    </Row>
  );
}
