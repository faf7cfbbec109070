/**
 * Notification texts in zh-CN and en-US. A notification is stored as a key and its parameters and is
 * rendered in the reader's language when read (the stored zh-CN text stays as the fallback of rows
 * written before keys existed). `{name}` holes are filled from the parameters; the parameter names a
 * call site may and must pass are derived from the texts, so a wrong key or parameter fails typecheck.
 * Times are passed as `{ at }` and shown in Beijing time (YYYY-MM-DD HH:mm); names, not codes.
 */
import { formatBeijingDate, formatBeijingDateTime } from '../format/beijing.js';
import type { Locale } from './api-messages.js';

type Text = { title: string; body: string };

export const NOTIFICATION_TEXTS = {
  // ---- accidents (国务院令第493号) ----
  'accident.flash': {
    'zh-CN': { title: '事故快报：{title}', body: '{grade}事故；死亡 {deaths} 人，失踪 {missing} 人，重伤 {seriousInjuries} 人；{place}' },
    'en-US': {
      title: 'Accident flash report: {title}',
      body: '{grade} accident; {deaths} dead, {missing} missing, {seriousInjuries} seriously injured; {place}',
    },
  },
  'accident.supplement': {
    'zh-CN': { title: '事故续报：{title}', body: '{grade}事故；死亡 {deaths} 人，失踪 {missing} 人，重伤 {seriousInjuries} 人；{place}' },
    'en-US': { title: 'Accident update: {title}', body: '{grade} accident; {deaths} dead, {missing} missing, {seriousInjuries} seriously injured; {place}' },
  },
  'accident.upgraded': {
    'zh-CN': { title: '事故升级续报：{title}', body: '{grade}事故；死亡 {deaths} 人，失踪 {missing} 人，重伤 {seriousInjuries} 人；{place}' },
    'en-US': {
      title: 'Accident update, grade raised: {title}',
      body: '{grade} accident; {deaths} dead, {missing} missing, {seriousInjuries} seriously injured; {place}',
    },
  },
  'accident.forwarded': {
    'zh-CN': { title: '事故报告：{title}', body: '{grade}事故；死亡 {deaths} 人，失踪 {missing} 人，重伤 {seriousInjuries} 人；{place}' },
    'en-US': { title: 'Accident report: {title}', body: '{grade} accident; {deaths} dead, {missing} missing, {seriousInjuries} seriously injured; {place}' },
  },
  'accident.fatalActions': {
    'zh-CN': { title: '亡人事故处置：{title}', body: '依晋市政发〔2021〕1号第27条：责令停产整顿、取消标准化等级、暂扣或吊销安全生产许可证、启动刑事调查' },
    'en-US': {
      title: 'Fatal accident measures: {title}',
      body: 'Per 晋市政发〔2021〕1号 item 27: order suspension for rectification, withdraw the standardization grade, suspend or revoke the safety production licence, start a criminal investigation',
    },
  },
  'accident.late': {
    'zh-CN': { title: '事故报告逾期：{title}', body: '报送「{recipient}」应于 {due} 前完成，至今未确认接收（国务院令第493号第九至十一条）' },
    'en-US': {
      title: 'Accident report overdue: {title}',
      body: 'The report to {recipient} was due by {due} and has not been acknowledged (State Council Decree 493, Art. 9–11)',
    },
  },

  // ---- accounts (三权分立) ----
  'user.password.reset': {
    'zh-CN': {
      title: '账号 {account} 的密码已被重置',
      body: '{by} 于 {at} 重置了账号 {account} 的密码，来源地址 {ip}；原密码已失效。请分别从系统管理员和安全管理员处获取两段临时密码，合并后登录并立即修改。如非本人申请，请立即联系安全管理员。',
    },
    'en-US': {
      title: 'The password of {account} was reset',
      body: '{by} reset the password of {account} at {at} from {ip}; the old password no longer works. Get the two halves of the temporary password from the system administrator and the security administrator, sign in with both and change it at once. If you did not ask for this, contact the security administrator now.',
    },
  },
  'user.password.released': {
    'zh-CN': {
      title: '账号 {account} 的第二段临时密码已发放',
      body: '{by} 于 {at} 自 {ip} 发放了账号 {account} 的第二段临时密码；两段合并后可登录一次，须立即修改密码。如非本人申请，请立即联系安全管理员。',
    },
    'en-US': {
      title: 'The second half of the temporary password of {account} was released',
      body: '{by} released the second half of the temporary password of {account} at {at} from {ip}; both halves together sign in once and the password must then be changed. If you did not ask for this, contact the security administrator now.',
    },
  },
  'user.password.forcedChange': {
    'zh-CN': {
      title: '账号 {account} 已修改须更换的密码',
      body: '账号 {account} 于 {at} 自 {ip} 修改了须更换的密码（新建、重置或过期后的首次登录）。如非本人操作，请立即联系安全管理员。',
    },
    'en-US': {
      title: '{account} changed a password that had to be changed',
      body: 'The account {account} changed its password at {at} from {ip} (first sign-in after creation, a reset or expiry). If this was not you, contact the security administrator now.',
    },
  },

  // ---- hazards (安监总局令第16号) ----
  'hazard.reported': {
    'zh-CN': { title: '新上报隐患待确认：{title}', body: '{reporter} 上报：{location}，{description}' },
    'en-US': { title: 'New hazard to confirm: {title}', body: 'Reported by {reporter}: {location}, {description}' },
  },
  'hazard.assigned': {
    'zh-CN': { title: '隐患整改任务：{title}', body: '请于 {deadline} 前完成整改（{code}）' },
    'en-US': { title: 'Hazard to rectify: {title}', body: 'Rectify by {deadline} ({code})' },
  },
  'hazard.extended': {
    'zh-CN': { title: '隐患整改期限已调整：{title}', body: '新期限 {deadline}（原 {previous}）：{comment}' },
    'en-US': { title: 'Hazard deadline changed: {title}', body: 'New deadline {deadline} (was {previous}): {comment}' },
  },
  'hazard.escalated': {
    'zh-CN': { title: '隐患{level}：{enterprise} {title}', body: '{code} 整改期限 {deadline}。{comment}' },
    'en-US': { title: 'Hazard {level}: {enterprise} {title}', body: '{code} deadline {deadline}. {comment}' },
  },
  'hazard.reminder': {
    'zh-CN': { title: '隐患整改即将到期：{title}', body: '{code} 整改期限 {deadline}，整改责任人 {rectifier}' },
    'en-US': { title: 'Hazard deadline approaching: {title}', body: '{code} deadline {deadline}, rectifier {rectifier}' },
  },
  'hazard.reviewOverdue': {
    'zh-CN': { title: '重大事故隐患现场审查已逾期：{enterprise} {title}', body: '应于 {reviewDue} 前完成现场审查（{source}）' },
    'en-US': { title: 'On-site review of a major hazard overdue: {enterprise} {title}', body: 'The on-site review was due by {reviewDue} ({source})' },
  },
  'hazard.listed': {
    'zh-CN': {
      title: '重大事故隐患被挂牌督办：{title}',
      body: '{department}挂牌督办{document}，督办人 {supervisor}，请于 {deadline} 前完成治理。要求：{requirements}',
    },
    'en-US': {
      title: 'Major hazard listed for supervision: {title}',
      body: 'Listed for supervision by {department}{document}, supervisor {supervisor}; rectify by {deadline}. Requirements: {requirements}',
    },
  },
  'hazard.unlisted': {
    'zh-CN': { title: '挂牌督办已摘牌：{title}', body: '{department}：{comment}' },
    'en-US': { title: 'Supervision listing lifted: {title}', body: '{department}: {comment}' },
  },
  'hazard.dualReport.regulator': {
    'zh-CN': {
      title: '重大事故隐患报告：{enterprise} {title}',
      body: '{enterprise}（{code}）{location}：{title}{criterion}\n一、现状及其产生原因：{currentState}\n二、危害程度和整改难易程度分析：{harmAnalysis}\n三、治理方案：{plan}',
    },
    'en-US': {
      title: 'Major hazard report: {enterprise} {title}',
      body: '{enterprise} ({code}) {location}: {title}{criterion}\n1. Current state and causes: {currentState}\n2. Harm and difficulty of rectification: {harmAnalysis}\n3. Rectification plan: {plan}',
    },
  },
  'hazard.dualReport.worker': {
    'zh-CN': {
      title: '重大事故隐患告知：{title}',
      body: '{location} 存在重大事故隐患：{currentState}。整改期间请遵守安全措施，远离危险区域（整改期限 {deadline}）。',
    },
    'en-US': {
      title: 'Major hazard notice: {title}',
      body: 'There is a major hazard at {location}: {currentState}. Until it is rectified follow the safety measures and keep away from the danger area (deadline {deadline}).',
    },
  },
  'hazard.plan': {
    'zh-CN': { title: '重大事故隐患治理方案已报送：{enterprise} {title}', body: '目标：{goals}；经费 {funds} 元；责任：{unit} {persons}；时限 {deadline}' },
    'en-US': {
      title: 'Major hazard rectification plan filed: {enterprise} {title}',
      body: 'Goals: {goals}; funds {funds} yuan; responsible: {unit} {persons}; deadline {deadline}',
    },
  },
  'hazard.verifyRequested': {
    'zh-CN': { title: '重大事故隐患治理完成，申请验收核销：{enterprise} {title}', body: '请于 {reviewDue} 前组织现场审查（{source}）。{comment}' },
    'en-US': { title: 'Major hazard rectified, review requested: {enterprise} {title}', body: 'Hold the on-site review by {reviewDue} ({source}). {comment}' },
  },
  'hazard.step.reject': {
    'zh-CN': { title: '隐患被驳回：{title}', body: '{comment}' },
    'en-US': { title: 'Hazard rejected: {title}', body: '{comment}' },
  },
  'hazard.step.submit': {
    'zh-CN': { title: '隐患整改已提交，待验收：{title}', body: '{comment}' },
    'en-US': { title: 'Hazard rectification submitted for verification: {title}', body: '{comment}' },
  },
  'hazard.step.verify': {
    'zh-CN': { title: '隐患已验收：{title}', body: '{comment}' },
    'en-US': { title: 'Hazard verified: {title}', body: '{comment}' },
  },
  'hazard.step.return': {
    'zh-CN': { title: '隐患被退回重新整改：{title}', body: '{comment}' },
    'en-US': { title: 'Hazard returned for rectification: {title}', body: '{comment}' },
  },
  'hazard.step.close': {
    'zh-CN': { title: '重大事故隐患已审查核销：{title}', body: '{comment}' },
    'en-US': { title: 'Major hazard reviewed and closed: {title}', body: '{comment}' },
  },
  'hazard.step.reopen': {
    'zh-CN': { title: '隐患被重新打开：{title}', body: '{comment}' },
    'en-US': { title: 'Hazard reopened: {title}', body: '{comment}' },
  },
  'hazard.stats': {
    'zh-CN': {
      title: '隐患排查治理统计分析表已报送：{enterprise} {period}',
      body: '排查隐患 {found} 项（重大 {majorFound}），整改 {rectified} 项；主要负责人 {principal} 签字',
    },
    'en-US': {
      title: 'Hazard statistics filed: {enterprise} {period}',
      body: '{found} hazards found ({majorFound} major), {rectified} rectified; signed by the principal {principal}',
    },
  },
  'hazard.statsOverdue': {
    'zh-CN': { title: '{overdue} 家企业逾期未报送 {period} 隐患统计分析表', body: '应于 {due} 前报送（{source}）。已报送 {submitted}/{total} 家。' },
    'en-US': {
      title: '{overdue} enterprises have not filed the hazard statistics of {period}',
      body: 'Due by {due} ({source}). Filed: {submitted} of {total}.',
    },
  },

  // ---- monitoring: loosening or suspending a sensor's alarm settings ----
  'sensor.changeRequested': {
    'zh-CN': {
      title: '待审批：{enterprise} {sensor}（{code}）申请放宽/停用',
      body: '{changes}。理由：{reason}。申请人：{applicant}。审批通过前仍按原设置报警。',
    },
    'en-US': {
      title: 'To approve: {enterprise} {sensor} ({code}) asks to loosen or suspend alarms',
      body: '{changes}. Reason: {reason}. Requested by {applicant}. Alarms keep the current settings until approved.',
    },
  },
  'sensor.changeApproved': {
    'zh-CN': { title: '已批准并生效：{enterprise} {sensor}（{code}）放宽/停用申请', body: '{changes}。申请理由：{reason}。{decider} {at} 审批意见：{comment}' },
    'en-US': {
      title: 'Approved and in force: {enterprise} {sensor} ({code}) loosening/suspension',
      body: '{changes}. Reason given: {reason}. {decider} at {at}: {comment}',
    },
  },
  'sensor.changeRejected': {
    'zh-CN': { title: '未批准：{enterprise} {sensor}（{code}）放宽/停用申请', body: '{changes}。申请理由：{reason}。{decider} {at} 审批意见：{comment}' },
    'en-US': {
      title: 'Not approved: {enterprise} {sensor} ({code}) loosening/suspension',
      body: '{changes}. Reason given: {reason}. {decider} at {at}: {comment}',
    },
  },

  // ---- alarms ----
  'alarm.raised': {
    'zh-CN': {
      title: '{severity}报警：{sensor} {type}',
      body: '{location} {sensor} {type}，当前值 {value}。请于 {ackDue} 前确认，并按时完成分析研判和核查反馈。',
    },
    'en-US': {
      title: '{severity} alarm: {sensor} {type}',
      body: '{location} {sensor} {type}, current value {value}. Acknowledge by {ackDue}, then analyse, check and report back in time.',
    },
  },
  'alarm.shelved': {
    'zh-CN': { title: '报警已搁置至 {until}：{sensor} {type}', body: '{reason}' },
    'en-US': { title: 'Alarm shelved until {until}: {sensor} {type}', body: '{reason}' },
  },
  'alarm.escalated': {
    'zh-CN': { title: '报警逾期未处置（{level}）：{enterprise} {sensor} {type}', body: '{location} {sensor} {type}报警{missed}。' },
    'en-US': { title: 'Alarm not handled in time ({level}): {enterprise} {sensor} {type}', body: '{location} {sensor} {type} alarm {missed}.' },
  },

  // ---- 督办 (13710) ----
  'task.issued': {
    'zh-CN': { title: '督办交办：{title}', body: '{issuer}交办（{role}）；当日部署，{feedbackDue} 前反馈，{resolveDue} 前落实' },
    'en-US': {
      title: 'Task assigned: {title}',
      body: 'Assigned by {issuer} ({role}); deploy today, report progress by {feedbackDue}, resolve by {resolveDue}',
    },
  },
  'task.reminder': {
    'zh-CN': { title: '督办即将到期：{title}', body: '{stage}应于 {due} 前完成' },
    'en-US': { title: 'Task due soon: {title}', body: '{stage} due by {due}' },
  },
  'task.overdue': {
    'zh-CN': { title: '督办逾期{level}：{title}', body: '{unit}（{code}）未按期完成；{stages}' },
    'en-US': { title: 'Task overdue, {level}: {title}', body: '{unit} ({code}) is late; {stages}' },
  },
  'task.extensionRequested': {
    'zh-CN': { title: '延期申请：{title}', body: '{unit}申请延期至 {due}：{reason}' },
    'en-US': { title: 'Extension requested: {title}', body: '{unit} asks to extend to {due}: {reason}' },
  },
  'task.extensionApproved': {
    'zh-CN': { title: '延期申请已批准：{title}', body: '{comment}' },
    'en-US': { title: 'Extension approved: {title}', body: '{comment}' },
  },
  'task.extensionRejected': {
    'zh-CN': { title: '延期申请未批准：{title}', body: '{comment}' },
    'en-US': { title: 'Extension not approved: {title}', body: '{comment}' },
  },
  'task.step.deploy': {
    'zh-CN': { title: '督办已签收部署：{title}', body: '{unit}：{comment}' },
    'en-US': { title: 'Task received and deployed: {title}', body: '{unit}: {comment}' },
  },
  'task.step.feedback': {
    'zh-CN': { title: '督办进展反馈：{title}', body: '{unit}：{comment}' },
    'en-US': { title: 'Task progress report: {title}', body: '{unit}: {comment}' },
  },
  'task.step.resolve': {
    'zh-CN': { title: '督办已办结待销号：{title}', body: '{unit}：{comment}' },
    'en-US': { title: 'Task resolved, awaiting sign-off: {title}', body: '{unit}: {comment}' },
  },
  'task.step.accept': {
    'zh-CN': { title: '督办已销号：{title}', body: '{unit}：{comment}' },
    'en-US': { title: 'Task signed off: {title}', body: '{unit}: {comment}' },
  },
  'task.step.return': {
    'zh-CN': { title: '督办被退回重办：{title}', body: '{unit}：{comment}' },
    'en-US': { title: 'Task returned to be redone: {title}', body: '{unit}: {comment}' },
  },

  // ---- risk points, major risk reports, tailings ponds ----
  'risk.reviewOverdue': {
    'zh-CN': { title: '风险点评审逾期：{point}', body: '{code} 应于 {due} 前完成评审，已逾期；责任人 {person}' },
    'en-US': { title: 'Risk point review overdue: {point}', body: '{code} was due for review by {due} and is overdue; responsible {person}' },
  },
  'risk.reviewReminder': {
    'zh-CN': { title: '风险点即将到期评审：{point}', body: '{code} 应于 {due} 前完成评审；责任人 {person}' },
    'en-US': { title: 'Risk point review due soon: {point}', body: '{code} is due for review by {due}; responsible {person}' },
  },
  'risk.report': {
    'zh-CN': { title: '重大风险报告：{enterprise}', body: '{point}（{symbol} = {score}，{level}/红）；责任人 {person}' },
    'en-US': { title: 'Major risk report: {enterprise}', body: '{point} ({symbol} = {score}, {level}/red); responsible {person}' },
  },
  'risk.reportRead': {
    'zh-CN': { title: '重大风险报告已阅：{department}', body: '{report}；{reader} 已于 {at} 阅知' },
    'en-US': { title: 'Major risk report read: {department}', body: '{report}; read by {reader} at {at}' },
  },
  'tailings.report': {
    'zh-CN': { title: '尾矿库{status}报告：{pond}（{enterprise}）', body: '安全度{change}；处置要求：{action}。依据：{source}。记录人 {by}' },
    'en-US': {
      title: 'Tailings pond report, {status}: {pond} ({enterprise})',
      body: 'Safety status {change}; required action: {action}. Basis: {source}. Recorded by {by}',
    },
  },

  // ---- warnings ----
  'warning.target': {
    'zh-CN': { title: '预警任务：{headline}', body: '{objects}{task}\n请落实后在预警页面签收并反馈。' },
    'en-US': { title: 'Warning task: {headline}', body: '{objects}{task}\nCarry it out, then acknowledge and report back on the warning page.' },
  },
  'warning.updated': {
    'zh-CN': { title: '预警更新：{headline}', body: '{headline}' },
    'en-US': { title: 'Warning updated: {headline}', body: '{headline}' },
  },
  'warning.cancelled': {
    'zh-CN': { title: '预警解除：{headline}（{reason}）', body: '{headline}' },
    'en-US': { title: 'Warning lifted: {headline} ({reason})', body: '{headline}' },
  },
} as const satisfies Record<string, Record<Locale, Text>>;

