import { addCalendarDays, addWorkingDays, type WorkCalendar, workingDaysBetween } from './calendar/working-days.js';

/**
 * Hazard deadlines (安全生产事故隐患排查治理暂行规定, 原国家安监总局令第16号): the regulator's on-site
 * review of a major hazard within 10 days of the acceptance application (Art. 23), and the
 * escalation of overdue rectification. The escalation day counts and the reminder lead are local
 * practice, not in the order (regulations.md §3.5 notes variants): configuration with these defaults.
 */
export const HAZARD_REVIEW_SOURCE = '《安全生产事故隐患排查治理暂行规定》（原国家安监总局令第16号）第二十三条：收到恢复生产申请报告后10日内进行现场审查';
export const HAZARD_ESCALATION_SOURCE = '《安全生产事故隐患排查治理暂行规定》第十八条、第二十条（挂牌督办与监督检查）；逾期升级天数为本地配置';

export interface HazardDeadlineConfig {
  /** Days for the on-site review after the acceptance application (Art. 23). */
  reviewDays: number;
  reviewDayKind: 'calendar' | 'working';
  /** Working days before a deadline when the rectifier is reminded. */
  remindWorkingDaysBefore: number;
  /** Working days overdue before the supervising department is told (level 2) and the region government (level 3). */
  departmentAfterWorkingDays: number;
  governmentAfterWorkingDays: number;
}

export const DEFAULT_HAZARD_DEADLINES: HazardDeadlineConfig = {
  reviewDays: 10,
  reviewDayKind: 'calendar',
  remindWorkingDaysBefore: 2,
  departmentAfterWorkingDays: 3,
  governmentAfterWorkingDays: 10,
};

/** The last day (inclusive, Beijing civil date) of the regulator's on-site review. */
export function reviewDue(appliedOn: string, calendar: WorkCalendar, cfg: HazardDeadlineConfig = DEFAULT_HAZARD_DEADLINES): string {
  return cfg.reviewDayKind === 'working' ? addWorkingDays(calendar, appliedOn, cfg.reviewDays) : addCalendarDays(appliedOn, cfg.reviewDays);
}

/** Whether the rectifier should be reminded today: the deadline is at most N working days ahead and not past. */
export function isDueSoon(deadline: string, today: string, calendar: WorkCalendar, cfg: HazardDeadlineConfig = DEFAULT_HAZARD_DEADLINES): boolean {
  return today <= deadline && workingDaysBetween(calendar, today, deadline) <= cfg.remindWorkingDaysBefore;
}

export type HazardEscalation = 1 | 2 | 3;

/** Who an escalation level reaches, as notifications, the transition log and the UI name it. */
export const HAZARD_ESCALATION_NAMES: Record<HazardEscalation, { zh: string; en: string }> = {
  1: { zh: '逾期（企业）', en: 'Overdue (enterprise)' },
  2: { zh: '逾期督办（监管部门）', en: 'Overdue: supervising department told' },
  3: { zh: '逾期通报（属地政府）', en: 'Overdue: region government told' },
};

/**
 * Escalation of an open hazard past its deadline (inclusive, so overdue from the next day):
 * 0 not overdue; 1 overdue (the enterprise); 2 the supervising department; 3 the region government.
 */
export function hazardEscalationLevel(
  deadline: string,
  today: string,
  calendar: WorkCalendar,
  cfg: HazardDeadlineConfig = DEFAULT_HAZARD_DEADLINES,
): 0 | HazardEscalation {
  if (today <= deadline) return 0;
  const late = workingDaysBetween(calendar, deadline, today);
  if (late >= cfg.governmentAfterWorkingDays) return 3;
  if (late >= cfg.departmentAfterWorkingDays) return 2;
  return 1;
}
