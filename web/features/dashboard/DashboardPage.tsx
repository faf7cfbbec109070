import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Permission } from '../../../common/permissions';
import { PageHeader } from '../../components/PageHeader';
import { Source } from '../../components/Source';
import { type MessageKey, useI18n } from '../../i18n';
import { useCan, useMe } from '../../lib/auth';
import { useUnreadCount } from '../notifications';
import { useEnterprises } from '../org';
import { SUPERVISION_NOTICE_SOURCE, useSupervisionTable } from '../supervision';
import { useTaskBoard } from '../tasks';

function StatCard({ title, value, loading, to, color }: { title: ReactNode; value: number | undefined; loading: boolean; to: string; color?: string }) {
  return (
    <Link to={to}>
      <Card hoverable size="small">
        <Statistic title={title} value={value ?? '—'} loading={loading} styles={{ content: color ? { color } : undefined }} />
      </Card>
    </Link>
  );
}

/** Enterprise count for one status: the `total` of a one-row page with that filter. */
function useEnterpriseCount(status: string | undefined, enabled: boolean) {
  const q = useEnterprises({ pageSize: 1, page: 1, status }, enabled);
  return { value: q.data?.total, loading: q.isLoading && enabled };
}

/** Shown if the user holds the permission (any of them, for a list). */
const LINKS: { to: string; label: MessageKey; perm?: Permission | Permission[] }[] = [
  { to: '/enterprises', label: 'nav.enterprises', perm: 'enterprise.read' },
  { to: '/supervision', label: 'nav.supervision', perm: 'supervision.read' },
  { to: '/supervision?gap=any', label: 'dashboard.linkGaps', perm: 'supervision.read' },
  { to: '/accidents', label: 'nav.accidents', perm: 'accident.read' },
  { to: '/accidents/stats', label: 'nav.accidentStats', perm: 'accident.read' },
  { to: '/tasks', label: 'nav.tasks', perm: 'task.read' },
  { to: '/tasks/new', label: 'nav.taskNew', perm: 'task.issue' },
  { to: '/tasks/board', label: 'nav.taskBoard', perm: 'task.read' },
  { to: '/plans', label: 'nav.planStatus', perm: 'workplan.read' },
  { to: '/registers', label: 'nav.registers', perm: ['workplan.read', 'register.write'] },
  { to: '/org', label: 'nav.org', perm: 'department.read' },
  { to: '/notifications', label: 'nav.notifications' },
  { to: '/admin/users', label: 'nav.users', perm: 'user.read' },
  { to: '/admin/security', label: 'nav.security', perm: 'security.manage' },
  { to: '/admin/audit', label: 'nav.audit', perm: 'audit.read' },
  { to: '/admin/calendar', label: 'nav.calendar', perm: 'calendar.read' },
  { to: '/account/password', label: 'nav.changePassword' },
];

export function DashboardPage() {
  const { t } = useI18n();
  const can = useCan();
  const { data: me } = useMe();
  const readEnt = can('enterprise.read');
  const readSup = can('supervision.read');
  const all = useEnterpriseCount(undefined, readEnt);
  const operating = useEnterpriseCount('operating', readEnt);
  const suspended = useEnterpriseCount('suspended', readEnt);
  const closed = useEnterpriseCount('closed', readEnt);
  const sup = useSupervisionTable({ page: 1, pageSize: 1 }, readSup);
  const readTasks = can('task.read');
  const board = useTaskBoard(readTasks);
  const unread = useUnreadCount();
  const summary = sup.data?.summary;

  return (
    <>
      <PageHeader title={t('dashboard.welcome', { name: me?.user.displayName ?? '' })}>
        <Typography.Text type="secondary">{me?.user.unitName ?? ''}</Typography.Text>
      </PageHeader>
      {readEnt ? (
        <Card title={t('dashboard.enterprises')} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <StatCard title={t('dashboard.total')} value={all.value} loading={all.loading} to="/enterprises" />
            </Col>
            <Col xs={12} md={6}>
              <StatCard title={t('status.operating')} value={operating.value} loading={operating.loading} to="/enterprises?status=operating" color="#389e0d" />
            </Col>
            <Col xs={12} md={6}>
              <StatCard title={t('status.suspended')} value={suspended.value} loading={suspended.loading} to="/enterprises?status=suspended" color="#d46b08" />
            </Col>
            <Col xs={12} md={6}>
              <StatCard title={t('status.closed')} value={closed.value} loading={closed.loading} to="/enterprises?status=closed" color="#8c8c8c" />
            </Col>
          </Row>
        </Card>
      ) : null}
      {readSup ? (
        <Card title={t('nav.supervision')} size="small" style={{ marginBottom: 16 }} extra={<Source text={sup.data?.source ?? SUPERVISION_NOTICE_SOURCE} />}>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={8}>
              <StatCard title={t('supervision.summaryTotal')} value={summary?.total} loading={sup.isLoading} to="/supervision" />
            </Col>
            <Col xs={12} md={8}>
              <StatCard
                title={t('gap.noDepartment')}
                value={summary?.noDepartment}
                loading={sup.isLoading}
                to="/supervision?gap=noDepartment"
                color="#cf1322"
              />
            </Col>
            <Col xs={12} md={8}>
              <StatCard title={t('gap.noPerson')} value={summary?.noPerson} loading={sup.isLoading} to="/supervision?gap=noPerson" color="#d46b08" />
            </Col>
          </Row>
        </Card>
      ) : null}
      {readTasks ? (
        <Card title={t('dashboard.tasks')} size="small" style={{ marginBottom: 16 }} extra={<Link to="/tasks/board">{t('nav.taskBoard')}</Link>}>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <StatCard title={t('task.board.open')} value={board.data?.totals.open} loading={board.isLoading} to="/tasks/board" />
            </Col>
            <Col xs={12} md={6}>
              <StatCard
                title={t('task.board.dueSoon')}
                value={board.data?.totals.dueSoon}
                loading={board.isLoading}
                to="/tasks/board?card=dueSoon"
                color="#d46b08"
              />
            </Col>
            <Col xs={12} md={6}>
              <StatCard
                title={t('task.board.overdue')}
                value={board.data?.totals.overdue}
                loading={board.isLoading}
                to="/tasks/board?card=overdue"
                color="#cf1322"
              />
            </Col>
            <Col xs={12} md={6}>
              <StatCard
                title={t('task.board.noticed')}
                value={board.data?.totals.noticed}
                loading={board.isLoading}
                to="/tasks/board?card=noticed"
                color="#a8071a"
              />
            </Col>
          </Row>
        </Card>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <StatCard title={t('dashboard.unread')} value={unread.data} loading={unread.isLoading} to="/notifications?unread=true" />
        </Col>
        <Col xs={24} md={16}>
          <Card title={t('dashboard.quickLinks')} size="small">
            <Flex wrap gap={8}>
              {LINKS.filter((l) => !l.perm || (Array.isArray(l.perm) ? l.perm.some(can) : can(l.perm))).map((l) => (
                <Link key={l.to} to={l.to}>
                  <Card size="small" hoverable styles={{ body: { padding: '6px 12px' } }}>
                    {t(l.label)} <ArrowRightOutlined />
                  </Card>
                </Link>
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>
    </>
  );
}
