import { describe, expect, it } from 'vitest';
import { DEFAULT_TAILINGS_GRADE_TABLE, tailingsGrade, tailingsGradeSource, tailingsTableErrors } from './tailings-pond.js';

describe('尾矿库等别 (GB 50863 / AQ 2006 combining rule, default limits)', () => {
  it.each([
    // [V 万m³, H m, raise, grade, byCapacity, byHeight, decidedBy, lowered]
    [12_000, 120, false, 2, 2, 2, 'both', false],
    [10_000, 100, false, 2, 2, 2, 'both', false], // lower limits are inclusive
    [9_999.9, 99.9, false, 3, 3, 3, 'both', false],
    [1_000, 59.9, false, 3, 3, 4, 'capacity', false], // one class apart: the higher
    [500, 60, false, 3, 4, 3, 'height', false],
    [150, 100, false, 3, 4, 2, 'height', true], // two apart: the higher lowered by one
    [50, 100, false, 3, 5, 2, 'height', true], // three apart: still the higher lowered by one
    [20_000, 10, false, 3, 2, 5, 'capacity', true],
    [99.99, 29.99, false, 5, 5, 5, 'both', false],
    [0, 0, false, 5, 5, 5, 'both', false],
    [12_000, 120, true, 1, 2, 2, 'both', false], // 一等: a 二等 pond with the raise
    [400, 40, true, 3, 4, 4, 'both', false],
  ] as const)('V=%s H=%s raise=%s → %s等', (V, H, raise, grade, byCapacity, byHeight, decidedBy, lowered) => {
    const r = tailingsGrade({ totalCapacity: V, damHeight: H, raise });
    expect(r).toMatchObject({ grade, byCapacity, byHeight, decidedBy, lowered, raised: raise });
    expect(r.gradeName).toBe(['一等', '二等', '三等', '四等', '五等'][grade - 1]);
    expect(r.source).toContain('GB 50863-2013');
  });

  it('a raise never goes past 一等 and is never needed to reach it without one', () => {
    for (const V of [0, 50, 150, 5_000, 50_000])
      for (const H of [0, 20, 45, 80, 150]) expect(tailingsGrade({ totalCapacity: V, damHeight: H }).grade).toBeGreaterThan(1);
    expect(tailingsGrade({ totalCapacity: 50_000, damHeight: 300, raise: true }).grade).toBe(1);
  });

  it('configured limits are used and named in the 依据; the default says it awaits checking', () => {
    const table = { capacity: { g2: 8_000, g3: 800, g4: 80 }, height: { g2: 90, g3: 50, g4: 25 } };
    expect(tailingsGrade({ totalCapacity: 90, damHeight: 26 }, table).grade).toBe(4);
    expect(tailingsGrade({ totalCapacity: 90, damHeight: 26 }).grade).toBe(5);
    expect(tailingsGradeSource(table)).toContain('本地区配置');
    expect(tailingsGradeSource(table)).toContain('V≥8000');
    expect(tailingsGradeSource()).toContain('待与标准原文核对');
  });

  it('negative or missing inputs are refused', () => {
    expect(() => tailingsGrade({ totalCapacity: -1, damHeight: 10 })).toThrow(RangeError);
    expect(() => tailingsGrade({ totalCapacity: Number.NaN, damHeight: 10 })).toThrow(RangeError);
  });

  it('a table must fall strictly from 二 to 四 and stay positive, each bad limit named', () => {
    expect(tailingsTableErrors(DEFAULT_TAILINGS_GRADE_TABLE)).toEqual([]);
    expect(tailingsTableErrors({ capacity: { g2: 100, g3: 100, g4: 0 }, height: { g2: 10, g3: 60, g4: 30 } }).map((e) => e.field)).toEqual([
      'capacity.g2',
      'capacity.g4',
      'height.g2',
    ]);
  });
});
