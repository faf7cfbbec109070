import { describe, expect, it } from 'vitest';
import {
  ACCIDENT_GRADE_NAMES,
  ACCIDENT_GRADE_SOURCE,
  ACCIDENT_GRADE_THRESHOLDS,
  type AccidentGrade,
  type AccidentGradeCriterion,
  gradeAccident,
} from './accident-grade.js';

const none = { deaths: 0, seriousInjuries: 0, directLossYuan: 0 };

describe('gradeAccident: boundaries of each criterion (以上 inclusive, 以下 exclusive)', () => {
  it.each<[number, AccidentGrade]>([
    [0, 4],
    [2, 4],
    [3, 3],
    [9, 3],
    [10, 2],
    [29, 2],
    [30, 1],
    [120, 1],
  ])('deaths %i → grade %i', (deaths, grade) => {
    const r = gradeAccident({ ...none, deaths });
    expect(r.grade).toBe(grade);
    expect(r.criteria.deaths).toBe(grade);
    expect(r.decidedBy).toBe('deaths');
  });

  it.each<[number, AccidentGrade]>([
    [0, 4],
    [9, 4],
    [10, 3],
    [49, 3],
    [50, 2],
    [99, 2],
    [100, 1],
  ])('serious injuries %i → grade %i', (seriousInjuries, grade) => {
    const r = gradeAccident({ ...none, seriousInjuries });
    expect(r.grade).toBe(grade);
    expect(r.criteria.seriousInjuries).toBe(grade);
    // With nothing else reached, grade 4 is a three-way tie decided by deaths.
    expect(r.decidedBy).toBe(grade === 4 ? 'deaths' : 'seriousInjuries');
  });

  it.each<[number, AccidentGrade]>([
    [0, 4],
    [9_999_999, 4],
    [9_999_999.99, 4],
    [10_000_000, 3],
    [49_999_999, 3],
    [50_000_000, 2],
    [99_999_999, 2],
    [100_000_000, 1],
  ])('direct loss %d yuan → grade %i', (directLossYuan, grade) => {
    const r = gradeAccident({ ...none, directLossYuan });
    expect(r.grade).toBe(grade);
    expect(r.criteria.directLoss).toBe(grade);
    expect(r.decidedBy).toBe(grade === 4 ? 'deaths' : 'directLoss');
  });
});

describe('gradeAccident: the most serious criterion decides', () => {
  it.each<[string, { deaths: number; seriousInjuries: number; directLossYuan: number }, AccidentGrade, AccidentGradeCriterion]>([
    ['1 death but 12 serious injuries → 较大 by injuries', { deaths: 1, seriousInjuries: 12, directLossYuan: 2_000_000 }, 3, 'seriousInjuries'],
    ['no deaths, 60 M loss → 重大 by loss', { deaths: 0, seriousInjuries: 3, directLossYuan: 60_000_000 }, 2, 'directLoss'],
    ['2 deaths, 150 M loss → 特别重大 by loss', { deaths: 2, seriousInjuries: 0, directLossYuan: 150_000_000 }, 1, 'directLoss'],
    ['5 deaths, 55 injuries → 重大 by injuries', { deaths: 5, seriousInjuries: 55, directLossYuan: 0 }, 2, 'seriousInjuries'],
    ['tie at 较大: deaths preferred', { deaths: 3, seriousInjuries: 10, directLossYuan: 10_000_000 }, 3, 'deaths'],
    ['tie injuries/loss at 重大: injuries preferred', { deaths: 2, seriousInjuries: 50, directLossYuan: 50_000_000 }, 2, 'seriousInjuries'],
    ['deaths win over a lower-grade loss', { deaths: 10, seriousInjuries: 0, directLossYuan: 20_000_000 }, 2, 'deaths'],
  ])('%s', (_why, input, grade, decidedBy) => {
    const r = gradeAccident(input);
    expect(r.grade).toBe(grade);
    expect(r.decidedBy).toBe(decidedBy);
  });

  it('reports each criterion separately', () => {
    expect(gradeAccident({ deaths: 1, seriousInjuries: 12, directLossYuan: 60_000_000 }).criteria).toEqual({ deaths: 4, seriousInjuries: 3, directLoss: 2 });
  });
});

describe('gradeAccident: API contract', () => {
  it('returns names, source and criteria', () => {
    expect(gradeAccident({ deaths: 3, seriousInjuries: 0, directLossYuan: 0 })).toEqual({
      grade: 3,
      name: '较大',
      nameEn: 'Relatively large',
      decidedBy: 'deaths',
      criteria: { deaths: 3, seriousInjuries: 4, directLoss: 4 },
      source: ACCIDENT_GRADE_SOURCE,
    });
  });

  it('names every grade and cites Art. 3 of Decree 493', () => {
    expect(Object.keys(ACCIDENT_GRADE_NAMES)).toEqual(['1', '2', '3', '4']);
    expect(ACCIDENT_GRADE_NAMES[1].zh).toBe('特别重大');
    expect(ACCIDENT_GRADE_NAMES[4].zh).toBe('一般');
    expect(ACCIDENT_GRADE_SOURCE).toContain('国务院令第493号');
    expect(ACCIDENT_GRADE_SOURCE).toContain('第三条');
  });

  it('keeps thresholds in one table, most serious first and strictly decreasing', () => {
    expect(ACCIDENT_GRADE_THRESHOLDS.map((t) => t.grade)).toEqual([1, 2, 3]);
    for (let i = 1; i < ACCIDENT_GRADE_THRESHOLDS.length; i++) {
      const prev = ACCIDENT_GRADE_THRESHOLDS[i - 1]!;
      const cur = ACCIDENT_GRADE_THRESHOLDS[i]!;
      expect(cur.deaths).toBeLessThan(prev.deaths);
      expect(cur.seriousInjuries).toBeLessThan(prev.seriousInjuries);
      expect(cur.directLossYuan).toBeLessThan(prev.directLossYuan);
    }
  });

  it.each<[string, { deaths: number; seriousInjuries: number; directLossYuan: number }, string]>([
    ['negative deaths', { ...none, deaths: -1 }, 'deaths'],
    ['fractional deaths', { ...none, deaths: 1.5 }, 'deaths'],
    ['NaN deaths', { ...none, deaths: Number.NaN }, 'deaths'],
    ['negative injuries', { ...none, seriousInjuries: -3 }, 'seriousInjuries'],
    ['fractional injuries', { ...none, seriousInjuries: 0.5 }, 'seriousInjuries'],
    ['infinite loss', { ...none, directLossYuan: Number.POSITIVE_INFINITY }, 'directLossYuan'],
    ['NaN loss', { ...none, directLossYuan: Number.NaN }, 'directLossYuan'],
    ['negative loss', { ...none, directLossYuan: -1 }, 'directLossYuan'],
  ])('rejects %s with a RangeError naming the field', (_why, input, field) => {
    expect(() => gradeAccident(input)).toThrow(RangeError);
    expect(() => gradeAccident(input)).toThrow(field);
  });
});
