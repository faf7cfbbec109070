import { describe, expect, it } from 'vitest';
import { CN_HOLIDAYS } from './calendar/cn-holidays.js';
import { buildCalendar, formatShanghaiIso } from './calendar/working-days.js';
import {
  addCalendarMonths,
  type Complexity13710,
  type Config13710,
  DEADLINE_13710_SOURCE,
  DEFAULT_13710_CONFIG,
  deadlines13710,
  format13710,
  HAZARD_STATS_SOURCE,
  hazardStatsDue,
} from './deadline-13710.js';

const cal = buildCalendar(CN_HOLIDAYS);
const WORKING: Config13710 = { ...DEFAULT_13710_CONFIG, dayKind: 'working' };
const EXTEND: Config13710 = { ...DEFAULT_13710_CONFIG, extendOverHolidays: true };

/** Assigned at 10:00 Beijing time on `date`. */
const at = (date: string): Date => new Date(`${date}T10:00:00+08:00`);
const eod = (date: string): string => `${date}T23:59:59.999+08:00`;

function run(date: string, complexity: Complexity13710, config?: Config13710) {
  const r = deadlines13710({ assignedAt: at(date), complexity }, cal, config);
  return { deploy: formatShanghaiIso(r.deployDue), feedback: formatShanghaiIso(r.feedbackDue), resolve: formatShanghaiIso(r.resolveDue), r };
}

describe('DEFAULT_13710_CONFIG', () => {
  it('is 1-3-7-1 in calendar days, no holiday extension', () => {
    expect(DEFAULT_13710_CONFIG).toEqual({ dayKind: 'calendar', deployDays: 0, feedbackDays: 3, resolveDaysGeneral: 7, resolveMonthsMajor: 1 });
    expect(DEFAULT_13710_CONFIG.extendOverHolidays).toBeUndefined();
  });
});

describe('deadlines13710, calendar mode (default)', () => {
  // [why, assigned, deploy, feedback, general resolve, major resolve]
  it.each<[string, string, string, string, string, string]>([
    ['Jan 31, non-leap year: major clamps to Feb 28', '2021-01-31', '2021-01-31', '2021-02-03', '2021-02-07', '2021-02-28'],
    ['Jan 31, leap year: major clamps to Feb 29', '2020-01-31', '2020-01-31', '2020-02-03', '2020-02-07', '2020-02-29'],
    ['Feb 28, leap year: Feb 29 is counted', '2020-02-28', '2020-02-28', '2020-03-02', '2020-03-06', '2020-03-28'],
    ['Feb 28, non-leap year', '2021-02-28', '2021-02-28', '2021-03-03', '2021-03-07', '2021-03-28'],
    ['Feb 29 (leap day)', '2024-02-29', '2024-02-29', '2024-03-03', '2024-03-07', '2024-03-29'],
    ['Mar 31: major clamps to Apr 30', '2021-03-31', '2021-03-31', '2021-04-03', '2021-04-07', '2021-04-30'],
    ['Dec 31 rolls into next year', '2021-12-31', '2021-12-31', '2022-01-03', '2022-01-07', '2022-01-31'],
    // Holidays do not move calendar-mode dues: 10-03 and 10-07 are 国庆 days, 10-30 a Saturday.
    ['National Day 2021: dues on holidays stay', '2021-09-30', '2021-09-30', '2021-10-03', '2021-10-07', '2021-10-30'],
    // 春节 2021 is 02-11..02-17: feedback 02-13 and general 02-17 stay inside it.
    ['Spring Festival 2021: dues on holidays stay', '2021-02-10', '2021-02-10', '2021-02-13', '2021-02-17', '2021-03-10'],
  ])('%s', (_why, assigned, deploy, feedback, general, major) => {
    const g = run(assigned, 'general');
    expect([g.deploy, g.feedback, g.resolve]).toEqual([eod(deploy), eod(feedback), eod(general)]);
    const m = run(assigned, 'major');
    expect([m.deploy, m.feedback, m.resolve]).toEqual([eod(deploy), eod(feedback), eod(major)]);
    expect(m.r.dayKind).toBe('calendar');
    expect(m.r.source).toBe(DEADLINE_13710_SOURCE);
  });
});

