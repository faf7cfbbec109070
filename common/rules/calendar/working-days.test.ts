import { describe, expect, it } from 'vitest';
import { type CalendarDay, CN_HOLIDAYS, CN_HOLIDAYS_FIRST_YEAR, CN_HOLIDAYS_LAST_YEAR, CN_HOLIDAYS_SOURCE } from './cn-holidays.js';
import {
  addCalendarDays,
  addWorkingDays,
  buildCalendar,
  dayOfWeek,
  formatShanghaiIso,
  isCivilDate,
  isWorkingDay,
  nextWorkingDay,
  shanghaiEndOfDay,
  toShanghaiDate,
  WORKING_DAYS_SOURCE,
  workingDaysBetween,
} from './working-days.js';

const cal = buildCalendar(CN_HOLIDAYS);
const YEARS = Array.from({ length: CN_HOLIDAYS_LAST_YEAR - CN_HOLIDAYS_FIRST_YEAR + 1 }, (_, i) => CN_HOLIDAYS_FIRST_YEAR + i);
const FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];

/** Inclusive list of dates from..to. */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

describe('isWorkingDay', () => {
  it.each<[string, boolean, string]>([
    // [date, expected, why]
    ['2021-03-03', true, 'ordinary Wednesday'],
    ['2021-03-06', false, 'ordinary Saturday'],
    ['2021-02-07', true, 'Sunday make-up for 春节'],
    ['2021-02-20', true, 'Saturday make-up for 春节'],
    ['2021-02-11', false, 'Thursday in 春节 block'],
    ['2021-09-18', true, 'Saturday make-up for 中秋节'],
    ['2021-09-19', false, '中秋节 Sunday'],
    ['2021-09-25', false, 'ordinary Saturday between two make-ups'],
    ['2021-09-26', true, 'Sunday make-up for 国庆节'],
    ['2021-10-08', true, 'Friday after 国庆节'],
    ['2021-10-09', true, 'Saturday make-up for 国庆节'],
    ['2021-10-10', false, 'ordinary Sunday'],
    ['2020-01-19', true, '2020 Sunday make-up for 春节'],
    ['2020-01-31', false, '2020 COVID extension (was a working Friday)'],
    ['2020-02-01', false, '2020 make-up Saturday cancelled by extension'],
    ['2020-02-02', false, '2020 extension end'],
    ['2020-02-03', true, '2020 back to work'],
    ['2022-12-31', false, '2023 元旦 block starts in 2022'],
    ['2023-01-02', false, '元旦 Monday'],
    ['2023-01-03', true, 'Tuesday after 元旦'],
    ['2024-02-18', true, 'Sunday make-up for 春节 2024'],
    ['2024-02-09', true, '除夕 2024 was not an official day off'],
    ['2025-01-26', true, 'Sunday make-up for 春节 2025'],
    ['2025-01-27', true, 'Monday before 除夕 2025'],
    ['2025-01-28', false, '除夕 2025 (statutory from 2025)'],
    ['2025-02-04', false, 'last day of 春节 2025'],
    ['2025-02-08', true, 'Saturday make-up for 春节 2025'],
    ['2025-05-02', false, '劳动节 2025 (5-02 statutory from 2025)'],
    ['2026-01-04', true, 'Sunday make-up for 元旦 2026'],
    ['2026-02-23', false, 'last day of 春节 2026 (9 days)'],
    ['2026-02-28', true, 'Saturday make-up for 春节 2026'],
  ])('%s -> %s (%s)', (date, expected) => {
    expect(isWorkingDay(cal, date)).toBe(expected);
  });

  it('treats 2021-10-01..07 as holidays', () => {
    for (const d of range('2021-10-01', '2021-10-07')) {
      expect(isWorkingDay(cal, d), d).toBe(false);
      expect(cal.isHoliday(d), d).toBe(true);
      expect(cal.entry(d)?.name).toBe('国庆节');
    }
  });

  it('falls back to Mon–Fri outside the data range', () => {
    expect(isWorkingDay(cal, '2019-12-31')).toBe(true); // Tuesday
    expect(isWorkingDay(cal, '2027-01-02')).toBe(false); // Saturday
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of ['2021-02-30', '2021-2-3', '2021-13-01', '', '20210203', '2021-02-03T00:00']) {
      expect(() => isWorkingDay(cal, bad), bad).toThrow(RangeError);
    }
  });
});

describe('2025 Spring Festival (8 days, first year of the 2024 revision)', () => {
  it('is 2025-01-28..2025-02-04 and nothing else', () => {
    const days = CN_HOLIDAYS.filter((d) => d.kind === 'holiday' && d.name === '春节' && d.date.startsWith('2025'));
    expect(days.map((d) => d.date)).toEqual(range('2025-01-28', '2025-02-04'));
  });
});

