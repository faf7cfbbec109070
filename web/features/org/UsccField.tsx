import { CheckCircleFilled, CloseCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Form, Input, Space, Typography } from 'antd';
import { FIELD_MESSAGES, fill } from '../../../common/i18n/api-messages';
import { type Locale, useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useDebounced } from '../../lib/use-debounced';
import { checkUscc, type UsccCheck } from './api';

/** A calculator error code ('checksum') in words; unknown codes are shown as sent. */
function usccErrorText(code: string, expected: string | undefined, locale: Locale): string {
  const key = `uscc.${code}` as keyof typeof FIELD_MESSAGES;
  const template = FIELD_MESSAGES[key]?.[locale];
  return template ? fill(template, { expected: expected ?? '?' }) : code;
}

function UsccStatus({ check, locale }: { check: UsccCheck; locale: Locale }) {
  const { t } = useI18n();
  const name = (n?: { zh: string; en: string }) => (n ? (locale === 'en-US' ? n.en : n.zh) : '');
  if (check.valid) {
    const p = check.parts;
    return (
      <Space orientation="vertical" size={0}>
        <Typography.Text type="success">
          <CheckCircleFilled /> {t('uscc.valid')}
          {p
            ? ` · ${t('uscc.parts', { authority: name(p.authorityName) || p.authority, entityClass: name(p.entityClassName) || p.entityClass, region: p.regionCode })}`
            : ''}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('common.source')}
          {check.source}
        </Typography.Text>
      </Space>
    );
  }
  const errors = check.messages?.length ? check.messages : (check.errors ?? []).map((e) => usccErrorText(e, check.expectedCheck, locale));
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text type="danger">
        <CloseCircleFilled /> {errors.join(locale === 'en-US' ? '; ' : '；') || t('uscc.invalid')}
        {check.expectedCheck && !errors.some((e) => e.includes(check.expectedCheck as string)) ? ` · ${t('uscc.expected', { c: check.expectedCheck })}` : ''}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('common.source')}
        {check.source}
      </Typography.Text>
    </Space>
  );
}

/** USCC input checked against GB 32100 by the server calculator while typing (debounced 300 ms). */
export function UsccField() {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance();
  const value: string = Form.useWatch('uscc', form) ?? '';
  const code = useDebounced(value.trim(), 300);
  const check = useQuery({
    queryKey: ['calculators', 'usc-code', code],
    queryFn: ({ signal }) => checkUscc(code, signal),
    enabled: code.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
  let extra: React.ReactNode = null;
  if (code && check.isFetching) extra = <LoadingOutlined />;
  else if (code && check.error) extra = <Typography.Text type="warning">{errorMessage(check.error)}</Typography.Text>;
  else if (code && check.data) extra = <UsccStatus check={check.data} locale={locale} />;
  return (
    <Form.Item name="uscc" label={t('field.uscc')} extra={extra} rules={[{ required: true, message: t('validation.required') }]}>
      <Input maxLength={24} placeholder="91140500XXXXXXXXXX" style={{ fontFamily: 'ui-monospace, monospace' }} />
    </Form.Item>
  );
}