/**
 * Terms the texts are made of, by code (shown by name, never the code). Shared enumerations live in
 * common/rules (e.g. HAZARD_ESCALATION_NAMES); these are the ones only notifications used.
 */
export const NOTICE_TERMS = {
  alarmType: {
    highHigh: { 'zh-CN': '高高报', 'en-US': 'high-high' },
    high: { 'zh-CN': '高报', 'en-US': 'high' },
    low: { 'zh-CN': '低报', 'en-US': 'low' },
    lowLow: { 'zh-CN': '低低报', 'en-US': 'low-low' },
    powerOff: { 'zh-CN': '断电', 'en-US': 'power-off' },
    rateOfChange: { 'zh-CN': '变化率', 'en-US': 'rate of change' },
    flatLine: { 'zh-CN': '数据不变（疑似卡死）', 'en-US': 'flat line (stuck?)' },
    stale: { 'zh-CN': '断线（数据中断）', 'en-US': 'stale (no data)' },
  },
  alarmSeverity: {
    red: { 'zh-CN': '红色', 'en-US': 'Red' },
    orange: { 'zh-CN': '橙色', 'en-US': 'Orange' },
    yellow: { 'zh-CN': '黄色', 'en-US': 'Yellow' },
    blue: { 'zh-CN': '蓝色', 'en-US': 'Blue' },
  },
  alarmEscalation: {
    1: { 'zh-CN': '逾期未处置（企业）', 'en-US': 'overdue (enterprise)' },
    2: { 'zh-CN': '逾期未处置，推送县级政府', 'en-US': 'overdue, county government told' },
    3: { 'zh-CN': '逾期未处置，推送市级政府', 'en-US': 'overdue, city government told' },
  },
  taskEscalation: {
    1: { 'zh-CN': '提醒', 'en-US': 'reminder' },
    2: { 'zh-CN': '预警', 'en-US': 'warning' },
    3: { 'zh-CN': '通报', 'en-US': 'public notice' },
  },
  taskStage: {
    deploy: { 'zh-CN': '部署', 'en-US': 'Deployment' },
    feedback: { 'zh-CN': '反馈', 'en-US': 'Progress report' },
    resolve: { 'zh-CN': '落实', 'en-US': 'Resolution' },
  },
  taskRole: {
    lead: { 'zh-CN': '牵头', 'en-US': 'lead' },
    cooperate: { 'zh-CN': '配合', 'en-US': 'cooperating' },
  },
  sensorField: {
    'rules.high': { 'zh-CN': '报警值', 'en-US': 'Alarm value' },
    'rules.highHigh': { 'zh-CN': '高高报值', 'en-US': 'High-high value' },
    'rules.powerOff': { 'zh-CN': '断电值', 'en-US': 'Power-off value' },
    'rules.powerRestore': { 'zh-CN': '复电值', 'en-US': 'Power-restore value' },
    'rules.low': { 'zh-CN': '低报值', 'en-US': 'Low value' },
    'rules.lowLow': { 'zh-CN': '低低报值', 'en-US': 'Low-low value' },
    'rules.onDelaySeconds': { 'zh-CN': '报警延时（秒）', 'en-US': 'Alarm delay (s)' },
    inService: { 'zh-CN': '停用', 'en-US': 'Out of service' },
    outOfServiceUntil: { 'zh-CN': '停用至', 'en-US': 'Out of service until' },
  },
} as const satisfies Record<string, Record<string, Localized>>;

