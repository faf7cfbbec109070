/**
 * 尾矿库 (tailings ponds) as regulation-as-code: the 等别 (design class 一等 … 五等) from total capacity and
 * dam height, the 头顶库 definition and the 安全度 classes (正常库 / 病库 / 险库 / 危库).
 *
 * UNVERIFIED: none of this is in ../shared/reference/regulations.md. The class table and the combining
 * rule are written from GB 50863-2013《尾矿设施设计规范》3.3 and AQ 2006-2005《尾矿库安全技术规程》4.1 as
 * commonly quoted, not checked against the standards' text, so the limits are configuration (setting
 * `risk.tailingsGradeTable`) with these defaults:
 *
 *   等别 | 全库容 V (万m³)      | 坝高 H (m)
 *   一   | 具备提等条件的二等库
 *   二   | V ≥ 10000            | H ≥ 100
 *   三   | 1000 ≤ V < 10000     | 60 ≤ H < 100
 *   四   | 100 ≤ V < 1000       | 30 ≤ H < 60
 *   五   | V < 100              | H < 30
 *
 * V and H give a class each. When they differ by one class the higher class applies; when they differ
 * by more, the higher class lowered by one. A pond whose failure would seriously harm important towns,
 * industrial enterprises or trunk railways downstream may be raised by one class (the only way to 一等).
 */

export type TailingsGrade = 1 | 2 | 3 | 4 | 5;

/** Inclusive lower limits of classes 二, 三 and 四 (below the 四 limit is 五). */
export interface TailingsGradeTable {
  /** 全库容 V in 万m³ (10⁴ m³). */
  capacity: { g2: number; g3: number; g4: number };
  /** 坝高 H in m. */
  height: { g2: number; g3: number; g4: number };
}

export const DEFAULT_TAILINGS_GRADE_TABLE: TailingsGradeTable = {
  capacity: { g2: 10_000, g3: 1_000, g4: 100 },
  height: { g2: 100, g3: 60, g4: 30 },
};

export const TAILINGS_GRADE_NAMES: Record<TailingsGrade, { zh: string; en: string }> = {
  1: { zh: '一等', en: 'Class 1' },
  2: { zh: '二等', en: 'Class 2' },
  3: { zh: '三等', en: 'Class 3' },
  4: { zh: '四等', en: 'Class 4' },
  5: { zh: '五等', en: 'Class 5' },
};

const STANDARDS = 'GB 50863-2013《尾矿设施设计规范》3.3、AQ 2006-2005《尾矿库安全技术规程》4.1';

/** Limits must fall strictly from 二 to 四 and stay positive (a field-named error each). */
export function tailingsTableErrors(t: TailingsGradeTable): { field: string; code: 'invalid' }[] {
  const errors: { field: string; code: 'invalid' }[] = [];
  for (const k of ['capacity', 'height'] as const) {
    const { g2, g3, g4 } = t[k];
    if (!(g2 > g3)) errors.push({ field: `${k}.g2`, code: 'invalid' });
    if (!(g3 > g4)) errors.push({ field: `${k}.g3`, code: 'invalid' });
    if (!(g4 > 0)) errors.push({ field: `${k}.g4`, code: 'invalid' });
  }
  return errors;
}

const same = (a: TailingsGradeTable, b: TailingsGradeTable) =>
  (['capacity', 'height'] as const).every((k) => a[k].g2 === b[k].g2 && a[k].g3 === b[k].g3 && a[k].g4 === b[k].g4);

/** The 依据 of a class: the rule, the limits in force and whose they are. */
export function tailingsGradeSource(t: TailingsGradeTable = DEFAULT_TAILINGS_GRADE_TABLE): string {
  const origin = same(t, DEFAULT_TAILINGS_GRADE_TABLE) ? '默认界限（待与标准原文核对）' : '本地区配置的界限';
  const { capacity: v, height: h } = t;
  return (
    `尾矿库等别：全库容与坝高分别定等，等差一等时以高者为准，等差大于一等时按高者降一等，失事将使下游重要城镇、工矿企业或铁路干线遭受严重灾害者可提高一等；` +
    `${origin}（全库容 V 万m³ / 坝高 H m）：二等 V≥${v.g2} / H≥${h.g2}，三等 V≥${v.g3} / H≥${h.g3}，四等 V≥${v.g4} / H≥${h.g4}，以下为五等；${STANDARDS}`
  );
}

