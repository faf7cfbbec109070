/**
 * The closed permission catalogue (architecture.md §4.4). Every route declares exactly one of these
 * (or 'public' / 'authenticated'); roles are sets of them. Names are `resource.action`.
 */
export const PERMISSIONS = {
  // registry and 一张表
  'region.read': { zh: '查看行政区划', en: 'View regions' },
  'department.read': { zh: '查看部门', en: 'View departments' },
  'org.manage': { zh: '维护区划与部门', en: 'Manage regions and departments' },
  'enterprise.read': { zh: '查看企业', en: 'View enterprises' },
  'enterprise.create': { zh: '新增企业', en: 'Create enterprises' },
  'enterprise.update': { zh: '编辑企业', en: 'Edit enterprises' },
  'enterprise.changeStatus': { zh: '变更企业状态（停产整顿/关闭/恢复）', en: 'Change enterprise status' },
  'enterprise.import': { zh: 'Excel 导入企业与监管责任', en: 'Import enterprises from Excel' },
  'enterprise.export': { zh: '导出企业', en: 'Export enterprises' },
  'supervision.read': { zh: '查看监管一张表', en: 'View the supervision table' },
  'supervision.assign': { zh: '分配监管部门与责任人', en: 'Assign supervision' },
  'supervision.export': { zh: '导出监管一张表', en: 'Export the supervision table' },
  // accidents (国务院令第493号)
  'accident.read': { zh: '查看事故', en: 'View accidents' },
  'accident.report': { zh: '事故快报与续报', en: 'File accident reports and updates' },
  'accident.manage': { zh: '事故接报、上报、调查与处理', en: 'Receive, escalate, investigate and handle accidents' },
  'accident.publish': { zh: '公开事故查处结果', en: 'Publish accident handling results' },
  'accident.export': { zh: '导出事故统计', en: 'Export accident statistics' },
  // 督办 ("13710")
  'task.read': { zh: '查看督办事项', en: 'View supervised tasks' },
  'task.issue': { zh: '交办、销号、退回与审批延期', en: 'Issue, accept, return tasks and decide extensions' },
  'task.handle': { zh: '签收、反馈、办结与申请延期', en: 'Sign, report, resolve tasks and request extensions' },
  'task.export': { zh: '导出督办统计', en: 'Export task statistics' },
  // the notice as the year's work plan (落实情况)
  'workplan.read': { zh: '查看年度工作落实情况', en: 'View the work plan and indicators' },
  'workplan.manage': { zh: '维护年度工作要点', en: 'Maintain work plans' },
  'register.write': { zh: '登记会议、授课、检查、培训、装备等台账', en: 'Record meetings, lectures, inspections, training, equipment' },
  // 双重预防: risk grading and control (风险分级管控) and major hazard installations (GB 18218)
  'risk.read': { zh: '查看风险点与重大危险源', en: 'View risk points and major hazard installations' },
  'risk.manage': { zh: '登记风险点、风险评价与重大危险源', en: 'Record risk points, assessments and major hazard installations' },
  'risk.export': { zh: '导出风险清单', en: 'Export risk lists' },
  'risk.configure': { zh: '配置风险分级标准（LEC/LS 分级界限）', en: 'Configure the LEC/LS risk bands' },
  // 隐患排查治理 (安监总局令第16号)
  'hazard.read': { zh: '查看隐患', en: 'View hazards' },
  'hazard.report': { zh: '上报隐患', en: 'Report hazards' },
  'hazard.handle': { zh: '确认、整改、验收隐患与报送统计', en: 'Confirm, rectify and verify hazards; file statistics' },
  'hazard.supervise': { zh: '挂牌督办、现场审查核销、清单维护', en: 'List hazards for supervision, review and close out, maintain lists' },
  'hazard.export': { zh: '导出隐患与四个清单', en: 'Export hazards and the four lists' },
  // monitoring and early warning (监测预警)
  'sensor.read': { zh: '查看监测点与实时数据', en: 'View sensors and readings' },
  'sensor.manage': { zh: '登记监测点、阈值与接入凭证', en: 'Register sensors, thresholds and ingestion credentials' },
  'alarm.read': { zh: '查看报警', en: 'View alarms' },
  'alarm.handle': { zh: '确认报警与处置反馈', en: 'Acknowledge alarms and file disposal feedback' },
  'alarm.supervise': { zh: '报警督办、搁置与数据质量', en: 'Supervise alarms, shelve and data quality' },
  'alarm.configure': { zh: '配置报警处置时限与逐级推送间隔', en: 'Configure alarm disposal time limits and the escalation step' },
  'warning.read': { zh: '查看预警信息', en: 'View warnings' },
  'warning.issue': { zh: '发布、更新、解除预警与导入外部预警', en: 'Issue, update and cancel warnings; import external feeds' },
  'warning.confirm': { zh: '预警任务签收与落实反馈', en: 'Confirm warning tasks' },
  // platform (三权分立: system admin / security admin / audit admin)
  'user.read': { zh: '查看用户', en: 'View users' },
  'user.manage': { zh: '管理用户账号', en: 'Manage user accounts' },
  'role.read': { zh: '查看角色', en: 'View roles' },
  'role.assign': { zh: '授予与撤销角色', en: 'Grant and revoke roles' },
  'security.manage': { zh: '安全策略、解锁与会话管理', en: 'Security policy, unlock and sessions' },
  'audit.read': { zh: '查看审计日志', en: 'View the audit log' },
  'audit.verify': { zh: '校验审计日志完整性', en: 'Verify the audit chain' },
  'calendar.read': { zh: '查看工作日历', en: 'View the working-day calendar' },
  'calendar.manage': { zh: '维护节假日数据', en: 'Maintain holiday data' },
  'attachment.upload': { zh: '上传附件', en: 'Upload attachments' },
} as const;

export type Permission = keyof typeof PERMISSIONS;
/** Route-level markers that are not grants: open to anyone, or to any signed-in user. */
export type RouteAccess = Permission | 'public' | 'authenticated';

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(p: string): p is Permission {
  return Object.hasOwn(PERMISSIONS, p);
}

/**
 * Grants over platform-wide data: reference data, accounts, security settings, the calendar and the audit log.
 * Every other permission acts only inside the holder's data scope (kernel/scope), which docs/authorization.md
 * shows as "own scope".
 */
export const PLATFORM_WIDE: ReadonlySet<Permission> = new Set<Permission>([
  'region.read',
  'department.read',
  'org.manage',
  'user.read',
  'user.manage',
  'role.read',
  'role.assign',
  'security.manage',
  'audit.read',
  'audit.verify',
  'calendar.read',
  'calendar.manage',
]);
