/**
 * Accident investigation (事故调查) and official reply (批复) under 生产安全事故报告和调查处理条例
 * (国务院令第493号) Arts. 19, 29, 30, 32, and the Jincheng follow-up for fatal accidents
 * (晋市政发〔2021〕1号 item 27). Day limits use the civil-law count: the start day is not
 * counted and the period ends at 24:00 Beijing time of the last day.
 */
import type { AccidentGrade } from './accident-grade.js';
import { calendarDaysDeadline } from './accident-reporting.js';

export const ACCIDENT_INVESTIGATION_SOURCE = '《生产安全事故报告和调查处理条例》（国务院令第493号）第十九条、第二十九条、第三十条、第三十二条';

const ART = '《生产安全事故报告和调查处理条例》（国务院令第493号）';
export const INVESTIGATING_LEVEL_SOURCE = `${ART}第十九条`;
export const INVESTIGATION_DEADLINE_SOURCE = `${ART}第二十九条：事故调查组应当自事故发生之日起60日内提交事故调查报告；特殊情况下，经负责事故调查的人民政府批准，提交事故调查报告的期限可以适当延长，但延长的期限最长不超过60日。技术鉴定所需时间不计入事故调查期限`;
export const INVESTIGATION_REPORT_SOURCE = `${ART}第三十条`;
export const REPLY_DEADLINE_SOURCE = `${ART}第三十二条：重大事故、较大事故、一般事故，负责事故调查的人民政府应当自收到事故调查报告之日起15日内做出批复；特别重大事故，30日内做出批复，特殊情况下，批复时间可以适当延长，但延长的时间最长不超过30日`;

export type InvestigatingLevel = 'stateCouncil' | 'province' | 'city' | 'county';

export const INVESTIGATING_LEVEL_NAMES: Record<InvestigatingLevel, { zh: string; en: string }> = {
  stateCouncil: { zh: '国务院或者国务院授权有关部门', en: 'State Council or a department it authorises' },
  province: { zh: '省级人民政府', en: 'Provincial government' },
  city: { zh: '设区的市级人民政府', en: 'Prefecture-level city government' },
  county: { zh: '县级人民政府', en: 'County government' },
};

const LEVEL_BY_GRADE: Record<AccidentGrade, InvestigatingLevel> = { 1: 'stateCouncil', 2: 'province', 3: 'city', 4: 'county' };

function assertGrade(grade: AccidentGrade): void {
  if (!(grade in LEVEL_BY_GRADE)) throw new RangeError(`grade must be 1, 2, 3 or 4, got ${String(grade)}`);
}

function assertInstant(d: Date, field: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${field} must be a valid Date`);
}

function assertDays(n: number, field: string, max?: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${field} must be a non-negative integer, got ${n}`);
  if (max !== undefined && n > max) throw new RangeError(`${field} must be at most ${max}, got ${n}`);
}

/**
 * Who organises the investigation (Art. 19). A higher government may take it over (Art. 20);
 * that is a decision, not a rule, so it is left to the caller.
 */
export function investigatingLevel(
  grade: AccidentGrade,
  opts: { casualties: boolean },
): { level: InvestigatingLevel; mayEntrustUnit: boolean; source: string } {
  assertGrade(grade);
  // Only an 一般 accident without casualties may be investigated by the unit itself on the county's entrustment.
  return { level: LEVEL_BY_GRADE[grade], mayEntrustUnit: grade === 4 && !opts.casualties, source: INVESTIGATING_LEVEL_SOURCE };
}

export const INVESTIGATION_BASE_DAYS = 60;
export const INVESTIGATION_MAX_EXTENSION_DAYS = 60;

/**
 * Deadline for the investigation report (Art. 29): 60 days from the accident, plus an approved
 * extension (0–60 days), plus time spent on technical appraisal, which does not count.
 */
export function investigationDeadline(input: { occurredAt: Date; extensionDays?: number; appraisalDays?: number }): {
  due: Date;
  /** Total calendar days counted from the accident date. */
  days: number;
  maxExtensionDays: 60;
  source: string;
} {
  assertInstant(input.occurredAt, 'occurredAt');
  const extensionDays = input.extensionDays ?? 0;
  const appraisalDays = input.appraisalDays ?? 0;
  assertDays(extensionDays, 'extensionDays', INVESTIGATION_MAX_EXTENSION_DAYS);
  assertDays(appraisalDays, 'appraisalDays');
  const days = INVESTIGATION_BASE_DAYS + extensionDays + appraisalDays;
  return { due: calendarDaysDeadline(input.occurredAt, days), days, maxExtensionDays: 60, source: INVESTIGATION_DEADLINE_SOURCE };
}

