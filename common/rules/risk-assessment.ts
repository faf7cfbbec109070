/**
 * Risk assessment for 风险分级管控 (regulations.md §7): the LEC method (作业条件危险性评价法,
 * D = L × E × C) and the LS risk matrix (风险矩阵法, R = L × S), each mapped onto the four levels
 * 重大 / 较大 / 一般 / 低 coloured 红 / 橙 / 黄 / 蓝 of 安委办〔2016〕3号 and 〔2016〕11号.
 *
 * No national standard fixes the cut-offs, so the bands are configuration (stored in the `setting`
 * table by the risk module) with these defaults:
 * - LEC: D > 320 红, 160 < D ≤ 320 橙, 70 < D ≤ 160 黄, D ≤ 70 蓝. Boundary choice: a band's upper
 *   limit belongs to the band below it (D = 320 is 橙, D = 160 黄, D = 70 蓝), as in the classic
 *   LEC table ("160 < D ≤ 320"). A configured limit keeps that meaning: level rises only when D
 *   exceeds it.
 * - LS: variant A of §7.2: R 20–25 红, 15–16 橙, 9–12 黄, 1–8 蓝. A configured LS limit is the
 *   lowest R of its band (inclusive), since R takes only the products of two integers 1–5.
 */

/** 1 = 重大, 2 = 较大, 3 = 一般, 4 = 低 (a smaller number is more serious). */
export type RiskLevel = 1 | 2 | 3 | 4;
export type RiskColor = 'red' | 'orange' | 'yellow' | 'blue';

export const RISK_LEVELS: readonly RiskLevel[] = [1, 2, 3, 4];
export const RISK_COLORS: readonly RiskColor[] = ['red', 'orange', 'yellow', 'blue'];
export const COLOR_OF_LEVEL: Record<RiskLevel, RiskColor> = { 1: 'red', 2: 'orange', 3: 'yellow', 4: 'blue' };
export const LEVEL_OF_COLOR: Record<RiskColor, RiskLevel> = { red: 1, orange: 2, yellow: 3, blue: 4 };

export const RISK_LEVEL_NAMES: Record<RiskLevel, { zh: string; en: string; color: string; colorEn: string }> = {
  1: { zh: '重大风险', en: 'Major risk', color: '红', colorEn: 'red' },
  2: { zh: '较大风险', en: 'Considerable risk', color: '橙', colorEn: 'orange' },
  3: { zh: '一般风险', en: 'General risk', color: '黄', colorEn: 'yellow' },
  4: { zh: '低风险', en: 'Low risk', color: '蓝', colorEn: 'blue' },
};

export const RISK_POLICY_SOURCE =
  '《标本兼治遏制重特大事故工作指南》（安委办〔2016〕3号）、《关于实施遏制重特大事故工作指南构建双重预防机制的意见》（安委办〔2016〕11号）四级四色';

/** LEC value sets with their descriptors (regulations.md §7.1). */
export const LEC_L = [
  { value: 10, zh: '完全可以预料', en: 'Fully expected' },
  { value: 6, zh: '相当可能', en: 'Quite possible' },
  { value: 3, zh: '可能，但不经常', en: 'Possible, not frequent' },
  { value: 1, zh: '可能性小，完全意外', en: 'Unlikely, fully unexpected' },
  { value: 0.5, zh: '很不可能，可以设想', en: 'Very unlikely, conceivable' },
  { value: 0.2, zh: '极不可能', en: 'Extremely unlikely' },
  { value: 0.1, zh: '实际不可能', en: 'Practically impossible' },
] as const;

export const LEC_E = [
  { value: 10, zh: '连续暴露', en: 'Continuous' },
  { value: 6, zh: '每天工作时间内暴露', en: 'Daily during work' },
  { value: 3, zh: '每周一次或偶然暴露', en: 'Weekly or occasional' },
  { value: 2, zh: '每月一次暴露', en: 'Monthly' },
  { value: 1, zh: '每年几次暴露', en: 'A few times a year' },
  { value: 0.5, zh: '非常罕见地暴露', en: 'Very rare' },
] as const;

