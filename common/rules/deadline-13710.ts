/**
 * Shanxi "13710" 督办 deadlines (regulations.md §1) and the hazard statistics due dates of
 * 安全生产事故隐患排查治理暂行规定 Art. 14 (regulations.md §3.2).
 *
 * UNVERIFIED in the reference, so kept configurable rather than hard-coded:
 * - the document number of the 2016 notice;
 * - whether "日" means calendar or working days (dayKind);
 * - whether "1" means the same day or within 1 day (deployDays);
 * - escalation, extension and overdue handling (not modelled here).
 */
import { addCalendarDays, addWorkingDays, formatShanghaiIso, shanghaiEndOfDay, toShanghaiDate, type WorkCalendar } from './calendar/working-days.js';

export const DEADLINE_13710_SOURCE =
  '山西省人民政府办公厅《关于建立“13710”工作制度的通知》（2016年9月）：1＝当日研究部署；3＝3日内反馈办理情况；7＝一般性问题原则上7日内落实解决；' +
  '1＝重大、复杂问题1个月内落实解决（确难解决的，明确时间节点和方案）；0＝跟踪到底、办结销号（事事有着落，件件有结果）';

/** Month periods end on the corresponding day, or the month's last day if there is none. */
export const MONTH_END_SOURCE =
  '《中华人民共和国民法典》第二百零二条：按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日';

/** Why one might push a due date past a holiday (extendOverHolidays). */
export const HOLIDAY_EXTENSION_SOURCE = '《中华人民共和国民法典》第二百零三条：期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日';

export const HAZARD_STATS_SOURCE =
  '《安全生产事故隐患排查治理暂行规定》（原国家安全生产监督管理总局令第16号）第十四条：生产经营单位应当每季、每年对本单位事故隐患排查治理情况进行统计分析，' +
  '并分别于下一季度15日前和下一年1月31日前向安全监管监察部门和有关部门报送书面统计分析表。统计分析表应当由生产经营单位主要负责人签字';

export type DayKind13710 = 'calendar' | 'working';
export type Complexity13710 = 'general' | 'major';

export interface Config13710 {
  dayKind: DayKind13710;
  /** 0 = 当日: due at the end of the assignment day itself. */
  deployDays: number;
  feedbackDays: number;
  resolveDaysGeneral: number;
  resolveMonthsMajor: number;
  /**
   * Calendar mode only: move a due date that falls on a rest day (statutory holiday or weekend,
   * per the adjusted calendar) to the next working day, as 民法典第二百零三条 does for civil periods.
   * Default false: the 13710 texts set administrative deadlines, and 民法典 §204 lets other rules differ.
   */
  extendOverHolidays?: boolean;
}

/**
 * The sources say "3日内", "7日内", "1个月内", not "工作日", so calendar days are the default;
 * switch dayKind to 'working' if the local 督办办法 says otherwise.
 */
export const DEFAULT_13710_CONFIG: Config13710 = { dayKind: 'calendar', deployDays: 0, feedbackDays: 3, resolveDaysGeneral: 7, resolveMonthsMajor: 1 };

export interface Deadlines13710Input {
  assignedAt: Date;
  complexity: Complexity13710;
}

export interface Deadlines13710 {
  deployDue: Date;
  feedbackDue: Date;
  resolveDue: Date;
  dayKind: DayKind13710;
  source: string;
}

export interface Formatted13710 {
  deployDue: string;
  feedbackDue: string;
  resolveDue: string;
  source: string;
}

