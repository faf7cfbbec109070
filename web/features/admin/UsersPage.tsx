import { CheckCircleOutlined, KeyOutlined, PlusOutlined, SafetyCertificateOutlined, StopOutlined, UnlockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type DataColumn, DataList } from '../../components/DataList';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { UrlSearch } from '../../components/UrlSearch';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useCan } from '../../lib/auth';
import { formatDateTime, localName } from '../../lib/format';
import { useListPage } from '../../lib/list-page';
import { useAction } from '../../lib/use-action';
import { useAllDepartments } from '../org';
import { isLocked, type TUser, useRoles, useUsers } from './api';
import { CreateUserModal } from './CreateUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { RolesModal } from './RolesModal';

const FILTERS = ['q'] as const;

export function UsersPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  const qc = useQueryClient();
  const list = useListPage(FILTERS);
  const { data, isFetching } = useUsers({ q: list.filters.q, page: list.page, pageSize: list.pageSize });
  const roles = useRoles(can('role.read') || can('role.assign'));
  const [creating, setCreating] = useState(false);
  const [rolesOf, setRolesOf] = useState<TUser | null>(null);
  const [resetOf, setResetOf] = useState<{ user: TUser; half: 'A' | 'B' } | null>(null);

  const departments = useAllDepartments(can('department.read'));
  const unitOf = (u: TUser): string => {
    if (u.unitName) return u.unitName;
    if (u.departmentId) {
      const d = departments.data?.find((x) => x.id === u.departmentId);
      return d ? localName(locale, { zh: d.name, en: d.nameEn || d.name }) : u.departmentId;
    }
    if (u.enterpriseId) return t('users.enterpriseRef', { id: u.enterpriseId.slice(0, 8) });
    return '—';
  };

  const roleName = (key: string) => {
    const r = roles.data?.find((x) => x.key === key);
    return r ? localName(locale, { zh: r.name, en: r.nameEn }) : key;
  };

  const action = useAction({
    run: async ({ u, action }: { u: TUser; action: 'disable' | 'enable' | 'unlock' }) => {
      await api(`/api/users/${u.id}/${action}`, { method: 'POST' });
      await qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
  // Popconfirm waits on the returned promise, keeping its OK button busy.
  const act = (u: TUser, a: 'disable' | 'enable' | 'unlock') => action.run({ u, action: a });

  const manage = can('user.manage');
  // On a phone: the name, then status and roles, then the rest; actions in the card's footer.
  const columns: DataColumn<TUser>[] = [
    { title: t('users.username'), dataIndex: 'username', width: 110, fixed: 'left', ellipsis: true },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 130, ellipsis: true, card: 'title' },
    { title: t('users.kind'), dataIndex: 'kind', width: 110, render: (k: TUser['kind']) => t(`kind.${k}`) },
    {
      title: t('users.unit'),
      key: 'unit',
      width: 170,
      ellipsis: true,
      render: (_, u) => (u.enterpriseId && !u.unitName && can('enterprise.read') ? <Link to={`/enterprises/${u.enterpriseId}`}>{unitOf(u)}</Link> : unitOf(u)),
    },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      width: 170,
      render: (rs: string[]) => (rs.length ? rs.map((r) => <Tag key={r}>{roleName(r)}</Tag>) : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: t('users.status'),
      key: 'status',
      width: 120,
      card: 'lead',
      render: (_, u) => (
        <Space size={4} wrap>
          {u.disabled ? <Tag color="default">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.enabled')}</Tag>}
          {isLocked(u) ? (
            <Tooltip title={t('users.lockedUntil', { until: formatDateTime(u.lockedUntil) })}>
              <Tag color="red">{t('users.locked')}</Tag>
            </Tooltip>
          ) : null}
          {u.mustChangePassword ? <Tag color="orange">{t('users.mustChange')}</Tag> : null}
          {u.resetPending ? (
            <Tooltip title={t('users.resetPendingHint')}>
              <Tag color="gold">{t('users.resetPending')}</Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', width: 140, render: (v?: string | null) => (v ? formatDateTime(v) : '—') },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      fixed: 'right',
      card: 'actions',
      // What the server's account policy allows (三权分立: no administrator acts on a duty account or itself).
      render: (_, u) => {
        const may = u.abilities;
        return (
          <Space size={0} wrap>
            {may.setRoles ? (
              <Button type="link" size="small" icon={<SafetyCertificateOutlined />} onClick={() => setRolesOf(u)}>
                {t('users.rolesAction')}
              </Button>
            ) : null}
            {may.resetPassword ? (
              <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetOf({ user: u, half: 'A' })}>
                {t('users.resetPassword')}
              </Button>
            ) : null}
            {may.releasePassword ? (
              <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetOf({ user: u, half: 'B' })}>
                {t('users.releasePassword')}
              </Button>
            ) : null}
            {(u.disabled ? may.enable : may.disable) ? (
              u.disabled ? (
                <Popconfirm title={t('users.confirmEnable', { name: u.displayName })} onConfirm={() => act(u, 'enable')}>
                  <Button type="link" size="small" icon={<CheckCircleOutlined />}>
                    {t('users.enable')}
                  </Button>
                </Popconfirm>
              ) : (
                <Popconfirm title={t('users.confirmDisable', { name: u.displayName })} onConfirm={() => act(u, 'disable')}>
                  <Button type="link" size="small" danger icon={<StopOutlined />}>
                    {t('users.disable')}
                  </Button>
                </Popconfirm>
              )
            ) : null}
            {may.unlock && isLocked(u) ? (
              <Popconfirm title={t('users.confirmUnlock', { name: u.displayName })} onConfirm={() => act(u, 'unlock')}>
                <Button type="link" size="small" icon={<UnlockOutlined />}>
                  {t('users.unlock')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      <FilterBar list={list} minWidth={240}>
        <UrlSearch value={list.filters.q} placeholder={t('users.search')} onSearch={(q) => list.setFilters({ q })} />
      </FilterBar>
      <DataList<TUser>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 1140 }}
        list={list}
        total={data?.total}
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <RolesModal user={rolesOf} onClose={() => setRolesOf(null)} />
      <ResetPasswordModal user={resetOf?.user ?? null} half={resetOf?.half ?? 'A'} onClose={() => setResetOf(null)} />
    </>
  );
}
