import { describe, expect, it } from 'vitest';
import type { TailingsSafetyStatus } from '../rules/tailings-pond.js';
import { pondSafetyReportable } from './risk.js';

/** Which 安全度 records are reported: every from → to (null = registration). */
const TABLE: [TailingsSafetyStatus | null, TailingsSafetyStatus, boolean][] = [
  [null, 'normal', false],
  [null, 'defective', true],
  [null, 'dangerous', true],
  [null, 'critical', true],
  ['normal', 'normal', false],
  ['normal', 'defective', true],
  ['normal', 'dangerous', true],
  ['normal', 'critical', true],
  ['defective', 'normal', false],
  ['defective', 'defective', false],
  ['defective', 'dangerous', true],
  ['defective', 'critical', true],
  ['dangerous', 'normal', false],
  ['dangerous', 'defective', false],
  ['dangerous', 'dangerous', false],
  ['dangerous', 'critical', true],
  ['critical', 'normal', false],
  ['critical', 'defective', false],
  ['critical', 'dangerous', true],
  ['critical', 'critical', false],
];

describe('pondSafetyReportable', () => {
  it.each(TABLE)('%s → %s: %s', (from, to, expected) => {
    expect(pondSafetyReportable(from, to)).toBe(expected);
  });
});
