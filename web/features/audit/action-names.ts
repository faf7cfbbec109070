/**
 * Names of audit actions and entity types (zh-CN, en-US) for the audit page: a row shows 「登录」 and 「企业 · 某某煤业」,
 * not `auth.login` and a UUID. Actions built from a workflow step (`hazard.confirm`, `alarm.ack`, `task.deploy` …) are
 * named from their subject and verb; a code this table does not know is shown as it is.
 */
type Names = Record<string, readonly [zh: string, en: string]>;

export const ENTITY_TYPE_NAMES: Names = {
  accident: ['事故', 'Accident'],
  activity_record: ['工作台账', 'Work register entry'],
  alarm: ['报警', 'Alarm'],
  attachment: ['附件', 'Attachment'],
  audit_chain: ['审计链', 'Audit chain'],
  calendar_day: ['节假日安排', 'Calendar day'],
  department: ['部门', 'Department'],
  enterprise: ['企业', 'Enterprise'],
  hazard: ['隐患', 'Hazard'],
  hazard_list_entry: ['清单条目', 'List entry'],
  ingest_credential: ['接入密钥', 'Ingest key'],
  major_hazard_source: ['重大危险源', 'Major hazard installation'],
  notification: ['通知', 'Notification'],
  plan: ['工作计划', 'Work plan'],
  region: ['行政区划', 'Region'],
  risk_point: ['风险点', 'Risk point'],
  risk_report: ['风险报告', 'Risk report'],
  sensor: ['传感器', 'Sensor'],
  sensor_change_request: ['传感器变更申请', 'Sensor change request'],
  setting: ['系统设置', 'Setting'],
  system: ['系统', 'System'],
  tailings_pond: ['尾矿库', 'Tailings pond'],
  task: ['督办任务', 'Task'],
  user: ['账号', 'Account'],
  warning: ['预警', 'Warning'],
  warning_feed: ['预警订阅源', 'Warning feed'],
};

