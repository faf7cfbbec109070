import { z } from 'zod';
import { GB6441_CODES } from '../gb6441.js';
import { CONTROL_LEVELS, LEC_C_VALUES, LEC_E_VALUES, LEC_L_VALUES } from '../rules/risk-assessment.js';
import { TAILINGS_SAFETY_STATUSES, type TailingsSafetyStatus } from '../rules/tailings-pond.js';
import { ZDate } from './dates.js';
import { coordinateCheck, ZLat, ZLng, ZPhone } from './org.js';
import { ZPageOf } from './page.js';

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

// ---- responses ----

const ZRiskColor = z.enum(['red', 'orange', 'yellow', 'blue']);
const ZRiskLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const ZMajorHazardGrade = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const ZPondGrade = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const ZRiskSources = z.object({ policy: z.string(), lec: z.string(), ls: z.string() });
/** The measures as stored: every category present (ZMeasures fills the missing ones with []). */
const ZMeasuresView = z.object({
  engineering: z.array(z.string()),
  management: z.array(z.string()),
  training: z.array(z.string()),
  ppe: z.array(z.string()),
  emergency: z.array(z.string()),
});
/** The factors as entered: { L, E, C } (LEC) or { L, S } (LS). */
const ZFactors = z.object({ L: z.number(), E: z.number().optional(), C: z.number().optional(), S: z.number().optional() });

export const ZLecResult = z.object({ D: z.number(), level: ZRiskLevel, color: ZRiskColor, levelName: z.string(), source: z.string() });
export const ZLsResult = z.object({ R: z.number(), level: ZRiskLevel, color: ZRiskColor, levelName: z.string(), source: z.string() });

/** One chemical's term of S and R (GB 18218-2018 4.2, 4.3). */
export const ZMajorHazardTerm = z.object({
  q: z.number(),
  Q: z.number(),
  beta: z.number(),
  ratio: z.number(),
  weighted: z.number(),
  name: z.string(),
  cas: z.string().nullable(),
  category: z.string().nullable(),
  /** Q from Table 1 (named) or Table 2 (by category); β from Table 3 (toxic gas) or Table 4. */
  table: z.union([z.literal(1), z.literal(2)]),
  betaTable: z.union([z.literal(3), z.literal(4)]),
  no: z.number().nullable(),
});

export const ZMajorHazardResult = z.object({
  S: z.number(),
  isMajor: z.boolean(),
  alpha: z.number(),
  R: z.number(),
  grade: ZMajorHazardGrade.nullable(),
  gradeName: z.string().nullable(),
  terms: z.array(ZMajorHazardTerm),
  source: z.string(),
});

export const ZTailingsGradeResult = z.object({
  grade: ZPondGrade,
  gradeName: z.string(),
  byCapacity: ZPondGrade,
  byHeight: ZPondGrade,
  decidedBy: z.enum(['capacity', 'height', 'both']),
  lowered: z.boolean(),
  raised: z.boolean(),
  source: z.string(),
});

export const ZTailingsGradeCalc = z.strictObject({
  totalCapacity: z.number().min(0).max(1_000_000),
  damHeight: z.number().min(0).max(1_000),
  raise: z.boolean().optional(),
});

/** A factor value with its meaning, as the band settings page lists them. */
const ZValueOption = z.object({ value: z.number(), zh: z.string(), en: z.string() });

/** PUT /api/risk-bands: the limits now in force and their 依据. */
export const ZRiskBandsSaved = z.object({ bands: ZRiskBands, configured: z.boolean(), sources: ZRiskSources });
export const ZRiskBandsView = ZRiskBandsSaved.extend({
  defaults: ZRiskBands,
  valueSets: z.object({
    lec: z.object({ L: z.array(ZValueOption), E: z.array(ZValueOption), C: z.array(ZValueOption) }),
    ls: z.object({ L: z.array(ZValueOption), S: z.array(ZValueOption) }),
  }),
  abilities: z.object({ configure: z.boolean() }),
});

export const ZRiskPoint = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(RISK_POINT_KINDS),
  location: z.string().nullable(),
  hazardFactors: z.string(),
  accidentTypes: z.array(z.string()),
  method: z.enum(['lec', 'ls']),
  inputs: ZFactors,
  score: z.number(),
  level: ZRiskLevel,
  color: ZRiskColor,
  source: z.string(),
  measures: ZMeasuresView,
  controlLevel: z.enum(CONTROL_LEVELS),
  responsiblePerson: z.string(),
  responsiblePhone: z.string().nullable(),
  assessedAt: z.string(),
  assessedBy: z.string(),
  reviewDue: z.string(),
  lastReviewedAt: z.string().nullable(),
  reviewOverdue: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});