describe('deadlines13710, calendar mode with extendOverHolidays', () => {
  // [why, assigned, feedback, general resolve, major resolve]
  it.each<[string, string, string, string, string]>([
    // 10-03 and 10-07 are holidays → Fri 10-08; major 10-30 (Sat) → Mon 11-01.
    ['National Day 2021', '2021-09-30', '2021-10-08', '2021-10-08', '2021-11-01'],
    // 02-13 and 02-17 are 春节 → Thu 02-18 (first day after the block); 03-10 is a Wednesday.
    ['Spring Festival 2021', '2021-02-10', '2021-02-18', '2021-02-18', '2021-03-10'],
    // 10-05 is a holiday → 10-08; general lands on make-up Saturday 10-09, a working day, so it stays.
    ['due on a make-up Saturday stays', '2021-10-02', '2021-10-08', '2021-10-09', '2021-11-02'],
    // Ordinary weekends are rest days too: Sat 10-16 → Mon 10-18, Wed 10-20 stays, Sat 11-13 → Mon 11-15.
    ['ordinary weekend', '2021-10-13', '2021-10-18', '2021-10-20', '2021-11-15'],
    // Major: 2022-01-31 is the first day of 春节 2022 (01-31..02-06) → Mon 02-07.
    ['Dec 31 → major on Spring Festival 2022', '2021-12-31', '2022-01-04', '2022-01-07', '2022-02-07'],
  ])('%s', (_why, assigned, feedback, general, major) => {
    const g = run(assigned, 'general', EXTEND);
    expect([g.deploy, g.feedback, g.resolve]).toEqual([eod(assigned), eod(feedback), eod(general)]);
    expect(run(assigned, 'major', EXTEND).resolve).toBe(eod(major));
  });

  it('never moves the deploy due: 当日 is the assignment day even on a holiday', () => {
    expect(run('2021-10-01', 'general', EXTEND).deploy).toBe(eod('2021-10-01'));
  });

  it('off (false) behaves like the default', () => {
    const r = run('2021-09-30', 'major', { ...DEFAULT_13710_CONFIG, extendOverHolidays: false });
    expect([r.feedback, r.resolve]).toEqual([eod('2021-10-03'), eod('2021-10-30')]);
  });

  it('is ignored in working mode (dues already fall on working days)', () => {
    const on = run('2021-09-30', 'major', { ...WORKING, extendOverHolidays: true });
    const off = run('2021-09-30', 'major', WORKING);
    expect([on.feedback, on.resolve]).toEqual([off.feedback, off.resolve]);
  });
});

