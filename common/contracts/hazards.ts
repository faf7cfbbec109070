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

// ---- responses (server/modules/hazards presenters return these; the web infers its types from them) ----

export const HAZARD_STATUSES = ['reported', 'confirmed', 'rectifying', 'submitted', 'verified', 'closed', 'rejected'] as const;
export const DEADLINE_STATES = ['none', 'onTrack', 'overdue', 'done'] as const;
export const LISTING_LEVELS = ['province', 'city', 'county'] as const;
export const STATS_STATES = ['submitted', 'pending', 'overdue'] as const;

/** A 问题隐患清单 row. */
export const ZHazardSummary = z.object({
  id: z.string(),
  code: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  industry: z.string(),
  title: z.string(),
  location: z.string(),
  source: z.enum(HAZARD_SOURCES),
  category: z.enum(HAZARD_CATEGORIES),
  grade: z.enum(HAZARD_GRADES).nullable(),
  suggestedGrade: z.enum(HAZARD_GRADES).nullable(),
  status: z.enum(HAZARD_STATUSES),
  rectifierName: z.string().nullable(),
  deadline: z.string().nullable(),
  foundAt: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** 0 none, 1 enterprise told, 2 supervising department told, 3 region government told. */
  escalation: z.number().int(),
  deadlineState: z.enum(DEADLINE_STATES),
  listed: z.boolean(),
  hasPhoto: z.boolean(),
});

/** 挂牌督办 of one department. */
export const ZHazardListing = z.object({
  id: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  level: z.enum(LISTING_LEVELS),
  documentNumber: z.string().nullable(),
  supervisor: z.string(),
  supervisorPhone: z.string().nullable(),
  deadline: z.string(),
  requirements: z.string(),
  status: z.enum(['open', 'closed']),
  listedAt: z.string(),
  listedBy: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  closingComment: z.string().nullable(),
});

/**
 * What a step recorded beside its comment; each action writes some of these (confirm: grade, criterion, deadline,
 * rectifierName; plan: the plan and previousDeadline; dualReport: departments, regulatorUsers, workers; the sweep: level …).
 */
export const ZHazardTransitionData = ZHazardPlan.partial().extend({
  grade: z.enum(HAZARD_GRADES).optional(),
  criterion: z.object({ catalogue: z.string(), code: z.string(), source: z.string() }).nullable().optional(),
  deadline: z.string().nullable().optional(),
  previousDeadline: z.string().nullable().optional(),
  rectifierName: z.string().optional(),
  escalation: z.number().int().optional(),
  level: z.number().int().optional(),
  bulk: z.number().int().optional(),
  fundsSpentYuan: z.number().optional(),
  reviewDue: z.string().nullable().optional(),
  reviewSource: z.string().optional(),
  listingId: z.string().optional(),
  department: z.string().optional(),
  supervisor: z.string().optional(),
  documentNumber: z.string().optional(),
  departments: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
  regulatorUsers: z.number().int().optional(),
  workers: z.number().int().optional(),
});

export const ZHazardTransition = z.object({
  id: z.string(),
  action: z.string(),
  fromStatus: z.string(),
  toStatus: z.string(),
  actorName: z.string(),
  actorUnit: z.string().nullable(),
  at: z.string(),
  comment: z.string(),
  evidence: z.array(z.string()),
  data: ZHazardTransitionData.nullable(),
});

export const ZHazardDetail = ZHazardSummary.extend({
  description: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  sourceRef: z.string().nullable(),
  reporterName: z.string(),
  criterion: z.object({ catalogue: z.enum(CRITERION_CATALOGUES), code: z.string(), zh: z.string(), en: z.string(), source: z.string() }).nullable(),
  originalDeadline: z.string().nullable(),
  plan: ZHazardPlan.nullable(),
  majorReport: ZMajorReport.nullable(),
  dualReportedAt: z.string().nullable(),
  photos: z.array(z.string()),
  submittedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  reviewDue: z.string().nullable(),
  reviewOverdue: z.boolean(),
  version: z.number().int(),
  listings: z.array(ZHazardListing),
  transitions: z.array(ZHazardTransition),
  /** 双报告 read receipts: the regulators' and the workers' notices. */
  receipts: z.array(z.object({ to: z.enum(['regulator', 'worker']), displayName: z.string(), sentAt: z.string(), readAt: z.string().nullable() })),
});