/** An addressed department's read receipt (pond reports add how many of its users were told and have read). */
export const ZReceipt = z.object({
  departmentId: z.string(),
  departmentName: z.string(),
  readAt: z.string().nullable(),
  readByName: z.string().nullable(),
});

/** The risk point as reported (a snapshot when the report was filed). */
export const ZRiskReportContent = z.object({
  trigger: z.enum(['created', 'reassessed', 'reviewed']),
  code: z.string(),
  name: z.string(),
  location: z.string().nullable(),
  hazardFactors: z.string(),
  accidentTypes: z.array(z.string()),
  method: z.enum(['lec', 'ls']),
  inputs: ZFactors,
  score: z.number(),
  level: ZRiskLevel,
  color: ZRiskColor,
  source: z.string(),
  controlLevel: z.enum(CONTROL_LEVELS),
  measures: ZMeasuresView,
  responsiblePerson: z.string(),
  responsiblePhone: z.string().nullable(),
  reviewDue: z.string(),
  reportedBy: z.string(),
});

export const ZRiskReport = z.object({
  id: z.string(),
  riskPointId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  title: z.string(),
  content: ZRiskReportContent,
  reportedAt: z.string(),
  recipients: z.array(ZReceipt),
});

export const ZRiskReportAbilities = z.object({ markRead: z.boolean() });
export const ZRiskReportRow = ZRiskReport.extend({ addressedToMe: z.boolean(), abilities: ZRiskReportAbilities });
export const ZRiskReportPage = ZPageOf(ZRiskReportRow);
export const ZRiskReportResponse = z.object({ data: ZRiskReport.extend({ addressedToMe: z.boolean() }), abilities: ZRiskReportAbilities });

export const ZRiskReview = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string(),
  comment: z.string(),
  fromLevel: ZRiskLevel,
  toLevel: ZRiskLevel,
  score: z.number(),
  nextReviewDue: z.string(),
});

export const ZRiskPointDetail = ZRiskPoint.extend({ reviews: z.array(ZRiskReview), reports: z.array(ZRiskReport) });
export const ZRiskPointAbilities = z.object({ edit: z.boolean(), review: z.boolean() });
export const ZRiskPointResponse = z.object({ data: ZRiskPointDetail, abilities: ZRiskPointAbilities });
export const ZRiskPointPage = ZPageOf(ZRiskPoint).extend({ abilities: z.object({ create: z.boolean(), export: z.boolean() }) });

export const ZColourCounts = z.object({
  total: z.number().int(),
  red: z.number().int(),
  orange: z.number().int(),
  yellow: z.number().int(),
  blue: z.number().int(),
  overdue: z.number().int(),
  /** Enterprises behind the counts. */
  enterprises: z.number().int(),
});
export const ZMajorHazardCounts = z.object({
  major: z.number().int(),
  g1: z.number().int(),
  g2: z.number().int(),
  g3: z.number().int(),
  g4: z.number().int(),
});
/** Ponds in scope (销库 left out) by 安全度, and the 头顶库 among them. */
export const ZPondCounts = z.object({
  total: z.number().int(),
  critical: z.number().int(),
  dangerous: z.number().int(),
  defective: z.number().int(),
  overhead: z.number().int(),
});

/** 四色分布 of one enterprise or the whole scope, with the points of each colour (up to 100 each). */
export const ZRiskSummary = z.object({
  enterpriseId: z.string().nullable(),
  counts: ZColourCounts,
  majorHazards: ZMajorHazardCounts,
  ponds: ZPondCounts,
  byColour: z.object({ red: z.array(ZRiskPoint), orange: z.array(ZRiskPoint), yellow: z.array(ZRiskPoint), blue: z.array(ZRiskPoint) }),
  abilities: z.object({ create: z.boolean() }),
  sources: ZRiskSources,
});

export const ZRiskRollup = z.object({
  totals: ZColourCounts,
  majorHazards: ZMajorHazardCounts,
  ponds: ZPondCounts,
  byRegion: z.array(ZColourCounts.extend({ regionCode: z.string(), regionName: z.string(), regionNameEn: z.string() })),
  byIndustry: z.array(ZColourCounts.extend({ industry: z.string() })),
});

