import { describe, expect, it } from 'vitest';
import { formatBeijingDate, formatBeijingDateTime } from './beijing.js';

describe('Beijing time formatter', () => {
  it('shows an instant before 08:00 Beijing (the previous UTC day) on its Beijing day', () => {
    // 2026-12-07T19:10Z is 03:10 on the 8th in Beijing: UTC would show the 7th.
    expect(formatBeijingDateTime('2026-12-07T19:10:00.000Z')).toBe('2026-12-08 03:10');
    expect(formatBeijingDate('2026-12-07T19:10:00.000Z')).toBe('2026-12-08');
    expect(formatBeijingDate(new Date('2026-12-07T23:59:59.999Z'))).toBe('2026-12-08');
  });

  it('keeps the same day after 08:00 Beijing and honours any offset in the input', () => {
    expect(formatBeijingDateTime('2026-12-08T00:00:00Z')).toBe('2026-12-08 08:00');
    expect(formatBeijingDateTime('2026-12-08T15:59:00Z')).toBe('2026-12-08 23:59');
    expect(formatBeijingDateTime('2026-12-08T16:00:00Z')).toBe('2026-12-09 00:00');
    expect(formatBeijingDateTime('2021-03-05T17:30:00+08:00')).toBe('2021-03-05 17:30');
    expect(formatBeijingDateTime(Date.UTC(2021, 0, 31, 20, 5))).toBe('2021-02-01 04:05');
  });

  it('has no daylight saving: summer and winter instants are both UTC+8', () => {
    expect(formatBeijingDateTime('2026-07-01T00:00:00Z')).toBe('2026-07-01 08:00');
    expect(formatBeijingDateTime('2026-01-01T00:00:00Z')).toBe('2026-01-01 08:00');
    // 31 March / 27 October: European DST switch days change nothing here.
    expect(formatBeijingDateTime('2026-03-29T01:30:00Z')).toBe('2026-03-29 09:30');
    expect(formatBeijingDateTime('2026-10-25T01:30:00Z')).toBe('2026-10-25 09:30');
  });

  it('leaves a civil date as it is and shows nothing for no value', () => {
    expect(formatBeijingDate('2026-12-08')).toBe('2026-12-08');
    expect(formatBeijingDateTime('2026-12-08')).toBe('2026-12-08 00:00');
    expect(formatBeijingDateTime(null)).toBe('');
    expect(formatBeijingDate(undefined)).toBe('');
    expect(formatBeijingDateTime('not a time')).toBe('not a time');
  });
});
