/**
 * Accident reporting chain (事故报告) under 生产安全事故报告和调查处理条例 (国务院令第493号)
 * Arts. 9–11, and the supplemental-report window (补报) of Art. 13.
 * Pure: hour limits are exact instants; day limits follow the civil-law count (the start day is
 * not counted and the period ends at 24:00 Beijing time of the last day).
 */
import type { AccidentGrade } from './accident-grade.js';
import { addCalendarDays, shanghaiEndOfDay, toShanghaiDate } from './calendar/working-days.js';

export const ACCIDENT_REPORTING_SOURCE = '《生产安全事故报告和调查处理条例》（国务院令第493号）第九条、第十条、第十一条；补报：第十三条';

export const ACCIDENT_SUPPLEMENT_SOURCE =
  '《生产安全事故报告和调查处理条例》（国务院令第493号）第十三条：自事故发生之日起30日内，事故造成的伤亡人数发生变化的，应当及时补报。道路交通事故、火灾事故自发生之日起7日内，事故造成的伤亡人数发生变化的，应当及时补报';

export type ReportLevel = 'unit' | 'county' | 'city' | 'province' | 'stateCouncil';
export type GovernmentReportLevel = Exclude<ReportLevel, 'unit'>;

export const REPORT_LEVEL_NAMES: Record<ReportLevel, { zh: string; en: string }> = {
  unit: { zh: '事故发生单位', en: 'Unit where the accident occurred' },
  county: { zh: '县级', en: 'County level' },
  city: { zh: '设区的市级', en: 'Prefecture-level city' },
  province: { zh: '省级', en: 'Provincial level' },
  stateCouncil: { zh: '国务院', en: 'State Council level' },
};

/** Bottom-up order of the government levels; the chain is a prefix of it. */
export const GOVERNMENT_REPORT_LEVELS: readonly GovernmentReportLevel[] = ['county', 'city', 'province', 'stateCouncil'];

/** How far up each grade is reported (Art. 10 第一款). */
export const REPORT_LEVELS_BY_GRADE: Record<AccidentGrade, readonly GovernmentReportLevel[]> = {
  1: ['county', 'city', 'province', 'stateCouncil'],
  2: ['county', 'city', 'province', 'stateCouncil'],
  3: ['county', 'city', 'province'],
  4: ['county', 'city'],
};

export type ParallelRecipient = 'police' | 'labour' | 'tradeUnion' | 'procuratorate';

/** Bodies notified alongside the upward report (Art. 10 第一款). */
export const PARALLEL_RECIPIENTS: readonly { key: ParallelRecipient; zh: string; en: string }[] = [
  { key: 'police', zh: '公安机关', en: 'Public security (police)' },
  { key: 'labour', zh: '劳动保障行政部门', en: 'Labour and social security department' },
  { key: 'tradeUnion', zh: '工会', en: 'Trade union' },
  { key: 'procuratorate', zh: '人民检察院', en: "People's procuratorate" },
];

export interface ReportingConfig {
  /** Unit → county-level departments (Art. 9: 1 hour). */
  unitHours: number;
  /** Each further level (Art. 11: at most 2 hours per level). */
  perLevelHours: number;
}

export const DEFAULT_REPORTING_CONFIG: Readonly<ReportingConfig> = { unitHours: 1, perLevelHours: 2 };

export interface ReportingChainInput {
  grade: AccidentGrade;
  occurredAt: Date;
  /**
   * When the county actually received the unit's report. If given, the next level is due
   * perLevelHours after it (Art. 11 counts each level from receipt), early or late; the
   * county entry itself stays at the statutory occurredAt + unitHours.
   */
  reportedAt?: Date;
}

export interface ReportingChainLevel {
  level: GovernmentReportLevel;
  /** Latest instant the report must reach this level. */
  due: Date;
  /** Art. 10 第二款: each department also reports to the same-level people's government (for the top, to the State Council). */
  alsoSameLevelGovernment: boolean;
}

export interface ReportingChain {
  levels: ReportingChainLevel[];
  /**
   * Art. 10 第一款 makes every receiving level notify these bodies; we model the county's duty,
   * which is the first and the one the platform tracks.
   */
  parallel: { recipient: ParallelRecipient; level: 'county' }[];
  unitDue: Date;
  source: string;
}

