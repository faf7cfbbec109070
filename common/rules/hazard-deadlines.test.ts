import { describe, expect, it } from 'vitest';
import { CN_HOLIDAYS } from './calendar/cn-holidays.js';
import { buildCalendar } from './calendar/working-days.js';
import { DEFAULT_HAZARD_DEADLINES, hazardEscalationLevel, isDueSoon, reviewDue } from './hazard-deadlines.js';

const cal = buildCalendar(CN_HOLIDAYS);

describe('hazard deadlines', () => {
  it('the on-site review is due 10 calendar days after the acceptance application (Art. 23), or 10 working days when configured', () => {
    expect(reviewDue('2021-09-24', cal)).toBe('2021-10-04');
    // 09-26 (Sun, make-up) … 09-30 = 5, then 10-08, 10-09 (Sat, make-up), 10-11, 10-12, 10-13 = 10
    expect(reviewDue('2021-09-24', cal, { ...DEFAULT_HAZARD_DEADLINES, reviewDayKind: 'working' })).toBe('2021-10-13');
  });

  it('escalation counts working days past the deadline: 1 at once, 2 after 3, 3 after 10 (holidays do not count)', () => {
    // Deadline Thu 2021-09-30; 10-01…10-07 is the National Day holiday, 10-09 (Sat) a make-up workday.
    const rows: [string, number][] = [
      ['2021-09-30', 0],
      ['2021-10-01', 1], // 0 working days late, but past the deadline
      ['2021-10-08', 1], // 1
      ['2021-10-09', 1], // 2
      ['2021-10-11', 2], // 3
      ['2021-10-19', 2], // 9
      ['2021-10-20', 3], // 10
    ];
    for (const [today, level] of rows) expect([today, hazardEscalationLevel('2021-09-30', today, cal)]).toEqual([today, level]);
  });

  it('reminds within 2 working days before the deadline, not after it', () => {
    expect(isDueSoon('2021-10-11', '2021-10-08', cal)).toBe(true); // 10-09, 10-11: 2 working days
    expect(isDueSoon('2021-10-11', '2021-09-30', cal)).toBe(false);
    expect(isDueSoon('2021-10-11', '2021-10-12', cal)).toBe(false);
  });
});
