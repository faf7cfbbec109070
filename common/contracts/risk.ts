import { z } from 'zod';
import { GB6441_CODES } from '../gb6441.js';
import { CONTROL_LEVELS, LEC_C_VALUES, LEC_E_VALUES, LEC_L_VALUES } from '../rules/risk-assessment.js';
import { TAILINGS_SAFETY_STATUSES, type TailingsSafetyStatus } from '../rules/tailings-pond.js';
import { ZDate } from './dates.js';
import { coordinateCheck, ZLat, ZLng, ZPhone } from './org.js';

/** Requests of the risk module: risk points (风险分级管控), major hazard installations (GB 18218), tailings ponds, bands. */

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const oneOf = (values: readonly number[]) => z.number().refine((v) => values.includes(v), { message: 'invalid_value', params: { values: values.join(', ') } });
const ls15 = z.number().int().min(1).max(5);

export const RISK_POINT_KINDS = ['area', 'activity', 'equipment'] as const;
export const MEASURE_CATEGORIES = ['engineering', 'management', 'training', 'ppe', 'emergency'] as const;
export type MeasureCategory = (typeof MEASURE_CATEGORIES)[number];
export const UNIT_KINDS = ['production', 'storage'] as const;
export const PERSON_ROLES = ['principal', 'technical', 'operational'] as const;

/** LEC factors from the value sets of regulations.md §7.1; LS factors integers 1–5. */
export const ZLecInput = z.strictObject({ L: oneOf(LEC_L_VALUES), E: oneOf(LEC_E_VALUES), C: oneOf(LEC_C_VALUES) });
export const ZLsInput = z.strictObject({ L: ls15, S: ls15 });

export const ZRiskAssessment = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('lec'), L: oneOf(LEC_L_VALUES), E: oneOf(LEC_E_VALUES), C: oneOf(LEC_C_VALUES) }),
  z.strictObject({ method: z.literal('ls'), L: ls15, S: ls15 }),
]);
export type TRiskAssessment = z.infer<typeof ZRiskAssessment>;

const ZMeasureList = z.array(text(1, 300)).max(20).default([]);
export const ZMeasures = z.strictObject({
  engineering: ZMeasureList,
  management: ZMeasureList,
  training: ZMeasureList,
  ppe: ZMeasureList,
  emergency: ZMeasureList,
});
export type TMeasures = z.infer<typeof ZMeasures>;

const riskPointFields = {
  name: text(2, 100),
  kind: z.enum(RISK_POINT_KINDS),
  location: z.string().trim().max(200).nullable().optional(),
  hazardFactors: text(2, 2000),
  accidentTypes: z.array(z.enum(GB6441_CODES)).min(1).max(20),
  assessment: ZRiskAssessment,
  measures: ZMeasures,
  controlLevel: z.enum(CONTROL_LEVELS),
  responsiblePerson: text(1, 40),
  responsiblePhone: ZPhone.nullable().optional(),
  reviewDue: ZDate,
};

const atLeastOneMeasure = (v: { measures?: TMeasures }, ctx: z.RefinementCtx) => {
  if (v.measures && !MEASURE_CATEGORIES.some((c) => v.measures?.[c].length)) ctx.addIssue({ code: 'custom', path: ['measures'], message: 'required' });
};

/** A new risk point; an enterprise user records for their own enterprise (enterpriseId may be left out). */
export const ZCreateRiskPoint = z.strictObject({ enterpriseId: z.string().uuid().optional(), ...riskPointFields }).superRefine(atLeastOneMeasure);
export type TCreateRiskPoint = z.infer<typeof ZCreateRiskPoint>;

export const ZUpdateRiskPoint = z
  .strictObject({ ...riskPointFields, version: z.number().int().min(1) })
  .partial()
  .required({ version: true })
  .superRefine(atLeastOneMeasure);
export type TUpdateRiskPoint = z.infer<typeof ZUpdateRiskPoint>;

/** 定期评审: the enterprise reviews a risk point (optionally re-assessing it) and sets the next review date. */
export const ZReviewRiskPoint = z.strictObject({
  comment: text(2, 2000),
  nextReviewDue: ZDate,
  assessment: ZRiskAssessment.optional(),
});
export type TReviewRiskPoint = z.infer<typeof ZReviewRiskPoint>;

