import { z } from 'zod';
import { INDUSTRY_KEYS } from '../industries.js';
import { ZDate, ZInstant } from './dates.js';

/** Hazard requests (隐患排查治理, 原国家安监总局令第16号). */

const text = (max: number) => z.string().trim().min(2).max(max);
const ZIds = z.array(z.string().uuid({ message: 'invalid_format' })).max(20);

export const HAZARD_SOURCES = ['selfInspection', 'inspection', 'worker', 'grid', 'public', 'alarm'] as const;
export const HAZARD_CATEGORIES = ['site', 'management'] as const;
export const HAZARD_GRADES = ['general', 'major'] as const;
export const CRITERION_CATALOGUES = ['coal', 'chemical'] as const;

export const ZReportHazard = z.strictObject({
  enterpriseId: z.string().uuid({ message: 'invalid_format' }),
  title: text(120),
  description: text(4000),
  location: z.string().trim().min(1).max(200),
  lng: z.number().min(73.4, { message: 'coordinates' }).max(135.1, { message: 'coordinates' }).nullable().optional(),
  lat: z.number().min(3.8, { message: 'coordinates' }).max(53.6, { message: 'coordinates' }).nullable().optional(),
  source: z.enum(HAZARD_SOURCES),
  sourceRef: z.string().trim().max(120).optional(),
  category: z.enum(HAZARD_CATEGORIES).default('site'),
  /** When it was found; the photo's EXIF time when the client read one; default now. */
  foundAt: ZInstant.optional(),
  suggestedGrade: z.enum(HAZARD_GRADES).optional(),
  photos: ZIds.default([]),
});
export type TReportHazard = z.infer<typeof ZReportHazard>;

/** Art. 14: what a major hazard's report says beyond the plan. */
export const ZMajorReport = z.strictObject({
  currentState: text(2000),
  harmAnalysis: text(2000),
});

/**
 * Confirmation grades the hazard and names who rectifies by when. Picking a 判定标准 criterion makes it
 * 重大 whatever grade was sent; a 重大 hazard carries the Art. 14 report contents (双报告).
 */
export const ZConfirmHazard = z
  .strictObject({
    grade: z.enum(HAZARD_GRADES).optional(),
    criterion: z.strictObject({ catalogue: z.enum(CRITERION_CATALOGUES), code: z.string().regex(/^[CH]\d{2}$/, { message: 'invalid_format' }) }).optional(),
    rectifierName: text(60),
    rectifierUserId: z.string().uuid({ message: 'invalid_format' }).optional(),
    deadline: ZDate,
    comment: text(2000),
    majorReport: ZMajorReport.optional(),
    evidence: ZIds.default([]),
  })
  .superRefine((v, ctx) => {
    if (!v.grade && !v.criterion) ctx.addIssue({ code: 'custom', path: ['grade'], message: 'required' });
    if ((v.grade === 'major' || v.criterion) && !v.majorReport) ctx.addIssue({ code: 'custom', path: ['majorReport'], message: 'required' });
  });
export type TConfirmHazard = z.infer<typeof ZConfirmHazard>;

/** Art. 15: the six elements of a major hazard's rectification plan. */
export const ZHazardPlan = z.strictObject({
  goals: text(2000),
  measures: text(4000),
  fundsYuan: z.number().min(0).max(1e12),
  materials: text(2000),
  responsibleUnit: text(120),
  responsiblePersons: text(200),
  deadline: ZDate,
  requirements: z.string().trim().max(2000).optional(),
  safetyMeasures: text(4000),
  emergencyPlan: text(4000),
});
export type THazardPlan = z.infer<typeof ZHazardPlan>;

/** A workflow step: reject, rectify, verify, return, close (核销), reopen. */
export const ZHazardStep = z.strictObject({
  comment: text(2000),
  evidence: ZIds.default([]),
});
export type THazardStep = z.infer<typeof ZHazardStep>;

