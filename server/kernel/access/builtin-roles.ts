import type { Permission } from '../../../common/permissions.js';

/**
 * Built-in roles. The three platform duties (三权分立, GB/T 22239 等保 2.0 §8.1.4 security
 * management centre: 系统管理员 / 安全管理员 / 审计管理员) are disjoint: the system admin manages
 * accounts and organisation data but cannot grant roles or read the audit log; the security admin
 * grants roles and sets security policy but cannot create accounts; the audit admin only reads and
 * verifies the audit log.
 */
export interface BuiltinRole {
  key: string;
  name: string;
  nameEn: string;
  adminDuty: 'system' | 'security' | 'audit' | null;
  permissions: Permission[];
}

const READ_REGISTRY: Permission[] = ['region.read', 'department.read', 'enterprise.read', 'supervision.read', 'calendar.read'];

export const BUILTIN_ROLES: BuiltinRole[] = [
  {
    key: 'system-admin',
    name: '系统管理员',
    nameEn: 'System administrator',
    adminDuty: 'system',
    permissions: ['user.read', 'user.manage', 'role.read', 'org.manage', 'region.read', 'department.read', 'calendar.read', 'calendar.manage'],
  },
  {
    key: 'security-admin',
    name: '安全管理员',
    nameEn: 'Security administrator',
    adminDuty: 'security',
    permissions: ['user.read', 'role.read', 'role.assign', 'security.manage', 'region.read', 'department.read'],
  },
  {
    key: 'audit-admin',
    name: '审计管理员',
    nameEn: 'Audit administrator',
    adminDuty: 'audit',
    permissions: ['audit.read', 'audit.verify'],
  },
  {
    key: 'regulator-admin',
    name: '监管部门管理人员',
    nameEn: 'Regulator (full)',
    adminDuty: null,
    permissions: [
      ...READ_REGISTRY,
      'enterprise.create',
      'enterprise.update',
      'enterprise.changeStatus',
      'enterprise.import',
      'enterprise.export',
      'supervision.assign',
      'supervision.export',
      'attachment.upload',
      'accident.read',
      'accident.report',
      'accident.manage',
      'accident.publish',
      'accident.export',
      'task.read',
      'task.issue',
      'task.handle',
      'task.export',
      'workplan.read',
      'workplan.manage',
      'register.write',
      'risk.read',
      'risk.export',
      'risk.configure',
      'hazard.read',
      'hazard.report',
      'hazard.supervise',
      'hazard.export',
    ],
  },
  {
    key: 'regulator',
    name: '行业监管人员',
    nameEn: 'Industry regulator',
    adminDuty: null,
    permissions: [
      ...READ_REGISTRY,
      'enterprise.update',
      'enterprise.changeStatus',
      'enterprise.export',
      'supervision.export',
      'attachment.upload',
      'accident.read',
      'accident.report',
      'accident.export',
      'task.read',
      'task.issue',
      'task.handle',
      'task.export',
      'workplan.read',
      'register.write',
      'risk.read',
      'risk.export',
      'hazard.read',
      'hazard.report',
      'hazard.supervise',
      'hazard.export',
    ],
  },
  {
    key: 'enterprise-manager',
    name: '企业安全管理人员',
    nameEn: 'Enterprise safety manager',
    adminDuty: null,
    permissions: [
      'enterprise.read',
      'enterprise.update',
      'region.read',
      'calendar.read',
      'attachment.upload',
      'accident.read',
      'accident.report',
      'task.read',
      'task.handle',
      'workplan.read',
      'register.write',
      'risk.read',
      'risk.manage',
      'risk.export',
      'hazard.read',
      'hazard.report',
      'hazard.handle',
      'hazard.export',
    ],
  },
  {
    // 职工: receives the 双报告 announcement of major hazards and reports hazards (安全生产法 on workers' right to report).
    key: 'enterprise-worker',
    name: '企业职工',
    nameEn: 'Enterprise worker',
    adminDuty: null,
    permissions: ['enterprise.read', 'region.read', 'calendar.read', 'attachment.upload', 'risk.read', 'hazard.read', 'hazard.report'],
  },
  {
    key: 'group-manager',
    name: '集团安全管理人员',
    nameEn: 'Group safety manager',
    adminDuty: null,
    permissions: [
      'enterprise.read',
      'enterprise.export',
      'region.read',
      'calendar.read',
      'attachment.upload',
      'accident.read',
      'workplan.read',
      'register.write',
      'risk.read',
      'risk.export',
      'hazard.read',
      'hazard.export',
    ],
  },
];