/** Days for the 批复 and the most it may be extended, by grade (Art. 32). */
export const REPLY_DAYS_BY_GRADE: Record<AccidentGrade, { days: number; maxExtensionDays: number }> = {
  1: { days: 30, maxExtensionDays: 30 },
  2: { days: 15, maxExtensionDays: 0 },
  3: { days: 15, maxExtensionDays: 0 },
  4: { days: 15, maxExtensionDays: 0 },
};

/** Deadline for the government's reply to the investigation report (Art. 32); only grade 1 may be extended. */
export function replyDeadline(input: { grade: AccidentGrade; reportReceivedAt: Date; extensionDays?: number }): {
  due: Date;
  /** Total calendar days counted from the day the report was received. */
  days: number;
  source: string;
} {
  assertGrade(input.grade);
  assertInstant(input.reportReceivedAt, 'reportReceivedAt');
  const rule = REPLY_DAYS_BY_GRADE[input.grade];
  const extensionDays = input.extensionDays ?? 0;
  assertDays(extensionDays, 'extensionDays', rule.maxExtensionDays);
  const days = rule.days + extensionDays;
  return { due: calendarDaysDeadline(input.reportReceivedAt, days), days, source: REPLY_DEADLINE_SOURCE };
}

/** Required contents of the investigation report (Art. 30 第一款), for a checklist. */
export const INVESTIGATION_REPORT_ITEMS: readonly { key: string; zh: string; en: string }[] = [
  { key: 'unitOverview', zh: '事故发生单位概况', en: 'Overview of the unit' },
  { key: 'course', zh: '事故发生经过和事故救援情况', en: 'Course of the accident and the rescue' },
  { key: 'casualtiesAndLoss', zh: '事故造成的人员伤亡和直接经济损失', en: 'Casualties and direct economic loss' },
  { key: 'causeAndNature', zh: '事故发生的原因和事故性质', en: 'Causes and nature of the accident' },
  { key: 'responsibility', zh: '事故责任的认定以及对事故责任者的处理建议', en: 'Responsibility findings and proposed handling of those responsible' },
  { key: 'prevention', zh: '事故防范和整改措施', en: 'Preventive and corrective measures' },
];

export const FATAL_ACCIDENT_SOURCE =
  '晋城市人民政府《关于做好2021年安全生产和应急管理工作的通知》（晋市政发〔2021〕1号）第27条：“对发生生产安全亡人事故的企业，一律责令停产整顿，取消标准化等级，暂扣或吊销安全生产许可证，启动刑事调查，构成犯罪的，依法追究有关人员刑事责任。”';

export type FatalAccidentActionKey = 'suspendEnterprise' | 'revokeStandardization' | 'licenceAction' | 'criminalReferral';

/**
 * The four follow-ups item 27 requires after any fatal accident, tracked per enterprise.
 * revokeStandardization and licenceAction bite only where the enterprise holds a grade or a
 * 安全生产许可证; the tracker should let them be closed as not applicable.
 */
export const FATAL_ACCIDENT_ACTIONS: readonly { key: FatalAccidentActionKey; zh: string; en: string }[] = [
  { key: 'suspendEnterprise', zh: '责令停产整顿', en: 'Order suspension of production for rectification' },
  { key: 'revokeStandardization', zh: '取消安全生产标准化等级', en: 'Revoke the safety standardization grade' },
  { key: 'licenceAction', zh: '暂扣或吊销安全生产许可证', en: 'Suspend or revoke the work-safety licence' },
  { key: 'criminalReferral', zh: '启动刑事调查（移送司法机关）', en: 'Start a criminal investigation (refer to judicial authorities)' },
];

/** Item 27 applies to every accident with at least one death (亡人事故), whatever its grade. */
export function fatalActionsRequired(deaths: number): boolean {
  if (!Number.isSafeInteger(deaths) || deaths < 0) throw new RangeError(`deaths must be a non-negative integer, got ${deaths}`);
  return deaths >= 1;
}
