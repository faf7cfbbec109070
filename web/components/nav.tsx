import {
  AimOutlined,
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  CalendarOutlined,
  CameraOutlined,
  ClusterOutlined,
  ControlOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FlagOutlined,
  FormOutlined,
  FundOutlined,
  GatewayOutlined,
  KeyOutlined,
  LineChartOutlined,
  MonitorOutlined,
  NotificationOutlined,
  PieChartOutlined,
  ProfileOutlined,
  SafetyOutlined,
  SendOutlined,
  SettingOutlined,
  TableOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  WarningOutlined,
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

/** A submenu; shown when the user may open at least one of its items. */
interface NavGroup {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  children: NavItem[];
}

const ACCIDENTS: NavGroup = {
  key: 'accidents',
  label: 'nav.accidents',
  icon: <AlertOutlined />,
  children: [
    { path: '/accidents', label: 'nav.accidentList', icon: <UnorderedListOutlined />, any: ['accident.read'] },
    { path: '/accidents/stats', label: 'nav.accidentStats', icon: <BarChartOutlined />, any: ['accident.read'] },
  ],
};

const TASKS: NavGroup = {
  key: 'tasks',
  label: 'nav.tasks',
  icon: <FlagOutlined />,
  children: [
    { path: '/tasks', label: 'nav.taskList', icon: <UnorderedListOutlined />, any: ['task.read'] },
    { path: '/tasks/new', label: 'nav.taskNew', icon: <SendOutlined />, any: ['task.issue'] },
    { path: '/tasks/board', label: 'nav.taskBoard', icon: <FundOutlined />, any: ['task.read'] },
    { path: '/tasks/stats', label: 'nav.taskStats', icon: <BarChartOutlined />, any: ['task.read'] },
  ],
};

const HAZARDS: NavGroup = {
  key: 'hazards',
  label: 'nav.hazards',
  icon: <WarningOutlined />,
  children: [
    { path: '/hazards', label: 'nav.hazardList', icon: <UnorderedListOutlined />, any: ['hazard.read'] },
    { path: '/hazards/new', label: 'nav.hazardNew', icon: <CameraOutlined />, any: ['hazard.report'] },
    { path: '/hazards/lists', label: 'nav.hazardLists', icon: <ProfileOutlined />, any: ['hazard.read'] },
    { path: '/hazards/stats', label: 'nav.hazardStats', icon: <BarChartOutlined />, any: ['hazard.read'] },
  ],
};

const RISK: NavGroup = {
  key: 'risk',
  label: 'nav.risk',
  icon: <AimOutlined />,
  children: [
    { path: '/risk-points', label: 'nav.riskPoints', icon: <UnorderedListOutlined />, any: ['risk.read'] },
    { path: '/risk-overview', label: 'nav.riskOverview', icon: <PieChartOutlined />, any: ['risk.read'] },
    { path: '/risk-reports', label: 'nav.riskReports', icon: <NotificationOutlined />, any: ['risk.read'] },
    { path: '/major-hazard-sources', label: 'nav.majorHazards', icon: <ExperimentOutlined />, any: ['risk.read'] },
    { path: '/tailings-ponds', label: 'nav.tailingsPonds', icon: <GatewayOutlined />, any: ['risk.read'] },
    { path: '/risk-bands', label: 'nav.riskBands', icon: <ControlOutlined />, any: ['risk.read'] },
  ],
};

const MONITORING: NavGroup = {
  key: 'monitoring',
  label: 'nav.monitoring',
  icon: <MonitorOutlined />,
  children: [
    { path: '/monitoring', label: 'nav.monitoringLive', icon: <LineChartOutlined />, any: ['sensor.read'] },
    { path: '/monitoring/sensors', label: 'nav.monitoringSensors', icon: <DatabaseOutlined />, any: ['sensor.read'] },
    { path: '/monitoring/quality', label: 'nav.monitoringQuality', icon: <FundOutlined />, any: ['sensor.read'] },
    { path: '/monitoring/reports', label: 'nav.monitoringReport', icon: <FileDoneOutlined />, any: ['sensor.read'] },
    { path: '/monitoring/change-requests', label: 'nav.monitoringChangeRequests', icon: <AuditOutlined />, any: ['sensor.read'] },
    { path: '/monitoring/credentials', label: 'nav.monitoringCredentials', icon: <KeyOutlined />, any: ['sensor.manage'] },
    { path: '/alarms', label: 'nav.alarmList', icon: <AlertOutlined />, any: ['alarm.read'] },
    { path: '/alarms/stats', label: 'nav.alarmStats', icon: <BarChartOutlined />, any: ['alarm.read'] },
    { path: '/alarms/disposal', label: 'nav.alarmDisposal', icon: <FieldTimeOutlined />, any: ['alarm.read'] },
  ],
};

const WORKPLAN: NavGroup = {
  key: 'workplan',
  label: 'nav.workplan',
  icon: <FileDoneOutlined />,
  children: [
    { path: '/plans', label: 'nav.planStatus', icon: <ProfileOutlined />, any: ['workplan.read'] },
    { path: '/registers', label: 'nav.registers', icon: <FormOutlined />, any: ['workplan.read', 'register.write'] },
  ],
};

const WARNINGS: NavGroup = {
  key: 'warnings',
  label: 'nav.warnings',
  icon: <NotificationOutlined />,
  children: [
    { path: '/warnings', label: 'nav.warningList', icon: <UnorderedListOutlined />, any: ['warning.read'] },
    { path: '/warnings/new', label: 'nav.warningNew', icon: <SendOutlined />, any: ['warning.issue'] },
    { path: '/warnings/import', label: 'nav.warningImport', icon: <FileDoneOutlined />, any: ['warning.issue'] },
  ],
};

const ADMIN: NavGroup = {
  key: 'admin',
  label: 'nav.admin',
  icon: <SettingOutlined />,
  children: [
    { path: '/admin/users', label: 'nav.users', icon: <TeamOutlined />, any: ['user.read'] },
    { path: '/admin/security', label: 'nav.security', icon: <SafetyOutlined />, any: ['security.manage'] },
    { path: '/admin/audit', label: 'nav.audit', icon: <AuditOutlined />, any: ['audit.read'] },
    { path: '/admin/calendar', label: 'nav.calendar', icon: <CalendarOutlined />, any: ['calendar.read'] },
  ],
};

const MAIN: (NavItem | NavGroup)[] = [
  { path: '/', label: 'nav.dashboard', icon: <DashboardOutlined /> },
  { path: '/enterprises', label: 'nav.enterprises', icon: <BankOutlined />, any: ['enterprise.read'] },
  { path: '/supervision', label: 'nav.supervision', icon: <TableOutlined />, any: ['supervision.read'] },
  ACCIDENTS,
  RISK,
  HAZARDS,
  WARNINGS,
  TASKS,
  MONITORING,
  WORKPLAN,
  { path: '/org', label: 'nav.org', icon: <ClusterOutlined />, any: ['region.read', 'department.read'] },
  { path: '/notifications', label: 'nav.notifications', icon: <BellOutlined /> },
  ADMIN,
];

const isGroup = (n: NavItem | NavGroup): n is NavGroup => 'children' in n;
const GROUPS = MAIN.filter(isGroup);
const ALL_ITEMS: NavItem[] = MAIN.flatMap((n) => (isGroup(n) ? n.children : [n]));

type MenuItem = Required<MenuProps>['items'][number];

/** The left menu, built from the permissions the server reported for the user. */
export function buildMenu(permissions: string[], t: (k: MessageKey) => string): MenuItem[] {
  const allowed = (n: NavItem) => !n.any || n.any.some((p) => permissions.includes(p));
  const toItem = (n: NavItem): MenuItem => ({ key: n.path, icon: n.icon, label: t(n.label) });
  const items: MenuItem[] = [];
  for (const n of MAIN) {
    if (!isGroup(n)) {
      if (allowed(n)) items.push(toItem(n));
      continue;
    }
    const children = n.children.filter(allowed).map(toItem);
    if (children.length) items.push({ key: n.key, icon: n.icon, label: t(n.label), children });
  }
  return items;
}

/** The menu key to highlight for a path: the longest nav path that prefixes it. */
export function selectedKey(pathname: string): string {
  const all = ALL_ITEMS.map((n) => n.path);
  if (pathname === '/') return '/';
  return all.filter((p) => p !== '/' && (pathname === p || pathname.startsWith(`${p}/`))).sort((a, b) => b.length - a.length)[0] ?? '';
}

/** The submenu holding the selected key, opened on arrival. */
export function openKeysOf(selected: string): string[] {
  return GROUPS.filter((g) => g.children.some((c) => c.path === selected)).map((g) => g.key);
}