describe('addCalendarDays', () => {
  it.each<[string, number, string]>([
    ['2021-01-31', 1, '2021-02-01'],
    ['2021-02-28', 1, '2021-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2021-12-31', 1, '2022-01-01'],
    ['2022-01-01', -1, '2021-12-31'],
    ['2021-03-01', 0, '2021-03-01'],
    ['2020-01-01', 366, '2021-01-01'],
  ])('%s + %i = %s', (date, n, expected) => {
    expect(addCalendarDays(date, n)).toBe(expected);
  });

  it('rejects non-integer n', () => {
    expect(() => addCalendarDays('2021-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it.each<[string, number, string, string]>([
    // [start, n, expected, why]
    ['2021-09-30', 0, '2021-09-30', 'start is a working day'],
    ['2021-09-30', 1, '2021-10-08', 'skip 国庆节'],
    ['2021-09-30', 2, '2021-10-09', 'make-up Saturday counts'],
    ['2021-09-30', 3, '2021-10-11', 'Sunday 10-10 skipped'],
    ['2021-10-03', 0, '2021-10-08', 'n=0 on a holiday rolls forward'],
    ['2021-10-03', 1, '2021-10-08', 'counting starts the day after'],
    ['2021-03-06', 0, '2021-03-08', 'n=0 on a weekend rolls forward'],
    ['2021-09-17', 1, '2021-09-18', 'make-up Saturday'],
    ['2021-09-17', 2, '2021-09-22', 'skip 中秋节'],
    ['2021-03-05', 5, '2021-03-12', 'plain week'],
    ['2021-04-30', 1, '2021-05-06', 'month end into 劳动节'],
    ['2021-12-31', 1, '2022-01-04', 'year end into 元旦'],
    ['2022-12-30', 1, '2023-01-03', '元旦 block spanning years'],
    ['2020-01-23', 1, '2020-02-03', '2020 extended 春节'],
    ['2020-01-17', 1, '2020-01-19', '2020 Sunday make-up'],
    ['2025-01-24', 2, '2025-01-27', '2025 Sunday make-up then Monday'],
    ['2025-01-27', 1, '2025-02-05', '2025 8-day 春节'],
    ['2025-02-07', 1, '2025-02-08', '2025 Saturday make-up'],
    ['2026-02-13', 1, '2026-02-14', '2026 Saturday make-up'],
    ['2026-02-14', 1, '2026-02-24', '2026 9-day 春节'],
    ['2024-02-28', 1, '2024-02-29', 'leap day'],
    ['2023-02-28', 1, '2023-03-01', 'non-leap month end'],
  ])('%s + %i working days = %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(cal, date, n)).toBe(expected);
  });

  it('rejects negative or fractional n', () => {
    expect(() => addWorkingDays(cal, '2021-01-04', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2021-01-04', 0.5)).toThrow(RangeError);
  });
});

describe('nextWorkingDay', () => {
  it.each<[string, string]>([
    ['2021-09-30', '2021-10-08'],
    ['2021-10-08', '2021-10-09'],
    ['2021-03-05', '2021-03-08'],
    ['2020-01-23', '2020-02-03'],
  ])('after %s is %s', (date, expected) => {
    expect(nextWorkingDay(cal, date)).toBe(expected);
  });
});

describe('workingDaysBetween', () => {
  it.each<[string, string, number]>([
    ['2021-09-30', '2021-10-11', 3],
    ['2021-10-01', '2021-10-07', 0],
    ['2021-09-30', '2021-09-30', 0],
    ['2021-10-11', '2021-09-30', -3],
    ['2025-01-27', '2025-02-05', 1],
    ['2021-09-30', '2021-10-31', 17], // October 2021
  ])('(%s, %s] = %i', (from, to, expected) => {
    expect(workingDaysBetween(cal, from, to)).toBe(expected);
  });

  // Hand-counted: weekdays − weekday holidays + make-up workdays.
  it.each<[number, number]>([
    [2020, 249],
    [2021, 250],
    [2022, 249],
    [2023, 249],
    [2024, 251],
    [2025, 248],
    [2026, 248],
  ])('year %i has %i working days', (year, expected) => {
    expect(workingDaysBetween(cal, `${year - 1}-12-31`, `${year}-12-31`)).toBe(expected);
  });

  it('is the inverse of addWorkingDays', () => {
    for (const start of ['2020-01-20', '2021-09-17', '2022-12-30', '2025-01-24', '2026-09-18']) {
      for (let n = 1; n <= 15; n++) {
        expect(workingDaysBetween(cal, start, addWorkingDays(cal, start, n)), `${start}+${n}`).toBe(n);
      }
    }
  });
});

describe('buildCalendar', () => {
  it('lets later rows (admin additions) override built-in rows', () => {
    const extra: CalendarDay[] = [
      { date: '2021-03-08', kind: 'holiday', name: '临时停工', nameEn: 'Ad-hoc closure' },
      { date: '2021-10-07', kind: 'workday', name: '国庆节', nameEn: 'National Day' },
    ];
    const custom = buildCalendar([...CN_HOLIDAYS, ...extra]);
    expect(isWorkingDay(custom, '2021-03-08')).toBe(false);
    expect(isWorkingDay(custom, '2021-10-07')).toBe(true);
    expect(isWorkingDay(cal, '2021-03-08')).toBe(true);
    expect(custom.entry('2021-03-08')?.nameEn).toBe('Ad-hoc closure');
  });

  it('rejects rows with malformed dates', () => {
    expect(() => buildCalendar([{ date: '2021-02-29', kind: 'holiday', name: 'x', nameEn: 'x' }])).toThrow(RangeError);
  });
});

describe('Shanghai time helpers', () => {
  it.each<[string, string]>([
    ['2021-03-04T15:59:59.999Z', '2021-03-04'],
    ['2021-03-04T16:00:00.000Z', '2021-03-05'],
    ['2021-12-31T16:00:00.000Z', '2022-01-01'],
    ['2024-02-28T16:30:00.000Z', '2024-02-29'],
  ])('toShanghaiDate(%s) = %s', (iso, expected) => {
    expect(toShanghaiDate(new Date(iso))).toBe(expected);
  });

  it.each<[string, string]>([
    ['2021-03-05', '2021-03-05T15:59:59.999Z'],
    ['2021-12-31', '2021-12-31T15:59:59.999Z'],
  ])('shanghaiEndOfDay(%s) = %s', (date, expected) => {
    const end = shanghaiEndOfDay(date);
    expect(end.toISOString()).toBe(expected);
    expect(toShanghaiDate(end)).toBe(date);
    expect(toShanghaiDate(new Date(end.getTime() + 1))).toBe(addCalendarDays(date, 1));
  });

  it.each<[string, string]>([
    ['2021-03-05T09:30:00.000Z', '2021-03-05T17:30:00+08:00'],
    ['2021-12-31T20:00:00.000Z', '2022-01-01T04:00:00+08:00'],
    ['2021-03-05T09:30:00.123Z', '2021-03-05T17:30:00.123+08:00'],
  ])('formatShanghaiIso(%s) = %s', (iso, expected) => {
    const out = formatShanghaiIso(new Date(iso));
    expect(out).toBe(expected);
    expect(new Date(out).toISOString()).toBe(iso); // round-trips to the same instant
  });

  it('rejects Invalid Date', () => {
    expect(() => toShanghaiDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatShanghaiIso(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('CN_HOLIDAYS data integrity', () => {
  it('has only valid, unique, ascending dates', () => {
    const dates = CN_HOLIDAYS.map((d) => d.date);
    for (const d of dates) expect(isCivilDate(d), d).toBe(true);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });

  it('puts every make-up workday on a Saturday or Sunday', () => {
    for (const d of CN_HOLIDAYS.filter((r) => r.kind === 'workday')) {
      expect([0, 6], `${d.date} ${d.name}`).toContain(dayOfWeek(d.date));
    }
  });

  it.each(YEARS)('year %i has every festival and a source notice', (year) => {
    const names = CN_HOLIDAYS.filter((d) => d.kind === 'holiday' && d.date.startsWith(`${year}-`)).map((d) => d.name);
    for (const f of FESTIVALS) {
      expect(
        names.some((n) => n.split('、').includes(f)),
        `${year} ${f}`,
      ).toBe(true);
    }
    expect(CN_HOLIDAYS_SOURCE[year]?.length ?? 0).toBeGreaterThan(0);
  });

  it('names every row with a known festival and a consistent English name', () => {
    const en = new Map<string, string>();
    for (const d of CN_HOLIDAYS) {
      for (const part of d.name.split('、')) expect(FESTIVALS, d.date).toContain(part);
      const seen = en.get(d.name);
      if (seen === undefined) en.set(d.name, d.nameEn);
      else expect(d.nameEn, d.date).toBe(seen);
    }
  });

  it.each<[number, string, number]>([
    [2020, '春节', 10], // 7 + COVID extension to 2-02
    [2024, '春节', 8],
    [2025, '春节', 8],
    [2026, '春节', 9],
    [2025, '劳动节', 5],
    [2025, '国庆节、中秋节', 8],
    [2023, '中秋节、国庆节', 8],
  ])('%i %s has %i days off', (year, name, days) => {
    const n = CN_HOLIDAYS.filter((d) => d.kind === 'holiday' && d.name === name && d.date.startsWith(`${year}-`));
    expect(n).toHaveLength(days);
  });

  it('carries a source citation', () => {
    expect(WORKING_DAYS_SOURCE).toContain('全国年节及纪念日放假办法');
  });
});
