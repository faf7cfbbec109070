import { z } from 'zod';
import { GB6441_CODES } from '../gb6441.js';
import { INDUSTRY_KEYS } from '../industries.js';
import { ZDate, ZInstant } from './dates.js';
import { ZPageOf } from './page.js';

/** Accident requests (国务院令第493号). Field names are the Art. 12 contents the 快报 must carry. */

const count = z.number().int().min(0).max(100_000);
const text = (max: number) => z.string().trim().min(2).max(max);

export const ZReportAccident = z.strictObject({
  enterpriseId: z.string().uuid().nullable().optional(),
  /** Required when no enterprise is given; otherwise the enterprise's own region. */
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/, { message: 'region' })
    .optional(),
  industry: z.enum(INDUSTRY_KEYS).optional(),
  accidentType: z.enum(GB6441_CODES),
  title: text(100),
  occurredAt: ZInstant,
  place: text(200),
  lng: z.number().min(73.4, { message: 'coordinates' }).max(135.1, { message: 'coordinates' }).nullable().optional(),
  lat: z.number().min(3.8, { message: 'coordinates' }).max(53.6, { message: 'coordinates' }).nullable().optional(),
  // Art. 12: (1) unit overview (2) time, place, scene (3) what happened (4) casualties and loss (5) measures (6) other
  unitOverview: text(2000),
  scene: text(2000),
  narrative: text(4000),
  deaths: count,
  missing: count,
  seriousInjuries: count,
  minorInjuries: count.default(0),
  directLossYuan: z.number().int().min(0).max(1e13),
  measures: text(2000),
  other: z.string().trim().max(2000).optional(),
});
export type TReportAccident = z.infer<typeof ZReportAccident>;

/** 续报: the new totals (not deltas) and what changed. */
export const ZSupplementAccident = z.strictObject({
  version: z.number().int().min(1),
  deaths: count,
  missing: count,
  seriousInjuries: count,
  minorInjuries: count,
  directLossYuan: z.number().int().min(0).max(1e13),
  note: text(2000),
});
export type TSupplementAccident = z.infer<typeof ZSupplementAccident>;

export const CHAIN_RECIPIENTS = ['county', 'city', 'province', 'stateCouncil', 'police', 'labour', 'tradeUnion', 'procuratorate'] as const;
export type ChainRecipient = (typeof CHAIN_RECIPIENTS)[number];

export const ZChainReport = z.strictObject({
  comment: z.string().trim().max(500).optional(),
  /** Required when a level is reported before the level below it (越级上报, Art. 10). */
  skipReason: z.string().trim().min(2).max(500).optional(),
});

export const ZStartInvestigation = z.strictObject({
  leader: text(60),
  members: z.array(z.string().trim().min(1).max(60)).min(1).max(50),
});
export const ZExtendInvestigation = z.strictObject({ days: z.number().int().min(1).max(60), reason: text(500) });
export const ZAppraisal = z.strictObject({ days: z.number().int().min(1).max(365), comment: text(500) });
export const ZSubmitInvestigationReport = z.strictObject({
  causes: text(4000),
  nature: z.enum(['liability', 'nonLiability']),
  measures: text(4000),
  accountability: z.array(z.strictObject({ subject: text(100), subjectKind: z.enum(['person', 'unit']), finding: text(1000), proposal: text(1000) })).max(100),
});
export const ZReplyInvestigation = z.strictObject({ documentNumber: text(80), comment: z.string().trim().max(1000).optional() });
export const ZPublishAccident = z.strictObject({ publicSummary: text(4000) });
export const ZCloseAction = z.strictObject({ comment: text(1000), evidence: z.array(z.string().uuid()).max(20).default([]) });

/** An accident's status (accident.workflow.ts holds the transitions between them). */
export const ACCIDENT_STATUSES = ['reported', 'investigating', 'reportSubmitted', 'closed'] as const;
export type AccidentStatus = (typeof ACCIDENT_STATUSES)[number];