export type NoticeKey = keyof typeof NOTIFICATION_TEXTS;

/** A text in both languages (a name from a bilingual table, or a phrase built for both). */
export type Localized = { 'zh-CN': string; 'en-US': string };
/** A parameter: text as it is, a number, an instant or civil day (shown in Beijing time), or a text in both languages. */
export type NoticeValue = string | number | { at: string } | { day: string } | Localized;

type Holes<S> = S extends `${string}{${infer P}}${infer R}` ? P | Holes<R> : never;
type Texts<K extends NoticeKey> = (typeof NOTIFICATION_TEXTS)[K][Locale];
type HolesOf<K extends NoticeKey> = Holes<Texts<K>['title']> | Holes<Texts<K>['body']>;
/** Exactly the parameters the texts of K name. */
export type NoticeParams<K extends NoticeKey> = { [P in HolesOf<K>]: NoticeValue };

/** What is stored: the key and its parameters (JSON). */
export interface Notice {
  key: NoticeKey;
  params: Record<string, NoticeValue>;
}

/** A notice whose parameters are checked against the texts of its key. */
export function notice<K extends NoticeKey>(key: K, params: NoticeParams<K>): Notice {
  return { key, params: params as Record<string, NoticeValue> };
}

/** Both languages at once, e.g. a name from a `{ zh, en }` table of common/rules. */
export function both(name: { zh: string; en: string }): Localized {
  return { 'zh-CN': name.zh, 'en-US': name.en };
}
/** A phrase built once per language (lists, optional parts). */
export function perLocale(build: (locale: Locale) => string): Localized {
  return { 'zh-CN': build('zh-CN'), 'en-US': build('en-US') };
}
/** An instant, shown as Beijing `YYYY-MM-DD HH:mm` in either language. */
export function at(instant: Date | string): { at: string } {
  return { at: typeof instant === 'string' ? instant : instant.toISOString() };
}
/** The civil day (Beijing) of an instant, `YYYY-MM-DD`. */
export function day(instant: Date | string): { day: string } {
  return { day: typeof instant === 'string' ? instant : instant.toISOString() };
}