/** The buttons the UI may show: the hazard policy's answers. */
export const ZHazardAbilities = z.object({
  confirm: z.boolean(),
  reject: z.boolean(),
  rectify: z.boolean(),
  submit: z.boolean(),
  verify: z.boolean(),
  return: z.boolean(),
  close: z.boolean(),
  reopen: z.boolean(),
  filePlan: z.boolean(),
  assign: z.boolean(),
  extend: z.boolean(),
  escalate: z.boolean(),
  list: z.boolean(),
  closeListing: z.boolean(),
});

export const ZHazardResponse = z.object({ data: ZHazardDetail, abilities: ZHazardAbilities });

/** An open hazard of the same enterprise that reads almost the same (a hint while reporting). */
export const ZHazardDuplicate = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  location: z.string(),
  status: z.enum(HAZARD_STATUSES),
  createdAt: z.string(),
  score: z.number(),
});

/** POST /api/hazards: the new hazard and its near-identical open hazards. */
export const ZReportHazardResponse = ZHazardResponse.extend({ duplicates: z.array(ZHazardDuplicate) });

export const ZBulkHazardsResult = z.object({ updated: z.number().int() });

const ZOverviewMeasures = z.object({
  total: z.number().int(),
  open: z.number().int(),
  major: z.number().int(),
  majorOpen: z.number().int(),
  closed: z.number().int(),
  overdue: z.number().int(),
  unconfirmed: z.number().int(),
  /** Percent closed with one decimal; null when there is nothing to count. */
  closedRate: z.number().nullable(),
});

export const ZHazardOverview = z.object({
  totals: ZOverviewMeasures.extend({ listedOpen: z.number().int() }),
  /** Count per status; a status with no hazard is absent. */
  byStatus: z.object({
    reported: z.number().int().optional(),
    confirmed: z.number().int().optional(),
    rectifying: z.number().int().optional(),
    submitted: z.number().int().optional(),
    verified: z.number().int().optional(),
    closed: z.number().int().optional(),
    rejected: z.number().int().optional(),
  }),
  byRegion: z.array(ZOverviewMeasures.extend({ regionCode: z.string(), name: z.string(), nameEn: z.string() })),
  byIndustry: z.array(ZOverviewMeasures.extend({ industry: z.string() })),
});

/** 重大事故隐患判定标准 (common/rules/major-hazard-criteria.ts). */
export const ZMajorHazardCatalogue = z.object({
  key: z.enum(CRITERION_CATALOGUES),
  zh: z.string(),
  en: z.string(),
  industries: z.array(z.string()),
  source: z.string(),
  items: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string(), unverified: z.boolean().optional() })),
});

/** A 挂牌督办清单 row: the listing with the listed hazard's progress. */
export const ZListingRow = ZHazardListing.extend({ overdue: z.boolean(), hazard: ZHazardSummary });

/** A 制度措施清单 / 追责问责清单 entry; `editable` when the caller's department keeps it. */
export const ZListEntryRow = z.object({
  id: z.string(),
  kind: z.enum(LIST_KINDS),
  departmentName: z.string(),
  title: z.string(),
  content: z.string(),
  unitName: z.string(),
  person: z.string().nullable(),
  documentNumber: z.string().nullable(),
  date: z.string(),
  hazards: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  editable: z.boolean(),
});

/** The figures of an Art. 14 statistics table. */
export const ZStatsFigures = z.object({
  found: z.number().int(),
  majorFound: z.number().int(),
  rectified: z.number().int(),
  majorRectified: z.number().int(),
  openAtEnd: z.number().int(),
  majorOpenAtEnd: z.number().int(),
  majorFundsYuan: z.number(),
  closedRate: z.number().nullable(),
});

/** One enterprise's statistics table for a period: generated figures, or the submitted table. */
export const ZStatsDraft = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  period: z.string(),
  due: z.string(),
  source: z.string(),
  periodEnded: z.boolean(),
  state: z.enum(STATS_STATES),
  figures: ZStatsFigures,
  report: z.object({ analysis: z.string(), principalName: z.string(), submitterName: z.string(), submittedAt: z.string(), late: z.boolean() }).nullable(),
  canSubmit: z.boolean(),
});

export const ZStatsBoardRow = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  industry: z.string(),
  due: z.string(),
  state: z.enum(STATS_STATES),
  submittedAt: z.string().nullable(),
  late: z.boolean().nullable(),
  principalName: z.string().nullable(),
});

/** Every enterprise in scope with its statistics state for the period (a page of rows plus the whole summary). */
export const ZStatsBoard = z.object({
  period: z.string(),
  due: z.string(),
  source: z.string(),
  summary: z.object({ total: z.number().int(), submitted: z.number().int(), overdue: z.number().int(), pending: z.number().int() }),
  items: z.array(ZStatsBoardRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