const ZPersonView = z.object({ name: z.string(), phone: z.string() });
/** A chemical as entered. */
const ZSubstanceView = z.object({
  cas: z.string().optional(),
  name: z.string().optional(),
  category: z.string().optional(),
  quantityTonnes: z.number(),
});

export const ZMajorHazard = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  code: z.string(),
  name: z.string(),
  unitKind: z.enum(UNIT_KINDS),
  location: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  exposedPopulation: z.number().int(),
  substances: z.array(ZSubstanceView),
  terms: z.array(ZMajorHazardTerm),
  S: z.number(),
  isMajor: z.boolean(),
  alpha: z.number(),
  R: z.number(),
  grade: ZMajorHazardGrade.nullable(),
  source: z.string(),
  persons: z.object({ principal: ZPersonView, technical: ZPersonView, operational: ZPersonView }),
  version: z.number().int(),
  updatedAt: z.string(),
});
export const ZMajorHazardResponse = z.object({ data: ZMajorHazard, abilities: z.object({ edit: z.boolean() }) });
export const ZMajorHazardPage = ZPageOf(ZMajorHazard).extend({ abilities: z.object({ create: z.boolean() }) });

export const ZTailingsPond = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  code: z.string(),
  name: z.string(),
  location: z.string().nullable(),
  lng: z.number(),
  lat: z.number(),
  damMethod: z.enum(DAM_METHODS).nullable(),
  designDamHeight: z.number(),
  currentDamHeight: z.number(),
  totalCapacity: z.number(),
  currentCapacity: z.number(),
  /** Current height or capacity above the design (超设计): a matter for the regulator, not a save error. */
  overDesign: z.boolean(),
  gradeRaised: z.boolean(),
  grade: ZPondGrade,
  gradeName: z.string().nullable(),
  gradeSource: z.string(),
  overhead: z.boolean(),
  downstreamPopulation: z.number().int(),
  downstreamFacilities: z.string().nullable(),
  safetyStatus: z.enum(TAILINGS_SAFETY_STATUSES),
  safetyMeaning: z.string().nullable(),
  safetyAction: z.string().nullable(),
  safetySource: z.string(),
  operatingStatus: z.enum(POND_OPERATING_STATUSES),
  responsibleName: z.string(),
  responsiblePhone: z.string(),
  licenceNumber: z.string().nullable(),
  licenceExpiry: z.string().nullable(),
  /** As of today: expired, or due within 90 days (renewal is applied for 3 months before expiry). */
  licenceState: z.enum(['valid', 'expiring', 'expired']).nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});

/** A pond report's receipt also counts how many of the department's users were told and have read it. */
export const ZPondReceipt = ZReceipt.extend({ notified: z.number().int(), read: z.number().int() });

/** 尾矿库安全度报告: a reportable 安全度 record, to whom it went and the receipts per department. */
export const ZPondReport = z.object({
  id: z.string(),
  fromStatus: z.enum(TAILINGS_SAFETY_STATUSES).nullable(),
  toStatus: z.enum(TAILINGS_SAFETY_STATUSES),
  action: z.string(),
  source: z.string(),
  reportedAt: z.string(),
  reportedByName: z.string(),
  recipients: z.array(ZPondReceipt),
});

export const ZTailingsPondResponse = z.object({ data: ZTailingsPond.extend({ reports: z.array(ZPondReport) }), abilities: z.object({ edit: z.boolean() }) });
export const ZTailingsPondPage = ZPageOf(ZTailingsPond).extend({ abilities: z.object({ create: z.boolean() }) });

/** PUT /api/tailings-grade-table: the limits now in force and their 依据. */
export const ZTailingsGradeTableSaved = z.object({ table: ZTailingsGradeTable, configured: z.boolean(), source: z.string() });
const ZSafetyDefinition = z.object({ zh: z.string(), en: z.string(), meaning: z.string(), action: z.string() });
export const ZTailingsGradeTableView = ZTailingsGradeTableSaved.extend({
  defaults: ZTailingsGradeTable,
  overheadSource: z.string(),
  safety: z.object({ normal: ZSafetyDefinition, defective: ZSafetyDefinition, dangerous: ZSafetyDefinition, critical: ZSafetyDefinition }),
  safetySource: z.string(),
  abilities: z.object({ configure: z.boolean() }),
});
