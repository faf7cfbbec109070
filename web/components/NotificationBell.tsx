import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useUnreadCount } from '../features/notifications';
import { useI18n } from '../i18n';

export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data: count = 0 } = useUnreadCount();
  const label = t('header.unread', { count });
  return (
    <Tooltip title={label}>
      <Button type="text" aria-label={label} onClick={() => navigate('/notifications?unread=true')}>
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Tooltip>
  );
}