describe('deadlines13710, working mode', () => {
  // [why, assigned, feedback (+3 wd), general (+7 wd), major (+1 month, next working day)]
  it.each<[string, string, string, string, string]>([
    // Thu 09-30; 10-01..10-07 off; 10-08 Fri (1), 10-09 Sat make-up (2), 10-10 Sun off, 10-11 Mon (3);
    // then 10-12 (4), 10-13 (5), 10-14 (6), 10-15 (7). Major 10-30 is a Saturday → Mon 11-01.
    ['National Day 2021', '2021-09-30', '2021-10-11', '2021-10-15', '2021-11-01'],
    // Fri 09-24: 09-25 Sat off, 09-26 Sun make-up (1), 09-27 (2), 09-28 (3), 09-29 (4), 09-30 (5),
    // 10-08 (6), 10-09 Sat make-up (7). Major 10-24 is a Sunday → Mon 10-25.
    ['before National Day, via both make-up days', '2021-09-24', '2021-09-28', '2021-10-09', '2021-10-25'],
    // Wed 02-10; 02-11..02-17 off; 02-18 Thu (1), 02-19 Fri (2), 02-20 Sat make-up (3),
    // 02-22 (4), 02-23 (5), 02-24 (6), 02-25 (7). Major 03-10 is a Wednesday.
    ['Spring Festival 2021', '2021-02-10', '2021-02-20', '2021-02-25', '2021-03-10'],
    // Fri 02-05: 02-07 Sun make-up (1), 02-08 (2), 02-09 (3), 02-10 (4), 02-18 (5), 02-19 (6), 02-20 (7).
    ['Spring Festival 2021, both make-up days', '2021-02-05', '2021-02-09', '2021-02-20', '2021-03-05'],
    // Assigned on make-up Sat 10-09: 10-11 (1), 10-12 (2), 10-13 (3), 10-14, 10-15, 10-18, 10-19 (7). 11-09 is a Tuesday.
    ['assigned on a make-up Saturday', '2021-10-09', '2021-10-13', '2021-10-19', '2021-11-09'],
    // Assigned on an ordinary Saturday: counting starts Mon 10-18.
    ['assigned on an ordinary Saturday', '2021-10-16', '2021-10-20', '2021-10-26', '2021-11-16'],
    // Sun 01-31: 02-01 (1), 02-02 (2), 02-03 (3), 02-04, 02-05, 02-07 Sun make-up (6), 02-08 (7).
    // Major clamps to Sun 02-28 → Mon 03-01.
    ['Jan 31, non-leap year', '2021-01-31', '2021-02-03', '2021-02-08', '2021-03-01'],
    // Leap year: major clamps to Sat 2020-02-29 → Mon 03-02.
    ['Jan 31, leap year', '2020-01-31', '2020-02-05', '2020-02-11', '2020-03-02'],
    // Fri 2020-02-28: 03-02 (1), 03-03 (2), 03-04 (3) … 03-10 (7). Major Sat 03-28 → Mon 03-30.
    ['Feb 28, leap year', '2020-02-28', '2020-03-04', '2020-03-10', '2020-03-30'],
    // Fri 2021-12-31: 2022-01-01..03 off; 01-04 (1), 01-05 (2), 01-06 (3), 01-07, 01-10, 01-11, 01-12 (7).
    // Major 2022-01-31 is 春节 (01-31..02-06) → Mon 02-07.
    ['Dec 31 → next year, major on Spring Festival', '2021-12-31', '2022-01-06', '2022-01-12', '2022-02-07'],
  ])('%s', (_why, assigned, feedback, general, major) => {
    const g = run(assigned, 'general', WORKING);
    expect([g.deploy, g.feedback, g.resolve]).toEqual([eod(assigned), eod(feedback), eod(general)]);
    const m = run(assigned, 'major', WORKING);
    expect([m.deploy, m.feedback, m.resolve]).toEqual([eod(assigned), eod(feedback), eod(major)]);
    expect(m.r.dayKind).toBe('working');
  });

  it('deploy stays the assignment day even on a holiday (当日部署)', () => {
    expect(run('2021-10-01', 'general', WORKING).deploy).toBe(eod('2021-10-01'));
  });

  it('a deployDays > 0 counts working days too', () => {
    expect(run('2021-09-30', 'general', { ...WORKING, deployDays: 1 }).deploy).toBe(eod('2021-10-08'));
  });

  it('a major due already on a working day is not moved', () => {
    // 2021-10-09 + 1 month = Tue 11-09.
    expect(run('2021-10-09', 'major', WORKING).resolve).toBe(eod('2021-11-09'));
  });
});

describe('deadlines13710, custom config', () => {
  it('uses configured numbers', () => {
    const r = run('2021-01-31', 'major', { ...DEFAULT_13710_CONFIG, deployDays: 1, feedbackDays: 5, resolveMonthsMajor: 13 });
    expect([r.deploy, r.feedback, r.resolve]).toEqual([eod('2021-02-01'), eod('2021-02-05'), eod('2022-02-28')]);
    expect(run('2021-01-31', 'general', { ...DEFAULT_13710_CONFIG, resolveDaysGeneral: 10 }).resolve).toBe(eod('2021-02-10'));
  });

  it.each<[string, Partial<Config13710>]>([
    ['negative feedbackDays', { feedbackDays: -1 }],
    ['fractional resolveDaysGeneral', { resolveDaysGeneral: 1.5 }],
    ['NaN resolveMonthsMajor', { resolveMonthsMajor: Number.NaN }],
    ['negative deployDays', { deployDays: -1 }],
    ['unknown dayKind', { dayKind: 'business' as Config13710['dayKind'] }],
  ])('rejects %s', (_why, patch) => {
    expect(() => deadlines13710({ assignedAt: at('2021-01-04'), complexity: 'general' }, cal, { ...DEFAULT_13710_CONFIG, ...patch })).toThrow(RangeError);
  });

  it('rejects an invalid date or complexity', () => {
    expect(() => deadlines13710({ assignedAt: new Date('nope'), complexity: 'general' }, cal)).toThrow(RangeError);
    expect(() => deadlines13710({ assignedAt: at('2021-01-04'), complexity: 'urgent' as Complexity13710 }, cal)).toThrow(RangeError);
  });
});

