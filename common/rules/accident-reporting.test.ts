import { describe, expect, it } from 'vitest';
import type { AccidentGrade } from './accident-grade.js';
import {
  ACCIDENT_REPORTING_SOURCE,
  ACCIDENT_SUPPLEMENT_SOURCE,
  calendarDaysDeadline,
  chainExtension,
  DEFAULT_REPORTING_CONFIG,
  type GovernmentReportLevel,
  type ReportLevel,
  reportingChain,
  supplementDeadline,
  supplementWindowDays,
} from './accident-reporting.js';
import { formatShanghaiIso } from './calendar/working-days.js';

const occurredAt = new Date('2021-03-05T10:00:00+08:00');

function dues(grade: AccidentGrade, extra: { reportedAt?: Date } = {}, config = {}): [GovernmentReportLevel, string][] {
  return reportingChain({ grade, occurredAt, ...extra }, config).levels.map((l) => [l.level, formatShanghaiIso(l.due)]);
}

describe('reportingChain: levels and due times per grade (Arts. 9–11)', () => {
  const county: [GovernmentReportLevel, string] = ['county', '2021-03-05T11:00:00+08:00'];
  const city: [GovernmentReportLevel, string] = ['city', '2021-03-05T13:00:00+08:00'];
  const province: [GovernmentReportLevel, string] = ['province', '2021-03-05T15:00:00+08:00'];
  const stateCouncil: [GovernmentReportLevel, string] = ['stateCouncil', '2021-03-05T17:00:00+08:00'];

  it.each<[AccidentGrade, [GovernmentReportLevel, string][]]>([
    [4, [county, city]],
    [3, [county, city, province]],
    [2, [county, city, province, stateCouncil]],
    [1, [county, city, province, stateCouncil]],
  ])('grade %i', (grade, expected) => {
    expect(dues(grade)).toEqual(expected);
  });

  it('the unit reports within 1 hour and every level also reports to its government', () => {
    const chain = reportingChain({ grade: 2, occurredAt });
    expect(formatShanghaiIso(chain.unitDue)).toBe('2021-03-05T11:00:00+08:00');
    expect(chain.levels.every((l) => l.alsoSameLevelGovernment)).toBe(true);
    expect(chain.source).toBe(ACCIDENT_REPORTING_SOURCE);
  });

  it('notifies police, labour, trade union and procuratorate at county level', () => {
    expect(reportingChain({ grade: 4, occurredAt }).parallel).toEqual([
      { recipient: 'police', level: 'county' },
      { recipient: 'labour', level: 'county' },
      { recipient: 'tradeUnion', level: 'county' },
      { recipient: 'procuratorate', level: 'county' },
    ]);
  });

  it.each<[string, string, string[]]>([
    [
      'early report moves the next level earlier',
      '2021-03-05T10:20:00+08:00',
      ['2021-03-05T11:00:00+08:00', '2021-03-05T12:20:00+08:00', '2021-03-05T14:20:00+08:00'],
    ],
    [
      'late report gives the county its own 2 hours',
      '2021-03-05T13:00:00+08:00',
      ['2021-03-05T11:00:00+08:00', '2021-03-05T15:00:00+08:00', '2021-03-05T17:00:00+08:00'],
    ],
  ])('reportedAt: %s', (_why, reportedAt, expected) => {
    expect(dues(3, { reportedAt: new Date(reportedAt) }).map(([, due]) => due)).toEqual(expected);
  });

  it('takes hour limits from configuration', () => {
    expect(DEFAULT_REPORTING_CONFIG).toEqual({ unitHours: 1, perLevelHours: 2 });
    expect(dues(3, {}, { unitHours: 0.5, perLevelHours: 1 })).toEqual([
      ['county', '2021-03-05T10:30:00+08:00'],
      ['city', '2021-03-05T11:30:00+08:00'],
      ['province', '2021-03-05T12:30:00+08:00'],
    ]);
  });

  it.each<[string, () => unknown]>([
    ['invalid occurredAt', () => reportingChain({ grade: 4, occurredAt: new Date('nope') })],
    ['reportedAt before the accident', () => reportingChain({ grade: 4, occurredAt, reportedAt: new Date('2021-03-05T09:59:00+08:00') })],
    ['zero perLevelHours', () => reportingChain({ grade: 4, occurredAt }, { perLevelHours: 0 })],
    ['unknown grade', () => reportingChain({ grade: 5 as AccidentGrade, occurredAt })],
  ])('rejects %s', (_why, call) => {
    expect(call).toThrow(RangeError);
  });
});

describe('supplemental reports (补报, Art. 13)', () => {
  it.each<[string, number, string]>([
    ['coal', 30, '2021-04-04T23:59:59.999+08:00'],
    ['hazchem', 30, '2021-04-04T23:59:59.999+08:00'],
    ['roadTransport', 7, '2021-03-12T23:59:59.999+08:00'],
    ['fire', 7, '2021-03-12T23:59:59.999+08:00'],
  ])('%s: %i days', (kind, days, deadline) => {
    expect(supplementWindowDays(kind)).toBe(days);
    expect(formatShanghaiIso(supplementDeadline(occurredAt, kind))).toBe(deadline);
  });

  it('counts from the Beijing date, not the UTC date', () => {
    // 23:30 Beijing is 15:30 UTC the same day; a 00:30 Beijing accident is the previous UTC day.
    expect(formatShanghaiIso(supplementDeadline(new Date('2021-03-05T23:30:00+08:00'), 'fire'))).toBe('2021-03-12T23:59:59.999+08:00');
    expect(formatShanghaiIso(supplementDeadline(new Date('2021-03-06T00:30:00+08:00'), 'fire'))).toBe('2021-03-13T23:59:59.999+08:00');
  });

  it('cites Art. 13', () => {
    expect(ACCIDENT_SUPPLEMENT_SOURCE).toContain('第十三条');
    expect(ACCIDENT_REPORTING_SOURCE).toContain('第十三条');
  });

  it('calendarDaysDeadline rejects negative or fractional days', () => {
    expect(() => calendarDaysDeadline(occurredAt, -1)).toThrow(RangeError);
    expect(() => calendarDaysDeadline(occurredAt, 1.5)).toThrow(RangeError);
  });
});

describe('chainExtension (续报 raising the grade)', () => {
  it.each<[AccidentGrade, AccidentGrade, ReportLevel[]]>([
    [4, 3, ['province']],
    [4, 2, ['province', 'stateCouncil']],
    [4, 1, ['province', 'stateCouncil']],
    [3, 2, ['stateCouncil']],
    [2, 1, []],
    [3, 3, []],
    [3, 4, []],
  ])('%i → %i', (from, to, added) => {
    expect(chainExtension(from, to)).toEqual(added);
  });
});
