import {
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DashboardOutlined,
  SafetyOutlined,
  SettingOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { Permission } from '../../common/permissions';
import type { MessageKey } from '../i18n';

interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown if the user holds any of these; none = every signed-in user. */
  any?: Permission[];
}

const MAIN: NavItem[] = [
  { path: '/', label: 'nav.dashboard', icon: <DashboardOutlined /> },
  { path: '/enterprises', label: 'nav.enterprises', icon: <BankOutlined />, any: ['enterprise.read'] },
  { path: '/supervision', label: 'nav.supervision', icon: <TableOutlined />, any: ['supervision.read'] },
  { path: '/org', label: 'nav.org', icon: <ClusterOutlined />, any: ['region.read', 'department.read'] },
  { path: '/notifications', label: 'nav.notifications', icon: <BellOutlined /> },
];

const ADMIN: NavItem[] = [
  { path: '/admin/users', label: 'nav.users', icon: <TeamOutlined />, any: ['user.read'] },
  { path: '/admin/security', label: 'nav.security', icon: <SafetyOutlined />, any: ['security.manage'] },
  { path: '/admin/audit', label: 'nav.audit', icon: <AuditOutlined />, any: ['audit.read'] },
  { path: '/admin/calendar', label: 'nav.calendar', icon: <CalendarOutlined />, any: ['calendar.read'] },
];

type MenuItem = Required<MenuProps>['items'][number];

/** The left menu, built from the permissions the server reported for the user. */
export function buildMenu(permissions: string[], t: (k: MessageKey) => string): MenuItem[] {
  const allowed = (n: NavItem) => !n.any || n.any.some((p) => permissions.includes(p));
  const toItem = (n: NavItem): MenuItem => ({ key: n.path, icon: n.icon, label: t(n.label) });
  const items: MenuItem[] = MAIN.filter(allowed).map(toItem);
  const admin = ADMIN.filter(allowed).map(toItem);
  if (admin.length) items.push({ key: 'admin', icon: <SettingOutlined />, label: t('nav.admin'), children: admin });
  return items;
}

/** The menu key to highlight for a path: the longest nav path that prefixes it. */
export function selectedKey(pathname: string): string {
  const all = [...MAIN, ...ADMIN].map((n) => n.path);
  if (pathname === '/') return '/';
  return all.filter((p) => p !== '/' && (pathname === p || pathname.startsWith(`${p}/`))).sort((a, b) => b.length - a.length)[0] ?? '';
}