const listBase = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  q: z.string().trim().max(100).optional(),
  sort: z
    .string()
    .regex(/^[a-zA-Z]+:(asc|desc)$/, { message: 'invalid_format' })
    .optional(),
  enterpriseId: z.string().uuid({ message: 'invalid_format' }).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/, { message: 'region' })
    .optional(),
  industry: z.string().max(40).optional(),
  lang: z.string().optional(),
};

export const ZRiskPointListQuery = z.object({
  ...listBase,
  level: z.enum(['1', '2', '3', '4']).optional(),
  color: z.enum(['red', 'orange', 'yellow', 'blue']).optional(),
  controlLevel: z.enum(CONTROL_LEVELS).optional(),
  reviewOverdue: z.enum(['true', 'false']).optional(),
});
export type TRiskPointListQuery = z.infer<typeof ZRiskPointListQuery>;

export const ZRiskOverviewQuery = z.object({
  enterpriseId: z.string().uuid({ message: 'invalid_format' }).optional(),
  lang: z.string().optional(),
});

export const ZRiskReportListQuery = z.object({
  page: listBase.page,
  pageSize: listBase.pageSize,
  q: listBase.q,
  enterpriseId: listBase.enterpriseId,
  unread: z.enum(['true', 'false']).optional(),
  lang: z.string().optional(),
});
export type TRiskReportListQuery = z.infer<typeof ZRiskReportListQuery>;

// ---- major hazard installations (GB 18218-2018) ----

export const ZSubstanceInput = z
  .strictObject({
    cas: z.string().trim().max(40).optional(),
    name: z.string().trim().max(100).optional(),
    category: z.string().trim().max(10).optional(),
    quantityTonnes: z.number().positive().max(10_000_000),
  })
  .refine((s) => !!(s.cas || s.name || s.category), { message: 'required' });
export type TSubstanceInput = z.infer<typeof ZSubstanceInput>;

export const ZMajorHazardCalc = z.strictObject({
  exposedPopulation: z.number().int().min(0).max(10_000_000),
  substances: z.array(ZSubstanceInput).min(1).max(100),
});
export type TMajorHazardCalc = z.infer<typeof ZMajorHazardCalc>;

const ZPerson = z.strictObject({ name: text(1, 40), phone: ZPhone });

const majorHazardFields = {
  name: text(2, 100),
  unitKind: z.enum(UNIT_KINDS),
  location: z.string().trim().max(200).nullable().optional(),
  /** The unit's own point (both or neither): warning areas are intersected with it. */
  lng: ZLng.nullable().optional(),
  lat: ZLat.nullable().optional(),
  exposedPopulation: z.number().int().min(0).max(10_000_000),
  substances: z.array(ZSubstanceInput).min(1).max(100),
  /** 包保责任人: 主要负责人, 技术负责人, 操作负责人 (each with a phone). */
  persons: z.strictObject({ principal: ZPerson, technical: ZPerson, operational: ZPerson }),
};

export const ZCreateMajorHazard = z.strictObject({ enterpriseId: z.string().uuid().optional(), ...majorHazardFields }).superRefine(coordinateCheck);
export type TCreateMajorHazard = z.infer<typeof ZCreateMajorHazard>;

export const ZUpdateMajorHazard = z
  .strictObject({ ...majorHazardFields, version: z.number().int().min(1) })
  .partial()
  .required({ version: true })
  .superRefine(coordinateCheck);
export type TUpdateMajorHazard = z.infer<typeof ZUpdateMajorHazard>;

export const ZMajorHazardListQuery = z.object({
  ...listBase,
  grade: z.enum(['1', '2', '3', '4']).optional(),
  unitKind: z.enum(UNIT_KINDS).optional(),
});
export type TMajorHazardListQuery = z.infer<typeof ZMajorHazardListQuery>;

// ---- tailings ponds (尾矿库) ----

export const DAM_METHODS = ['upstream', 'centerline', 'downstream', 'oneTime'] as const;
export const POND_OPERATING_STATUSES = ['operating', 'idle', 'closed', 'deregistered'] as const;
export { TAILINGS_SAFETY_STATUSES };

/**
 * Whether recording this 安全度 is reported (尾矿库安全监督管理规定, 原国家安全监管总局令第38号, as amended;
 * article numbers UNVERIFIED): a 险库 or 危库 stops production, is dealt with at once and is reported to
 * the authorities — on registration and on every change to either (危库 → 险库 too: what is required
 * changes); a 病库 is remedied within a time limit — reported when it is first found (registered so, or
 * from 正常库), not when a 险/危库 improves to it. A return to 正常库 and an unchanged 安全度 send nothing.
 */