export const ZAccidentGradeCalc = z.strictObject({
  deaths: count,
  seriousInjuries: count,
  directLossYuan: z.number().int().min(0).max(1e13),
});

export const ZAccidentListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  grade: z.coerce.number().int().min(1).max(4).optional(),
  industry: z.enum(INDUSTRY_KEYS).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/, { message: 'region' })
    .optional(),
  status: z.enum(ACCIDENT_STATUSES).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  lang: z.string().optional(),
});
export type TAccidentListQuery = z.infer<typeof ZAccidentListQuery>;

export const ZAccidentStatsQuery = z.object({
  groupBy: z.enum(['grade', 'industry', 'county', 'month']).default('grade'),
  from: ZDate,
  to: ZDate,
  lang: z.string().optional(),
});
export type TAccidentStatsQuery = z.infer<typeof ZAccidentStatsQuery>;

export const ZSpecialInspectionQuery = z.object({ from: ZDate, to: ZDate, lang: z.string().optional() });

// ---- responses ----

const ZGrade = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const ZCriterion = z.enum(['deaths', 'seriousInjuries', 'directLoss']);
export const FATAL_ACTION_KEYS = ['suspendEnterprise', 'revokeStandardization', 'licenceAction', 'criminalReferral'] as const;
export const FATAL_ACTION_STATUSES = ['open', 'done', 'setAside'] as const;

/** 国务院令第493号 Art. 3: the grade, the criterion that decided it, the grade each criterion reaches alone. */
export const ZAccidentGradeResult = z.object({
  grade: ZGrade,
  name: z.string(),
  nameEn: z.string(),
  decidedBy: ZCriterion,
  criteria: z.object({ deaths: ZGrade, seriousInjuries: ZGrade, directLoss: ZGrade }),
  source: z.string(),
});

export const ZAccidentSummary = z.object({
  id: z.string(),
  title: z.string(),
  occurredAt: z.string(),
  reportedAt: z.string(),
  place: z.string(),
  regionName: z.string(),
  countyName: z.string(),
  industry: z.string(),
  accidentType: z.string(),
  enterpriseId: z.string().nullable(),
  deaths: z.number().int(),
  missing: z.number().int(),
  seriousInjuries: z.number().int(),
  minorInjuries: z.number().int(),
  directLossYuan: z.number(),
  grade: ZGrade,
  gradeName: z.string(),
  decidedBy: ZCriterion,
  status: z.enum(ACCIDENT_STATUSES),
  published: z.boolean(),
});
export const ZAccidentPage = ZPageOf(ZAccidentSummary);

/** The 快报 figures and each 续报's new totals, oldest first. */
export const ZAccidentRevision = z.object({
  id: z.string(),
  kind: z.enum(['initial', 'supplement']),
  at: z.string(),
  actorName: z.string(),
  deaths: z.number().int(),
  missing: z.number().int(),
  seriousInjuries: z.number().int(),
  minorInjuries: z.number().int(),
  directLossYuan: z.number(),
  grade: ZGrade,
  note: z.string(),
  /** Filed after the 续报 deadline. */
  late: z.boolean(),
});

/** A link of the reporting chain (Art. 9–10) with what the viewer may do on it. */
export const ZChainLink = z.object({
  recipient: z.enum(CHAIN_RECIPIENTS),
  departmentId: z.string().nullable(),
  due: z.string(),
  reportedAt: z.string().nullable(),
  reportedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  skipped: z.boolean(),
  skipReason: z.string().nullable(),
  late: z.boolean(),
  canConfirm: z.boolean(),
  /** The server's word on who reports this link (the level below, Art. 10). */
  canReport: z.boolean(),
  /** Reporting it now would be 越级上报: a reason is required. */
  reportNeedsReason: z.boolean(),
});