/** Handing in the rectification: what was done, with after-photos. */
export const ZSubmitRectification = z.strictObject({
  comment: text(2000),
  evidence: ZIds.min(1, { message: 'required' }),
  fundsSpentYuan: z.number().min(0).max(1e12).optional(),
});

export const ZAssignHazard = z.strictObject({
  rectifierName: text(60),
  rectifierUserId: z.string().uuid({ message: 'invalid_format' }).optional(),
  deadline: ZDate.optional(),
  comment: z.string().trim().max(2000).optional(),
});
export const ZExtendHazard = z.strictObject({ deadline: ZDate, comment: text(2000) });
export const ZEscalateHazard = z.strictObject({ comment: text(2000) });

export const ZBulkHazards = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('assign'), ids: z.array(z.string().uuid()).min(1).max(500), ...ZAssignHazard.shape }),
  z.strictObject({ action: z.literal('extend'), ids: z.array(z.string().uuid()).min(1).max(500), ...ZExtendHazard.shape }),
  z.strictObject({ action: z.literal('escalate'), ids: z.array(z.string().uuid()).min(1).max(500), ...ZEscalateHazard.shape }),
]);
export type TBulkHazards = z.infer<typeof ZBulkHazards>;

/** 挂牌督办 by a department. */
export const ZListHazard = z.strictObject({
  documentNumber: z.string().trim().max(80).optional(),
  supervisor: text(60),
  supervisorPhone: z.string().trim().max(40).optional(),
  deadline: ZDate,
  requirements: text(2000),
});
export const ZCloseListing = z.strictObject({ comment: text(2000) });

export const ZHazardListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  sort: z
    .string()
    .regex(/^(createdAt|deadline|foundAt|code):(asc|desc)$/, { message: 'invalid_format' })
    .optional(),
  status: z.enum(['open', 'reported', 'confirmed', 'rectifying', 'submitted', 'verified', 'closed', 'rejected']).optional(),
  grade: z.enum(HAZARD_GRADES).optional(),
  source: z.enum(HAZARD_SOURCES).optional(),
  enterpriseId: z.string().uuid({ message: 'invalid_format' }).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/, { message: 'region' })
    .optional(),
  industry: z.enum(INDUSTRY_KEYS).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  listed: z.enum(['true', 'false']).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  lang: z.string().optional(),
});
export type THazardListQuery = z.infer<typeof ZHazardListQuery>;

export const ZDuplicateQuery = z.object({
  enterpriseId: z.string().uuid({ message: 'invalid_format' }),
  title: z.string().trim().max(120).default(''),
  description: z.string().trim().max(4000).default(''),
  location: z.string().trim().max(200).default(''),
  lang: z.string().optional(),
});

/** Art. 14 statistics: 'YYYYQn' or 'YYYY'. */
export const ZStatsPeriod = z.string().regex(/^\d{4}(Q[1-4])?$/, { message: 'invalid_format' });
export const ZStatsReportQuery = z.object({
  period: ZStatsPeriod,
  enterpriseId: z.string().uuid({ message: 'invalid_format' }).optional(),
  state: z.enum(['submitted', 'pending', 'overdue']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  lang: z.string().optional(),
});
export const ZSubmitStatsReport = z.strictObject({
  enterpriseId: z.string().uuid({ message: 'invalid_format' }),
  period: ZStatsPeriod,
  analysis: text(4000),
  /** The principal responsible person (主要负责人) who signs the table. */
  principalName: text(60),
});

export const LIST_KINDS = ['measure', 'accountability'] as const;
export const ZListEntry = z.strictObject({
  title: text(200),
  content: text(4000),
  unitName: text(120),
  person: z.string().trim().max(120).optional(),
  documentNumber: z.string().trim().max(80).optional(),
  date: ZDate,
  hazardIds: z
    .array(z.string().uuid({ message: 'invalid_format' }))
    .max(50)
    .default([]),
});
export type TListEntry = z.infer<typeof ZListEntry>;