/** Whole action codes. */
const ACTIONS: Names = {
  'auth.login': ['登录', 'Signed in'],
  'auth.logout': ['退出登录', 'Signed out'],
  'auth.loginFailed': ['登录失败', 'Sign-in failed'],
  'auth.captchaFailed': ['验证码错误', 'Wrong captcha'],
  'auth.locked': ['账号锁定', 'Account locked'],
  'audit.keyed': ['启用审计密钥', 'Audit key enabled'],
  'demo.seeded': ['载入演示数据', 'Demo data loaded'],
  'user.created': ['新建账号', 'Account created'],
  'user.disabled': ['停用账号', 'Account disabled'],
  'user.enabled': ['启用账号', 'Account enabled'],
  'user.localeChanged': ['切换语言', 'Language changed'],
  'user.passwordChanged': ['修改密码', 'Password changed'],
  'user.passwordReset': ['重置密码（第一段）', 'Password reset (half A)'],
  'user.passwordReleased': ['发放密码第二段', 'Password half B released'],
  'user.rolesChanged': ['授予角色', 'Roles granted'],
  'user.unlocked': ['解除锁定', 'Lockout lifted'],
  'security.settingsChanged': ['修改安全策略', 'Security policy changed'],
  'security.outboundHostsChanged': ['修改外部访问白名单', 'Outbound hosts changed'],
  'calendar.daySet': ['设置节假日', 'Calendar day set'],
  'calendar.dayRemoved': ['删除节假日', 'Calendar day removed'],
  'notification.read': ['阅读通知', 'Notification read'],
  'attachment.uploaded': ['上传附件', 'File uploaded'],
  'region.boundaryImported': ['导入行政区划边界', 'Region boundary imported'],
  'enterprise.created': ['登记企业', 'Enterprise registered'],
  'enterprise.updated': ['修改企业信息', 'Enterprise edited'],
  'enterprise.imported': ['导入企业', 'Enterprises imported'],
  'enterprise.exported': ['导出企业', 'Enterprises exported'],
  'enterprise.suspend': ['责令停产整顿', 'Ordered to suspend'],
  'enterprise.resume': ['恢复生产', 'Resumed'],
  'enterprise.close': ['关闭企业', 'Closed'],
  'enterprise.standardizationRevoked': ['取消标准化等级', 'Standardization grade revoked'],
  'supervision.assigned': ['明确监管责任', 'Supervision assigned'],
  'supervision.exported': ['导出监管一张表', 'Supervision table exported'],
  'hazard.reported': ['上报隐患', 'Hazard reported'],
  'hazard.confirmed': ['确认隐患', 'Hazard confirmed'],
  'hazard.escalated': ['隐患升级督办', 'Hazard escalated'],
  'hazard.listed': ['挂牌督办', 'Listed for supervision'],
  'hazard.unlisted': ['摘牌', 'Listing closed'],
  'hazard.planFiled': ['报送治理方案', 'Remediation plan filed'],
  'hazard.statsSubmitted': ['报送隐患统计', 'Hazard statistics submitted'],
  'hazard.exported': ['导出隐患', 'Hazards exported'],
  'alarm.disposalConfigured': ['配置报警处置时限', 'Alarm disposal limits set'],
  'alarm.escalated': ['报警升级', 'Alarm escalated'],
  'sensor.created': ['登记传感器', 'Sensor registered'],
  'sensor.updated': ['修改传感器', 'Sensor edited'],
  'sensor.changeRequested': ['申请变更传感器', 'Sensor change requested'],
  'sensor.changeApplied': ['传感器变更生效', 'Sensor change applied'],
  'ingestCredential.created': ['新建接入密钥', 'Ingest key created'],
  'ingestCredential.revoked': ['吊销接入密钥', 'Ingest key revoked'],
  'task.issued': ['下达督办任务', 'Task issued'],
  'task.escalated': ['任务升级', 'Task escalated'],
  'task.extensionRequested': ['申请延期', 'Extension requested'],
  'plan.created': ['新建工作计划', 'Work plan created'],
  'risk.created': ['登记风险点', 'Risk point registered'],
  'risk.updated': ['修改风险点', 'Risk point edited'],
  'risk.reviewed': ['风险复核', 'Risk reviewed'],
  'risk.reviewOverdue': ['风险复核逾期', 'Risk review overdue'],
  'risk.reported': ['报告重大风险', 'Major risk reported'],
  'risk.reportRead': ['阅读风险报告', 'Risk report read'],
  'risk.bandsConfigured': ['配置风险分级', 'Risk bands set'],
  'risk.majorHazardCreated': ['登记重大危险源', 'Major hazard installation registered'],
  'risk.majorHazardUpdated': ['修改重大危险源', 'Major hazard installation edited'],
  'risk.tailingsPondCreated': ['登记尾矿库', 'Tailings pond registered'],
  'risk.tailingsPondUpdated': ['修改尾矿库', 'Tailings pond edited'],
  'risk.tailingsPondReported': ['报告尾矿库安全状况', 'Tailings pond report filed'],
  'risk.tailingsGradeTableConfigured': ['配置尾矿库等别', 'Tailings grade table set'],
  'accident.reported': ['事故快报', 'Accident reported'],
  'accident.supplemented': ['事故续报', 'Accident supplemented'],
  'accident.chainReported': ['逐级上报', 'Reported up the chain'],
  'accident.chainLate': ['上报超时', 'Report late'],
  'accident.receiptConfirmed': ['确认收到', 'Receipt confirmed'],
  'accident.investigationStarted': ['启动事故调查', 'Investigation started'],
  'accident.investigationExtended': ['调查延期', 'Investigation extended'],
  'accident.appraisalRecorded': ['记录技术鉴定', 'Appraisal recorded'],
  'accident.reportSubmitted': ['提交调查报告', 'Investigation report submitted'],
  'accident.replied': ['批复调查报告', 'Report answered'],
  'accident.published': ['公布调查报告', 'Report published'],
  'accident.fatalActionsCreated': ['生成死亡事故处置事项', 'Fatal-accident actions created'],
  'accident.exported': ['导出事故', 'Accidents exported'],
  'warning.issued': ['发布预警', 'Warning issued'],
  'warning.updated': ['更新预警', 'Warning updated'],
  'warning.cancelled': ['解除预警', 'Warning cancelled'],
  'warning.confirmed': ['确认收到预警', 'Warning acknowledged'],
  'warning.imported': ['导入预警（CAP）', 'Warning imported (CAP)'],
  'warning.importSettingsChanged': ['修改预警导入设置', 'Warning import settings changed'],
  'warning.feed.created': ['新增预警订阅源', 'Warning feed added'],
  'warning.feed.updated': ['修改预警订阅源', 'Warning feed edited'],
  'warning.feed.deleted': ['删除预警订阅源', 'Warning feed removed'],
};

