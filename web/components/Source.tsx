import { BookOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useI18n } from '../i18n';

/** "依据": the regulation or document a rule, number or screen follows (architecture.md §4.10). */
export function Source({ text }: { text: string | null | undefined }) {
  const { t } = useI18n();
  if (!text) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      <BookOutlined /> {t('common.source')}
      {text}
    </Typography.Text>
  );
}
