import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, type MenuProps, Spin, Typography, theme } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { type Locale, useI18n } from '../i18n';
import { api } from '../lib/api';
import { forgetSession, type Me, useMe } from '../lib/auth';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { buildMenu, openKeysOf, selectedKey } from './nav';

/** English menu labels ("监管一张表 Supervision table", "Regions & departments") need a wider menu. */
const SIDER_WIDTH: Record<Locale, number> = { 'zh-CN': 208, 'en-US': 272 };

type MenuItems = NonNullable<MenuProps['items']>;

/** Gives every text label a native tooltip, so a label still cut by the menu's ellipsis can be read. */
function withTitles(items: MenuItems): MenuItems {
  return items.map((item) => {
    if (!item || !('label' in item) || typeof item.label !== 'string') return item;
    const label = (
      <span key={String(item.key ?? item.label)} title={item.label}>
        {item.label}
      </span>
    );
    return 'children' in item && item.children ? { ...item, label, children: withTitles(item.children) } : { ...item, label };
  });
}

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Signed-in shell: left menu from permissions, header with unit, user, bell, language and logout. */
export function AppLayout() {
  const { data: me, isLoading } = useMe();
  const location = useLocation();
  if (isLoading) return <FullPageSpin />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.user.mustChangePassword && location.pathname !== '/account/password') return <Navigate to="/account/password" replace />;
  return <Shell me={me} />;
}

function Shell({ me }: { me: Me }) {
  const { t, locale } = useI18n();
  const { token } = theme.useToken();
  const siderWidth = SIDER_WIDTH[locale];
  const screens = Grid.useBreakpoint();
  const mobile = !screens.lg;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const qc = useQueryClient();
  // Until a reset, new or expired password is changed the server answers nothing else: no menu, no inbox.
  const locked = me.user.mustChangePassword;
  const items = useMemo(() => (locked ? [] : withTitles(buildMenu(me.permissions, t))), [locked, me.permissions, t]);
  // Platform accounts (系统/安全管理员, 审计员) belong to no unit: name the platform, not "未关联单位".
  const unitLabel = me.user.unitName ?? (me.user.kind === 'platform' ? t('kind.platform') : t('header.noUnit'));
  const selected = selectedKey(location.pathname);

  const logout = async () => {
    try {
      await api('/api/auth/logout', { method: 'POST', allowUnauthenticated: true });
    } finally {
      forgetSession(qc);
      navigate('/login', { replace: true });
    }
  };

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      defaultOpenKeys={openKeysOf(selected)}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );
  const brand = (
    <div style={{ padding: '14px 20px 10px', lineHeight: 1.3 }}>
      <div style={{ fontWeight: 700, fontSize: 20, color: token.colorPrimary, letterSpacing: 2 }}>{t('app.brand')}</div>
      <div style={{ fontSize: 12, color: token.colorTextSecondary }}>{t('app.tagline')}</div>
    </div>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {mobile ? (
        <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" size={siderWidth + 32} styles={{ body: { padding: 0 } }}>
          {brand}
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider
          width={siderWidth}
          theme="light"
          style={{ borderInlineEnd: `1px solid ${token.colorSplit}`, position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          {brand}
          {menu}
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorSplit}`,
            padding: mobile ? '0 8px' : '0 20px',
            position: 'sticky',
            top: 0,
            zIndex: 10,
            height: 56,
            lineHeight: '56px',
          }}
        >
          <Flex align="center" justify="space-between" gap={8} style={{ height: '100%' }}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              {mobile ? <Button type="text" icon={<MenuOutlined />} aria-label={t('header.menu')} onClick={() => setDrawerOpen(true)} /> : null}
              <Typography.Text strong ellipsis={{ tooltip: unitLabel }} style={{ maxWidth: mobile ? 140 : 420 }}>
                {unitLabel}
              </Typography.Text>
            </Flex>
            <Flex align="center" gap={mobile ? 0 : 4}>
              {locked ? null : <NotificationBell />}
              <LanguageSwitch signedIn />
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'password', icon: <KeyOutlined />, label: t('nav.changePassword') },
                    { type: 'divider' },
                    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
                  ],
                  onClick: ({ key }) => (key === 'logout' ? void logout() : navigate('/account/password')),
                }}
              >
                <Button type="text" icon={<UserOutlined />}>
                  {mobile ? null : me.user.displayName}
                </Button>
              </Dropdown>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: mobile ? 12 : 20, minWidth: 0 }}>
          {navigation.state === 'loading' ? <div className="route-progress" /> : null}
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
