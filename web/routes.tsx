import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import type { Permission } from '../common/permissions';
import { AppLayout, FullPageSpin } from './components/AppLayout';
import { NotFoundPage } from './components/NotFoundPage';
import { RequirePermission } from './components/RequirePermission';
import { RouteError } from './components/RouteError';
import { onPasswordChangeRequired, onUnauthorized } from './lib/api';
import { forgetSession, ME_KEY } from './lib/auth';
import { queryClient } from './lib/query-client';

type Loader = () => Promise<ComponentType>;

/** A lazily loaded page (its own chunk), optionally behind a permission. */
function page(load: Loader, permission?: Permission | Permission[]): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const Page = await load();
      if (!permission) return { Component: Page };
      return {
        element: (
          <RequirePermission permission={permission}>
            <Page />
          </RequirePermission>
        ),
      };
    },
  };
}

const routes: RouteObject[] = [
  {
    path: '/login',
    ...page(() => import('./features/account/LoginPage').then((m) => m.LoginPage)),
    HydrateFallback: FullPageSpin,
    errorElement: <RouteError />,
  },
  // Public portal: outside the signed-in shell, so it renders without a session.
  {
    path: '/public/accidents',
    ...page(() => import('./features/accidents/PublicAccidentsPage').then((m) => m.PublicAccidentsPage)),
    HydrateFallback: FullPageSpin,
  },
  {
    path: '/',
    Component: AppLayout,
    errorElement: <RouteError />,
    HydrateFallback: FullPageSpin,
    children: [
      { index: true, ...page(() => import('./features/dashboard/DashboardPage').then((m) => m.DashboardPage)) },
      {
        path: 'enterprises',
        ...page(() => import('./features/org/EnterprisesPage').then((m) => m.EnterprisesPage), 'enterprise.read'),
      },
      {
        path: 'enterprises/:id',
        ...page(() => import('./features/org/EnterpriseDetailPage').then((m) => m.EnterpriseDetailPage), 'enterprise.read'),
      },
      {
        path: 'supervision',
        ...page(() => import('./features/supervision/SupervisionPage').then((m) => m.SupervisionPage), 'supervision.read'),
      },
      {
        path: 'accidents',
        ...page(() => import('./features/accidents/AccidentsPage').then((m) => m.AccidentsPage), 'accident.read'),
      },
      {
        path: 'accidents/new',
        ...page(() => import('./features/accidents/ReportAccidentPage').then((m) => m.ReportAccidentPage), 'accident.report'),
      },
      {
        path: 'accidents/stats',
        ...page(() => import('./features/accidents/AccidentStatsPage').then((m) => m.AccidentStatsPage), 'accident.read'),
      },
      {
        path: 'accidents/:id',
        ...page(() => import('./features/accidents/AccidentDetailPage').then((m) => m.AccidentDetailPage), 'accident.read'),
      },
      { path: 'tasks', ...page(() => import('./features/tasks/TasksPage').then((m) => m.TasksPage), 'task.read') },
      { path: 'tasks/new', ...page(() => import('./features/tasks/IssueTaskPage').then((m) => m.IssueTaskPage), 'task.issue') },
      { path: 'tasks/board', ...page(() => import('./features/tasks/TaskBoardPage').then((m) => m.TaskBoardPage), 'task.read') },
      { path: 'tasks/stats', ...page(() => import('./features/tasks/TaskStatsPage').then((m) => m.TaskStatsPage), 'task.read') },
      { path: 'tasks/:id', ...page(() => import('./features/tasks/TaskDetailPage').then((m) => m.TaskDetailPage), 'task.read') },
      { path: 'warnings', ...page(() => import('./features/warnings/WarningsPage').then((m) => m.WarningsPage), 'warning.read') },
      { path: 'warnings/new', ...page(() => import('./features/warnings/IssueWarningPage').then((m) => m.IssueWarningPage), 'warning.issue') },
      { path: 'warnings/import', ...page(() => import('./features/warnings/WarningImportPage').then((m) => m.WarningImportPage), 'warning.issue') },
      { path: 'warnings/:id', ...page(() => import('./features/warnings/WarningDetailPage').then((m) => m.WarningDetailPage), 'warning.read') },
      { path: 'warnings/:id/update', ...page(() => import('./features/warnings/IssueWarningPage').then((m) => m.IssueWarningPage), 'warning.issue') },
      { path: 'hazards', ...page(() => import('./features/hazards/HazardsPage').then((m) => m.HazardsPage), 'hazard.read') },
      { path: 'hazards/new', ...page(() => import('./features/hazards/ReportHazardPage').then((m) => m.ReportHazardPage), 'hazard.report') },
      { path: 'hazards/lists', ...page(() => import('./features/hazards/HazardListsPage').then((m) => m.HazardListsPage), 'hazard.read') },
      { path: 'hazards/stats', ...page(() => import('./features/hazards/HazardStatsPage').then((m) => m.HazardStatsPage), 'hazard.read') },
      { path: 'hazards/:id', ...page(() => import('./features/hazards/HazardDetailPage').then((m) => m.HazardDetailPage), 'hazard.read') },
      { path: 'monitoring', ...page(() => import('./features/monitoring/LiveMonitoringPage').then((m) => m.LiveMonitoringPage), 'sensor.read') },
      { path: 'monitoring/sensors', ...page(() => import('./features/monitoring/SensorsPage').then((m) => m.SensorsPage), 'sensor.read') },
      { path: 'monitoring/sensors/:id', ...page(() => import('./features/monitoring/SensorDetailPage').then((m) => m.SensorDetailPage), 'sensor.read') },
      {
        path: 'monitoring/installation',
        ...page(() => import('./features/monitoring/InstallationTrendPage').then((m) => m.InstallationTrendPage), 'sensor.read'),
      },
      { path: 'monitoring/quality', ...page(() => import('./features/monitoring/QualityPage').then((m) => m.QualityPage), 'sensor.read') },
      { path: 'monitoring/reports', ...page(() => import('./features/monitoring/MonthlyReportPage').then((m) => m.MonthlyReportPage), 'sensor.read') },
      {
        path: 'monitoring/change-requests',
        ...page(() => import('./features/monitoring/ChangeRequestsPage').then((m) => m.ChangeRequestsPage), 'sensor.read'),
      },
      { path: 'monitoring/credentials', ...page(() => import('./features/monitoring/CredentialsPage').then((m) => m.CredentialsPage), 'sensor.manage') },
      { path: 'alarms', ...page(() => import('./features/alarms/AlarmsPage').then((m) => m.AlarmsPage), 'alarm.read') },
      { path: 'alarms/stats', ...page(() => import('./features/alarms/AlarmStatsPage').then((m) => m.AlarmStatsPage), 'alarm.read') },
      { path: 'alarms/disposal', ...page(() => import('./features/alarms/DisposalSettingsPage').then((m) => m.DisposalSettingsPage), 'alarm.read') },
      { path: 'alarms/:id', ...page(() => import('./features/alarms/AlarmDetailPage').then((m) => m.AlarmDetailPage), 'alarm.read') },
      { path: 'risk-points', ...page(() => import('./features/risk/RiskPointsPage').then((m) => m.RiskPointsPage), 'risk.read') },
      { path: 'risk-points/new', ...page(() => import('./features/risk/RiskPointFormPage').then((m) => m.RiskPointFormPage), 'risk.manage') },
      { path: 'risk-points/:id', ...page(() => import('./features/risk/RiskPointDetailPage').then((m) => m.RiskPointDetailPage), 'risk.read') },
      { path: 'risk-points/:id/edit', ...page(() => import('./features/risk/RiskPointFormPage').then((m) => m.RiskPointFormPage), 'risk.manage') },
      { path: 'risk-overview', ...page(() => import('./features/risk/RiskOverviewPage').then((m) => m.RiskOverviewPage), 'risk.read') },
      { path: 'risk-reports', ...page(() => import('./features/risk/RiskReportsPage').then((m) => m.RiskReportsPage), 'risk.read') },
      { path: 'risk-reports/:id', ...page(() => import('./features/risk/RiskReportDetailPage').then((m) => m.RiskReportDetailPage), 'risk.read') },
      { path: 'major-hazard-sources', ...page(() => import('./features/risk/MajorHazardsPage').then((m) => m.MajorHazardsPage), 'risk.read') },
      { path: 'major-hazard-sources/new', ...page(() => import('./features/risk/MajorHazardFormPage').then((m) => m.MajorHazardFormPage), 'risk.manage') },
      { path: 'major-hazard-sources/:id', ...page(() => import('./features/risk/MajorHazardDetailPage').then((m) => m.MajorHazardDetailPage), 'risk.read') },
      { path: 'major-hazard-sources/:id/edit', ...page(() => import('./features/risk/MajorHazardFormPage').then((m) => m.MajorHazardFormPage), 'risk.manage') },
      { path: 'tailings-ponds', ...page(() => import('./features/risk/TailingsPondsPage').then((m) => m.TailingsPondsPage), 'risk.read') },
      { path: 'tailings-ponds/new', ...page(() => import('./features/risk/TailingsPondFormPage').then((m) => m.TailingsPondFormPage), 'risk.manage') },
      { path: 'tailings-ponds/:id', ...page(() => import('./features/risk/TailingsPondDetailPage').then((m) => m.TailingsPondDetailPage), 'risk.read') },
      { path: 'tailings-ponds/:id/edit', ...page(() => import('./features/risk/TailingsPondFormPage').then((m) => m.TailingsPondFormPage), 'risk.manage') },
      { path: 'risk-bands', ...page(() => import('./features/risk/RiskBandsPage').then((m) => m.RiskBandsPage), 'risk.read') },
      { path: 'plans', ...page(() => import('./features/workplan/PlanPage').then((m) => m.PlanPage), 'workplan.read') },
      {
        path: 'plans/:id/items/:itemId',
        ...page(() => import('./features/workplan/PlanItemPage').then((m) => m.PlanItemPage), 'workplan.read'),
      },
      {
        path: 'registers',
        ...page(() => import('./features/workplan/RegistersPage').then((m) => m.RegistersPage), ['workplan.read', 'register.write']),
      },
      { path: 'org', ...page(() => import('./features/org/OrgPage').then((m) => m.OrgPage), ['region.read', 'department.read']) },
      { path: 'notifications', ...page(() => import('./features/notifications/NotificationsPage').then((m) => m.NotificationsPage)) },
      { path: 'account/password', ...page(() => import('./features/account/ChangePasswordPage').then((m) => m.ChangePasswordPage)) },
      { path: 'admin/users', ...page(() => import('./features/admin/UsersPage').then((m) => m.UsersPage), 'user.read') },
      {
        path: 'admin/security',
        ...page(() => import('./features/admin/SecuritySettingsPage').then((m) => m.SecuritySettingsPage), 'security.manage'),
      },
      { path: 'admin/audit', ...page(() => import('./features/audit/AuditPage').then((m) => m.AuditPage), 'audit.read') },
      { path: 'admin/calendar', ...page(() => import('./features/admin/CalendarPage').then((m) => m.CalendarPage), 'calendar.read') },
      { path: '*', Component: NotFoundPage },
    ],
  },
];

export const router = createBrowserRouter(routes);

// A 401 from any call ends the session on the client; the layout then sends the user to /login.
onUnauthorized(() => {
  if (queryClient.getQueryData(ME_KEY) !== null) forgetSession(queryClient);
});

// The server refuses everything but the password change (a reset, new or expired password): reload the user,
// whose mustChangePassword makes the layout open 修改密码.
onPasswordChangeRequired(() => {
  void queryClient.invalidateQueries({ queryKey: ME_KEY });
});
