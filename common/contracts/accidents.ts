import { z } from 'zod';
import { GB6441_CODES } from '../gb6441.js';
import { INDUSTRY_KEYS } from '../industries.js';
import { ZDate, ZInstant } from './dates.js';

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
  status: z.enum(['reported', 'investigating', 'reportSubmitted', 'closed']).optional(),
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