function classOf(value: number, limits: { g2: number; g3: number; g4: number }): TailingsGrade {
  if (value >= limits.g2) return 2;
  if (value >= limits.g3) return 3;
  if (value >= limits.g4) return 4;
  return 5;
}

export interface TailingsGradeInput {
  /** 全库容 (万m³). */
  totalCapacity: number;
  /** 总坝高 (m). */
  damHeight: number;
  /** 提等: failure would seriously harm important towns, enterprises or trunk railways downstream. */
  raise?: boolean;
}

export interface TailingsGradeResult {
  grade: TailingsGrade;
  gradeName: string;
  byCapacity: TailingsGrade;
  byHeight: TailingsGrade;
  /** Which input fixed the class before any raise ('both' when they agree). */
  decidedBy: 'capacity' | 'height' | 'both';
  /** The combined class was lowered by one because the two differ by more than one class. */
  lowered: boolean;
  raised: boolean;
  source: string;
}

export function tailingsGrade(input: TailingsGradeInput, table: TailingsGradeTable = DEFAULT_TAILINGS_GRADE_TABLE): TailingsGradeResult {
  if (!(input.totalCapacity >= 0) || !(input.damHeight >= 0)) throw new RangeError('capacity and dam height must be ≥ 0');
  const byCapacity = classOf(input.totalCapacity, table.capacity);
  const byHeight = classOf(input.damHeight, table.height);
  const higher = Math.min(byCapacity, byHeight) as TailingsGrade;
  const lowered = Math.abs(byCapacity - byHeight) > 1;
  const combined = (lowered ? higher + 1 : higher) as TailingsGrade;
  const raised = !!input.raise;
  const grade = (raised ? Math.max(1, combined - 1) : combined) as TailingsGrade;
  const decidedBy = byCapacity === byHeight ? 'both' : byCapacity < byHeight ? 'capacity' : 'height';
  return { grade, gradeName: TAILINGS_GRADE_NAMES[grade].zh, byCapacity, byHeight, decidedBy, lowered, raised, source: tailingsGradeSource(table) };
}

/**
 * 头顶库: a pond with residents or important facilities within 1 km downstream (安监总管一〔2016〕54号
 * 遏制尾矿库"头顶库"重特大事故工作方案; UNVERIFIED, not in the reference). Recorded by the enterprise.
 */
export const OVERHEAD_POND_SOURCE = '“头顶库”：下游 1 km（含）内有居民或重要设施的尾矿库（《遏制尾矿库“头顶库”重特大事故工作方案》安监总管一〔2016〕54号）';

export const TAILINGS_SAFETY_STATUSES = ['normal', 'defective', 'dangerous', 'critical'] as const;
export type TailingsSafetyStatus = (typeof TAILINGS_SAFETY_STATUSES)[number];

/**
 * 安全度 as found by the 安全现状评价 or an expert review, and what the 尾矿库安全监督管理规定 (原国家安全监管
 * 总局令第38号, 第78号令修正) requires of each (article numbers UNVERIFIED; not in the reference).
 */
export const TAILINGS_SAFETY: Record<TailingsSafetyStatus, { zh: string; en: string; meaning: string; action: string }> = {
  normal: { zh: '正常库', en: 'Normal', meaning: '安全设施符合设计规定，满足正常生产要求', action: '按设计和规程正常运行、定期巡查和监测' },
  defective: { zh: '病库', en: 'Defective', meaning: '安全设施不完全符合设计规定，但符合基本安全生产条件', action: '在限定时间内整治，消除事故隐患' },
  dangerous: {
    zh: '险库',
    en: 'Dangerous',
    meaning: '安全设施存在严重隐患，若不及时处理将会导致垮坝事故',
    action: '立即停产，在限定时间内消除险情，并向属地政府和应急管理部门报告',
  },
  critical: {
    zh: '危库',
    en: 'Critical',
    meaning: '安全没有保障，随时可能发生垮坝事故',
    action: '立即停产，进行抢险，并向属地政府、应急管理部门和上级主管单位报告',
  },
};

export const TAILINGS_SAFETY_SOURCE = 'AQ 2006-2005《尾矿库安全技术规程》尾矿库安全度；《尾矿库安全监督管理规定》（原国家安全监管总局令第38号）';