function assertCount(n: number, field: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${field} must be a non-negative integer, got ${n}`);
}

function assertConfig(config: Config13710): void {
  if (config.dayKind !== 'calendar' && config.dayKind !== 'working') {
    throw new RangeError(`dayKind must be 'calendar' or 'working', got ${String(config.dayKind)}`);
  }
  assertCount(config.deployDays, 'deployDays');
  assertCount(config.feedbackDays, 'feedbackDays');
  assertCount(config.resolveDaysGeneral, 'resolveDaysGeneral');
  assertCount(config.resolveMonthsMajor, 'resolveMonthsMajor');
}

/** Computed by hand because Date.UTC maps years 0–99 to 1900–1999. */
function daysInMonth(year: number, month0: number): number {
  if (month0 === 1) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month0] ?? 31;
}

/**
 * Same day-of-month `months` later, clamped to the target month's last day (民法典第二百零二条),
 * e.g. 2021-01-31 + 1 → 2021-02-28, 2020-01-31 + 1 → 2020-02-29.
 */
export function addCalendarMonths(date: string, months: number): string {
  assertCount(months, 'months');
  const base = addCalendarDays(date, 0); // validates the civil date
  const y = Number(base.slice(0, 4));
  const m = Number(base.slice(5, 7)) - 1;
  const d = Number(base.slice(8, 10));
  const total = m + months;
  const ty = y + Math.floor(total / 12);
  const tm = total % 12;
  if (ty > 9999) throw new RangeError(`Date out of range: year ${ty}`);
  const lastDay = daysInMonth(ty, tm);
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/**
 * 13710 due dates for one 督办 item. Every due is 23:59:59.999 +08:00 of its civil day; the
 * assignment day itself is not counted (民法典第二百零一条), so "3日内" from 09-30 ends on 10-03.
 * - calendar mode: + N calendar days; due dates on holidays stay unless extendOverHolidays.
 * - working mode: + N working days (addWorkingDays, with 调休 make-up days); major items are
 *   moved to the next working day when the month-end date is a rest day.
 * A 0-day offset always means the assignment day itself ("当日"), even on a rest day.
 */
export function deadlines13710(input: Deadlines13710Input, calendar: WorkCalendar, config: Config13710 = DEFAULT_13710_CONFIG): Deadlines13710 {
  if (!(input.assignedAt instanceof Date) || Number.isNaN(input.assignedAt.getTime())) throw new RangeError('assignedAt must be a valid Date');
  if (input.complexity !== 'general' && input.complexity !== 'major') {
    throw new RangeError(`complexity must be 'general' or 'major', got ${String(input.complexity)}`);
  }
  assertConfig(config);
  const working = config.dayKind === 'working';
  const extend = !working && config.extendOverHolidays === true;
  const assigned = toShanghaiDate(input.assignedAt);

  // Rest days roll forward only for real periods; "当日" stays the assignment day.
  const settle = (date: string, n: number): string => (n > 0 && extend ? addWorkingDays(calendar, date, 0) : date);
  const afterDays = (n: number): string => {
    if (n === 0) return assigned;
    return settle(working ? addWorkingDays(calendar, assigned, n) : addCalendarDays(assigned, n), n);
  };

  let resolve: string;
  if (input.complexity === 'general') {
    resolve = afterDays(config.resolveDaysGeneral);
  } else {
    const n = config.resolveMonthsMajor;
    const byMonth = addCalendarMonths(assigned, n);
    // addWorkingDays(…, 0) keeps a working day and otherwise moves to the next one.
    resolve = working && n > 0 ? addWorkingDays(calendar, byMonth, 0) : settle(byMonth, n);
  }

  return {
    deployDue: shanghaiEndOfDay(afterDays(config.deployDays)),
    feedbackDue: shanghaiEndOfDay(afterDays(config.feedbackDays)),
    resolveDue: shanghaiEndOfDay(resolve),
    dayKind: config.dayKind,
    source: DEADLINE_13710_SOURCE,
  };
}

/** Wire shape of POST /api/calculators/deadline-13710: ISO 8601 instants in +08:00. */
export function format13710(result: Deadlines13710): Formatted13710 {
  return {
    deployDue: formatShanghaiIso(result.deployDue),
    feedbackDue: formatShanghaiIso(result.feedbackDue),
    resolveDue: formatShanghaiIso(result.resolveDue),
    source: result.source,
  };
}

const PERIOD_RE = /^(\d{4})(?:Q([1-4]))?$/;

/**
 * Due date (YYYY-MM-DD, inclusive) of the written hazard statistics for a period (Art. 14):
 * 'YYYYQn' → the 15th of the first month of the next quarter; 'YYYY' → 31 January of the next year.
 * "15日前" is read as "by the 15th", as practice does (regulations.md §3.2).
 */
export function hazardStatsDue(period: string): { due: string; source: string } {
  const m = typeof period === 'string' ? PERIOD_RE.exec(period) : null;
  if (!m) throw new RangeError(`period must be 'YYYY' or 'YYYYQ1'…'YYYYQ4', got ${JSON.stringify(period)}`);
  const year = Number(m[1]);
  if (year < 1 || year > 9998) throw new RangeError(`period year out of range: ${year}`);
  const next = String(year + 1).padStart(4, '0');
  if (m[2] === undefined) return { due: `${next}-01-31`, source: HAZARD_STATS_SOURCE };
  const q = Number(m[2]);
  const due = q === 4 ? `${next}-01-15` : `${m[1]}-${String(q * 3 + 1).padStart(2, '0')}-15`;
  return { due, source: HAZARD_STATS_SOURCE };
}