describe('deadlines13710, time zone', () => {
  it('uses the civil date in China, not UTC', () => {
    // 2021-01-31T16:30Z is 2021-02-01 00:30 in Beijing.
    const r = deadlines13710({ assignedAt: new Date('2021-01-31T16:30:00Z'), complexity: 'major' }, cal);
    expect(formatShanghaiIso(r.deployDue)).toBe(eod('2021-02-01'));
    expect(formatShanghaiIso(r.resolveDue)).toBe(eod('2021-03-01'));
    // One millisecond earlier in Beijing is still Jan 31.
    const s = deadlines13710({ assignedAt: new Date('2021-01-31T15:59:59.999Z'), complexity: 'major' }, cal);
    expect(formatShanghaiIso(s.resolveDue)).toBe(eod('2021-02-28'));
  });

  it('dues are the last millisecond of the civil day in +08:00', () => {
    const r = deadlines13710({ assignedAt: at('2021-09-30'), complexity: 'general' }, cal);
    expect(r.feedbackDue.toISOString()).toBe('2021-10-03T15:59:59.999Z');
  });
});

describe('format13710', () => {
  it('returns ISO 8601 strings in +08:00 and the source', () => {
    const f = format13710(deadlines13710({ assignedAt: at('2021-09-30'), complexity: 'general' }, cal, WORKING));
    expect(f).toEqual({
      deployDue: '2021-09-30T23:59:59.999+08:00',
      feedbackDue: '2021-10-11T23:59:59.999+08:00',
      resolveDue: '2021-10-15T23:59:59.999+08:00',
      source: DEADLINE_13710_SOURCE,
    });
    for (const v of [f.deployDue, f.feedbackDue, f.resolveDue]) expect(v.endsWith('+08:00')).toBe(true);
  });
});

describe('addCalendarMonths (民法典第二百零二条)', () => {
  it.each<[string, number, string]>([
    ['2021-01-31', 1, '2021-02-28'],
    ['2020-01-31', 1, '2020-02-29'],
    ['2021-01-15', 1, '2021-02-15'],
    ['2021-05-31', 1, '2021-06-30'],
    ['2021-12-31', 1, '2022-01-31'],
    ['2021-11-30', 3, '2022-02-28'],
    ['2023-01-31', 13, '2024-02-29'],
    ['2100-01-31', 1, '2100-02-28'],
    ['2000-01-31', 1, '2000-02-29'],
    ['2021-03-15', 0, '2021-03-15'],
  ])('%s + %i months → %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });

  it('rejects bad input', () => {
    expect(() => addCalendarMonths('2021-02-30', 1)).toThrow(RangeError);
    expect(() => addCalendarMonths('2021-01-31', -1)).toThrow(RangeError);
    expect(() => addCalendarMonths('9999-12-31', 1)).toThrow(RangeError);
  });
});

describe('hazardStatsDue (隐患排查治理暂行规定 Art. 14)', () => {
  it.each<[string, string]>([
    ['2021Q1', '2021-04-15'],
    ['2021Q2', '2021-07-15'],
    ['2021Q3', '2021-10-15'],
    ['2021Q4', '2022-01-15'],
    ['2021', '2022-01-31'],
    ['2024', '2025-01-31'],
  ])('%s → %s', (period, due) => {
    expect(hazardStatsDue(period)).toEqual({ due, source: HAZARD_STATS_SOURCE });
  });

  it('cites Art. 14', () => {
    expect(HAZARD_STATS_SOURCE).toContain('第十四条');
    expect(HAZARD_STATS_SOURCE).toContain('下一季度15日前');
    expect(HAZARD_STATS_SOURCE).toContain('下一年1月31日前');
  });

  it.each(['', '2021Q0', '2021Q5', '2021q1', '21Q1', '2021-Q1', '2021 ', 'Q1', '20210', '2021Q12', '9999', '9999Q4', '0000'])('rejects %j', (period) => {
    expect(() => hazardStatsDue(period)).toThrow(RangeError);
  });

  it('rejects a non-string', () => {
    expect(() => hazardStatsDue(2021 as unknown as string)).toThrow(RangeError);
  });
});
