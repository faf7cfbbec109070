import { describe, expect, it } from 'vitest';
import type { AccidentGrade } from './accident-grade.js';
import {
  ACCIDENT_INVESTIGATION_SOURCE,
  FATAL_ACCIDENT_ACTIONS,
  FATAL_ACCIDENT_SOURCE,
  fatalActionsRequired,
  type InvestigatingLevel,
  investigatingLevel,
  investigationDeadline,
  replyDeadline,
} from './accident-investigation.js';
import { formatShanghaiIso } from './calendar/working-days.js';

const occurredAt = new Date('2021-03-05T10:00:00+08:00');
const reportReceivedAt = new Date('2021-06-01T09:00:00+08:00');

describe('investigatingLevel (Art. 19)', () => {
  it.each<[AccidentGrade, boolean, InvestigatingLevel, boolean]>([
    [1, true, 'stateCouncil', false],
    [2, true, 'province', false],
    [3, true, 'city', false],
    [3, false, 'city', false],
    [4, true, 'county', false],
    [4, false, 'county', true],
  ])('grade %i, casualties %s → %s (may entrust unit: %s)', (grade, casualties, level, mayEntrustUnit) => {
    expect(investigatingLevel(grade, { casualties })).toMatchObject({ level, mayEntrustUnit });
  });
});

describe('investigationDeadline (Art. 29)', () => {
  it.each<[string, { extensionDays?: number; appraisalDays?: number }, number, string]>([
    ['60 days', {}, 60, '2021-05-04T23:59:59.999+08:00'],
    ['with 10 appraisal days', { appraisalDays: 10 }, 70, '2021-05-14T23:59:59.999+08:00'],
    ['with a 30-day extension', { extensionDays: 30 }, 90, '2021-06-03T23:59:59.999+08:00'],
    ['with the maximum 60-day extension', { extensionDays: 60 }, 120, '2021-07-03T23:59:59.999+08:00'],
    ['with extension and appraisal', { extensionDays: 60, appraisalDays: 10 }, 130, '2021-07-13T23:59:59.999+08:00'],
  ])('%s', (_why, extra, days, due) => {
    const r = investigationDeadline({ occurredAt, ...extra });
    expect(r.days).toBe(days);
    expect(formatShanghaiIso(r.due)).toBe(due);
    expect(r.maxExtensionDays).toBe(60);
    expect(r.source).toContain('第二十九条');
  });

  it.each<[string, { extensionDays?: number; appraisalDays?: number }]>([
    ['extension > 60', { extensionDays: 61 }],
    ['negative extension', { extensionDays: -1 }],
    ['fractional extension', { extensionDays: 1.5 }],
    ['negative appraisal days', { appraisalDays: -2 }],
  ])('rejects %s', (_why, extra) => {
    expect(() => investigationDeadline({ occurredAt, ...extra })).toThrow(RangeError);
  });
});

describe('replyDeadline (Art. 32)', () => {
  it.each<[AccidentGrade, number | undefined, number, string]>([
    [4, undefined, 15, '2021-06-16T23:59:59.999+08:00'],
    [3, undefined, 15, '2021-06-16T23:59:59.999+08:00'],
    [2, 0, 15, '2021-06-16T23:59:59.999+08:00'],
    [1, undefined, 30, '2021-07-01T23:59:59.999+08:00'],
    [1, 30, 60, '2021-07-31T23:59:59.999+08:00'],
  ])('grade %i, extension %s → %i days', (grade, extensionDays, days, due) => {
    const r = replyDeadline({ grade, reportReceivedAt, ...(extensionDays === undefined ? {} : { extensionDays }) });
    expect(r.days).toBe(days);
    expect(formatShanghaiIso(r.due)).toBe(due);
    expect(r.source).toContain('第三十二条');
  });

  it.each<[AccidentGrade, number]>([
    [1, 31],
    [2, 1],
    [4, 5],
  ])('rejects grade %i with a %i-day extension', (grade, extensionDays) => {
    expect(() => replyDeadline({ grade, reportReceivedAt, extensionDays })).toThrow(RangeError);
  });
});

describe('fatal accident actions (晋市政发〔2021〕1号 item 27)', () => {
  it('tracks the four actions in the notice order', () => {
    expect(FATAL_ACCIDENT_ACTIONS.map((a) => [a.key, a.zh])).toEqual([
      ['suspendEnterprise', '责令停产整顿'],
      ['revokeStandardization', '取消安全生产标准化等级'],
      ['licenceAction', '暂扣或吊销安全生产许可证'],
      ['criminalReferral', '启动刑事调查（移送司法机关）'],
    ]);
    expect(FATAL_ACCIDENT_ACTIONS.every((a) => a.en.length > 0)).toBe(true);
    expect(FATAL_ACCIDENT_SOURCE).toContain('晋市政发〔2021〕1号');
    expect(FATAL_ACCIDENT_SOURCE).toContain('一律责令停产整顿，取消标准化等级，暂扣或吊销安全生产许可证，启动刑事调查');
  });

  it.each<[number, boolean]>([
    [0, false],
    [1, true],
    [3, true],
  ])('deaths %i → required %s', (deaths, required) => {
    expect(fatalActionsRequired(deaths)).toBe(required);
  });

  it('rejects invalid death counts', () => {
    expect(() => fatalActionsRequired(-1)).toThrow(RangeError);
    expect(() => fatalActionsRequired(0.5)).toThrow(RangeError);
  });

  it('cites the investigation articles', () => {
    for (const art of ['第十九条', '第二十九条', '第三十条', '第三十二条']) expect(ACCIDENT_INVESTIGATION_SOURCE).toContain(art);
  });
});
