/**
 * Accident grade (事故等级) under 生产安全事故报告和调查处理条例 (国务院令第493号) Art. 3.
 * Each of the three criteria is graded on its own and the most serious grade wins; "以上"
 * includes the number and "以下" excludes it (Art. 3, last paragraph), so every threshold is ≥.
 */

/** 1 = 特别重大, 2 = 重大, 3 = 较大, 4 = 一般 (a smaller number is more serious). */
export type AccidentGrade = 1 | 2 | 3 | 4;

export const ACCIDENT_GRADES: readonly AccidentGrade[] = [1, 2, 3, 4];

export const ACCIDENT_GRADE_SOURCE = '《生产安全事故报告和调查处理条例》（国务院令第493号）第三条';

export const ACCIDENT_GRADE_NAMES: Record<AccidentGrade, { zh: string; en: string }> = {
  1: { zh: '特别重大', en: 'Especially serious' },
  2: { zh: '重大', en: 'Serious' },
  3: { zh: '较大', en: 'Relatively large' },
  4: { zh: '一般', en: 'Ordinary' },
};

export type AccidentGradeCriterion = 'deaths' | 'seriousInjuries' | 'directLoss';

export interface AccidentGradeThreshold {
  grade: Exclude<AccidentGrade, 4>;
  /** Minimum deaths (死亡) for this grade. */
  deaths: number;
  /** Minimum serious injuries (重伤, including acute industrial poisoning 急性工业中毒). */
  seriousInjuries: number;
  /** Minimum direct economic loss (直接经济损失) in yuan. */
  directLossYuan: number;
}

/**
 * Lower bounds, most serious first; anything below the grade-3 row is 一般 (4).
 * Kept as data so a sector supplement (Art. 3 第二款) can be reviewed against one table.
 */
export const ACCIDENT_GRADE_THRESHOLDS: readonly AccidentGradeThreshold[] = [
  { grade: 1, deaths: 30, seriousInjuries: 100, directLossYuan: 100_000_000 },
  { grade: 2, deaths: 10, seriousInjuries: 50, directLossYuan: 50_000_000 },
  { grade: 3, deaths: 3, seriousInjuries: 10, directLossYuan: 10_000_000 },
];

export interface AccidentGradeInput {
  deaths: number;
  /** Serious injuries including acute industrial poisoning. */
  seriousInjuries: number;
  directLossYuan: number;
}

export interface AccidentGradeResult {
  grade: AccidentGrade;
  /** Chinese name, e.g. '较大' (the UI appends 事故 where needed). */
  name: string;
  nameEn: string;
  /** The criterion that reached `grade`; on a tie deaths, then seriousInjuries, then directLoss. */
  decidedBy: AccidentGradeCriterion;
  /** The grade each criterion reaches on its own. */
  criteria: Record<AccidentGradeCriterion, AccidentGrade>;
  source: string;
}

function assertCount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${field} must be a non-negative integer, got ${value}`);
}

function gradeBy(value: number, key: 'deaths' | 'seriousInjuries' | 'directLossYuan'): AccidentGrade {
  for (const row of ACCIDENT_GRADE_THRESHOLDS) {
    if (value >= row[key]) return row.grade;
  }
  return 4;
}

/** Grades an accident; throws RangeError naming the field for negative, fractional or non-finite input. */
export function gradeAccident(input: AccidentGradeInput): AccidentGradeResult {
  assertCount(input.deaths, 'deaths');
  assertCount(input.seriousInjuries, 'seriousInjuries');
  // Loss may carry 角/分, so only finiteness and sign are checked.
  if (!Number.isFinite(input.directLossYuan) || input.directLossYuan < 0) {
    throw new RangeError(`directLossYuan must be a finite non-negative number, got ${input.directLossYuan}`);
  }
  const criteria: Record<AccidentGradeCriterion, AccidentGrade> = {
    deaths: gradeBy(input.deaths, 'deaths'),
    seriousInjuries: gradeBy(input.seriousInjuries, 'seriousInjuries'),
    directLoss: gradeBy(input.directLossYuan, 'directLossYuan'),
  };
  // Order encodes the tie-break preference.
  const order: readonly AccidentGradeCriterion[] = ['deaths', 'seriousInjuries', 'directLoss'];
  let decidedBy: AccidentGradeCriterion = 'deaths';
  for (const c of order) {
    if (criteria[c] < criteria[decidedBy]) decidedBy = c;
  }
  const grade = criteria[decidedBy];
  const names = ACCIDENT_GRADE_NAMES[grade];
  return { grade, name: names.zh, nameEn: names.en, decidedBy, criteria, source: ACCIDENT_GRADE_SOURCE };
}
