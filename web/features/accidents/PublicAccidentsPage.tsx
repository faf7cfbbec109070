import { LoginOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Skeleton, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { FATAL_ACCIDENT_SOURCE } from '../../../common/rules/accident-investigation';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { formatDate } from '../../lib/format';
import { type PublicAccident, usePublicAccidents } from './api';
import { GradeTag } from './labels';

function PublicItem({ a }: { a: PublicAccident }) {
  const { t } = useI18n();
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {a.title}
      </Typography.Title>
      <Space size={8} wrap style={{ marginBottom: 8 }}>
        <GradeTag grade={a.grade} />
        <Typography.Text type="secondary">{formatDate(a.occurredAt)}</Typography.Text>
        <Typography.Text type="secondary">{a.countyName}</Typography.Text>
        <Typography.Text type="secondary">{t('public.deaths', { n: a.deaths })}</Typography.Text>
      </Space>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{a.publicSummary}</Typography.Paragraph>
      {a.publishedAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('public.publishedAt', { at: formatDate(a.publishedAt) })}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

/** 事故查处结果公开: the published results of closed investigations, open to anyone (no sign-in). */
export function PublicAccidentsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { data, isLoading, error } = usePublicAccidents();
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #e8eef7 0%, #f5f6f8 60%)' }}>
      <div style={{ width: '100%', maxWidth: 880 }}>
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
          <Typography.Text strong style={{ color: '#1f5fa8', fontSize: 18, letterSpacing: 2 }}>
            {t('app.title')}
          </Typography.Text>
          <Flex gap={4}>
            <LanguageSwitch signedIn={Boolean(me)} />
            <Button type="text" icon={<LoginOutlined />} onClick={() => navigate(me ? '/' : '/login')}>
              {me ? t('public.toApp') : t('public.login')}
            </Button>
          </Flex>
        </Flex>
        <Typography.Title level={3} style={{ marginTop: 8 }}>
          {t('public.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {t('public.subtitle')}
        </Typography.Paragraph>
        <div style={{ marginBottom: 16 }}>
          <Source text={FATAL_ACCIDENT_SOURCE} />
        </div>
        {error ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} /> : null}
        {isLoading ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : data?.length ? (
          data.map((a) => <PublicItem key={a.id} a={a} />)
        ) : (
          <Card>
            <Empty description={t('public.none')} />
          </Card>
        )}
      </div>
    </Flex>
  );
}
