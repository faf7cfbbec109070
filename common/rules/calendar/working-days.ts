/**
 * Working-day arithmetic on China's civil calendar (法定节假日 + 调休).
 * Pure: no clock, no locale, no host time zone. Dates are 'YYYY-MM-DD' civil dates in
 * Asia/Shanghai (UTC+8, no DST), handled as UTC midnights internally so the host
 * time zone never leaks in.
 */
import type { CalendarDay } from './cn-holidays.js';

export type { CalendarDay } from './cn-holidays.js';

export const WORKING_DAYS_SOURCE = '《全国年节及纪念日放假办法》（国务院令第798号修订）及国务院办公厅年度节假日安排通知';

/** China has used a single zone, UTC+8, with no DST since 1992. */
export const SHANGHAI_TIME_SOURCE = '北京时间（东八区，UTC+08:00），1992年起不实行夏令时';

/**
 * Counting convention for deadlines such as "N个工作日内": counting starts the day
 * after the start date (cf. 民法典第201条, 期间开始的当日不计入), and the deadline is the
 * end of the N-th working day.
 */
export const WORKING_DAY_COUNT_SOURCE = '《中华人民共和国民法典》第二百零一条：按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算';

export interface WorkCalendar {
  isHoliday(date: string): boolean;
  isMakeupWorkday(date: string): boolean;
  entry(date: string): CalendarDay | undefined;
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a civil date to its UTC-midnight epoch ms; throws RangeError if malformed or impossible (e.g. 02-30). */
function toEpochDay(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Invalid civil date (expected YYYY-MM-DD): ${JSON.stringify(date)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC silently rolls over (2021-02-30 -> 03-02), so round-trip to reject it.
  const t = new Date(ms);
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) {
    throw new RangeError(`Invalid civil date: ${date}`);
  }
  return ms;
}

function fromEpochMs(ms: number): string {
  const t = new Date(ms);
  const y = t.getUTCFullYear();
  if (y < 0 || y > 9999) throw new RangeError(`Date out of range: year ${y}`);
  return `${String(y).padStart(4, '0')}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

/** True when `date` is a well-formed, existing YYYY-MM-DD date. */
export function isCivilDate(date: string): boolean {
  try {
    toEpochDay(date);
    return true;
  } catch {
    return false;
  }
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toEpochDay(date)).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/**
 * Builds a lookup over calendar rows. Later rows win for the same date, so callers can
 * pass `[...CN_HOLIDAYS, ...adminRows]` to let admin entries override the built-in data.
 */
export function buildCalendar(days: readonly CalendarDay[]): WorkCalendar {
  const byDate = new Map<string, CalendarDay>();
  for (const day of days) {
    toEpochDay(day.date); // reject malformed rows up front rather than at lookup time
    if (day.kind !== 'holiday' && day.kind !== 'workday') {
      throw new RangeError(`Invalid calendar kind for ${day.date}: ${String(day.kind)}`);
    }
    byDate.set(day.date, day);
  }
  return {
    isHoliday: (date) => byDate.get(date)?.kind === 'holiday',
    isMakeupWorkday: (date) => byDate.get(date)?.kind === 'workday',
    entry: (date) => byDate.get(date),
  };
}

/** A make-up workday works even on a weekend; a holiday is off even on a weekday; otherwise Mon–Fri. */
export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  const dow = dayOfWeek(date); // also validates `date`
  if (cal.isMakeupWorkday(date)) return true;
  if (cal.isHoliday(date)) return false;
  return dow >= 1 && dow <= 5;
}

/** Adds n calendar days (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  return fromEpochMs(toEpochDay(date) + n * DAY_MS);
}

/** First working day strictly after `date`. */
export function nextWorkingDay(cal: WorkCalendar, date: string): string {
  return addWorkingDays(cal, date, 1);
}

/**
 * The n-th working day after `date`. Convention: "within N working days" counts starting
 * the day after the start date, so from Thu 2021-09-30, 3 working days lands on
 * 2021-10-11 (10-08 Fri, 10-09 Sat make-up, 10-11 Mon).
 * n = 0 returns `date` itself if it is a working day, otherwise the next working day.
 */
export function addWorkingDays(cal: WorkCalendar, date: string, n: number): string {
  assertCount(n, 'n');
  let ms = toEpochDay(date);
  let current = date;
  if (n === 0) {
    while (!isWorkingDay(cal, current)) {
      ms += DAY_MS;
      current = fromEpochMs(ms);
    }
    return current;
  }
  let remaining = n;
  while (remaining > 0) {
    ms += DAY_MS;
    current = fromEpochMs(ms);
    if (isWorkingDay(cal, current)) remaining--;
  }
  return current;
}

/**
 * Working days d with from < d <= to (same convention as addWorkingDays, so
 * workingDaysBetween(cal, d, addWorkingDays(cal, d, n)) === n for n ≥ 1).
 * Antisymmetric: returns the negated count when to < from.
 */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  const a = toEpochDay(from);
  const b = toEpochDay(to);
  if (b < a) return -workingDaysBetween(cal, to, from);
  let count = 0;
  for (let ms = a + DAY_MS; ms <= b; ms += DAY_MS) {
    if (isWorkingDay(cal, fromEpochMs(ms))) count++;
  }
  return count;
}

function assertInstant(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return ms;
}

/** Civil date in Asia/Shanghai (UTC+8) of an instant. */
export function toShanghaiDate(instant: Date): string {
  return fromEpochMs(assertInstant(instant) + SHANGHAI_OFFSET_MS);
}

/** The instant 23:59:59.999 +08:00 on the given civil date (inclusive deadline end). */
export function shanghaiEndOfDay(date: string): Date {
  return new Date(toEpochDay(date) + DAY_MS - 1 - SHANGHAI_OFFSET_MS);
}

/**
 * ISO 8601 in +08:00, e.g. '2021-03-05T17:30:00+08:00'. Milliseconds are appended only
 * when non-zero, so whole-second values stay in the common short form.
 */
export function formatShanghaiIso(instant: Date): string {
  const shifted = new Date(assertInstant(instant) + SHANGHAI_OFFSET_MS);
  const date = fromEpochMs(shifted.getTime());
  const time = `${pad2(shifted.getUTCHours())}:${pad2(shifted.getUTCMinutes())}:${pad2(shifted.getUTCSeconds())}`;
  const ms = shifted.getUTCMilliseconds();
  return `${date}T${time}${ms === 0 ? '' : `.${String(ms).padStart(3, '0')}`}+08:00`;
}