/** Subjects of step actions (`<subject>.<verb>`). */
const SUBJECTS: Names = {
  hazard: ['隐患', 'Hazard'],
  alarm: ['报警', 'Alarm'],
  task: ['督办任务', 'Task'],
  warning: ['预警', 'Warning'],
  enterprise: ['企业', 'Enterprise'],
  accident: ['事故', 'Accident'],
  'accident.action': ['事故处置事项', 'Accident action'],
  hazardList: ['隐患清单', 'Hazard list'],
  register: ['工作台账', 'Work register'],
};

/** Verbs of workflow steps. */
const VERBS: Names = {
  confirm: ['确认', 'confirmed'],
  reject: ['退回（不予确认）', 'rejected'],
  rectify: ['整改', 'rectified'],
  submit: ['提交验收', 'submitted for review'],
  verify: ['验收通过', 'verified'],
  return: ['退回', 'returned'],
  close: ['关闭', 'closed'],
  reopen: ['重新打开', 'reopened'],
  assign: ['指派', 'assigned'],
  extend: ['延期', 'extended'],
  escalate: ['升级督办', 'escalated'],
  ack: ['确认', 'acknowledged'],
  clear: ['解除', 'cleared'],
  feedback: ['反馈', 'feedback filed'],
  shelve: ['搁置', 'shelved'],
  unshelve: ['取消搁置', 'unshelved'],
  outOfService: ['停用', 'taken out of service'],
  returnToService: ['恢复使用', 'returned to service'],
  toHazard: ['转为隐患', 'turned into a hazard'],
  toTask: ['下达督办', 'turned into a task'],
  deploy: ['部署', 'deployed'],
  resolve: ['办结', 'resolved'],
  accept: ['验收', 'accepted'],
  update: ['更新', 'updated'],
  cancel: ['解除', 'cancelled'],
  created: ['新增', 'added'],
  updated: ['修改', 'edited'],
  deleted: ['删除', 'removed'],
  complete: ['完成', 'completed'],
  setAside: ['不再处置', 'set aside'],
  suspend: ['责令停产整顿', 'ordered to suspend'],
  resume: ['恢复生产', 'resumed'],
};

const pick = (n: readonly [string, string], en: boolean) => (en ? n[1] : n[0]);

/** The action's name in the reader's language, or null when this table does not know the code. */
export function actionName(code: string, en: boolean): string | null {
  const whole = ACTIONS[code];
  if (whole) return pick(whole, en);
  const parts = code.split('.');
  const verb = VERBS[parts[parts.length - 1] ?? ''];
  // The longest known subject: accident.action.complete is an accident action's step, not the accident's.
  for (let n = parts.length - 1; n >= 1; n--) {
    const subject = SUBJECTS[parts.slice(0, n).join('.')];
    if (subject && verb) return en ? `${pick(subject, en)} ${pick(verb, en)}` : `${pick(subject, en)}${pick(verb, en)}`;
    if (subject && n === parts.length - 1) break;
  }
  return null;
}

export function entityTypeName(type: string, en: boolean): string {
  const n = ENTITY_TYPE_NAMES[type];
  return n ? pick(n, en) : type;
}

/** The known action codes with their names (the action filter's options). */
export function knownActions(en: boolean): { value: string; label: string }[] {
  return Object.entries(ACTIONS).map(([value, n]) => ({ value, label: `${pick(n, en)}` }));
}