export const ZInvestigation = z.object({
  level: z.enum(['stateCouncil', 'province', 'city', 'county']),
  leader: z.string(),
  members: z.array(z.string()),
  startedAt: z.string(),
  extensionDays: z.number().int(),
  extensionReason: z.string().nullable(),
  appraisalDays: z.number().int(),
  due: z.string(),
  /** Art. 30 contents; the responsibility findings are listed as accountability. */
  report: z.object({ causes: z.string(), nature: z.enum(['liability', 'nonLiability']), measures: z.string() }).nullable(),
  reportSubmittedAt: z.string().nullable(),
  replyDue: z.string().nullable(),
  repliedAt: z.string().nullable(),
  replyDocument: z.string().nullable(),
  overdue: z.boolean(),
});

export const ZAccountability = z.object({
  id: z.string(),
  subject: z.string(),
  subjectKind: z.enum(['person', 'unit']),
  finding: z.string(),
  proposal: z.string(),
});

/** A fatal-accident action (notice item 27). */
export const ZFatalAction = z.object({
  key: z.enum(FATAL_ACTION_KEYS),
  name: z.string(),
  ownerDepartmentId: z.string().nullable(),
  due: z.string(),
  status: z.enum(FATAL_ACTION_STATUSES),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  comment: z.string().nullable(),
  evidence: z.array(z.string()),
  overdue: z.boolean(),
  /** The action's policy: its owner (the county 应急管理局) or the government leading the investigation, while open. */
  canClose: z.boolean(),
});

export const ZAccidentDetail = ZAccidentSummary.extend({
  enterpriseName: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  unitOverview: z.string(),
  scene: z.string(),
  narrative: z.string(),
  measures: z.string(),
  other: z.string().nullable(),
  reporterName: z.string(),
  reporterUnit: z.string().nullable(),
  publicSummary: z.string().nullable(),
  version: z.number().int(),
  supplementDeadline: z.string(),
  revisions: z.array(ZAccidentRevision),
  chain: z.array(ZChainLink),
  investigation: ZInvestigation.nullable(),
  accountability: z.array(ZAccountability),
  actions: z.array(ZFatalAction),
  sources: z.object({ grade: z.string(), reporting: z.string(), investigation: z.string(), fatal: z.string() }),
});

export const ZAccidentAbilities = z.object({
  supplement: z.boolean(),
  startInvestigation: z.boolean(),
  extendInvestigation: z.boolean(),
  recordAppraisal: z.boolean(),
  submitReport: z.boolean(),
  reply: z.boolean(),
  publish: z.boolean(),
  /** accident.manage: report up the chain and close the fatal-accident actions. */
  report: z.boolean(),
});

export const ZAccidentResponse = z.object({ data: ZAccidentDetail, abilities: ZAccidentAbilities });

const ZStatsTotals = z.object({
  accidents: z.number().int(),
  deaths: z.number().int(),
  seriousInjuries: z.number().int(),
  directLossYuan: z.number(),
});
export const ZAccidentStatsRow = z.object({ key: z.string(), label: z.string(), current: ZStatsTotals, previous: ZStatsTotals });

/** The period's totals per group beside the same period a year earlier. */
export const ZAccidentStats = z.object({
  groupBy: z.enum(['grade', 'industry', 'county', 'month']),
  from: z.string(),
  to: z.string(),
  rows: z.array(ZAccidentStatsRow),
  total: z.object({ current: ZStatsTotals, previous: ZStatsTotals }),
});

/** Notice item 26: the counties with a 较大 or worse accident in the period, and those accidents. */
export const ZSpecialInspection = z.object({
  source: z.string(),
  note: z.string(),
  counties: z.array(
    z.object({
      regionCode: z.string(),
      name: z.string(),
      accidents: z.array(
        z.object({ id: z.string(), title: z.string(), grade: ZGrade, occurredAt: z.string(), industry: z.string(), deaths: z.number().int() }),
      ),
    }),
  ),
});

/** A published handling result on the public portal. */
export const ZPublicAccident = z.object({
  id: z.string(),
  title: z.string(),
  occurredAt: z.string(),
  countyName: z.string(),
  grade: ZGrade,
  deaths: z.number().int(),
  publishedAt: z.string().nullable(),
  publicSummary: z.string().nullable(),
});
export const ZPublicAccidents = z.object({ items: z.array(ZPublicAccident) });