export function pondSafetyReportable(from: TailingsSafetyStatus | null, to: TailingsSafetyStatus): boolean {
  if (from === to) return false;
  if (to === 'dangerous' || to === 'critical') return true;
  return to === 'defective' && (from === null || from === 'normal');
}

const metres = z.number().min(0).max(1_000);
const tenThousandM3 = z.number().min(0).max(1_000_000);

const pondFields = {
  name: text(2, 100),
  location: z.string().trim().max(200).nullable().optional(),
  /** Required: a pond is targeted by its own point, wherever the enterprise's plant is. */
  lng: ZLng,
  lat: ZLat,
  damMethod: z.enum(DAM_METHODS).nullable().optional(),
  /** 设计总坝高 / 现状坝高 (m). */
  designDamHeight: z.number().min(0.1).max(1_000),
  currentDamHeight: metres,
  /** 全库容 / 现状库容 (万m³). */
  totalCapacity: z.number().min(0.01).max(1_000_000),
  currentCapacity: tenThousandM3,
  /** 提等 (common/rules/tailings-pond.ts). */
  gradeRaised: z.boolean().optional(),
  overhead: z.boolean(),
  downstreamPopulation: z.number().int().min(0).max(10_000_000),
  downstreamFacilities: z.string().trim().max(500).nullable().optional(),
  safetyStatus: z.enum(TAILINGS_SAFETY_STATUSES),
  operatingStatus: z.enum(POND_OPERATING_STATUSES),
  /** The pond's responsible person (尾矿库安全管理负责人) and phone. */
  responsibleName: text(1, 40),
  responsiblePhone: ZPhone,
  licenceNumber: z.string().trim().min(1).max(80).nullable().optional(),
  licenceExpiry: ZDate.nullable().optional(),
};

/** A licence number and its expiry come together (a 闭库 pond may have neither). */
function licencePair(v: { licenceNumber?: string | null; licenceExpiry?: string | null }, ctx: z.RefinementCtx) {
  const n = v.licenceNumber !== null && v.licenceNumber !== undefined;
  const d = v.licenceExpiry !== null && v.licenceExpiry !== undefined;
  if (n !== d) ctx.addIssue({ code: 'custom', path: [n ? 'licenceExpiry' : 'licenceNumber'], message: 'required' });
}

export const ZCreateTailingsPond = z.strictObject({ enterpriseId: z.string().uuid().optional(), ...pondFields }).superRefine(licencePair);
export type TCreateTailingsPond = z.infer<typeof ZCreateTailingsPond>;

export const ZUpdateTailingsPond = z
  .strictObject({ ...pondFields, version: z.number().int().min(1) })
  .partial()
  .required({ version: true })
  .superRefine((v, ctx) => {
    coordinateCheck(v, ctx);
    licencePair(v, ctx);
  });
export type TUpdateTailingsPond = z.infer<typeof ZUpdateTailingsPond>;

export const ZTailingsPondListQuery = z.object({
  ...listBase,
  grade: z.enum(['1', '2', '3', '4', '5']).optional(),
  safetyStatus: z.enum(TAILINGS_SAFETY_STATUSES).optional(),
  operatingStatus: z.enum(POND_OPERATING_STATUSES).optional(),
  overhead: z.enum(['true', 'false']).optional(),
});
export type TTailingsPondListQuery = z.infer<typeof ZTailingsPondListQuery>;

const gradeLimits = z.strictObject({
  g2: z.number().positive().max(1_000_000),
  g3: z.number().positive().max(1_000_000),
  g4: z.number().positive().max(1_000_000),
});
/** 等别 limits (common/rules/tailings-pond.ts): 全库容 in 万m³, 坝高 in m. */
export const ZTailingsGradeTable = z.strictObject({ capacity: gradeLimits, height: gradeLimits });
export type TTailingsGradeTable = z.infer<typeof ZTailingsGradeTable>;

// ---- band configuration ----

const limit = z.number().positive().max(100_000);
export const ZRiskBands = z.strictObject({
  lec: z.strictObject({ red: limit, orange: limit, yellow: limit }),
  ls: z.strictObject({ red: z.number().int().min(2).max(25), orange: z.number().int().min(2).max(25), yellow: z.number().int().min(2).max(25) }),
});
export type TRiskBands = z.infer<typeof ZRiskBands>;