const HOUR_MS = 3_600_000;

function assertInstant(d: Date, field: string): number {
  const ms = d instanceof Date ? d.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${field} must be a valid Date`);
  return ms;
}

function assertHours(n: number, field: string): void {
  if (!Number.isFinite(n) || n <= 0) throw new RangeError(`${field} must be a positive number of hours, got ${n}`);
}

/**
 * Due times for the upward report of one accident. Skipping levels (越级上报, Art. 10 第三款)
 * is allowed but never required, so it does not change the deadlines.
 */
export function reportingChain(input: ReportingChainInput, config: Partial<ReportingConfig> = {}): ReportingChain {
  const { unitHours, perLevelHours } = { ...DEFAULT_REPORTING_CONFIG, ...config };
  assertHours(unitHours, 'unitHours');
  assertHours(perLevelHours, 'perLevelHours');
  const occurredMs = assertInstant(input.occurredAt, 'occurredAt');
  const required = REPORT_LEVELS_BY_GRADE[input.grade];
  if (!required) throw new RangeError(`grade must be 1, 2, 3 or 4, got ${String(input.grade)}`);

  const unitDueMs = occurredMs + unitHours * HOUR_MS;
  let receivedMs = unitDueMs;
  if (input.reportedAt !== undefined) {
    receivedMs = assertInstant(input.reportedAt, 'reportedAt');
    if (receivedMs < occurredMs) throw new RangeError('reportedAt must not be before occurredAt');
  }

  const levels: ReportingChainLevel[] = [];
  let anchorMs = receivedMs;
  for (const level of required) {
    let dueMs: number;
    if (level === 'county') {
      dueMs = unitDueMs;
    } else {
      dueMs = anchorMs + perLevelHours * HOUR_MS;
      anchorMs = dueMs;
    }
    levels.push({ level, due: new Date(dueMs), alsoSameLevelGovernment: true });
  }

  return {
    levels,
    parallel: PARALLEL_RECIPIENTS.map((r) => ({ recipient: r.key, level: 'county' as const })),
    unitDue: new Date(unitDueMs),
    source: ACCIDENT_REPORTING_SOURCE,
  };
}

/** Accident kinds with the short 7-day window of Art. 13 (道路交通事故、火灾事故). */
export const SHORT_SUPPLEMENT_KINDS: readonly string[] = ['roadTransport', 'fire'];

/**
 * Days after the accident during which a change in casualties must be reported (Art. 13).
 * The article keys on the kind of accident (road traffic, fire), not the enterprise's sector;
 * callers pass 'roadTransport' for a road traffic accident and 'fire' for a fire.
 */
// `string & {}` keeps the literal suggestions in editors while accepting any string.
export function supplementWindowDays(industry: 'roadTransport' | 'fire' | (string & {})): number {
  return SHORT_SUPPLEMENT_KINDS.includes(industry) ? 7 : 30;
}

/**
 * End (24:00 Beijing time) of the `days`-th calendar day after the Beijing date of `start`;
 * the start day itself is not counted (民法典第二百零一条).
 */
export function calendarDaysDeadline(start: Date, days: number): Date {
  assertInstant(start, 'start');
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${days}`);
  return shanghaiEndOfDay(addCalendarDays(toShanghaiDate(start), days));
}

/** Last instant at which a casualty change still requires a 补报 (Art. 13). */
export function supplementDeadline(occurredAt: Date, kind: 'roadTransport' | 'fire' | (string & {})): Date {
  assertInstant(occurredAt, 'occurredAt');
  return calendarDaysDeadline(occurredAt, supplementWindowDays(kind));
}

/**
 * Levels that become required when a 续报 raises the grade (e.g. 4 → 3 adds ['province']),
 * bottom-up; [] when the new grade is not more serious.
 */
export function chainExtension(oldGrade: AccidentGrade, newGrade: AccidentGrade): ReportLevel[] {
  const before = REPORT_LEVELS_BY_GRADE[oldGrade];
  const after = REPORT_LEVELS_BY_GRADE[newGrade];
  if (!before || !after) throw new RangeError(`grades must be 1, 2, 3 or 4, got ${String(oldGrade)} → ${String(newGrade)}`);
  if (newGrade >= oldGrade) return [];
  return after.filter((level) => !before.includes(level));
}