export function isNoticeKey(key: string | null | undefined): key is NoticeKey {
  return !!key && Object.hasOwn(NOTIFICATION_TEXTS, key);
}

function show(v: NoticeValue | undefined, locale: Locale): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if ('at' in v) return formatBeijingDateTime(v.at);
  if ('day' in v) return formatBeijingDate(v.day);
  return v[locale] ?? v['zh-CN'];
}

/** The notice's title and body in the given language. */
export function renderNotice(n: Notice, locale: Locale): Text {
  const t: Text = NOTIFICATION_TEXTS[n.key][locale];
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, name: string) => show(n.params[name], locale));
  return { title: fill(t.title), body: fill(t.body) };
}

/** The `{name}` holes of a text (used by the catalogue test: both languages must name the same). */
export function holesOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}

/** A statistics period by name: `2026Q3` → 2026年第3季度 / Q3 2026, `2026` → 2026年度 / 2026. */
export function periodName(period: string): Localized {
  const q = /^(\d{4})Q([1-4])$/.exec(period);
  if (q) return { 'zh-CN': `${q[1]}年第${q[2]}季度`, 'en-US': `Q${q[2]} ${q[1]}` };
  if (/^\d{4}$/.test(period)) return { 'zh-CN': `${period}年度`, 'en-US': period };
  return { 'zh-CN': period, 'en-US': period };
}
