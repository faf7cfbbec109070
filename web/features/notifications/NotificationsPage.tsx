import { CheckOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Empty, List, Segmented, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { api, errorMessage, type Page } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { toInt, useUrlState } from '../../lib/url-state';
import { useApiError } from '../../lib/use-api-error';
import { type TNotification, UNREAD_KEY } from './api';

const KEYS = ['unread', 'page'] as const;
const PAGE_SIZE = 20;

/** In-app inbox with read receipts. */
export function NotificationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [state, update] = useUrlState(KEYS);
  const unreadOnly = state.unread === 'true';
  const page = toInt(state.page, 1);
  const { data, isFetching, error } = useQuery({
    queryKey: ['notifications', { unreadOnly, page }],
    queryFn: () => api<Page<TNotification>>('/api/notifications', { query: { page, pageSize: PAGE_SIZE, unread: unreadOnly ? true : undefined } }),
    placeholderData: keepPreviousData,
  });

  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['notifications'] });
    await qc.invalidateQueries({ queryKey: UNREAD_KEY });
  };

  const markRead = async (n: TNotification) => {
    if (n.readAt) return;
    try {
      await api(`/api/notifications/${n.id}/read`, { method: 'POST' });
      await refresh();
    } catch (err) {
      showError(err);
    }
  };

  const markAll = async () => {
    try {
      await api('/api/notifications/read-all', { method: 'POST' });
      void message.success(t('common.done'));
      await refresh();
    } catch (err) {
      showError(err);
    }
  };

  const open = async (n: TNotification) => {
    await markRead(n);
    if (n.link?.startsWith('/')) navigate(n.link);
  };

  return (
    <>
      <PageHeader
        title={t('nav.notifications')}
        extra={
          <>
            <Segmented
              value={unreadOnly ? 'unread' : 'all'}
              onChange={(v) => update({ unread: v === 'unread' ? 'true' : undefined })}
              options={[
                { value: 'all', label: t('notifications.all') },
                { value: 'unread', label: t('notifications.unread') },
              ]}
            />
            <Button icon={<CheckOutlined />} onClick={markAll}>
              {t('notifications.readAll')}
            </Button>
          </>
        }
      />
      {error ? <Typography.Text type="danger">{errorMessage(error)}</Typography.Text> : null}
      <Card size="small">
        <List<TNotification>
          loading={isFetching}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty description={unreadOnly ? t('notifications.noneUnread') : t('notifications.none')} /> }}
          pagination={
            (data?.total ?? 0) > PAGE_SIZE
              ? { current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: (p) => update({ page: p }), showSizeChanger: false }
              : false
          }
          renderItem={(n) => (
            <List.Item
              actions={[
                n.readAt ? (
                  <Typography.Text key="r" type="secondary" style={{ fontSize: 12 }}>
                    {t('notifications.readAt', { at: formatDateTime(n.readAt) })}
                  </Typography.Text>
                ) : (
                  <Button key="r" type="link" size="small" onClick={() => markRead(n)}>
                    {t('notifications.markRead')}
                  </Button>
                ),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space>
                    {n.readAt ? null : <Badge status="processing" />}
                    {n.link ? (
                      <Typography.Link strong={!n.readAt} onClick={() => open(n)}>
                        {n.title}
                      </Typography.Link>
                    ) : (
                      <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                    )}
                  </Space>
                }
                description={
                  <>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{n.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
