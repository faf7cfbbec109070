import { describe, expect, it } from 'vitest';
import {
  assessLec,
  assessLs,
  assessRisk,
  bandErrors,
  DEFAULT_RISK_BANDS,
  LEC_C_VALUES,
  LEC_E_VALUES,
  LEC_L_VALUES,
  lecInputErrors,
  lecLevelOf,
  lecSource,
  lsInputErrors,
  lsLevelOf,
  lsSource,
  type RiskColor,
  type RiskLevel,
} from './risk-assessment.js';

describe('LEC bands (default: D > 320 红, 160 < D ≤ 320 橙, 70 < D ≤ 160 黄, D ≤ 70 蓝)', () => {
  it.each<[number, RiskLevel]>([
    [0.01, 4],
    [20, 4],
    [70, 4],
    [70.0001, 3],
    [126, 3],
    [160, 3],
    [160.0001, 2],
    [270, 2],
    [320, 2],
    [320.0001, 1],
    [540, 1],
    [10000, 1],
  ])('D = %d → level %i', (D, level) => {
    expect(lecLevelOf(D)).toBe(level);
  });

  it.each<[number, number, number, number, RiskLevel, RiskColor]>([
    [6, 6, 15, 540, 1, 'red'],
    [10, 10, 100, 10000, 1, 'red'],
    [3, 6, 15, 270, 2, 'orange'],
    [10, 2, 15, 300, 2, 'orange'],
    [3, 6, 7, 126, 3, 'yellow'],
    [1, 6, 15, 90, 3, 'yellow'],
    [1, 6, 7, 42, 4, 'blue'],
    [0.2, 0.5, 100, 10, 4, 'blue'],
    [0.1, 0.5, 1, 0.05, 4, 'blue'],
  ])('L=%d E=%d C=%d → D=%d, level %i %s, with its source', (L, E, C, D, level, color) => {
    const r = assessLec({ L, E, C });
    expect(r).toMatchObject({ D, level, color });
    expect(r.source).toContain('D = L×E×C');
    expect(r.source).toContain('D>320');
    expect(r.source).toContain('安委办〔2016〕11号');
  });

  it('only the values of the §7.1 tables are accepted, and the bad factor is named', () => {
    expect(LEC_L_VALUES).toEqual([10, 6, 3, 1, 0.5, 0.2, 0.1]);
    expect(LEC_E_VALUES).toEqual([10, 6, 3, 2, 1, 0.5]);
    expect(LEC_C_VALUES).toEqual([100, 40, 15, 7, 3, 1]);
    expect(lecInputErrors({ L: 6, E: 6, C: 15 })).toEqual([]);
    expect(lecInputErrors({ L: 5, E: 6, C: 15 })).toEqual(['L']);
    expect(lecInputErrors({ L: 6, E: 4, C: 20 })).toEqual(['E', 'C']);
    expect(() => assessLec({ L: 2, E: 1, C: 1 })).toThrow(RangeError);
  });

  it('configured bands move the limits and the source says they are local', () => {
    const bands = { ...DEFAULT_RISK_BANDS, lec: { red: 240, orange: 120, yellow: 60 } };
    expect(assessLec({ L: 3, E: 6, C: 15 }, bands)).toMatchObject({ D: 270, level: 1, color: 'red' });
    expect(lecLevelOf(240, bands)).toBe(2);
    expect(lecSource(bands)).toContain('本地区配置');
    expect(lecSource()).toContain('默认分级');
  });
});

describe('LS matrix (variant A: 20–25 红, 15–16 橙, 9–12 黄, 1–8 蓝)', () => {
  it.each<[number, RiskLevel]>([
    [1, 4],
    [8, 4],
    [9, 3],
    [12, 3],
    [15, 2],
    [16, 2],
    [20, 1],
    [25, 1],
  ])('R = %i → level %i', (R, level) => {
    expect(lsLevelOf(R)).toBe(level);
  });

  it('every cell of the 5×5 matrix falls in exactly the variant-A band', () => {
    for (let L = 1; L <= 5; L++) {
      for (let S = 1; S <= 5; S++) {
        const R = L * S;
        const expected: RiskLevel = R >= 20 ? 1 : R >= 15 ? 2 : R >= 9 ? 3 : 4;
        const r = assessLs({ L, S });
        expect(r.R).toBe(R);
        expect(r.level).toBe(expected);
      }
    }
  });

  it('L and S are integers 1–5', () => {
    expect(lsInputErrors({ L: 0, S: 3 })).toEqual(['L']);
    expect(lsInputErrors({ L: 2.5, S: 6 })).toEqual(['L', 'S']);
    expect(() => assessLs({ L: 6, S: 1 })).toThrow(RangeError);
    expect(assessLs({ L: 4, S: 5 })).toMatchObject({ R: 20, level: 1, color: 'red' });
    expect(assessLs({ L: 4, S: 5 }).source).toContain('R≥20');
    expect(lsSource()).toContain('风险矩阵法');
  });

  it('assessRisk dispatches on the method', () => {
    expect(assessRisk({ method: 'lec', L: 6, E: 6, C: 15 })).toMatchObject({ score: 540, level: 1 });
    expect(assessRisk({ method: 'ls', L: 3, S: 3 })).toMatchObject({ score: 9, level: 3, color: 'yellow' });
  });
});

describe('band configuration checks', () => {
  it('accepts the defaults and refuses limits out of order, naming the field', () => {
    expect(bandErrors(DEFAULT_RISK_BANDS)).toEqual([]);
    expect(bandErrors({ ...DEFAULT_RISK_BANDS, lec: { red: 100, orange: 160, yellow: 70 } }).map((e) => e.field)).toEqual(['lec.red']);
    expect(bandErrors({ ...DEFAULT_RISK_BANDS, ls: { red: 26, orange: 15, yellow: 9 } }).map((e) => e.field)).toEqual(['ls.red']);
    expect(bandErrors({ ...DEFAULT_RISK_BANDS, ls: { red: 20, orange: 8, yellow: 9 } }).map((e) => e.field)).toEqual(['ls.orange']);
  });
});