export const LEC_C = [
  { value: 100, zh: '大灾难，许多人死亡', en: 'Catastrophe, many deaths' },
  { value: 40, zh: '灾难，数人死亡', en: 'Disaster, several deaths' },
  { value: 15, zh: '非常严重，一人死亡', en: 'Very serious, one death' },
  { value: 7, zh: '严重，重伤', en: 'Serious injury' },
  { value: 3, zh: '重大，致残', en: 'Disabling' },
  { value: 1, zh: '引人注目，需要救护', en: 'Notable, needs first aid' },
] as const;

export const LEC_L_VALUES: readonly number[] = LEC_L.map((x) => x.value);
export const LEC_E_VALUES: readonly number[] = LEC_E.map((x) => x.value);
export const LEC_C_VALUES: readonly number[] = LEC_C.map((x) => x.value);

/** LS descriptors (typical wording, regulations.md §7.2; UNVERIFIED as a standard). */
export const LS_L = [
  { value: 5, zh: '无防范、监测、控制措施，或危害发生不能被发现；经常发生', en: 'No controls or undetectable; frequent' },
  { value: 4, zh: '措施不完善，或危害常发生', en: 'Incomplete controls; occurs often' },
  { value: 3, zh: '措施未有效执行，或过去偶尔发生', en: 'Controls not applied effectively; occasional' },
  { value: 2, zh: '措施有效，偶尔失误；极少发生', en: 'Effective controls, rare lapses' },
  { value: 1, zh: '措施完善有效；几乎不可能发生', en: 'Complete, effective controls; almost impossible' },
] as const;

export const LS_S = [
  { value: 5, zh: '死亡或重大财产损失', en: 'Death or major loss' },
  { value: 4, zh: '重伤、丧失劳动能力或较大损失', en: 'Serious injury or considerable loss' },
  { value: 3, zh: '轻伤或一般损失', en: 'Minor injury or moderate loss' },
  { value: 2, zh: '轻微伤害或较小损失', en: 'Slight injury or small loss' },
  { value: 1, zh: '无伤害，损失轻微', en: 'No injury, negligible loss' },
] as const;

/** The configured bands: LEC limits are exclusive lower bounds (D > limit), LS limits inclusive (R ≥ limit). */
export interface RiskBands {
  lec: { red: number; orange: number; yellow: number };
  ls: { red: number; orange: number; yellow: number };
}

export const DEFAULT_RISK_BANDS: RiskBands = {
  lec: { red: 320, orange: 160, yellow: 70 },
  ls: { red: 20, orange: 15, yellow: 9 },
};

/** Bands must fall strictly from red to yellow and stay inside the method's range. */
export function bandErrors(b: RiskBands): { field: string; code: 'invalid' }[] {
  const errors: { field: string; code: 'invalid' }[] = [];
  if (!(b.lec.red > b.lec.orange)) errors.push({ field: 'lec.red', code: 'invalid' });
  if (!(b.lec.orange > b.lec.yellow)) errors.push({ field: 'lec.orange', code: 'invalid' });
  if (!(b.lec.yellow > 0)) errors.push({ field: 'lec.yellow', code: 'invalid' });
  if (!(b.ls.red > b.ls.orange) || b.ls.red > 25) errors.push({ field: 'ls.red', code: 'invalid' });
  if (!(b.ls.orange > b.ls.yellow)) errors.push({ field: 'ls.orange', code: 'invalid' });
  if (!(b.ls.yellow > 1)) errors.push({ field: 'ls.yellow', code: 'invalid' });
  return errors;
}

const isDefault = (a: RiskBands['lec'], d: RiskBands['lec']) => a.red === d.red && a.orange === d.orange && a.yellow === d.yellow;

/** The 依据 of an LEC result: the method, the band limits in force and whose they are. */
export function lecSource(b: RiskBands = DEFAULT_RISK_BANDS): string {
  const { red, orange, yellow } = b.lec;
  const origin = isDefault(b.lec, DEFAULT_RISK_BANDS.lec) ? '默认分级（常用对应关系）' : '本地区配置的分级';
  return `作业条件危险性评价法 D = L×E×C；${origin}：D>${red} 重大/红，${orange}<D≤${red} 较大/橙，${yellow}<D≤${orange} 一般/黄，D≤${yellow} 低/蓝；${RISK_POLICY_SOURCE}`;
}

