import { CheckCircleTwoTone, ClockCircleOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import type { TRecipient } from './api';

/** 回执: each addressed department, and who read the report when (or that it is still unread); for pond reports also how many of its users read it. */
export function ReceiptList({ recipients }: { recipients: TRecipient[] }) {
  const { t } = useI18n();
  if (!recipients.length) return <Typography.Text type="secondary">{t('risk.noRecipients')}</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      {recipients.map((r) => (
        <Flex key={r.departmentId} gap={6} align="baseline" wrap>
          {r.readAt ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <ClockCircleOutlined style={{ color: '#fa8c16' }} />}
          <Typography.Text strong>{r.departmentName}</Typography.Text>
          <Typography.Text type={r.readAt ? 'success' : 'warning'} style={{ fontSize: 12 }}>
            {r.readAt ? t('risk.readBy', { name: r.readByName ?? '', at: formatDateTime(r.readAt) }) : t('risk.unread')}
          </Typography.Text>
          {'notified' in r ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.notified ? t('pond.readCount', { read: r.read, n: r.notified }) : t('pond.noUsers')}
            </Typography.Text>
          ) : null}
        </Flex>
      ))}
    </Flex>
  );
}