export function lsSource(b: RiskBands = DEFAULT_RISK_BANDS): string {
  const { red, orange, yellow } = b.ls;
  const origin = isDefault(b.ls, DEFAULT_RISK_BANDS.ls) ? '默认分级（风险矩阵常用 A 方案）' : '本地区配置的分级';
  return `风险矩阵法 R = L×S（L、S 取 1–5）；${origin}：R≥${red} 重大/红，${orange}≤R<${red} 较大/橙，${yellow}≤R<${orange} 一般/黄，R<${yellow} 低/蓝；${RISK_POLICY_SOURCE}`;
}

/** Floating products like 0.2 × 0.5 × 100 are rounded to 4 decimals so 10 compares as 10. */
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function lecLevelOf(D: number, b: RiskBands = DEFAULT_RISK_BANDS): RiskLevel {
  if (D > b.lec.red) return 1;
  if (D > b.lec.orange) return 2;
  if (D > b.lec.yellow) return 3;
  return 4;
}

export function lsLevelOf(R: number, b: RiskBands = DEFAULT_RISK_BANDS): RiskLevel {
  if (R >= b.ls.red) return 1;
  if (R >= b.ls.orange) return 2;
  if (R >= b.ls.yellow) return 3;
  return 4;
}

export interface LecResult {
  D: number;
  level: RiskLevel;
  color: RiskColor;
  levelName: string;
  source: string;
}

export interface LsResult {
  R: number;
  level: RiskLevel;
  color: RiskColor;
  levelName: string;
  source: string;
}

/** LEC input check: each factor must be one of the values of §7.1 (the field is named on failure). */
export function lecInputErrors(input: { L: number; E: number; C: number }): ('L' | 'E' | 'C')[] {
  const bad: ('L' | 'E' | 'C')[] = [];
  if (!LEC_L_VALUES.includes(input.L)) bad.push('L');
  if (!LEC_E_VALUES.includes(input.E)) bad.push('E');
  if (!LEC_C_VALUES.includes(input.C)) bad.push('C');
  return bad;
}

export function lsInputErrors(input: { L: number; S: number }): ('L' | 'S')[] {
  const ok = (v: number) => Number.isInteger(v) && v >= 1 && v <= 5;
  return [...(ok(input.L) ? [] : (['L'] as const)), ...(ok(input.S) ? [] : (['S'] as const))];
}

export function assessLec(input: { L: number; E: number; C: number }, b: RiskBands = DEFAULT_RISK_BANDS): LecResult {
  if (lecInputErrors(input).length) throw new RangeError(`LEC factors outside §7.1: ${lecInputErrors(input).join(',')}`);
  const D = round4(input.L * input.E * input.C);
  const level = lecLevelOf(D, b);
  return { D, level, color: COLOR_OF_LEVEL[level], levelName: RISK_LEVEL_NAMES[level].zh, source: lecSource(b) };
}

export function assessLs(input: { L: number; S: number }, b: RiskBands = DEFAULT_RISK_BANDS): LsResult {
  if (lsInputErrors(input).length) throw new RangeError(`LS factors outside 1–5: ${lsInputErrors(input).join(',')}`);
  const R = input.L * input.S;
  const level = lsLevelOf(R, b);
  return { R, level, color: COLOR_OF_LEVEL[level], levelName: RISK_LEVEL_NAMES[level].zh, source: lsSource(b) };
}

/** Either method, as a risk point stores it: the inputs kept, the score (D or R) and the level. */
export type RiskAssessmentInput = { method: 'lec'; L: number; E: number; C: number } | { method: 'ls'; L: number; S: number };

export function assessRisk(a: RiskAssessmentInput, b: RiskBands = DEFAULT_RISK_BANDS): { score: number; level: RiskLevel; color: RiskColor; source: string } {
  if (a.method === 'lec') {
    const r = assessLec(a, b);
    return { score: r.D, level: r.level, color: r.color, source: r.source };
  }
  const r = assessLs(a, b);
  return { score: r.R, level: r.level, color: r.color, source: r.source };
}

/**
 * Control level (管控层级) a level is normally controlled at (§7.3, 11号 conventions): 重大 by the
 * company, 较大 by the company or workshop, 一般 by the workshop, 低 by the team or post. Used as the
 * form's suggestion; the enterprise records its own choice.
 */
export const CONTROL_LEVELS = ['company', 'workshop', 'team', 'post'] as const;
export type ControlLevel = (typeof CONTROL_LEVELS)[number];
export const SUGGESTED_CONTROL_LEVEL: Record<RiskLevel, ControlLevel> = { 1: 'company', 2: 'company', 3: 'workshop', 4: 'team' };
